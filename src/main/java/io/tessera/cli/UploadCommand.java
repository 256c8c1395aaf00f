package io.tessera.cli;

import io.tessera.engine.AppDirectories;
import io.tessera.engine.Reasons;
import io.tessera.engine.audit.AuditOrigin;
import io.tessera.engine.profile.ConnectionProfile;
import io.tessera.engine.services.ClusterServices;
import io.tessera.engine.store.FileActions;
import io.tessera.engine.store.SafeNames;
import io.tessera.engine.upload.ConflictPolicy;
import io.tessera.engine.upload.ConflictResolver;
import io.tessera.engine.upload.FileOutcome;
import io.tessera.engine.upload.UploadJob;
import io.tessera.engine.upload.UploadListener;
import io.tessera.engine.upload.UploadRequest;
import io.tessera.engine.upload.UploadSummary;
import io.tessera.engine.upload.Uploader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** `tessera upload SRC... DEST`: images and folders of images into an HDFS folder; Ctrl-C cancels cleanly. */
@Command(name = "upload", mixinStandardHelpOptions = true,
        description = {"Upload image files and folders (structure kept) to an HDFS folder.",
                "Each file is checked by content and by name (hidden names, invisible characters and names over 255 bytes",
                "are refused) and written under a temporary name, then renamed: no half files are visible, Ctrl-C leaves",
                "none behind, and what a killed upload left is deleted by the next one. Exit code: 0 all uploaded or skipped, 1 otherwise."})
final class UploadCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = {"-p", "--profile"}, defaultValue = ConnectionProfile.LOCAL_NAME, description = "Profile name (default: ${DEFAULT-VALUE}).")
    String profileName;

    @Option(names = "--on-conflict", defaultValue = "skip", paramLabel = "skip|overwrite|keep-both",
            description = "When the name is taken in HDFS (default: ${DEFAULT-VALUE}).")
    String onConflict;

    @Option(names = "--parallel", defaultValue = "4", description = "Files uploaded at once (default: ${DEFAULT-VALUE}).")
    int parallel;

    @Parameters(arity = "2..*", paramLabel = "SRC... DEST", description = "Local files or folders, then the HDFS folder.")
    List<String> arguments;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        List<Path> sources = arguments.subList(0, arguments.size() - 1).stream().map(Path::of).toList();
        String target = arguments.getLast();
        if (!target.startsWith("/")) {
            throw new ReadableErrors.UserError("the destination must be an absolute HDFS path, like /tessera/photos (got " + target + ")", 2);
        }
        UploadRequest request;
        try {
            request = UploadRequest.of(sources, target, policy(), Math.max(1, parallel));
        } catch (java.io.IOException e) {
            throw new ReadableErrors.UserError(e.getMessage(), 2);
        }
        try (ClusterServices services = ClusterServices.open(ProfileTargets.resolve(profileName), AuditOrigin.of("cli"))) {
            FileActions files = services.files(Uploader.journalFolder(AppDirectories.fromEnvironment()));
            sweepInterrupted(files, out); // nothing on a read-only profile
            UploadJob job = files.upload(request, problemPrinter(out), ConflictResolver.SKIP_ALL); // refused on a read-only profile
            out.printf("Uploading %d file(s) to %s%n", request.items().size(), target);
            out.flush();
            Thread onCtrlC = new Thread(() -> cancelAndWait(job, out), "upload-cancel");
            Runtime.getRuntime().addShutdownHook(onCtrlC);
            UploadSummary summary = job.await();
            try {
                Runtime.getRuntime().removeShutdownHook(onCtrlC);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl-C came as we finished: the hook is already running
            }
            out.println(summaryLine(summary));
            out.flush();
            return summary.allGood() ? 0 : 1;
        }
    }

    /** What uploads killed earlier left behind goes first; a failure here is said and the upload goes on. */
    private static void sweepInterrupted(FileActions files, PrintWriter out) {
        try {
            int deleted = files.sweepInterrupted();
            if (deleted > 0) {
                out.printf("Deleted %d temporary file(s) left by an interrupted upload%n", deleted);
            }
        } catch (java.io.IOException | RuntimeException e) {
            out.println("Could not clean up after an interrupted upload (tried again next time): " + Reasons.oneLine(e));
        }
    }

    private ConflictPolicy policy() {
        return switch (onConflict.toLowerCase(Locale.ROOT)) {
            case "skip" -> ConflictPolicy.SKIP;
            case "overwrite" -> ConflictPolicy.OVERWRITE;
            case "keep-both" -> ConflictPolicy.KEEP_BOTH;
            default -> throw new ReadableErrors.UserError("--on-conflict takes skip, overwrite or keep-both (got " + onConflict + ")", 2);
        };
    }

    private static UploadListener problemPrinter(PrintWriter out) {
        return new UploadListener() {
            @Override
            public void fileFinished(FileOutcome o) {
                if (o.status() == FileOutcome.Status.UPLOADED || o.status() == FileOutcome.Status.CANCELLED) {
                    return;
                }
                synchronized (out) {
                    out.printf("  %-8s %s: %s%n", o.status().name().toLowerCase(Locale.ROOT), SafeNames.displayable(o.item().source().toString()), o.reason());
                    out.flush();
                }
            }
        };
    }

    /** Runs on Ctrl-C: stop every file at its next chunk and wait until their temporary copies are gone. */
    private static void cancelAndWait(UploadJob job, PrintWriter out) {
        if (job.isDone()) {
            return;
        }
        job.cancel();
        try {
            UploadSummary summary = job.await(Duration.ofSeconds(30));
            out.println("Cancelled; no partial files left. " + summaryLine(summary));
        } catch (Exception e) {
            out.println("Cancelled; cleanup did not finish in 30 s");
        }
        out.flush();
    }

    static String summaryLine(UploadSummary s) {
        return String.format(Locale.ROOT, "Uploaded %d of %d file(s), %s in %.1f s (%.1f files/s); %d refused, %d skipped, %d failed%s",
                s.count(FileOutcome.Status.UPLOADED), s.outcomes().size(), Sizes.bytes(s.bytesUploaded()), s.elapsed().toMillis() / 1000.0,
                s.filesPerSecond(), s.count(FileOutcome.Status.REFUSED), s.count(FileOutcome.Status.SKIPPED), s.count(FileOutcome.Status.FAILED),
                s.cancelled() ? ", " + s.count(FileOutcome.Status.CANCELLED) + " cancelled" : "");
    }
}
