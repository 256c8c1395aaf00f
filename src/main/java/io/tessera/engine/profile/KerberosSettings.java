package io.tessera.engine.profile;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * How a profile signs in to a Kerberos-secured HDFS: a principal and a keytab file, or the operator's ticket cache (made
 * by {@code kinit}). The keytab is the secret: the profile names its path only, and no password is ever kept.
 *
 * @param principal   {@code alice@EXAMPLE.COM}; with a ticket cache optional (the cache's own principal)
 * @param keytab      path of the keytab file, or null when the ticket cache is used
 * @param ticketCache null with a keytab; {@link #DEFAULT_CACHE} for the default cache ({@code KRB5CCNAME}, else
 *                    {@code /tmp/krb5cc_<uid>}), or the path of a cache file
 */
public record KerberosSettings(String principal, String keytab, String ticketCache) {
    public static final String DEFAULT_CACHE = "default";

    public static KerberosSettings keytab(String principal, String keytab) {
        return new KerberosSettings(principal, keytab, null);
    }

    /** The ticket cache at {@code path}, or the default one when {@code path} is null or blank. */
    public static KerberosSettings ticketCache(String principal, String path) {
        return new KerberosSettings(blank(principal) ? null : principal, null, blank(path) ? DEFAULT_CACHE : path);
    }

    @JsonIgnore
    public boolean usesKeytab() {
        return !blank(keytab);
    }

    /** The cache file to read, or null for the default cache. */
    @JsonIgnore
    public String ticketCachePath() {
        return blank(ticketCache) || DEFAULT_CACHE.equals(ticketCache) ? null : ticketCache;
    }

    /** "keytab /etc/security/alice.keytab" or "ticket cache (default)": how it signs in, for lists and status lines. */
    @JsonIgnore
    public String method() {
        return usesKeytab() ? "keytab " + keytab : "ticket cache" + (ticketCachePath() == null ? " (default)" : " " + ticketCachePath());
    }

    /** What is wrong with these settings, one line each (the files themselves are checked when signing in). */
    public java.util.List<String> problems() {
        java.util.List<String> problems = new java.util.ArrayList<>();
        if (usesKeytab() && ticketCache != null) {
            problems.add("Kerberos: a keytab or the ticket cache, not both.");
        }
        if (usesKeytab() && blank(principal)) {
            problems.add("Kerberos: a keytab needs the principal to sign in as, like alice@EXAMPLE.COM.");
        }
        if (!usesKeytab() && ticketCache == null) {
            problems.add("Kerberos: give a keytab, or use the ticket cache.");
        }
        if (!blank(principal) && !principal.strip().matches("[^\\s@/]+(/[^\\s@/]+)?(@[^\\s@/]+)?")) {
            problems.add("Kerberos principal: '" + principal + "' is not like alice@EXAMPLE.COM or svc/host@EXAMPLE.COM.");
        }
        return problems;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
