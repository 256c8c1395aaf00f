package io.tessera.engine.kerberos;

import io.tessera.engine.connect.ClusterConnection;
import io.tessera.engine.connect.ConnectionTarget;
import io.tessera.engine.profile.KerberosSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.permission.FsPermission;

/**
 * The tests' KDC and Kerberos-secured HDFS (privacy on) as a process of its own, to see Kerberos in the console by hand:
 * prints the krb5.conf to start the console with, the HDFS URI, the client configuration folder and a principal with its
 * keytab that owns {@code /operator}; runs until killed. See docs/security.md, "Seeing it by hand".
 */
public final class SecureHdfsMain {
    private SecureHdfsMain() {}

    public static void main(String[] args) throws Exception {
        Path dir = Files.createDirectories(Path.of(args.length > 0 ? args[0] : "target/secure-hdfs")).toAbsolutePath();
        SecureHdfs hdfs = SecureHdfs.start(Files.createTempDirectory(dir, "run-"));
        Runtime.getRuntime().addShutdownHook(new Thread(hdfs::close));
        Path keytab = hdfs.addUser("operator");
        ConnectionTarget admin = new ConnectionTarget("secure-admin", hdfs.uri(), hdfs.clientConfDir().toString(), null, "unused:2181", "/unused",
                null, null, "redis://unused:6379", null, null, false, false,
                KerberosSettings.keytab(hdfs.servicePrincipal(), hdfs.serviceKeytab().toString()));
        try (FileSystem fs = new ClusterConnection(admin).fileSystem()) {
            org.apache.hadoop.fs.Path home = new org.apache.hadoop.fs.Path("/operator");
            fs.mkdirs(home, FsPermission.createImmutable((short) 0755));
            fs.setOwner(home, "operator", null);
        }
        System.out.println("krb5.conf   " + hdfs.krb5Conf());
        System.out.println("hdfs        " + hdfs.uri());
        System.out.println("hadoop-conf " + hdfs.clientConfDir());
        System.out.println("principal   " + hdfs.principal("operator"));
        System.out.println("keytab      " + keytab);
        System.out.println("ready (owner of /operator); stop with SIGTERM");
        new CountDownLatch(1).await();
    }
}
