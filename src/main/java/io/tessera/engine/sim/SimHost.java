package io.tessera.engine.sim;

/**
 * One host of the simulated cluster: a network namespace {@code <prefix>-<name>} with its own address on the sim's
 * bridge, joined to it by a veth pair whose bridge end is also named {@code <prefix>-<name>} (its own end is {@code eth0}).
 * The host's hostname, in a UTS namespace of its own, is the namespace's name too.
 */
public record SimHost(String name, Role role, String address, String namespace) {

    /** What runs on a host. */
    public enum Role {
        NAMENODE, DATANODE, ZOOKEEPER, REDIS_PRIMARY, REDIS_REPLICA, SENTINEL, WORKER;

        /** Hosts whose daemons the cluster needs before workers start. */
        public boolean isInfrastructure() {
            return this != WORKER;
        }
    }

    /** The bridge end of the host's veth pair (the other end is {@code eth0} inside the namespace). */
    public String link() {
        return namespace;
    }

    /** The host name the other hosts (and the host itself) resolve through the sim's hosts file. */
    public String hostName() {
        return namespace;
    }
}
