package io.tessera.cli;

import io.tessera.engine.AppDirectories;
import io.tessera.engine.Version;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** `tessera`: the console by default, and the headless commands that share its jar. */
@Command(name = "tessera", mixinStandardHelpOptions = true, versionProvider = TesseraCommand.VersionProvider.class,
        description = "Operations console and distributed image-processing engine on HDFS, ZooKeeper and Redis.",
        subcommands = {ConsoleCommand.class, LocalCommand.class, CheckCommand.class, ProfileCommand.class, UploadCommand.class,
                PlanCommand.class, SubmitCommand.class, WorkerCommand.class, AuditCommand.class, AclCommand.class, SecretsCommand.class, BenchCommand.class, SimCommand.class})
public final class TesseraCommand implements Runnable {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command line and returns its exit code; the single entry point tests use too. */
    public static int run(String... args) {
        Logging.configure(AppDirectories.fromEnvironment());
        return new CommandLine(new TesseraCommand())
                .setExecutionExceptionHandler(new ReadableErrors())
                .execute(args);
    }

    /** No subcommand: the console, as a desktop launcher expects. */
    @Override
    public void run() {
        new ConsoleCommand().call();
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"Tessera " + Version.get(), "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"};
        }
    }
}
