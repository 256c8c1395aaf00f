package io.tessera.console.hdfs;

import io.tessera.console.connection.ActiveConnection;
import io.tessera.console.connection.PerConnection;
import io.tessera.engine.connect.ClusterConnection;
import io.tessera.engine.images.ImageInspector;
import io.tessera.engine.images.ImageLimits;
import io.tessera.engine.store.Downloads;
import io.tessera.engine.store.HdfsBrowser;
import io.tessera.engine.store.HdfsFiles;
import io.tessera.engine.store.HdfsTrash;
import io.tessera.engine.thumbs.ThumbnailService;
import io.tessera.engine.thumbs.ThumbnailSettings;
import io.tessera.engine.upload.Uploader;

/** The engine objects the HDFS panel works with, for one connection. Made and used off the UI thread. */
public final class HdfsBackend implements AutoCloseable {
    private final HdfsBrowser browser;
    private final HdfsFiles files;
    private final HdfsTrash trash;
    private final Downloads downloads;
    private final Uploader uploader;
    private final ThumbnailService thumbnails;
    private final ImageInspector inspector = new ImageInspector(ImageLimits.DEFAULT);

    public HdfsBackend(ClusterConnection connection) {
        this(connection, null);
    }

    /** @param uploadJournals where uploads record their temporaries in flight (see {@link Uploader#journalFolder}); null for none */
    public HdfsBackend(ClusterConnection connection, java.nio.file.Path uploadJournals) {
        this(connection, uploadJournals, ThumbnailService.forConnection(connection, ThumbnailSettings.DEFAULT));
    }

    /** With thumbnails made elsewhere (tests watch what is read, and when). */
    HdfsBackend(ClusterConnection connection, java.nio.file.Path uploadJournals, ThumbnailService thumbnails) {
        this.browser = new HdfsBrowser(connection);
        this.files = new HdfsFiles(browser);
        this.trash = new HdfsTrash(browser);
        this.downloads = new Downloads(browser);
        this.uploader = new Uploader(connection, ImageLimits.DEFAULT, uploadJournals);
        this.thumbnails = thumbnails;
    }

    public HdfsBrowser browser() {
        return browser;
    }

    public HdfsFiles files() {
        return files;
    }

    public HdfsTrash trash() {
        return trash;
    }

    public Downloads downloads() {
        return downloads;
    }

    public Uploader uploader() {
        return uploader;
    }

    public ThumbnailService thumbnails() {
        return thumbnails;
    }

    public ImageInspector inspector() {
        return inspector;
    }

    @Override
    public void close() {
        thumbnails.close();
    }

    /** The backend of the active profile's connection, made again when the connection changes. */
    public static Source of(ActiveConnection active, java.nio.file.Path uploadJournals) {
        return new PerConnection<>(active, connection -> new HdfsBackend(connection, uploadJournals))::get;
    }

    /** Where the panel's engine objects come from: the active profile's, made on first use. Called off the UI thread. */
    @FunctionalInterface
    public interface Source {
        HdfsBackend get() throws Exception;
    }
}
