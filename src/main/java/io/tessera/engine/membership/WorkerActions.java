package io.tessera.engine.membership;

import io.tessera.engine.actions.ActionGate;
import io.tessera.engine.audit.AuditActions;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * The operator's actions on workers, through {@link WorkerRequests}: drain (finish the images at hand, then leave) and
 * stop (hand the tasks back now). Refused on a read-only profile and recorded once with the worker's id.
 */
public final class WorkerActions {
    private final WorkerRequests requests;
    private final ActionGate gate;

    public WorkerActions(WorkerRequests requests, ActionGate gate) {
        this.requests = requests;
        this.gate = gate;
    }

    public io.tessera.engine.actions.WriteAccess access() {
        return gate.access();
    }

    /** Asks the worker to take no new tasks, finish the images at hand, and leave (a headless worker then exits). */
    public void drain(String workerId) throws IOException {
        gate.run(AuditActions.WORKER_DRAIN, List.of(workerId), Map.of(), () -> requests.send(workerId, WorkerRequest.of(WorkerRequest.Action.DRAIN)));
    }

    /** Asks the worker to hand its tasks back to the others now and leave. */
    public void stop(String workerId) throws IOException {
        gate.run(AuditActions.WORKER_STOP, List.of(workerId), Map.of(), () -> requests.send(workerId, WorkerRequest.of(WorkerRequest.Action.STOP)));
    }
}
