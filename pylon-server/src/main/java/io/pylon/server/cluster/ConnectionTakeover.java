package io.pylon.server.cluster;

import io.pylon.domain.command.ChargerGateway;
import io.pylon.domain.event.DomainEvent.ChargerConnected;
import io.pylon.server.bus.EventEnvelope;
import io.pylon.server.bus.LocalEventBus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One connection per charger in the whole cluster, as on one node: when another node accepts a charger's
 * connection, this node closes its own older one (a half-open socket the charger gave up on, or a charger that
 * opened a second connection through the load balancer). Otherwise commands sent through this node's API would
 * go to the stale socket. The close does not mark the charger offline: the registry row names the new node.
 */
@Component
public class ConnectionTakeover {

    private static final Logger log = LoggerFactory.getLogger(ConnectionTakeover.class);

    public ConnectionTakeover(LocalEventBus bus, NodeIdentity self, ChargerGateway gateway) {
        bus.subscribeEnvelopes(envelope -> handle(envelope, self, gateway));
    }

    private static void handle(EventEnvelope envelope, NodeIdentity self, ChargerGateway gateway) {
        if (!(envelope.event() instanceof ChargerConnected connected) || self.id().equals(envelope.originNode())) return;
        if (gateway.closeIfOpenedBefore(connected.chargerId(), connected.occurredAt())) {
            log.info("Charger {} connected to node {}: its older connection here is closed", connected.chargerId(),
                    envelope.originNode());
        }
    }
}
