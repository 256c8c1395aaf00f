package io.tessera.engine.upload;

/** How one file ended: {@code targetPath} is where it landed (or would have), {@code reason} says why not. */
public record FileOutcome(UploadItem item, String targetPath, Status status, String reason, long bytes) {
    public enum Status { UPLOADED, SKIPPED, REFUSED, FAILED, CANCELLED }

    public boolean isProblem() {
        return status == Status.REFUSED || status == Status.FAILED;
    }
}
