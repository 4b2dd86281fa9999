package io.pylon.server.bus;

import io.pylon.domain.event.DomainEvent;
import io.pylon.domain.event.DomainEvents;
import io.pylon.server.cluster.NodeIdentity;
import java.util.UUID;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * {@code pylon.bus=inprocess} (one node): an event goes to this node's subscribers once its transaction
 * commits, and is forgotten if it rolls back. Nothing is written to the database, as before distributed mode.
 */
@Component
@ConditionalOnProperty(name = "pylon.bus", havingValue = "inprocess", matchIfMissing = true)
public class InProcessDomainEvents implements DomainEvents {

    private final LocalEventBus bus;
    private final NodeIdentity self;

    public InProcessDomainEvents(LocalEventBus bus, NodeIdentity self) {
        this.bus = bus;
        this.self = self;
    }

    @Override
    public void publish(DomainEvent event) {
        EventEnvelope envelope = new EventEnvelope(UUID.randomUUID().toString(), self.id(), event);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    bus.deliver(envelope);
                }
            });
        } else {
            bus.deliver(envelope);
        }
    }
}
