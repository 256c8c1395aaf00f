package io.tessera.console.about;

import io.tessera.engine.AppDirectories;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The About dialog: version and build, the bundled Java, JavaFX and libraries, and where this installation keeps its
 * files, as rows to show and as one text to paste into a bug report.
 */
public final class AboutViewModel {
    private final List<Row> rows;
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");

    /** One line of the dialog. */
    public record Row(String label, String value) {}

    public AboutViewModel(BuildInfo build, JavaRuntime java, AppDirectories dirs, Path logFolder) {
        this.rows = rows(build, java, dirs, logFolder);
    }

    /** The log folder of this process: where Logging pointed logback, else logback's own default. */
    public static Path currentLogFolder() {
        String configured = System.getProperty("tessera.log.dir");
        return configured != null ? Path.of(configured) : Path.of(System.getProperty("java.io.tmpdir"), "tessera-logs");
    }

    private static List<Row> rows(BuildInfo build, JavaRuntime java, AppDirectories dirs, Path logFolder) {
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("Version", build.version()));
        rows.add(new Row("Build", buildText(build)));
        if (!java.packageVersion().isBlank()) {
            rows.add(new Row("Package", java.packageVersion() + ", started by " + java.launcher()));
        }
        rows.add(new Row("Java", java.version() + " (" + java.vendor() + ") in " + java.home()));
        rows.add(new Row("JavaFX", java.javafx().isBlank() ? build.javafx() : java.javafx()));
        rows.add(new Row("Hadoop", build.hadoop()));
        rows.add(new Row("ZooKeeper", build.zooKeeper() + " (Curator " + build.curator() + ")"));
        rows.add(new Row("Jedis", build.jedis()));
        rows.add(new Row("OpenCV", openCvText(build)));
        rows.add(new Row("OS", java.os().strip()));
        rows.add(new Row("Config folder", dirs.config().toString()));
        rows.add(new Row("Data folder", dirs.data().toString()));
        rows.add(new Row("Local cluster", dirs.localCluster().toString()));
        rows.add(new Row("Log folder", logFolder.toString()));
        return List.copyOf(rows);
    }

    /** "7ac9250 of 2026-12-06T07:19:00+00:00, with uncommitted changes; built 2026-12-06T07:27:10Z". */
    private static String buildText(BuildInfo build) {
        String[] commit = build.commit().split(" ", 2);
        String text = commit.length == 2 ? commit[0] + " of " + commit[1] : "commit " + build.commit();
        return text + (build.dirty() ? ", with uncommitted changes" : "") + "; built " + build.buildTime();
    }

    /** "4.13.0 (JavaCPP 1.5.13, natives for linux-x86_64)" from bytedeco's "4.13.0-1.5.13". */
    private static String openCvText(BuildInfo build) {
        int dash = build.opencv().lastIndexOf('-');
        String natives = "natives for " + build.nativePlatform();
        return dash < 0 ? build.opencv() + " (" + natives + ")"
                : build.opencv().substring(0, dash) + " (JavaCPP " + build.opencv().substring(dash + 1) + ", " + natives + ")";
    }

    public List<Row> rows() {
        return rows;
    }

    /** Everything the dialog shows, one "label: value" per line, for a bug report. */
    public String text() {
        return "Tessera\n" + rows.stream().map(row -> row.label() + ": " + row.value()).collect(Collectors.joining("\n")) + "\n";
    }

    /** Puts {@link #text()} on the clipboard the view gives, and says so. */
    public void copy(Consumer<String> clipboard) {
        clipboard.accept(text());
        status.set("Copied to the clipboard");
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
