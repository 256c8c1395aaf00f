package io.tessera.engine.kerberos;

import io.tessera.engine.profile.KerberosSettings;
import java.io.IOException;
import java.security.PrivilegedAction;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.security.auth.Subject;
import javax.security.auth.kerberos.KerberosTicket;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.security.UserGroupInformation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Kerberos logins of this JVM, one per principal and keytab (or ticket cache), each its own
 * {@link UserGroupInformation}: profiles never share the static login user, so the console can switch between profiles
 * that sign in as different principals.
 *
 * <p>Renewal: a long-lived {@code FileSystem} (a worker's, the console's) keeps its login's Subject and asks it for a new
 * service ticket whenever it opens a connection, so the TGT in it must stay valid however long the process runs. Hadoop
 * renews by itself only for the static login user, so this class renews its own logins: before each use (every
 * {@code FileSystem} a profile builds, cheap: nothing happens until 80 % of the ticket's life), and on one daemon thread
 * every minute, for the clients that are built once and used for days. A keytab login signs in again from the keytab; a
 * ticket-cache login reads the cache again (picking up a later kinit) and renews a renewable ticket.
 */
public final class KerberosLogins {
    private static final Logger LOG = LoggerFactory.getLogger(KerberosLogins.class);
    private static final long RENEW_EVERY_SECONDS = 60;
    private static final Map<KerberosSettings, UserGroupInformation> LOGINS = new ConcurrentHashMap<>();
    private static ScheduledExecutorService renewer;

    private KerberosLogins() {}

    /** The login of {@code settings}, signing in on first use; fails with a {@link KerberosLoginException} saying why. */
    static UserGroupInformation login(KerberosSettings settings, Configuration profileConf) throws IOException {
        JvmSecurity.ensureKerberos(profileConf);
        UserGroupInformation existing = LOGINS.get(settings);
        if (existing != null) {
            renew(settings, existing);
            return existing;
        }
        synchronized (KerberosLogins.class) {
            existing = LOGINS.get(settings);
            if (existing != null) {
                return existing;
            }
            UserGroupInformation ugi = signIn(settings);
            LOGINS.put(settings, ugi);
            startRenewer();
            LOG.info("Kerberos: signed in as {} ({})", ugi.getUserName(), settings.method());
            return ugi;
        }
    }

    private static UserGroupInformation signIn(KerberosSettings settings) throws IOException {
        if (settings.usesKeytab()) {
            KeytabFile.checkReadable(settings.keytab());
        }
        UserGroupInformation ugi;
        try {
            ugi = settings.usesKeytab()
                    ? UserGroupInformation.loginUserFromKeytabAndReturnUGI(settings.principal().strip(), settings.keytab())
                    : UserGroupInformation.getUGIFromTicketCache(settings.ticketCachePath(), settings.principal());
        } catch (IOException | RuntimeException e) {
            String reason = KerberosErrors.loginFailure(e, settings);
            LOG.warn("Kerberos sign-in ({}) failed: {} [{}]", settings.method(), reason, io.tessera.engine.Reasons.oneLine(e));
            LOG.debug("Kerberos sign-in failure", e);
            throw new KerberosLoginException(reason);
        }
        // without a principal the ticket-cache login is optional, and an empty cache falls back to the OS user
        if (!ugi.hasKerberosCredentials() || tgt(ugi) == null) {
            throw new KerberosLoginException(settings.usesKeytab()
                    ? "Kerberos sign-in as " + settings.principal() + " gave no ticket" : KerberosErrors.noTicket(settings));
        }
        return ugi;
    }

    /** Signs in again if the ticket is near its end; a failure is left for the next use to report. */
    private static void renew(KerberosSettings settings, UserGroupInformation ugi) {
        try {
            if (settings.usesKeytab()) {
                ugi.checkTGTAndReloginFromKeytab();
            } else if (nearEnd(tgt(ugi))) {
                ugi.reloginFromTicketCache();
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("Kerberos: renewing the login of {} ({}) failed: {}", ugi.getUserName(), settings.method(),
                    KerberosErrors.loginFailure(e, settings));
        }
    }

    private static synchronized void startRenewer() {
        if (renewer != null) {
            return;
        }
        renewer = Executors.newSingleThreadScheduledExecutor(task -> Thread.ofPlatform().daemon().name("kerberos-renewer").unstarted(task));
        renewer.scheduleWithFixedDelay(() -> {
            JvmSecurity.ensureKerberos();
            LOGINS.forEach(KerberosLogins::renew);
        }, RENEW_EVERY_SECONDS, RENEW_EVERY_SECONDS, TimeUnit.SECONDS);
    }

    /** The ticket-granting ticket in {@code ugi}'s Subject, or null (none, or destroyed). */
    static KerberosTicket tgt(UserGroupInformation ugi) {
        Subject subject = ugi.doAs((PrivilegedAction<Subject>) Subject::current);
        if (subject == null) {
            return null;
        }
        synchronized (subject.getPrivateCredentials()) {
            for (KerberosTicket ticket : subject.getPrivateCredentials(KerberosTicket.class)) {
                if (!ticket.isDestroyed() && ticket.getServer() != null && ticket.getServer().getName().startsWith("krbtgt/")) {
                    return ticket;
                }
            }
        }
        return null;
    }

    /** Within the last fifth of its life, or over (Hadoop's keytab relogin waits for 80 % too). */
    private static boolean nearEnd(KerberosTicket tgt) {
        if (tgt == null) {
            return true;
        }
        long start = tgt.getStartTime() != null ? tgt.getStartTime().getTime() : tgt.getAuthTime().getTime();
        long end = tgt.getEndTime().getTime();
        return System.currentTimeMillis() > start + (end - start) * 4 / 5;
    }

    /** Forgets every login (tests; a process that ends needs nothing). */
    public static synchronized void clear() {
        LOGINS.clear();
        if (renewer != null) {
            renewer.shutdownNow();
            renewer = null;
        }
    }
}
