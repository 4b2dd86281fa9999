package io.pylon.server.cluster;

import io.pylon.domain.command.ChargerCommand;
import io.pylon.domain.command.ChargerGateway;
import io.pylon.domain.command.CommandResult;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A {@link ChargerGateway} for a cluster: a charger connected to this node gets the command from the local
 * gateway (whatever protocol it speaks); one connected to another live node gets it through the
 * {@link CommandTransport}; one held by no live node is offline (the local gateway says so).
 */
public final class RoutingChargerGateway implements ChargerGateway {

    private final ChargerGateway local;
    private final ClusterNodes nodes;
    private final CommandTransport transport;
    private final NodeIdentity self;
    private final ClusterProperties settings;
    private final Clock clock;

    RoutingChargerGateway(ChargerGateway local, ClusterNodes nodes, CommandTransport transport, NodeIdentity self,
                          ClusterProperties settings, Clock clock) {
        this.local = local;
        this.nodes = nodes;
        this.transport = transport;
        this.self = self;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public CompletableFuture<CommandResult> send(String chargerId, ChargerCommand command) {
        if (local.isConnected(chargerId)) {
            return local.send(chargerId, command);
        }
        Optional<String> elsewhere = remoteHolder(chargerId);
        return elsewhere.isPresent() ? transport.send(elsewhere.get(), chargerId, command) : local.send(chargerId, command);
    }

    @Override
    public boolean isConnected(String chargerId) {
        return local.isConnected(chargerId) || remoteHolder(chargerId).isPresent();
    }

    @Override
    public boolean closeIfOpenedBefore(String chargerId, java.time.Instant before) {
        return local.closeIfOpenedBefore(chargerId, before);
    }

    /** The other live node holding the charger, if any. */
    private Optional<String> remoteHolder(String chargerId) {
        return nodes.holder(chargerId, clock.instant().minus(settings.nodeTimeout()))
                .filter(node -> !node.equals(self.id()));
    }

    /** The gateway this one routes around (commands for chargers connected here). */
    public ChargerGateway local() {
        return local;
    }
}
