package io.tessera.engine.sim;

import io.tessera.engine.sim.SimHost.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.regex.Pattern;

/**
 * Which hosts a sim has and where: a NameNode, 3 DataNodes, 3 ZooKeeper servers, a Redis primary and its replica,
 * 3 Sentinels and N worker hosts, each at a fixed address of a private /24 ({@code <subnet>.1} is the machine's own
 * side of the bridge). Names are short enough for Linux's 15-character interface names.
 */
public record SimLayout(String prefix, String subnet, List<SimHost> hosts) {
    public static final String DEFAULT_PREFIX = "tsim";
    public static final String DEFAULT_SUBNET = "10.77.0";
    public static final int MAX_WORKERS = 100;
    public static final int ZOOKEEPER_CLIENT_PORT = 2181;
    public static final int NAMENODE_PORT = 8020;
    public static final int NAMENODE_HTTP_PORT = 9870;
    public static final int REDIS_PORT = 6379;
    public static final int SENTINEL_PORT = 26379;
    public static final String REDIS_MASTER_NAME = "tessera";

    private static final Pattern PREFIX = Pattern.compile("[a-z][a-z0-9]{0,5}");
    private static final Pattern PRIVATE_SUBNET = Pattern.compile("(10\\.\\d{1,3}|172\\.(1[6-9]|2\\d|3[01])|192\\.168)\\.\\d{1,3}");

    public SimLayout {
        hosts = List.copyOf(hosts);
    }

    /** @throws IllegalArgumentException with a readable reason */
    public static SimLayout of(String prefix, String subnet, int workers) {
        if (!PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException("the sim prefix is 1-6 lower-case letters or digits, starting with a letter, not '" + prefix + "'");
        }
        if (!PRIVATE_SUBNET.matcher(subnet).matches() || subnet.chars().filter(c -> c == '.').count() != 2
                || java.util.Arrays.stream(subnet.split("\\.")).anyMatch(octet -> Integer.parseInt(octet) > 255)) {
            throw new IllegalArgumentException("the sim subnet is the first three octets of a private /24 (10.x.y, 172.16-31.y or 192.168.y), not '"
                    + subnet + "'");
        }
        if (workers < 0 || workers > MAX_WORKERS) {
            throw new IllegalArgumentException("a sim has 0-" + MAX_WORKERS + " worker hosts, not " + workers);
        }
        List<SimHost> hosts = new ArrayList<>();
        add(hosts, prefix, subnet, "nn", Role.NAMENODE, 10);
        for (int i = 1; i <= 3; i++) {
            add(hosts, prefix, subnet, "dn" + i, Role.DATANODE, 10 + i);
        }
        for (int i = 1; i <= 3; i++) {
            add(hosts, prefix, subnet, "zk" + i, Role.ZOOKEEPER, 20 + i);
        }
        add(hosts, prefix, subnet, "redis1", Role.REDIS_PRIMARY, 31);
        add(hosts, prefix, subnet, "redis2", Role.REDIS_REPLICA, 32);
        for (int i = 1; i <= 3; i++) {
            add(hosts, prefix, subnet, "sent" + i, Role.SENTINEL, 40 + i);
        }
        for (int i = 1; i <= workers; i++) {
            add(hosts, prefix, subnet, "w" + i, Role.WORKER, 100 + i);
        }
        return new SimLayout(prefix, subnet, hosts);
    }

    private static void add(List<SimHost> hosts, String prefix, String subnet, String name, Role role, int lastOctet) {
        hosts.add(new SimHost(name, role, subnet + "." + lastOctet, prefix + "-" + name));
    }

    /** The Linux bridge every host's veth joins. */
    public String bridge() {
        return prefix + "-br";
    }

    /** The machine's own address on the bridge, through which the console and the CLI reach the hosts. */
    public String gateway() {
        return subnet + ".1";
    }

    public List<SimHost> hosts(Role role) {
        return hosts.stream().filter(h -> h.role() == role).toList();
    }

    public SimHost host(String name) {
        return hosts.stream().filter(h -> h.name().equals(name) || h.namespace().equals(name)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("the sim has no host '" + name + "' (hosts: "
                        + String.join(", ", hosts.stream().map(SimHost::name).toList()) + ")"));
    }

    public SimHost nameNode() {
        return hosts(Role.NAMENODE).getFirst();
    }

    public String hdfsUri() {
        return "hdfs://" + nameNode().address() + ":" + NAMENODE_PORT;
    }

    public String zooKeeperConnect() {
        return String.join(",", hosts(Role.ZOOKEEPER).stream().map(h -> h.address() + ":" + ZOOKEEPER_CLIENT_PORT).toList());
    }

    /** The profile's Redis URI: the primary through the three Sentinels. */
    public String redisSentinelUri() {
        return "redis-sentinel://" + String.join(",", hosts(Role.SENTINEL).stream().map(h -> h.address() + ":" + SENTINEL_PORT).toList())
                + "#" + REDIS_MASTER_NAME;
    }
}
