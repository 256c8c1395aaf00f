package io.tessera.engine.membership;

import java.time.Instant;

/**
 * An operator's request to one worker, kept in {@code worker-requests/<id>} until the worker acts on it: drain (no new
 * tasks, the images at hand finish, then it leaves) or stop (its tasks go back to the others now, then it leaves).
 * {@code by} is who asked (OS user and host of the console), for the worker's log.
 */
public record WorkerRequest(Action action, String by, Instant at) {

    public enum Action { DRAIN, STOP }

    public static WorkerRequest of(Action action) {
        return new WorkerRequest(action, System.getProperty("user.name", "?") + "@" + WorkerInfo.hostName(), Instant.now());
    }
}
