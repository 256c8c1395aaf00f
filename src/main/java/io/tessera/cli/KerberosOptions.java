package io.tessera.cli;

import io.tessera.engine.profile.KerberosSettings;
import picocli.CommandLine.Option;

/** {@code tessera profile save}'s Kerberos sign-in for HDFS: a principal with a keytab, or the ticket cache. */
final class KerberosOptions {
    @Option(names = "--kerberos-principal", paramLabel = "PRINCIPAL",
            description = "Kerberos principal to sign in to HDFS as, like alice@EXAMPLE.COM (with --keytab; optional with --ticket-cache).")
    String principal;

    @Option(names = "--keytab", paramLabel = "FILE",
            description = "Keytab file of the principal (keep it owner-only: chmod 600). The profile keeps its path, never a password.")
    String keytab;

    @Option(names = "--ticket-cache", paramLabel = "FILE", arity = "0..1", fallbackValue = KerberosSettings.DEFAULT_CACHE,
            description = "Sign in with the ticket cache kinit made: the default one (KRB5CCNAME, else /tmp/krb5cc_<uid>), or FILE.")
    String ticketCache;

    /** The settings given, or null when none of the options was. */
    KerberosSettings settings() {
        if (principal == null && keytab == null && ticketCache == null) {
            return null;
        }
        return new KerberosSettings(principal, keytab, ticketCache);
    }
}
