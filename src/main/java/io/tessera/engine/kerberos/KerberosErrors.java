package io.tessera.engine.kerberos;

import io.tessera.engine.profile.KerberosSettings;

/**
 * Kerberos and SASL failures in one line an operator can act on. The JDK and Hadoop word them for developers
 * ("Unable to obtain password from user", "Clock skew too great (37)"); these say what to do.
 */
public final class KerberosErrors {
    private KerberosErrors() {}

    /** Why signing in with {@code settings} failed. */
    static String loginFailure(Throwable error, KerberosSettings settings) {
        String text = chainText(error);
        String who = settings.principal() == null ? "the ticket cache's principal" : settings.principal();
        String known = describeText(text);
        if (known != null) {
            return known;
        }
        if (text.contains("Client not found in Kerberos database") || text.contains("CLIENT_NOT_FOUND")) {
            return "the KDC does not know the principal " + who;
        }
        if (settings.usesKeytab()) {
            if (text.contains("Unable to obtain password") || text.contains("Unable to obtain Principal Name")
                    || text.contains("No key to store") || text.contains("no supported default etypes") || text.contains("Cannot find key")) {
                return "wrong keytab: " + settings.keytab() + " holds no key for " + who;
            }
            if (text.contains("Pre-authentication information was invalid") || text.contains("Integrity check on decrypted field failed")
                    || text.contains("Checksum failed") || text.contains("PREAUTH_FAILED")) {
                // MIT and Active Directory answer a skewed timestamp with KRB_AP_ERR_SKEW (mapped above); Kerby's KDC answers
                // PREAUTH_FAILED, exactly as for a wrong key (KerberosHdfsIT's skewed client sees this), so both causes are named
                return "the KDC refused the keytab's key for " + who + ": the keytab is out of date (export it again),"
                        + " or this machine's clock is more than 5 minutes off the KDC's (set the time: NTP)";
            }
        } else if (text.contains("Unable to obtain") || text.contains("Ticket expired") || text.contains("no Kerberos credentials")) {
            return noTicket(settings);
        }
        return "Kerberos sign-in as " + who + " failed: " + deepestLine(text);
    }

    /** No ticket (or only an expired one) in the profile's ticket cache. */
    static String noTicket(KerberosSettings settings) {
        String cache = settings.ticketCachePath() == null ? "the default ticket cache" : "the ticket cache " + settings.ticketCachePath();
        return "no valid Kerberos ticket in " + cache + " (none, or expired): run kinit"
                + (settings.principal() == null ? "" : " " + settings.principal()) + ", or give the profile a keytab";
    }

    /** A Kerberos or SASL failure anywhere in {@code error}'s chain in one line, or null when it is none. */
    public static String describe(Throwable error) {
        return describeText(chainText(error));
    }

    private static String describeText(String text) {
        if (text.contains("Clock skew too great") || text.contains("KRB_AP_ERR_SKEW")) {
            return "this machine's clock and the KDC's differ by more than Kerberos allows (usually 5 minutes): set the time (NTP)";
        }
        if (text.contains("Cannot locate default realm") || text.contains("krb5.conf") && text.contains("not found")) {
            return "no Kerberos configuration: give the machine an /etc/krb5.conf naming the realm and its KDC"
                    + " (or start Tessera with -Djava.security.krb5.conf=FILE)";
        }
        if (text.contains("Cannot contact any KDC") || text.contains("Receive timed out") && text.contains("KDC")) {
            return "no KDC answered for the realm (check the kdc lines of krb5.conf and the network)";
        }
        // the server refused simple authentication, or offered only Kerberos and tokens to a client that has neither
        if (text.contains("SIMPLE authentication is not enabled") || text.contains("Client cannot authenticate via")) {
            return "this HDFS requires Kerberos: give the profile a principal and keytab, or use the ticket cache (kinit)";
        }
        if (text.contains("Server asks us to fall back to SIMPLE auth")) {
            return "this HDFS does not use Kerberos, and a Kerberos profile refuses to fall back to unauthenticated access"
                    + " (remove Kerberos from the profile if the cluster really is unsecured)";
        }
        if (text.contains("Failed to specify server's Kerberos principal name")) {
            return "the profile's Hadoop configuration folder does not name the NameNode's principal"
                    + " (dfs.namenode.kerberos.principal in hdfs-site.xml)";
        }
        if (text.contains("No common protection layer")) {
            return "the cluster wants another RPC protection than the profile's Hadoop configuration"
                    + " (hadoop.rpc.protection: authentication, integrity or privacy; copy the cluster's core-site.xml)";
        }
        if (text.contains("Failed to find any Kerberos tgt") || text.contains("Ticket expired") || text.contains("TGT has expired")) {
            return "the Kerberos ticket has expired or is missing: run kinit, or give the profile a keytab (which renews itself)";
        }
        if (text.contains("Server not found in Kerberos database")) {
            return "the KDC does not know the NameNode's principal (dfs.namenode.kerberos.principal, or the NameNode's host name)";
        }
        return null;
    }

    private static String chainText(Throwable error) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = error; t != null && all.length() < 10_000; t = t.getCause()) {
            if (t.getMessage() != null) {
                all.append(t.getMessage()).append('\n');
            }
        }
        return all.toString();
    }

    private static String deepestLine(String text) {
        String line = text.lines().filter(l -> !l.isBlank()).reduce((first, second) -> second).orElse(text).strip();
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }
}
