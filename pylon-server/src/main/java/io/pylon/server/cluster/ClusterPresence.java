package io.pylon.server.cluster;

import java.time.Clock;
import org.springframework.stereotype.Component;

/** Whether a charger is connected to another live node of the cluster (the local registries answer for this one). */
@Component
public class ClusterPresence {

    private final ClusterNodes nodes;
    private final NodeIdentity self;
    private final ClusterProperties settings;
    private final Clock clock;

    public ClusterPresence(ClusterNodes nodes, NodeIdentity self, ClusterProperties settings, Clock clock) {
        this.nodes = nodes;
        this.self = self;
        this.settings = settings;
        this.clock = clock;
    }

    /** True if a live node other than this one holds the charger's connection. */
    public boolean elsewhere(String chargerId) {
        return nodes.holder(chargerId, clock.instant().minus(settings.nodeTimeout()))
                .filter(node -> !node.equals(self.id())).isPresent();
    }
}
