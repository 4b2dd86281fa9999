package io.pylon.server.cluster;

import io.pylon.server.ocpp.ConnectionRegistry;
import io.pylon.server.ocpp.OcppSession;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * This node's membership of the cluster. It joins before the device gateways open (so no charger is ever
 * held by a node the others do not know), renews its lease every {@code pylon.cluster.heartbeat-interval},
 * releases the chargers of nodes whose lease ran out (killed, frozen, cut off), and leaves after the
 * gateways closed, releasing whatever it still held.
 */
@Component
public class NodeLease implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(NodeLease.class);

    private final ClusterNodes nodes;
    private final NodeIdentity self;
    private final ClusterProperties settings;
    private final ConnectionRegistry ocppConnections;
    private final Clock clock;
    private final boolean singleNode;
    private volatile boolean running;

    public NodeLease(ClusterNodes nodes, NodeIdentity self, ClusterProperties settings,
                     ConnectionRegistry ocppConnections, Clock clock, io.pylon.server.config.PylonProperties properties) {
        this.singleNode = properties.bus() == io.pylon.server.config.PylonProperties.Bus.INPROCESS;
        this.nodes = nodes;
        this.self = self;
        this.settings = settings;
        this.ocppConnections = ocppConnections;
        this.clock = clock;
    }

    @Override
    public void start() {
        if (singleNode) {
            // pylon.bus=inprocess: this is the only node, so whatever a previous process held is gone (as before
            // distributed mode, its chargers are offline at once instead of after the node timeout).
            nodes.reap(clock.instant().plus(java.time.Duration.ofDays(1)));
        }
        nodes.join(self.id(), clock.instant());
        running = true;
        log.info("Node {} joined the cluster (lease {}, renewed every {})", self, settings.nodeTimeout(),
                settings.heartbeatInterval());
    }

    /** Renews the lease (re-joining and re-claiming this node's chargers if it was taken for dead) and reaps dead nodes. */
    @Scheduled(fixedDelayString = "${pylon.cluster.heartbeat-interval:5s}")
    public void heartbeat() {
        if (!running) return;
        if (!nodes.beat(self.id(), clock.instant())) {
            log.warn("Node {} was taken for dead by the cluster (lease older than {}); re-joining", self, settings.nodeTimeout());
            nodes.join(self.id(), clock.instant());
            nodes.reclaim(self.id(), ocppConnections.all().stream().filter(OcppSession::isOpen).map(OcppSession::chargerId).toList());
        }
        List<String> dead = nodes.reap(clock.instant().minus(settings.nodeTimeout()));
        if (!dead.isEmpty()) {
            log.warn("Nodes {} stopped renewing their lease; their chargers are offline until they reconnect", dead);
        }
    }

    @Override
    public void stop() {
        running = false;
        nodes.leave(self.id(), clock.instant());
        log.info("Node {} left the cluster", self);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Starts before the device gateways (phase 100) and stops after them. */
    @Override
    public int getPhase() {
        return 50;
    }
}
