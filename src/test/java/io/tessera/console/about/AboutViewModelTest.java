package io.tessera.console.about;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.engine.AppDirectories;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The About dialog's text: what a bug report gets from Copy. */
class AboutViewModelTest {
    private static final BuildInfo BUILD = new BuildInfo("0.1.0", "7ac9250 2026-12-06T07:19:00+00:00", true, "2026-12-06T07:27:10Z",
            "25.0.2", "3.4.3", "3.9.3", "5.9.0", "8.0.2", "4.13.0-1.5.13", "linux-x86_64");
    private static final JavaRuntime JAVA = new JavaRuntime("25.0.3+9-LTS", "Eclipse Adoptium", "/opt/tessera/lib/runtime", "25.0.2+3",
            "Linux 6.1.0 amd64", "0.1.0~snapshot202612060811", "/opt/tessera/bin/tessera");

    @Test
    void theTextNamesVersionBuildRuntimeLibrariesAndFolders() {
        AboutViewModel about = new AboutViewModel(BUILD, JAVA, AppDirectories.under(Path.of("/home/op/tessera")), Path.of("/home/op/tessera/state/logs"));
        assertEquals("""
                Tessera
                Version: 0.1.0
                Build: 7ac9250 of 2026-12-06T07:19:00+00:00, with uncommitted changes; built 2026-12-06T07:27:10Z
                Package: 0.1.0~snapshot202612060811, started by /opt/tessera/bin/tessera
                Java: 25.0.3+9-LTS (Eclipse Adoptium) in /opt/tessera/lib/runtime
                JavaFX: 25.0.2+3
                Hadoop: 3.4.3
                ZooKeeper: 3.9.3 (Curator 5.9.0)
                Jedis: 8.0.2
                OpenCV: 4.13.0 (JavaCPP 1.5.13, natives for linux-x86_64)
                OS: Linux 6.1.0 amd64
                Config folder: /home/op/tessera/config
                Data folder: /home/op/tessera/data
                Local cluster: /home/op/tessera/data/local-cluster
                Log folder: /home/op/tessera/state/logs
                """, about.text());
    }

    @Test
    void copyHandsTheTextToTheClipboardAndSaysSo() {
        AboutViewModel about = new AboutViewModel(BUILD, JAVA, AppDirectories.under(Path.of("/t")), Path.of("/t/logs"));
        List<String> clipboard = new ArrayList<>();
        assertEquals("", about.statusProperty().get());
        about.copy(clipboard::add);
        assertEquals(List.of(about.text()), clipboard);
        assertEquals("Copied to the clipboard", about.statusProperty().get());
    }

    @Test
    void aBuildWithoutGitAndJavaFxNotYetStartedReadAsUnknownAndTheBuildsJavaFx() {
        Properties props = new Properties();
        props.setProperty("version", "0.1.0");
        props.setProperty("commit", "unknown");
        props.setProperty("hadoop", "${hadoop.version}"); // unfiltered: classes run from an IDE
        props.setProperty("javafx", "25.0.2");
        BuildInfo build = BuildInfo.from(props);
        assertEquals("unknown", build.hadoop());
        assertFalse(build.dirty());
        AboutViewModel about = new AboutViewModel(build, new JavaRuntime("25", "v", "/j", "", "Linux", "", ""), AppDirectories.under(Path.of("/t")),
                Path.of("/t/logs"));
        assertTrue(about.text().contains("\nBuild: commit unknown; built unknown\n"), about.text());
        assertTrue(about.text().contains("\nJavaFX: 25.0.2\n"), about.text());
        assertTrue(about.text().contains("\nHadoop: unknown\n"), about.text());
        assertFalse(about.text().contains("Package:"), "from a build tree, no package: " + about.text());
    }

    @Test
    void theBuildFiltersItsOwnVersionsIntoTheResource() {
        BuildInfo build = BuildInfo.load();
        assertTrue(build.version().matches("\\d+\\.\\d+\\.\\d+.*"), build.toString());
        assertTrue(build.commit().equals("unknown") || build.commit().matches("[0-9a-f]{7,} \\d{4}-\\d\\d-\\d\\dT.*"), build.toString());
        assertTrue(build.buildTime().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"), build.toString());
        for (String library : List.of(build.javafx(), build.hadoop(), build.zooKeeper(), build.curator(), build.jedis(), build.opencv(), build.nativePlatform())) {
            assertFalse(library.equals("unknown"), build.toString());
        }
        assertEquals("3.4.3", build.hadoop());
    }
}
