package io.tessera.engine.cluster;

import io.tessera.engine.ServiceKind;

/** Told about each embedded service as it starts; called from the starting threads. */
@FunctionalInterface
public interface StartupListener {
    StartupListener NONE = (service, phase, detail) -> {};

    enum Phase { STARTING, UP, FAILED, STOPPING, STOPPED }

    void onPhase(ServiceKind service, Phase phase, String detail);
}
