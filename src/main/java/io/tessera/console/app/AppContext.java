package io.tessera.console.app;

import io.tessera.console.connection.ConnectionSource;
import java.io.IOException;
import io.tessera.console.about.AboutView;
import io.tessera.console.about.AboutViewModel;
import io.tessera.console.about.BuildInfo;
import io.tessera.console.about.JavaRuntime;
import io.tessera.console.audit.AuditView;
import io.tessera.console.audit.AuditViewModel;
import io.tessera.console.common.BackgroundTasks;
import io.tessera.console.common.ErrorSink;
import io.tessera.console.common.UiThread;
import io.tessera.console.connection.HealthFeed;
import io.tessera.console.connection.LocalCluster;
import io.tessera.console.connection.Session;
import io.tessera.console.hdfs.HdfsView;
import io.tessera.console.hdfs.HdfsViewModel;
import io.tessera.console.health.DashboardModel;
import io.tessera.console.health.HealthView;
import io.tessera.console.health.HealthViewModel;
import io.tessera.console.jobs.JobsView;
import io.tessera.console.jobs.JobsViewModel;
import io.tessera.console.monitor.MonitorView;
import io.tessera.console.monitor.MonitorViewModel;
import io.tessera.console.live.LiveView;
import io.tessera.console.live.LiveViewModel;
import io.tessera.console.profiles.ProfileSwitcherView;
import io.tessera.console.profiles.ProfilesViewModel;
import io.tessera.console.shards.ShardsView;
import io.tessera.console.shards.ShardsViewModel;
import io.tessera.console.shell.Panel;
import io.tessera.console.shell.ShellView;
import io.tessera.console.shell.ShellViewModel;
import io.tessera.console.startup.StartupView;
import io.tessera.console.startup.StartupViewModel;
import io.tessera.console.status.StatusView;
import io.tessera.console.status.StatusViewModel;
import io.tessera.console.theme.Theme;
import io.tessera.console.theme.ThemeModel;
import io.tessera.console.theme.UiSettings;
import io.tessera.console.workers.ConsoleWorkerPool;
import io.tessera.console.workers.WorkerPoolSettings;
import io.tessera.engine.AppDirectories;
import io.tessera.engine.cluster.LocalClusterSettings;
import io.tessera.engine.connect.ProfileResolver;
import io.tessera.engine.profile.ProfileActions;
import io.tessera.engine.profile.ProfileStore;
import io.tessera.engine.profile.SecretStore;
import io.tessera.engine.upload.Uploader;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;
import javafx.scene.Parent;

/**
 * The one place that wires the console: engine objects, the background executor, the view models,
 * and (on the FX thread) the views. Creating it reads the small settings file: do it off the FX thread.
 */
public final class AppContext {
    static final Duration HEALTH_INTERVAL = Duration.ofSeconds(5);
    static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(3);
    static final Duration TEST_TIMEOUT = Duration.ofSeconds(2);
    static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private final AppDirectories dirs;
    private final BackgroundTasks tasks;
    private final Session session;
    private final ThemeModel theme;
    private final ShellViewModel shell;
    private final StatusViewModel status;
    private final HealthViewModel health;
    private final ProfilesViewModel profiles;
    private final StartupViewModel startup;
    private final ShardsViewModel shards;
    private final HdfsViewModel hdfs;
    private final ConsoleWorkerPool workerPool;
    private final JobsViewModel jobs;
    private final MonitorViewModel monitor;
    private final LiveViewModel live;
    private final AuditViewModel audit;
    private final BuildInfo build = BuildInfo.load();

    public AppContext(AppDirectories dirs, UiThread ui, BackgroundTasks tasks, Consumer<Theme> themeApplier, Runnable exit, ErrorSink errors) {
        this.dirs = dirs;
        this.tasks = tasks;
        SecretStore secrets = SecretStore.inDirectories(dirs);
        ProfileStore store = ProfileStore.inDirectories(dirs);
        LocalCluster local = new LocalCluster(localClusterSettings(dirs, ui, errors), tasks, ui);
        HealthFeed feed = new HealthFeed(ui, HEALTH_INTERVAL, HEALTH_TIMEOUT);
        this.session = new Session(new ProfileResolver(dirs.localCluster(), secrets), local, feed, tasks);
        this.theme = new ThemeModel(UiSettings.load(dirs.config()), tasks, themeApplier);
        this.shell = new ShellViewModel(session, theme, ui, exit, STOP_GRACE);
        DashboardModel dashboard = new DashboardModel(session, ConnectionSource.services(session.connection()), tasks, ui);
        this.status = new StatusViewModel(session, tasks, dashboard.alerts(), () -> shell.select(Panel.HEALTH));
        this.health = new HealthViewModel(session, dashboard);
        this.profiles = new ProfilesViewModel(new ProfileActions(store, secrets, session.connection().trail()), secrets, session, tasks, errors, TEST_TIMEOUT);
        this.startup = new StartupViewModel(session);
        this.shards = new ShardsViewModel(session.connection(), tasks, ui);
        this.hdfs = new HdfsViewModel(session.connection(), tasks, ui, Uploader.journalFolder(dirs));
        // follows the active connection; drained before that connection closes (profile switch, exit)
        this.workerPool = new ConsoleWorkerPool(session.connection(), WorkerPoolSettings.load(dirs.config()), ui, tasks, store);
        this.jobs = new JobsViewModel(session.connection(), tasks, ui, workerPool, hdfs::selectionForJob);
        this.monitor = new MonitorViewModel(session.connection(), tasks, ui);
        this.live = new LiveViewModel(session.connection(), tasks, ui, this::showInHdfs);
        this.audit = AuditViewModel.forActive(session.connection(), tasks, ui);
    }

    /** The operator's port settings, or free ports (and a readable warning) when the settings file is unusable. */
    private static LocalClusterSettings localClusterSettings(AppDirectories dirs, UiThread ui, ErrorSink errors) {
        try {
            return LocalClusterSettings.load(dirs.localClusterSettingsFile(), dirs.localCluster());
        } catch (IOException | IllegalArgumentException e) {
            ui.execute(() -> errors.show("The local cluster settings were ignored; using free ports", e.getMessage()));
            return LocalClusterSettings.freePorts(dirs.localCluster());
        }
    }

    /** Shows an image (or folder) in the HDFS panel, selected (the Live panel's error list). */
    private void showInHdfs(String path) {
        hdfs.reveal(path);
        shell.select(Panel.HDFS);
    }

    /** Builds the main window's views; on the FX thread. */
    public ShellView createShellView() {
        Map<Panel, Parent> panels = new EnumMap<>(Panel.class);
        for (Panel panel : Panel.values()) {
            panels.put(panel, switch (panel) {
                case HEALTH -> new HealthView(health).root();
                case SHARDS -> new ShardsView(shards).root();
                case HDFS -> new HdfsView(hdfs).root();
                case JOBS -> new JobsView(jobs).root();
                case MONITOR -> new MonitorView(monitor).root();
                case LIVE -> new LiveView(live).root();
                case AUDIT -> new AuditView(audit).root();
            });
        }
        return new ShellView(shell, new ProfileSwitcherView(profiles), new StatusView(status).root(),
                new StartupView(startup).root(), panels, AppIcons.forToolbar(),
                owner -> new AboutView(about(), AppIcons.forToolbar()).show(owner));
    }

    /** What the About dialog shows: this build and runtime, and this installation's folders. */
    public AboutViewModel about() {
        return new AboutViewModel(build, JavaRuntime.current(), dirs, AboutViewModel.currentLogFolder());
    }

    /** Applies the theme, starts the local cluster and loads the saved profiles. */
    public void start() {
        shell.start();
        profiles.reload();
    }

    public AppDirectories directories() {
        return dirs;
    }

    public BackgroundTasks tasks() {
        return tasks;
    }

    public Session session() {
        return session;
    }

    public ThemeModel theme() {
        return theme;
    }

    public ShellViewModel shell() {
        return shell;
    }

    public HealthViewModel health() {
        return health;
    }

    public ProfilesViewModel profiles() {
        return profiles;
    }

    public ShardsViewModel shards() {
        return shards;
    }

    public HdfsViewModel hdfs() {
        return hdfs;
    }

    public JobsViewModel jobs() {
        return jobs;
    }

    public ConsoleWorkerPool workerPool() {
        return workerPool;
    }

    public MonitorViewModel monitor() {
        return monitor;
    }

    public LiveViewModel live() {
        return live;
    }

    public AuditViewModel audit() {
        return audit;
    }

    public StatusViewModel status() {
        return status;
    }
}
