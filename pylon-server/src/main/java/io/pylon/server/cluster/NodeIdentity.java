package io.pylon.server.cluster;

import io.pylon.server.config.PylonProperties;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.stereotype.Component;

/**
 * This process's name in the cluster: {@code pylon.node-id} (env PYLON_NODE_ID), or — when unset — the host
 * name with a random suffix, new for every process, so two processes never share a name and a restarted
 * process is a new node (its predecessor's chargers are released when its lease runs out).
 */
@Component
public class NodeIdentity {

    /** Longest name stored (charger.node_id and cluster_node.node_id are varchar(100)). */
    static final int MAX_LENGTH = 100;

    private final String id;

    public NodeIdentity(PylonProperties properties) {
        this.id = chosen(properties.nodeId());
    }

    /** The configured name, checked, or a generated one when blank. */
    static String chosen(String configured) {
        String chosen = configured == null || configured.isBlank() ? generated() : configured.strip();
        if (chosen.length() > MAX_LENGTH || !chosen.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("pylon.node-id must be 1.." + MAX_LENGTH
                    + " characters of letters, digits, '.', '_' and '-': " + chosen);
        }
        return chosen;
    }

    public String id() {
        return id;
    }

    private static String generated() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName().replaceAll("[^A-Za-z0-9.-]", "-");
        } catch (UnknownHostException e) {
            host = "node";
        }
        if (host.length() > 60) host = host.substring(0, 60);
        byte[] suffix = new byte[4];
        ThreadLocalRandom.current().nextBytes(suffix);
        return host + "-" + ProcessHandle.current().pid() + "-" + HexFormat.of().formatHex(suffix);
    }

    @Override
    public String toString() {
        return id;
    }
}
