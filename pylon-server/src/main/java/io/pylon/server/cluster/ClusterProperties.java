package io.pylon.server.cluster;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How nodes of one cluster know of each other ({@code pylon.cluster.*}).
 *
 * @param heartbeatInterval how often a node renews its lease in {@code cluster_node} and looks for dead nodes
 * @param nodeTimeout       a node whose lease is older than this is dead: its chargers are marked offline and
 *                          no command is routed to it. Longer than a few heartbeats (a GC pause is not a death)
 */
@Validated
@ConfigurationProperties("pylon.cluster")
public record ClusterProperties(@DefaultValue("5s") Duration heartbeatInterval,
                                @DefaultValue("30s") Duration nodeTimeout) {

    public ClusterProperties {
        if (nodeTimeout.compareTo(heartbeatInterval.multipliedBy(2)) < 0) {
            throw new IllegalArgumentException("pylon.cluster.node-timeout (" + nodeTimeout
                    + ") must be at least twice pylon.cluster.heartbeat-interval (" + heartbeatInterval + ")");
        }
    }
}
