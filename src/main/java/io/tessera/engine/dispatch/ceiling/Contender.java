package io.tessera.engine.dispatch.ceiling;

/** Who is measured: Tessera's dispatch with tasks of {@code imagesPerTask} images, or BullMQ's no-op jobs (one image each). */
public record Contender(String name, int imagesPerTask, boolean bullmq) {
    static Contender tessera(int imagesPerTask) {
        return new Contender("Tessera, " + imagesPerTask + (imagesPerTask == 1 ? " image" : " images") + " per task", imagesPerTask, false);
    }

    static final Contender BULLMQ = new Contender("BullMQ, no-op jobs", 1, true);
}
