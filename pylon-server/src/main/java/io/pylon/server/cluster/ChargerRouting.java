package io.pylon.server.cluster;

import io.pylon.domain.command.ChargerGateway;
import java.time.Clock;
import org.springframework.stereotype.Component;

/**
 * Wraps the node's local {@link ChargerGateway} (the primary bean: OCPP today, a protocol router once there
 * are several) so that commands reach chargers wherever they are connected, and lets the transport execute
 * commands routed here from other nodes with that same local gateway.
 */
@Component
public class ChargerRouting {

    private final ClusterNodes nodes;
    private final CommandTransport transport;
    private final NodeIdentity self;
    private final ClusterProperties settings;
    private final Clock clock;

    public ChargerRouting(ClusterNodes nodes, org.springframework.beans.factory.ObjectProvider<CommandTransport> transport,
                          NodeIdentity self, ClusterProperties settings, Clock clock) {
        this.nodes = nodes;
        this.transport = transport.getIfAvailable(() -> CommandTransport.NONE);
        this.self = self;
        this.settings = settings;
        this.clock = clock;
    }

    /** The cluster-wide gateway around {@code local}; {@code local} also serves commands from other nodes. */
    public ChargerGateway wrap(ChargerGateway local) {
        transport.serve(local);
        return new RoutingChargerGateway(local, nodes, transport, self, settings, clock);
    }
}
