package io.tessera.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.tessera.engine.json.Json;
import io.tessera.testing.JvmProcess;
import io.tessera.testing.LogErrors;
import io.tessera.testing.TestImages;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * The .deb that `./mvnw -Pinstaller package` made, installed and used as an operator would, in a throw-away copy of
 * this machine ({@link ThrowawayRoot}): inspected, installed on a host with desktop menus, its launcher run (the local
 * cluster, `tessera check`, a job through a worker run as the service runs it, the console under Xvfb), upgraded over
 * its own data, removed and purged, then installed on a host without menus. Run by `./mvnw -B -Pinstaller verify`
 * (and so by .ci/run); the steps run in order and share the copy.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class DebPackageCheck {
    private static final Duration START = Duration.ofMinutes(3);
    private static final String HOME = "/root/check-home";
    private static final Map<String, String> AS_OPERATOR = Map.of("TESSERA_HOME", HOME);
    /** The same ports at every start, so the service's profile reaches the cluster again after the upgrade. */
    private String[] local;
    private Path work;
    private Path deb;
    private Path images;
    private ThrowawayRoot root;

    @BeforeAll
    void installIntoAThrowawayRoot() throws Exception {
        Path installers = Path.of(System.getProperty("tessera.installer.dir", "target/installer"));
        try (Stream<Path> files = Files.list(installers)) {
            List<Path> debs = files.filter(f -> f.toString().endsWith(".deb")).toList();
            assertEquals(1, debs.size(), "one .deb in " + installers + ": " + debs);
            deb = debs.getFirst();
        }
        work = Files.createDirectories(Path.of(System.getProperty("tessera.test.tmp", "target/package-check")).toAbsolutePath());
        // the job's photos: written before the copy is made, so it sees them
        images = Files.createDirectories(work.resolve("images"));
        for (int i = 1; i <= 6; i++) {
            Files.write(images.resolve("photo-" + i + (i % 2 == 0 ? ".png" : ".jpg")), i % 2 == 0 ? TestImages.png(320, 240) : TestImages.jpeg(320, 240));
        }
        root = ThrowawayRoot.create(Files.createTempDirectory(work, "root-"));
        local = new String[] {"tessera", "local", "--hdfs-port", freePort(), "--zookeeper-port", freePort(), "--redis-port", freePort()};
    }

    @AfterAll
    void throwTheCopyAway() throws IOException {
        if (root != null) {
            root.close();
        }
    }

    @Test
    @Order(1)
    void declaresItsVersionDependenciesAndSizeAndCarriesTheDesktopEntryIconAndUnits() throws Exception {
        Map<String, String> control = control(deb);
        String version = System.getProperty("tessera.installer.version", control.get("Version"));
        assertEquals(version, control.get("Version"));
        assertTrue(version.matches("\\d+\\.\\d+\\.\\d+(~snapshot\\d{12})?"), "a release-like version, not -SNAPSHOT: " + version);
        assertEquals("tessera", control.get("Package"));
        Set<String> depends = Arrays.stream(control.get("Depends").split(",")).map(String::strip).collect(Collectors.toSet());
        assertTrue(depends.contains("libc6"), "Depends: " + depends);
        for (String notNeeded : List.of("xdg-utils", "systemd", "libgtk-3-0")) {
            assertFalse(depends.contains(notNeeded), notNeeded + " is not needed by a headless worker host: " + depends);
        }
        assertTrue(control.get("Recommends").contains("libgtk-3-0"), "the console's GTK is recommended: " + control);
        long installedKb = Long.parseLong(control.get("Installed-Size"));
        assertTrue(installedKb > 150_000 && installedKb < 260_000, "installed size (README says about 228 MB): " + installedKb + " KB");

        String listing = host("dpkg-deb", "--contents", deb.toString());
        for (String file : List.of("./opt/tessera/bin/tessera", "./opt/tessera/lib/system/tessera.desktop", "./opt/tessera/lib/system/tessera-256.png",
                "./opt/tessera/lib/system/tessera-worker.service", "./opt/tessera/lib/system/tessera-worker@.service",
                "./opt/tessera/lib/system/worker.env", "./opt/tessera/lib/runtime/release")) {
            assertTrue(listing.contains(" " + file + "\n"), file + " in the package");
        }
        assertFalse(listing.contains("tessera-tessera.desktop"), "no desktop entry of jpackage's own (it made the package depend on xdg-utils)");
    }

    @Test
    @Order(2)
    void installsOnAHostWithDesktopMenusAndPutsTesseraOnThePath() throws Exception {
        root.run("mkdir", "-p", "/usr/share/applications").expectSuccess();
        ThrowawayRoot.Result install = root.run("dpkg", "-i", deb.toString()).expectSuccess();
        assertFalse(install.err().contains("xdg-desktop-menu"), install.toString());
        assertTrue(root.run("dpkg", "-s", "tessera").expectSuccess().out().contains("Status: install ok installed"));
        assertEquals("/usr/bin/tessera\n", root.run("sh", "-c", "command -v tessera").expectSuccess().out());

        ThrowawayRoot.Result version = root.run("tessera", "--version").expectSuccess();
        assertTrue(version.out().startsWith("Tessera "), version.toString());
        assertTrue(version.out().contains("Java 25"), version.toString());
        assertEquals("", version.err(), version.toString());

        String desktop = root.run("cat", "/usr/share/applications/tessera.desktop").expectSuccess().out();
        assertTrue(desktop.contains("\nExec=/opt/tessera/bin/tessera\n"), desktop);
        String icon = desktop.lines().filter(l -> l.startsWith("Icon=")).findFirst().orElseThrow().substring(5);
        // a PNG (signature 137 'P' 'N' 'G') of 256 x 256 (the IHDR's width and height, big-endian, at bytes 16 to 23)
        int[] head = Arrays.stream(root.run("sh", "-c", "head -c 24 '" + icon + "' | od -An -v -tu1").expectSuccess().out().trim().split("\\s+"))
                .mapToInt(Integer::parseInt).toArray();
        assertEquals(List.of(137, 80, 78, 71), List.of(head[0], head[1], head[2], head[3]), icon + " is a PNG");
        assertEquals(256, (head[16] << 24) | (head[17] << 16) | (head[18] << 8) | head[19], icon + " width");
        assertEquals(256, (head[20] << 24) | (head[21] << 16) | (head[22] << 8) | head[23], icon + " height");

        // the bundled runtime holds the modules jpackage.args lists, and not the JDK's tools
        String release = root.run("cat", "/opt/tessera/lib/runtime/release").expectSuccess().out();
        Matcher modules = Pattern.compile("MODULES=\"([^\"]*)\"").matcher(release);
        assertTrue(modules.find(), release);
        Set<String> bundled = Set.of(modules.group(1).split(" "));
        assertTrue(bundled.containsAll(listedModules()), "listed " + listedModules() + ", bundled " + bundled);
        for (String tool : List.of("jdk.compiler", "jdk.jshell", "jdk.jlink", "jdk.jpackage", "jdk.jdi")) {
            assertFalse(bundled.contains(tool), tool + " bundled: " + bundled);
        }
    }

    @Test
    @Order(3)
    void theWorkerUnitsAreInstalledDisabledWithTheirUserAndSettings() throws Exception {
        assertTrue(root.run("id", "-u", "tessera").exitCode() == 0, "the service's user exists");
        assertEquals("tessera tessera 750\n", root.run("stat", "-c", "%U %G %a", "/etc/tessera").expectSuccess().out());
        assertEquals("root root 600\n", root.run("stat", "-c", "%U %G %a", "/etc/tessera/worker.env").expectSuccess().out());
        assertEquals("tessera tessera 750\n", root.run("stat", "-c", "%U %G %a", "/var/lib/tessera").expectSuccess().out());
        for (String unit : List.of("tessera-worker.service", "tessera-worker@.service")) {
            assertEquals(root.run("cat", "/opt/tessera/lib/system/" + unit).out(), root.run("cat", "/lib/systemd/system/" + unit).expectSuccess().out());
        }
        assertEquals(root.run("cat", "/lib/systemd/system/tessera-worker.service").out(), root.run("tessera", "worker", "--print-unit").expectSuccess().out(),
                "--print-unit prints the installed unit");
        ThrowawayRoot.Result enabled = root.run("sh", "-c", "ls /etc/systemd/system/*.wants/ | grep tessera");
        assertEquals("", enabled.out(), "disabled by default");
        ThrowawayRoot.Result verify = root.run("sh", "-c", "systemd-analyze verify /lib/systemd/system/tessera-worker.service && mkdir -p /tmp/units"
                + " && cp '/lib/systemd/system/tessera-worker@.service' '/tmp/units/tessera-worker@prod.service'"
                + " && systemd-analyze verify '/tmp/units/tessera-worker@prod.service'");
        assertEquals(0, verify.exitCode(), verify.toString());
        assertEquals("", verify.err(), "systemd finds nothing to say about the units: " + verify);
    }

    @Test
    @Order(4)
    void runsTheLocalClusterAndAJobThroughAWorkerRunAsTheServiceRunsIt() throws Exception {
        try (JvmProcess cluster = root.start(AS_OPERATOR, local)) {
            cluster.awaitLine("Local cluster up", START);
            ThrowawayRoot.Result check = root.run(Duration.ofMinutes(2), AS_OPERATOR, "tessera", "check", "--timeout", "20").expectSuccess();
            assertEquals(3, check.out().lines().filter(l -> l.contains(" UP ")).count(), check.toString());
            root.run(Duration.ofMinutes(2), AS_OPERATOR, "tessera", "upload", images.toString(), "/check").expectSuccess();

            // the service's profile and secret in /etc/tessera, saved as the service's user
            JsonNode endpoints = Json.mapper().readTree(root.run("cat", HOME + "/data/local-cluster/endpoints.json").expectSuccess().out());
            String password = root.run("cat", HOME + "/data/local-cluster/redis/password").expectSuccess().out().strip();
            root.run(Duration.ofMinutes(1), Map.of(), "tessera-as-service", "profile", "save", "check", "--hdfs", endpoints.path("hdfsUri").asText(),
                    "--hdfs-user", "root", "--zookeeper", endpoints.path("zooKeeperConnect").asText(), "--redis", endpoints.path("redisUri").asText(),
                    "--redis-password-env", "TESSERA_CHECK_REDIS_PASSWORD").expectSuccess();
            // as the service's EnvironmentFile reads them: a value with spaces is one value
            root.run("sh", "-c", "printf 'TESSERA_PROFILE=check\\nTESSERA_WORKER_OPTIONS=--threads 2\\nTESSERA_CHECK_REDIS_PASSWORD=%s\\n' '"
                    + password + "' >> /etc/tessera/worker.env").expectSuccess();
            assertEquals("tessera 600\n", root.run("stat", "-c", "%U %a", "/etc/tessera/profiles.json").expectSuccess().out());
            assertFalse(root.run("cat", "/etc/tessera/profiles.json").out().contains(password), "no secret in the profile file");
            ThrowawayRoot.Result serviceCheck = root.run(Duration.ofMinutes(2), Map.of(), "tessera-as-service", "check", "--profile", "check", "--timeout", "20");
            assertEquals(0, serviceCheck.exitCode(), serviceCheck.toString());

            try (JvmProcess worker = root.start(Map.of(), "tessera-as-service", "worker", "--profile", "check", "--threads", "2")) {
                String running = worker.awaitLine("running with 2 threads", START);
                assertTrue(running.contains("on profile check"), running);
                assertEquals("tessera\n", root.run("sh", "-c", "ps -o user= -p " + worker.process().pid()).out(), "the worker runs as tessera");
                ThrowawayRoot.Result job = root.run(Duration.ofMinutes(4), AS_OPERATOR, "tessera", "submit", "--input", "/check", "--op", "thumbnail:64",
                        "--job", "package-check", "--wait").expectSuccess();
                assertTrue(job.out().contains("package-check finished: 6 done, 0 failed, 0 tasks dead-lettered"), job.toString());

                worker.terminate(); // as systemctl stop: drains
                worker.awaitLine("stopped: 6 images done, 0 failed", Duration.ofMinutes(2));
                assertTrue(worker.process().waitFor(1, TimeUnit.MINUTES), "the worker ended");
                assertEquals(143, worker.process().exitValue(), "the unit's SuccessExitStatus: " + worker.output());
            }
            assertTrue(root.run("test", "-s", "/var/log/tessera/commands/tessera.log").exitCode() == 0, "the service's commands log under /var/log/tessera");

            cluster.terminate();
            assertTrue(cluster.process().waitFor(1, TimeUnit.MINUTES), "tessera local ended on SIGTERM");
        }
        assertFalse(root.run("test", "-e", HOME + "/data/local-cluster/endpoints.json").exitCode() == 0, "a clean stop removes endpoints.json");
    }

    @Test
    @Order(5)
    void theConsoleRunsHeadlessUnderXvfbAndStopsCleanly() throws Exception {
        assertEquals(0, root.run("sh", "-c", "command -v Xvfb").exitCode(), "Xvfb is needed for the console check (apt-get install xvfb)");
        String consoleHome = "/root/console-home";
        try (JvmProcess xvfb = root.start(Map.of(), "Xvfb", "-displayfd", "1", "-screen", "0", "1280x800x24", "-nolisten", "tcp")) {
            String display = displayNumber(xvfb);
            try (JvmProcess console = root.start(Map.of("DISPLAY", ":" + display, "TESSERA_HOME", consoleHome), "tessera")) {
                String endpoints = consoleHome + "/data/local-cluster/endpoints.json";
                long deadline = System.nanoTime() + START.toNanos();
                while (root.run("test", "-e", endpoints).exitCode() != 0) {
                    assertTrue(console.process().isAlive(), "the console ended: " + console.output());
                    assertTrue(System.nanoTime() < deadline, "the console's local cluster did not start: " + console.output());
                    Thread.sleep(1000);
                }
                Thread.sleep(5000); // the window up, health checked, the console's worker started
                assertTrue(console.process().isAlive(), console.output().toString());
                console.terminate();
                assertTrue(console.process().waitFor(2, TimeUnit.MINUTES), "the console ended on SIGTERM");
                assertEquals(143, console.process().exitValue(), "SIGTERM's status");
                // before the console quit on the signal as closing its window does, JavaFX's renderer, stopped by
                // JavaFX's own shutdown hook, now and then rejected a paint still queued
                assertEquals(List.of(), console.output().stream().filter(l -> l.contains("Exception") || l.contains("ERROR")).toList(),
                        "the console's output");
                assertFalse(root.run("test", "-e", endpoints).exitCode() == 0, "the console stopped its cluster cleanly");
            }
        }
        String log = root.run("cat", consoleHome + "/state/logs/tessera.log").expectSuccess().out();
        assertTrue(log.contains("Worker") && log.contains("started"), "the console's worker started: " + log);
        // a DataNode stopped during the JVM's shutdown (before the console quit on the signal) had its heartbeat thread
        // die on Hadoop's "Shutdown in progress, cannot remove a shutdownHook"
        assertEquals(List.of(), LogErrors.in(log), "errors in the console's log");
    }

    @Test
    @Order(6)
    void anUpgradeKeepsTheServiceSettingsAndRunsOverTheSameData() throws Exception {
        Map<String, String> before = digests("/etc/tessera", "/var/lib/tessera", HOME + "/data");
        Path scratch = Files.createTempDirectory(work, "next-");
        Path next = scratch.resolve("next.deb");
        Path unpacked = scratch.resolve("unpacked");
        host("dpkg-deb", "-R", deb.toString(), unpacked.toString());
        Path control = unpacked.resolve("DEBIAN/control");
        Files.writeString(control, Files.readString(control).replaceFirst("(?m)^Version: (.*)$", "Version: $1+check"));
        host("dpkg-deb", "-Znone", "-b", unpacked.toString(), next.toString());

        ThrowawayRoot.Result upgrade = root.run("dpkg", "-i", next.toString()).expectSuccess();
        ThrowawayRoot.deleteTree(scratch);
        assertTrue(upgrade.out().contains("over (" + control(deb).get("Version") + ")"), upgrade.toString());
        assertTrue(root.run("dpkg", "-s", "tessera").out().contains("Version: " + control(deb).get("Version") + "+check"));
        assertEquals(before, digests("/etc/tessera", "/var/lib/tessera", HOME + "/data"), "settings, secrets and data untouched");

        // the new version on the old data: the cluster's files, the service's profile
        try (JvmProcess cluster = root.start(AS_OPERATOR, local)) {
            cluster.awaitLine("Local cluster up", START);
            ThrowawayRoot.Result dryRun = root.run(Duration.ofMinutes(2), AS_OPERATOR, "tessera", "submit", "--input", "/check", "--op", "thumbnail:64",
                    "--dry-run").expectSuccess();
            assertTrue(dryRun.out().contains(": 6 images"), dryRun.toString());
            ThrowawayRoot.Result serviceCheck = root.run(Duration.ofMinutes(2), Map.of(), "tessera-as-service", "check", "--profile", "check", "--timeout", "20");
            assertEquals(0, serviceCheck.exitCode(), "the service's profile and secret still work: " + serviceCheck);
            cluster.terminate();
            assertTrue(cluster.process().waitFor(1, TimeUnit.MINUTES));
        }
    }

    @Test
    @Order(7)
    void removesThenPurgesCleanly() throws Exception {
        root.run("dpkg", "-r", "tessera").expectSuccess();
        for (String gone : List.of("/usr/bin/tessera", "/usr/sbin/tessera-as-service", "/opt/tessera", "/lib/systemd/system/tessera-worker.service",
                "/lib/systemd/system/tessera-worker@.service", "/usr/share/applications/tessera.desktop")) {
            assertFalse(exists(gone), gone + " after remove");
        }
        assertTrue(exists("/etc/tessera/profiles.json"), "remove keeps the settings");
        root.run("dpkg", "-P", "tessera").expectSuccess();
        for (String gone : List.of("/etc/tessera", "/var/lib/tessera", "/var/log/tessera")) {
            assertFalse(exists(gone), gone + " after purge");
        }
        assertFalse(root.run("dpkg", "-s", "tessera").exitCode() == 0, "not installed");
        assertEquals("", root.run("dpkg", "--audit").out(), "no package left half-installed");
        assertTrue(exists(HOME + "/data/local-cluster"), "a user's own data stays");
    }

    @Test
    @Order(8)
    void installsOnAHeadlessHostWithoutDesktopMenus() throws Exception {
        root.run("rm", "-rf", "/usr/share/applications").expectSuccess();
        root.run("dpkg", "-i", deb.toString()).expectSuccess();
        assertFalse(exists("/usr/share/applications"), "no menu folder made");
        ThrowawayRoot.Result version = root.run("tessera", "--version").expectSuccess();
        assertTrue(version.out().startsWith("Tessera "), version.toString());
        root.run("dpkg", "-P", "tessera").expectSuccess();
        assertEquals("", root.run("dpkg", "--audit").out());
    }

    private static String freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return Integer.toString(socket.getLocalPort());
        }
    }

    /** The display Xvfb chose (-displayfd 1: its number on a line of its own, among whatever else it says). */
    private static String displayNumber(JvmProcess xvfb) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            String line = xvfb.awaitLine("", Duration.ofNanos(Math.max(1, deadline - System.nanoTime()))).strip();
            if (line.matches("\\d+")) {
                return line;
            }
        }
        throw new AssertionError("Xvfb named no display: " + xvfb.output());
    }

    private boolean exists(String path) throws Exception {
        return root.run("test", "-e", path).exitCode() == 0;
    }

    /** sha256 of every file under the paths inside the copy, by path. */
    private Map<String, String> digests(String... paths) throws Exception {
        String out = root.run("sh", "-c", "find " + String.join(" ", paths) + " -type f -exec sha256sum {} + | sort -k 2").expectSuccess().out();
        return out.lines().map(l -> l.split("\\s+", 2)).collect(Collectors.toMap(p -> p[1], p -> p[0]));
    }

    /** The modules of jpackage.args' --add-modules line. */
    private static Set<String> listedModules() throws IOException {
        String args = Files.readString(Path.of("packaging/jpackage.args"));
        Matcher line = Pattern.compile("(?m)^--add-modules (\\S+)$").matcher(args);
        assertTrue(line.find(), "--add-modules in packaging/jpackage.args");
        return Set.of(line.group(1).split(","));
    }

    private static Map<String, String> control(Path deb) throws Exception {
        return host("dpkg-deb", "--field", deb.toString()).lines().filter(l -> l.contains(": "))
                .collect(Collectors.toMap(l -> l.substring(0, l.indexOf(": ")), l -> l.substring(l.indexOf(": ") + 2).strip()));
    }

    /** Runs a command on this machine (only reading the package, or writing under target/). */
    private static String host(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes());
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), String.join(" ", command));
        assertEquals(0, process.exitValue(), String.join(" ", command) + ":\n" + out);
        return out;
    }
}
