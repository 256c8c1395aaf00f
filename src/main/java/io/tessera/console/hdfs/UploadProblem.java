package io.tessera.console.hdfs;

/**
 * A file an upload did not store: its name relative to the target (made displayable: an invisible character is shown
 * as its code point), what happened to it ({@code refused}, {@code failed}, {@code cancelled}) and why.
 */
public record UploadProblem(String file, String outcome, String reason) {
    /** One line, as copied: "photos/a.jpg: refused — truncated JPEG: no end-of-image marker". */
    public String line() {
        return file + ": " + outcome + (reason.isEmpty() ? "" : " — " + reason);
    }
}
