package io.tessera.engine.audit;

import java.io.BufferedReader;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.hdfs.client.HdfsDataInputStream;

/** The trail's daily files in HDFS ({@code YYYY-MM-DD.jsonl}, one record per line, in chain order). */
final class AuditFiles {
    private static final Pattern NAME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}\\.jsonl");
    private static final int TAIL_WINDOW = 64 * 1024;

    private final FileSystem fs;
    private final Path folder;

    AuditFiles(FileSystem fs, String folder) {
        this.fs = fs;
        this.folder = new Path(folder);
    }

    Path of(LocalDate day) {
        return new Path(folder, day + ".jsonl");
    }

    static LocalDate dayOf(Path file) {
        return LocalDate.parse(file.getName().substring(0, 10));
    }

    /** The daily files, oldest first; none when the folder does not exist yet. */
    List<FileStatus> days() throws IOException {
        FileStatus[] all;
        try {
            all = fs.listStatus(folder);
        } catch (FileNotFoundException none) {
            return List.of();
        }
        List<FileStatus> days = new ArrayList<>(Arrays.stream(all).filter(s -> s.isFile() && NAME.matcher(s.getPath().getName()).matches()).toList());
        days.sort(Comparator.comparing(s -> s.getPath().getName()));
        return days;
    }

    BufferedReader read(Path file) throws IOException {
        return new BufferedReader(new InputStreamReader(fs.open(file), StandardCharsets.UTF_8), 64 * 1024);
    }

    /**
     * The last complete line of {@code file}, read from its end (a larger window until a whole line fits). Its length is
     * what a reader sees: for a file open for append (the flusher holds it), the NameNode's length leaves out the block
     * being written, the DataNode's visible length does not.
     */
    Optional<String> lastLine(Path file) throws IOException {
        try (FSDataInputStream in = fs.open(file)) {
            long length = in instanceof HdfsDataInputStream hdfs ? hdfs.getVisibleLength() : fs.getFileStatus(file).getLen();
            if (length == 0) {
                return Optional.empty();
            }
            for (long window = TAIL_WINDOW; ; window *= 4) {
                long start = Math.max(0, length - window);
                byte[] tail = new byte[(int) (length - start)];
                in.readFully(start, tail);
                String text = new String(tail, StandardCharsets.UTF_8);
                int end = text.endsWith("\n") ? text.length() - 1 : text.length();
                int from = text.lastIndexOf('\n', end - 1);
                if (from >= 0 || start == 0) {
                    return Optional.of(text.substring(from + 1, end));
                }
            }
        }
    }

    FileSystem fileSystem() {
        return fs;
    }
}
