package io.tessera.engine.dispatch;

import io.tessera.engine.events.Event;
import io.tessera.engine.events.EventJson;
import io.tessera.engine.events.EventType;
import java.util.ArrayList;
import java.util.List;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;

/**
 * Turns a {@link Completion} into its script call: complete.lua for done and cancelled tasks (events built
 * here, one per image), fail.lua for a failed task (retry after a backoff, or dead letter on the last attempt).
 */
final class CompletionCalls {
    private final DispatchKeys keys;
    private final DispatchSettings settings;
    private final String worker;

    CompletionCalls(DispatchKeys keys, DispatchSettings settings, String worker) {
        this.keys = keys;
        this.settings = settings;
        this.worker = worker;
    }

    Response<Object> queue(AbstractPipeline pipeline, Completion completion) {
        return completion.kind() == Completion.Kind.FAILED ? queueFailure(pipeline, completion) : queueCompletion(pipeline, completion);
    }

    private Response<Object> queueCompletion(AbstractPipeline pipeline, Completion completion) {
        Task task = completion.delivery().task();
        List<String> args = new ArrayList<>(List.of(DispatchKeys.GROUP, completion.delivery().entry().toString(), task.job(), task.id(),
                completion.kind() == Completion.Kind.DONE ? "done" : "cancelled"));
        List<String> events = new ArrayList<>();
        int ok = 0;
        int failed = 0;
        for (ImageOutcome outcome : completion.outcomes()) {
            switch (outcome) {
                case ImageOutcome.Done done -> {
                    ok++;
                    events.add(EventJson.write(Event.imageDone(task.job(), worker, done.input(), done.output(), done.metrics())));
                }
                case ImageOutcome.Failed bad -> {
                    failed++;
                    events.add(EventJson.write(Event.imageFailed(task.job(), worker, bad.input(), bad.reason())));
                }
            }
        }
        args.addAll(List.of(Integer.toString(ok), Integer.toString(failed), worker, Long.toString(settings.resultsMaxLen()),
                keys.events().channelPrefix()));
        args.addAll(events);
        return DispatchScripts.COMPLETE.queue(pipeline, List.of(keys.tasks(completion.delivery().stream()), keys.job(task.job()),
                keys.settled(task.job()), keys.events().results()), args);
    }

    private Response<Object> queueFailure(AbstractPipeline pipeline, Completion completion) {
        Task task = completion.delivery().task();
        boolean last = task.attempt() >= settings.maxAttempts();
        Task next = last ? task.withAttempt(task.attempt(), completion.error()) : task.withAttempt(task.attempt() + 1, completion.error());
        Event event = Event.taskFailed(last ? EventType.TASK_DEAD : EventType.TASK_RETRY, task.job(), worker, task.id(), task.attempt(), completion.error());
        List<String> args = List.of(DispatchKeys.GROUP, completion.delivery().entry().toString(), task.job(), task.id(),
                last ? "dead" : "retry", next.toJson(), task.priority().name(), Long.toString(settings.retryDelayMillis(task.attempt())),
                worker, Long.toString(settings.resultsMaxLen()), keys.events().channelPrefix(), completion.error(), EventJson.write(event));
        return DispatchScripts.FAIL.queue(pipeline, List.of(keys.tasks(completion.delivery().stream()), keys.job(task.job()),
                keys.settled(task.job()), keys.events().results(), keys.retry(), keys.dead()), args);
    }
}
