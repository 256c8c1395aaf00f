package io.tessera.engine.kerberos;

import io.tessera.engine.cluster.SmallHdfsSettings;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hdfs.HdfsConfiguration;
import org.apache.hadoop.hdfs.server.datanode.DataNode;
import org.apache.hadoop.hdfs.server.namenode.NameNode;
import org.apache.hadoop.metrics2.lib.DefaultMetricsSystem;
import org.apache.hadoop.minikdc.MiniKdc;
import org.apache.hadoop.security.UserGroupInformation;
import org.apache.kerby.KOptions;
import org.apache.kerby.kerberos.kerb.client.KrbClient;
import org.apache.kerby.kerberos.kerb.client.KrbOption;

/**
 * A KDC (MiniKdc) and a Kerberos-secured HDFS in this JVM, as a bank would run one: Kerberos RPC with privacy
 * ({@code hadoop.rpc.protection}), block access tokens, SASL data transfer with privacy on an unprivileged port, web UIs
 * over HTTPS only (a keystore made with the JDK's keytool). One service principal {@code hdfs/localhost} serves the
 * NameNode and the DataNode, as in Hadoop's own SASL data-transfer tests. Clients get a Hadoop configuration folder of
 * their own ({@link #clientConfDir()}), as a profile names one.
 *
 * <p>Hadoop's security mode is JVM-wide ({@code JvmSecurity}): {@link #close()} puts it back to simple, with no login
 * user, so the tests that run after this one in the same JVM see what they saw before.
 */
final class SecureHdfs implements AutoCloseable {
    private final Path dir;
    private MiniKdc kdc;
    private NameNode nameNode;
    private DataNode dataNode;
    private String uri;

    private SecureHdfs(Path dir) {
        this.dir = dir;
    }

    static SecureHdfs start(Path dir) throws Exception {
        SecureHdfs hdfs = new SecureHdfs(dir);
        try {
            hdfs.startKdc();
            hdfs.startHdfs();
            hdfs.writeClientConf("privacy");
            return hdfs;
        } catch (Exception | Error e) {
            hdfs.close();
            throw e;
        }
    }

    private void startKdc() throws Exception {
        Path kdcDir = Files.createDirectories(dir.resolve("kdc"));
        Properties conf = MiniKdc.createConf();
        conf.setProperty(MiniKdc.MIN_TICKET_LIFETIME, "1000"); // ms: a test asks for a ticket that expires in 2 s
        kdc = new MiniKdc(conf, kdcDir.toFile());
        kdc.start();
        kdc.createPrincipal(serviceKeytab().toFile(), "hdfs/localhost", "HTTP/localhost");
    }

    String realm() {
        return kdc.getRealm();
    }

    /** A new principal {@code name@REALM} and its keytab (owner-only), in a file of its own. */
    Path addUser(String name) throws Exception {
        Path keytab = dir.resolve(name + ".keytab");
        kdc.createPrincipal(keytab.toFile(), name);
        Files.setPosixFilePermissions(keytab, PosixFilePermissions.fromString("rw-------"));
        return keytab;
    }

    /** What {@code kinit -l <lifetime> -c <cache> -kt <keytab> <name>} does: a ticket cache holding a TGT of {@code name}. */
    Path kinit(String name, Path keytab, int lifetimeSeconds) throws Exception {
        Path cache = dir.resolve(name + "-" + System.nanoTime() + ".ccache");
        KrbClient client = new KrbClient(kdc.getKrb5conf().getParentFile());
        client.init();
        KOptions options = new KOptions();
        options.add(KrbOption.CLIENT_PRINCIPAL, principal(name));
        options.add(KrbOption.USE_KEYTAB, true);
        options.add(KrbOption.KEYTAB_FILE, keytab.toFile());
        options.add(KrbOption.LIFE_TIME, lifetimeSeconds);
        client.storeTicket(client.requestTgt(options), cache.toFile());
        return cache;
    }

    String principal(String name) {
        return name + "@" + kdc.getRealm();
    }

    File krb5Conf() {
        return kdc.getKrb5conf();
    }

    Path serviceKeytab() {
        return dir.resolve("hdfs.keytab");
    }

    String servicePrincipal() {
        return "hdfs/localhost@" + kdc.getRealm();
    }

    String uri() {
        return uri;
    }

    Path clientConfDir() {
        return dir.resolve("client-conf");
    }

    private void startHdfs() throws Exception {
        Path keystore = dir.resolve("https.p12");
        makeKeystore(keystore);
        Path sslDir = Files.createDirectories(dir.resolve("ssl"));
        Configuration ssl = new Configuration(false);
        ssl.set("ssl.server.keystore.location", keystore.toString());
        ssl.set("ssl.server.keystore.type", "PKCS12");
        ssl.set("ssl.server.keystore.password", "it-secret");
        ssl.set("ssl.server.keystore.keypassword", "it-secret");
        ssl.set("ssl.server.truststore.location", keystore.toString());
        ssl.set("ssl.server.truststore.type", "PKCS12");
        ssl.set("ssl.server.truststore.password", "it-secret");
        try (OutputStream out = Files.newOutputStream(sslDir.resolve("tessera-it-ssl-server.xml"))) {
            ssl.writeXml(out);
        }

        Configuration conf = new HdfsConfiguration();
        conf.set("hadoop.tmp.dir", dir.resolve("tmp").toString());
        conf.set("fs.defaultFS", "hdfs://localhost:0");
        conf.set("dfs.namenode.rpc-address", "localhost:0");
        conf.set("dfs.namenode.name.dir", dir.resolve("name").toUri().toString());
        conf.set("dfs.datanode.data.dir", dir.resolve("data").toUri().toString());
        conf.set("dfs.datanode.address", "localhost:0");
        conf.set("dfs.datanode.ipc.address", "localhost:0");
        conf.set("dfs.datanode.hostname", "localhost");
        conf.setInt("dfs.replication", 1);
        SmallHdfsSettings.apply(conf);

        conf.set("hadoop.security.authentication", "kerberos");
        conf.set("hadoop.rpc.protection", "privacy");
        conf.set("dfs.namenode.kerberos.principal", servicePrincipal());
        conf.set("dfs.namenode.keytab.file", serviceKeytab().toString());
        conf.set("dfs.datanode.kerberos.principal", servicePrincipal());
        conf.set("dfs.datanode.keytab.file", serviceKeytab().toString());
        conf.set("dfs.web.authentication.kerberos.principal", "HTTP/localhost@" + kdc.getRealm());
        conf.set("dfs.web.authentication.kerberos.keytab", serviceKeytab().toString());
        conf.setBoolean("dfs.block.access.token.enable", true);
        conf.set("dfs.data.transfer.protection", "privacy");
        conf.set("dfs.http.policy", "HTTPS_ONLY");
        conf.set("dfs.namenode.https-address", "localhost:0");
        conf.set("dfs.datanode.https.address", "localhost:0");
        conf.set("dfs.https.server.keystore.resource", "tessera-it-ssl-server.xml"); // the NameNode's web server
        conf.set("hadoop.ssl.server.conf", "tessera-it-ssl-server.xml"); // the DataNode's

        DefaultMetricsSystem.setMiniClusterMode(true);
        // the HTTPS servers read their keystore settings as a classpath resource: give them the folder as one
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        try (URLClassLoader withSsl = new URLClassLoader(new URL[] {sslDir.toUri().toURL()}, before)) {
            thread.setContextClassLoader(withSsl);
            conf.setClassLoader(withSsl);
            Files.createDirectories(dir.resolve("name"));
            NameNode.format(conf);
            nameNode = NameNode.createNameNode(new String[0], conf);
            Configuration dnConf = new HdfsConfiguration(conf);
            dnConf.setClassLoader(withSsl);
            int port = nameNode.getNameNodeAddress().getPort();
            dnConf.set("fs.defaultFS", "hdfs://localhost:" + port);
            dnConf.set("dfs.namenode.rpc-address", "localhost:" + port);
            dataNode = DataNode.createDataNode(new String[0], dnConf);
        } finally {
            thread.setContextClassLoader(before);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!(dataNode.isDatanodeFullyStarted() && nameNode.getNamesystem().getNumLiveDataNodes() >= 1 && !nameNode.isInSafeMode())) {
            if (System.nanoTime() > deadline) {
                throw new IOException("the secure DataNode did not register within 60 s (started " + dataNode.isDatanodeFullyStarted()
                        + ", live " + nameNode.getNamesystem().getNumLiveDataNodes() + ", safe mode " + nameNode.isInSafeMode() + ")");
            }
            Thread.sleep(50);
        }
        uri = "hdfs://localhost:" + nameNode.getNameNodeAddress().getPort();
    }

    /** The client's core-site.xml and hdfs-site.xml, RPC protection {@code rpcProtection}, into {@link #clientConfDir()}. */
    void writeClientConf(String rpcProtection) throws IOException {
        writeClientConf(clientConfDir(), rpcProtection);
    }

    /** The same into {@code folder} (another profile's). */
    void writeClientConf(Path folder, String rpcProtection) throws IOException {
        Files.createDirectories(folder);
        write(folder.resolve("core-site.xml"), Map.of("hadoop.security.authentication", "kerberos", "hadoop.rpc.protection", rpcProtection));
        write(folder.resolve("hdfs-site.xml"), Map.of("dfs.namenode.kerberos.principal", servicePrincipal(),
                "dfs.data.transfer.protection", "privacy", "dfs.replication", "1"));
    }

    private static void write(Path file, Map<String, String> settings) throws IOException {
        Configuration conf = new Configuration(false);
        settings.forEach(conf::set);
        try (OutputStream out = Files.newOutputStream(file)) {
            conf.writeXml(out);
        }
    }

    private static void makeKeystore(Path keystore) throws Exception {
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Process p = new ProcessBuilder(keytool, "-genkeypair", "-alias", "hdfs", "-keyalg", "RSA", "-keysize", "2048",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2",
                "-keystore", keystore.toString(), "-storetype", "PKCS12", "-storepass", "it-secret", "-keypass", "it-secret")
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("keytool failed: " + output);
        }
    }

    @Override
    public void close() {
        KerberosLogins.clear();
        if (dataNode != null) {
            dataNode.shutdown();
            dataNode = null;
        }
        if (nameNode != null) {
            nameNode.stop();
            nameNode.join();
            nameNode = null;
        }
        if (kdc != null) {
            kdc.stop();
            kdc = null;
        }
        // back to what the rest of the suite expects: simple security, no login user, no Kerberos configuration file
        UserGroupInformation.reset();
        UserGroupInformation.setConfiguration(new Configuration());
        System.clearProperty(MiniKdc.JAVA_SECURITY_KRB5_CONF);
    }

}
