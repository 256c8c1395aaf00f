package io.tessera.engine.sim;

import java.nio.file.Path;

/** The state of a sim being made, written to disk at every change so that a crash leaves an exact record. */
final class StateJournal {
    private final Path dir;
    private SimState state;

    StateJournal(Path dir, SimState state) throws SimException {
        this.dir = dir;
        this.state = state;
        state.write(dir);
    }

    synchronized SimState state() {
        return state;
    }

    /** Written before the namespace is made: a crash in between leaves a record that names it anyway. */
    synchronized void hostMade(SimHost host) throws SimException {
        state = state.with(state.host(host.name()).madeNow());
        state.write(dir);
    }

    synchronized void processStarted(SimHost host, long pid) throws SimException {
        state = state.with(state.host(host.name()).withPid(pid));
        state.write(dir);
    }
}
