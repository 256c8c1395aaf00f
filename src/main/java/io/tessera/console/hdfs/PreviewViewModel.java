package io.tessera.console.hdfs;

import io.tessera.console.connection.ConnectionSource;
import io.tessera.console.common.BackgroundTasks;
import io.tessera.console.common.Formats;
import io.tessera.engine.images.ExifSummary;
import io.tessera.engine.images.ImageHeader;
import io.tessera.engine.images.ImageMetadata;
import io.tessera.engine.store.BlockPlacement;
import io.tessera.engine.store.HdfsEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The selected entry in detail: its file status at once, then (in the background) image metadata with
 * EXIF and the block locations. The larger picture is asked of the {@link ThumbnailFeed} by the view.
 */
public final class PreviewViewModel {
    public static final int BOX = 480;

    private final ConnectionSource<HdfsBackend> source;
    private final BackgroundTasks tasks;
    private final ReadOnlyObjectWrapper<HdfsEntry> entry = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("");
    private final ObservableList<Map.Entry<String, String>> facts = FXCollections.observableArrayList();
    private final ObservableList<String> blocks = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper imageProblem = new ReadOnlyStringWrapper("");
    private int generation;

    public PreviewViewModel(ConnectionSource<HdfsBackend> source, BackgroundTasks tasks) {
        this.source = source;
        this.tasks = tasks;
    }

    public void show(HdfsEntry shown) {
        int request = ++generation;
        entry.set(shown);
        facts.clear();
        blocks.clear();
        imageProblem.set("");
        title.set(shown == null ? "" : shown.name());
        if (shown == null) {
            return;
        }
        facts.setAll(status(shown));
        if (shown.directory()) {
            return;
        }
        tasks.run("Reading " + shown.name(), () -> load(shown), details -> {
            if (request == generation) {
                facts.addAll(details.facts());
                blocks.setAll(details.blocks());
                imageProblem.set(details.problem());
            }
        }, reason -> {
            if (request == generation) {
                imageProblem.set(reason);
            }
        });
    }

    private Details load(HdfsEntry shown) throws Exception {
        HdfsBackend backend = source.get();
        List<Map.Entry<String, String>> rows = new ArrayList<>();
        String problem = "";
        if (shown.looksLikeImage()) {
            switch (backend.browser().imageMetadata(shown.path(), backend.inspector())) {
                case ImageMetadata.MetadataResult.Found found -> rows.addAll(image(found.metadata()));
                case ImageMetadata.MetadataResult.NotAnImage not -> problem = not.reason();
            }
        }
        List<String> placed = backend.browser().blocks(shown.path()).stream().map(PreviewViewModel::block).toList();
        return new Details(rows, placed, problem);
    }

    private static List<Map.Entry<String, String>> status(HdfsEntry e) {
        List<Map.Entry<String, String>> rows = new ArrayList<>();
        rows.add(Map.entry("Path", e.path()));
        rows.add(Map.entry("Kind", e.directory() ? "Folder" : "File"));
        if (!e.directory()) {
            rows.add(Map.entry("Size", Formats.exactSize(e.size())));
            rows.add(Map.entry("Replication", String.valueOf(e.replication())));
            rows.add(Map.entry("Block size", Formats.size(e.blockSize())));
        }
        rows.add(Map.entry("Modified", Formats.time(e.modified(), Instant.now())));
        rows.add(Map.entry("Owner", e.owner() + ":" + e.group()));
        rows.add(Map.entry("Permission", e.permission()));
        return rows;
    }

    private static List<Map.Entry<String, String>> image(ImageMetadata metadata) {
        ImageHeader header = metadata.header();
        List<Map.Entry<String, String>> rows = new ArrayList<>();
        rows.add(Map.entry("Format", header.format().name()));
        rows.add(Map.entry("Dimensions", header.dimensions()));
        rows.add(Map.entry("Colour model", header.colourModel()));
        metadata.exif().ifPresent(exif -> rows.addAll(exif(exif)));
        return rows;
    }

    private static List<Map.Entry<String, String>> exif(ExifSummary exif) {
        List<Map.Entry<String, String>> rows = new ArrayList<>();
        if (exif.camera() != null && !exif.camera().isBlank()) {
            rows.add(Map.entry("Camera", exif.camera()));
        }
        if (exif.dateTaken() != null) {
            rows.add(Map.entry("Taken", Formats.time(exif.dateTaken(), Instant.now())));
        }
        if (exif.orientation() != null) {
            rows.add(Map.entry("Orientation", String.valueOf(exif.orientation())));
        }
        rows.add(Map.entry("GPS", exif.hasGps() ? "present" : "none"));
        return rows;
    }

    private static String block(BlockPlacement b) {
        return "Block " + b.index() + " · " + Formats.size(b.length()) + " @ " + b.offset() + " · "
                + (b.dataNodes().isEmpty() ? "no replica" : String.join(", ", b.dataNodes())) + (b.corrupt() ? " · CORRUPT" : "");
    }

    public ReadOnlyObjectProperty<HdfsEntry> entry() {
        return entry.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty title() {
        return title.getReadOnlyProperty();
    }

    /** Label–value rows: file status, then format, dimensions, colour model and EXIF when the file is an image. */
    public ObservableList<Map.Entry<String, String>> facts() {
        return facts;
    }

    /** One line per block: which DataNodes hold it. */
    public ObservableList<String> blocks() {
        return blocks;
    }

    /** Why the file is not a usable image, or empty. */
    public ReadOnlyStringProperty imageProblem() {
        return imageProblem.getReadOnlyProperty();
    }

    private record Details(List<Map.Entry<String, String>> facts, List<String> blocks, String problem) {}
}
