package io.tessera.engine.dispatch;

import io.tessera.engine.events.Event;
import io.tessera.engine.events.EventJson;
import io.tessera.engine.events.EventType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;

/**
 * Turns completions into script calls: complete.lua for done and cancelled tasks, batched per job and stream
 * (events built here, one per image), fail.lua for a failed task (retry after a backoff, or dead letter on the last attempt).
 */
final class CompletionCalls {
    /** The metric the {@code dhash} op leaves (16 hex digits), kept per job for finding near-duplicates. */
    static final String DHASH = "dhash";
    private final DispatchKeys keys;
    private final DispatchSettings settings;
    private final String worker;

    CompletionCalls(DispatchKeys keys, DispatchSettings settings, String worker) {
        this.keys = keys;
        this.settings = settings;
        this.worker = worker;
    }

    /**
     * Splits a batch into script calls: completions of one job from one stream share a call (in order);
     * each failure is a call of its own.
     */
    static List<List<Completion>> calls(List<Completion> batch) {
        Map<String, List<Completion>> together = new LinkedHashMap<>();
        List<List<Completion>> calls = new ArrayList<>();
        for (Completion completion : batch) {
            if (completion.kind() == Completion.Kind.FAILED) {
                calls.add(List.of(completion));
            } else {
                together.computeIfAbsent(completion.delivery().stream() + " " + completion.delivery().task().job(), k -> new ArrayList<>()).add(completion);
            }
        }
        calls.addAll(together.values());
        return calls;
    }

    /** Queues one call made by {@link #calls}. */
    Response<Object> queue(AbstractPipeline pipeline, List<Completion> call) {
        return call.getFirst().kind() == Completion.Kind.FAILED ? queueFailure(pipeline, call.getFirst()) : queueCompletions(pipeline, call);
    }

    private Response<Object> queueCompletions(AbstractPipeline pipeline, List<Completion> sameJobAndStream) {
        Delivery first = sameJobAndStream.getFirst().delivery();
        String job = first.task().job();
        List<String> args = new ArrayList<>(List.of(DispatchKeys.GROUP, job, worker, Long.toString(settings.resultsMaxLen()),
                keys.events().channelPrefix()));
        for (Completion completion : sameJobAndStream) {
            addCompletion(args, completion);
        }
        List<String> scriptKeys = new ArrayList<>(List.of(keys.tasks(first.stream()), keys.job(job), keys.settled(job),
                keys.events().results(), keys.shards(job)));
        scriptKeys.addAll(keys.records(job));
        return DispatchScripts.COMPLETE.queue(pipeline, scriptKeys, args);
    }

    /** One task's part of complete.lua's arguments: its events, and the job's records of its failures and dhashes. */
    private void addCompletion(List<String> args, Completion completion) {
        Task task = completion.delivery().task();
        List<String> events = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        List<String> hashes = new ArrayList<>();
        int ok = 0;
        for (int i = 0; i < completion.outcomes().size(); i++) {
            long at = completion.finishedAt(i); // the image's own time, not the task's: a rate by event time reads steady
            switch (completion.outcomes().get(i)) {
                case ImageOutcome.Done done -> {
                    ok++;
                    events.add(EventJson.write(Event.imageDone(task.job(), worker, done.input(), done.output(), done.metrics(), at)));
                    if (done.metrics().get(DHASH) instanceof String hex) {
                        hashes.addAll(List.of(done.input(), hex));
                    }
                }
                case ImageOutcome.Failed bad -> {
                    events.add(EventJson.write(Event.imageFailed(task.job(), worker, bad.input(), bad.reason(), at)));
                    failures.addAll(List.of(bad.input(), bad.reason()));
                }
            }
        }
        args.addAll(List.of(completion.delivery().entry().toString(), task.id(), Integer.toString(task.shard()), completion.kind() == Completion.Kind.DONE ? "done" : "cancelled",
                Integer.toString(ok), Integer.toString(failures.size() / 2), Integer.toString(events.size()),
                Integer.toString(failures.size() / 2), Integer.toString(hashes.size() / 2)));
        args.add(String.join(",", events)); // one argument for all: the script passes them on as they are, a batch entry's part

        args.addAll(failures);
        args.addAll(hashes);
    }

    private Response<Object> queueFailure(AbstractPipeline pipeline, Completion completion) {
        Task task = completion.delivery().task();
        boolean last = task.attempt() >= settings.maxAttempts();
        Task next = last ? task.withAttempt(task.attempt(), completion.error()) : task.withAttempt(task.attempt() + 1, completion.error());
        Event event = Event.taskFailed(last ? EventType.TASK_DEAD : EventType.TASK_RETRY, task.job(), worker, task.id(), task.attempt(), completion.error());
        List<String> args = List.of(DispatchKeys.GROUP, completion.delivery().entry().toString(), task.job(), task.id(),
                last ? "dead" : "retry", next.toJson(), task.priority().name(), Long.toString(settings.retryDelayMillis(task.attempt())),
                worker, Long.toString(settings.resultsMaxLen()), keys.events().channelPrefix(), completion.error(), EventJson.write(event),
                Integer.toString(task.shard()), Long.toString(settings.deadMaxLen()));
        List<String> scriptKeys = new ArrayList<>(List.of(keys.tasks(completion.delivery().stream()), keys.job(task.job()),
                keys.settled(task.job()), keys.events().results(), keys.retry(), keys.dead(), keys.shards(task.job())));
        scriptKeys.addAll(keys.records(task.job()));
        return DispatchScripts.FAIL.queue(pipeline, scriptKeys, args);
    }
}
