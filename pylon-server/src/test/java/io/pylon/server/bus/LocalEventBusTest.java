package io.pylon.server.bus;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.pylon.domain.charger.ConnectorStatus;
import io.pylon.domain.event.DomainEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LocalEventBusTest {

    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    private final LocalEventBus bus = new LocalEventBus(metrics);

    private static EventEnvelope status(String id, ConnectorStatus status) {
        return new EventEnvelope(id, "node-a", new DomainEvent.ConnectorStatusChanged("CP-1", 1, status, "NoError", Instant.EPOCH));
    }

    @Test
    void anEventDeliveredAgainReachesSubscribersOnceAndIsCounted() {
        List<DomainEvent> heard = new ArrayList<>();
        bus.subscribe(heard::add);
        assertThat(bus.deliver(status("e1", ConnectorStatus.PREPARING))).isTrue();
        assertThat(bus.deliver(status("e1", ConnectorStatus.PREPARING))).isFalse();
        assertThat(bus.deliver(status("e2", ConnectorStatus.CHARGING))).isTrue();
        assertThat(heard).extracting(e -> ((DomainEvent.ConnectorStatusChanged) e).status())
                .containsExactly(ConnectorStatus.PREPARING, ConnectorStatus.CHARGING);
        assertThat(metrics.get("pylon.bus.events.duplicates").counter().count()).isEqualTo(1.0);
    }

    @Test
    void aFailingSubscriberDoesNotKeepTheEventFromTheOthers() {
        List<DomainEvent> heard = new ArrayList<>();
        bus.subscribe(e -> { throw new IllegalStateException("broken view"); });
        bus.subscribe(heard::add);
        bus.deliver(status("e3", ConnectorStatus.FAULTED));
        assertThat(heard).hasSize(1);
    }
}
