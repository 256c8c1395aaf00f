package io.tessera.engine.audit;

/** How an operator action ended. */
public enum AuditResult {
    /** It did what was asked. */
    DONE,
    /** It was tried and failed; the record says why. */
    FAILED,
    /** A server refused the identity the action ran as (HDFS permission, ZooKeeper ACL, Redis ACL). */
    DENIED
}
