package io.tessera.console.hdfs;

import io.tessera.console.connection.ActiveConnection;
import io.tessera.console.connection.ConnectionSource;
import io.tessera.engine.images.ImageInspector;
import io.tessera.engine.images.ImageLimits;
import io.tessera.engine.kerberos.HdfsIdentity;
import io.tessera.engine.services.ClusterServices;
import io.tessera.engine.store.Downloads;
import io.tessera.engine.store.FileActions;
import io.tessera.engine.store.HdfsBrowser;
import io.tessera.engine.thumbs.ThumbnailService;
import io.tessera.engine.thumbs.ThumbnailSettings;

/**
 * What the HDFS panel works with, for one connection: the engine's reads ({@link HdfsBrowser}), its file actions
 * (every write: upload, folders, rename, move, trash, restore, delete, replication) and a thumbnail service of the
 * panel's own. Made and used off the UI thread.
 */
public final class HdfsBackend implements AutoCloseable {
    private final HdfsBrowser browser;
    private final FileActions files;
    private final Downloads downloads;
    private final ThumbnailService thumbnails;
    private final ImageInspector inspector = new ImageInspector(ImageLimits.DEFAULT);
    private final ClusterServices services;

    /** @param uploadJournals where uploads record their temporaries in flight; null for none */
    public HdfsBackend(ClusterServices services, java.nio.file.Path uploadJournals) {
        this(services, uploadJournals, services.thumbnails(ThumbnailSettings.DEFAULT));
    }

    /** With thumbnails made elsewhere (tests watch what is read, and when). */
    HdfsBackend(ClusterServices services, java.nio.file.Path uploadJournals, ThumbnailService thumbnails) {
        this.services = services;
        this.browser = services.hdfs();
        this.files = services.files(uploadJournals);
        this.downloads = services.downloads();
        this.thumbnails = thumbnails;
    }

    public HdfsBrowser browser() {
        return browser;
    }

    /** Every write the panel makes, refused on a read-only profile and recorded in the audit trail. */
    public FileActions files() {
        return files;
    }

    public Downloads downloads() {
        return downloads;
    }

    public ThumbnailService thumbnails() {
        return thumbnails;
    }

    /** Who the panel acts as in HDFS (blocking: may sign in with Kerberos). */
    public HdfsIdentity identity() throws java.io.IOException {
        return services.hdfsIdentity();
    }

    public ImageInspector inspector() {
        return inspector;
    }

    @Override
    public void close() {
        thumbnails.close();
    }

    /** The backend of the active profile's connection, made again when the connection changes. */
    public static ConnectionSource<HdfsBackend> of(ActiveConnection active, java.nio.file.Path uploadJournals) {
        return ConnectionSource.of(active, services -> new HdfsBackend(services, uploadJournals));
    }
}
