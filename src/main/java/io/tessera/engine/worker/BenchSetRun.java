package io.tessera.engine.worker;

import io.tessera.engine.bench.BenchSet;
import io.tessera.engine.bench.CpuClock;
import io.tessera.engine.ops.reference.ReferencePipeline;
import io.tessera.engine.worker.JobBenchmark.Contender;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** One set's state through a {@link JobBenchmark} run: its bytes, its HDFS folder, its processors and what its rounds measured. */
final class BenchSetRun {
    final BenchSet set;
    final List<byte[]> images;
    final String input;
    final int repeat;
    /** The direct path's processor's stage times, warm-up included. */
    final StageTimes direct = new StageTimes();
    /** Of those, the timed rounds' only. */
    final StageTimes directRounds = new StageTimes();
    final StageTimes job = new StageTimes();
    final ImageProcessor processor;
    final ReferencePipeline reference;
    final List<Map<Contender, Double>> rounds = new ArrayList<>();
    final Map<Contender, CpuClock.Reading> cpu = new EnumMap<>(Contender.class);
    final Map<Contender, Long> counted = new EnumMap<>(Contender.class);
    double jobSeconds;
    double directSeconds;
    double submitSeconds;
    double startSeconds;
    double tailSeconds;
    long failed;

    BenchSetRun(BenchSet set, List<byte[]> images, String input, int repeat, WorkerOptions workerOptions) {
        this.set = set;
        this.images = images;
        this.input = input;
        this.repeat = repeat;
        this.processor = new ImageProcessor(workerOptions.limits(), workerOptions.imageTimeLimit(), direct);
        this.reference = new ReferencePipeline(workerOptions.limits());
    }

    /** The list {@code repeat} times over, in the order the job's listing has its copies (by copy, then by name). */
    <T> List<T> repeated(List<T> items) {
        List<T> all = new ArrayList<>();
        for (int copy = 0; copy < repeat; copy++) {
            all.addAll(items);
        }
        return all;
    }

    /** The name copy {@code copy} of file {@code index} has in the set's HDFS folder. */
    String nameInStore(int copy, int index) {
        String name = set.files().get(index).getFileName().toString();
        return repeat == 1 ? name : copy + "-" + name;
    }

    /** Adds a contender's CPU readings and image count. */
    void spent(Contender contender, CpuClock.Reading reading, long imageCount) {
        cpu.merge(contender, reading, CpuClock.Reading::plus);
        counted.merge(contender, imageCount, Long::sum);
    }

    JobBenchmark.SetFigures figures() {
        processor.close();
        return new JobBenchmark.SetFigures(set, rounds, cpu, counted, job, directRounds, jobSeconds, directSeconds, submitSeconds, startSeconds, tailSeconds, failed);
    }
}
