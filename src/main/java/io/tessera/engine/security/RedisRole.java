package io.tessera.engine.security;

import java.util.Locale;

/** Who talks to Redis, each with its own ACL user: see {@link RedisRoles} and docs/security.md, "Redis ACL roles". */
public enum RedisRole {
    /** An operator's console or CLI: submits and controls jobs, browses everything under the prefix. */
    CONSOLE,
    /** {@code tessera worker}: runs tasks and reports on them; reads the control flags, never writes them. */
    WORKER,
    /** A read-only console: job status, queue depth, the live events; writes nothing but the thumbnail cache. */
    VIEWER;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
