package io.tessera.engine.sim;

import io.tessera.engine.sim.SimHost.Role;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** zoo.cfg and myid of each server of the sim's three-server ensemble (QuorumPeerMain reads them). */
final class ZooKeeperConfigs {
    static final int QUORUM_PORT = 2888;
    static final int ELECTION_PORT = 3888;

    private ZooKeeperConfigs() {}

    /** Writes the server's files and returns its zoo.cfg. */
    static Path write(SimLayout layout, SimHost host, Path hostDir) throws IOException {
        List<SimHost> ensemble = layout.hosts(Role.ZOOKEEPER);
        int myId = ensemble.indexOf(host) + 1;
        Path data = Files.createDirectories(hostDir.resolve("data"));
        Files.writeString(data.resolve("myid"), myId + "\n");
        List<String> lines = new ArrayList<>(List.of(
                "tickTime=1000",
                "initLimit=10",
                "syncLimit=5",
                "dataDir=" + data,
                "clientPort=" + SimLayout.ZOOKEEPER_CLIENT_PORT,
                "clientPortAddress=" + host.address(),
                "maxClientCnxns=0",
                // the Health panel asks every server for its mode and figures
                "4lw.commands.whitelist=srvr,ruok,mntr",
                "admin.enableServer=false"));
        for (int i = 0; i < ensemble.size(); i++) {
            lines.add("server." + (i + 1) + "=" + ensemble.get(i).address() + ":" + QUORUM_PORT + ":" + ELECTION_PORT);
        }
        Path cfg = hostDir.resolve("zoo.cfg");
        Files.write(cfg, lines);
        return cfg;
    }
}
