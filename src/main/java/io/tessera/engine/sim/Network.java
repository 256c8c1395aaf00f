package io.tessera.engine.sim;

import java.util.ArrayList;
import java.util.List;

/**
 * The sim's hosts on the network, through {@code ip}: a bridge with the machine's own address on it, and per host a
 * network namespace joined to the bridge by a veth pair. Only names that start with the sim's prefix are made or
 * removed; the machine's own interfaces and routes are never touched (the bridge's address adds the one route to its /24).
 */
final class Network {
    private Network() {}

    /** Whether this machine lets us make namespaces (root, iproute2). */
    static boolean available() {
        try {
            return Commands.attempt("ip", "netns", "list").ok() && ProcessHandle.current().info().user().map("root"::equals).orElse(false);
        } catch (SimException e) {
            return false;
        }
    }

    static void addBridge(SimLayout layout) throws SimException {
        Commands.run("ip", "link", "add", layout.bridge(), "type", "bridge");
        Commands.run("ip", "addr", "add", layout.gateway() + "/24", "dev", layout.bridge());
        Commands.run("ip", "link", "set", layout.bridge(), "up");
    }

    static void addHost(SimLayout layout, SimHost host) throws SimException {
        Commands.run("ip", "netns", "add", host.namespace());
        Commands.run("ip", "link", "add", host.link(), "type", "veth", "peer", "name", "eth0", "netns", host.namespace());
        Commands.run("ip", "link", "set", host.link(), "master", layout.bridge(), "up");
        Commands.run("ip", "-n", host.namespace(), "addr", "add", host.address() + "/24", "dev", "eth0");
        Commands.run("ip", "-n", host.namespace(), "link", "set", "eth0", "up");
        Commands.run("ip", "-n", host.namespace(), "link", "set", "lo", "up");
    }

    /** Cuts the host off: its bridge end goes down, so nothing reaches it and nothing leaves it (its processes live on). */
    static void cut(SimHost host) throws SimException {
        Commands.run("ip", "link", "set", host.link(), "down");
    }

    static void restore(SimHost host) throws SimException {
        Commands.run("ip", "link", "set", host.link(), "up");
    }

    /** Whether the host's link is up (false when cut, or gone). */
    static boolean linkUp(SimHost host) throws SimException {
        Commands.Result shown = Commands.attempt("ip", "-o", "link", "show", "dev", host.link());
        // the flags in <…> hold UP while the link is set up (LOWER_UP is the carrier, not what we set)
        return shown.ok() && shown.output().matches("(?s)[^<]*<[^>]*\\bUP\\b.*");
    }

    /** Pids of every process in the namespace (none when it is gone). */
    static List<Long> pids(String namespace) throws SimException {
        Commands.Result listed = Commands.attempt("ip", "netns", "pids", namespace);
        List<Long> pids = new ArrayList<>();
        if (listed.ok()) {
            listed.output().lines().map(String::strip).filter(l -> l.matches("\\d+")).forEach(l -> pids.add(Long.parseLong(l)));
        }
        return pids;
    }

    /** Namespaces whose name starts with {@code <prefix>-}. */
    static List<String> namespaces(String prefix) throws SimException {
        List<String> found = new ArrayList<>();
        for (String line : Commands.run("ip", "netns", "list").lines().toList()) {
            String name = line.strip().split("\\s+")[0];
            if (name.startsWith(prefix + "-")) {
                found.add(name);
            }
        }
        return found;
    }

    /** Links of this namespace (bridge and veth ends) whose name starts with {@code <prefix>-}. */
    static List<String> links(String prefix) throws SimException {
        List<String> found = new ArrayList<>();
        for (String line : Commands.run("ip", "-o", "link", "show").lines().toList()) {
            String[] fields = line.split(":\\s+", 3);
            if (fields.length >= 2) {
                String name = fields[1].replaceFirst("@.*", "");
                if (name.startsWith(prefix + "-")) {
                    found.add(name);
                }
            }
        }
        return found;
    }

    /** Removes a namespace (its eth0 goes with it, and with it the veth pair); true when there was one to remove. */
    static boolean removeNamespace(String namespace) throws SimException {
        return Commands.attempt("ip", "netns", "del", namespace).ok();
    }

    static boolean removeLink(String link) throws SimException {
        return Commands.attempt("ip", "link", "del", link).ok();
    }

    /** The first address of this machine in {@code subnet}, on an interface that is not the sim's bridge, or null. */
    static String addressInUse(String subnet, String bridge) throws SimException {
        for (String line : Commands.run("ip", "-o", "-4", "addr", "show").lines().toList()) {
            String[] fields = line.strip().split("\\s+");
            if (fields.length > 3 && fields[3].startsWith(subnet + ".") && !fields[1].equals(bridge)) {
                return fields[3] + " on " + fields[1];
            }
        }
        return null;
    }
}
