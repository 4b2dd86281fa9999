package io.pylon.server.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pylon.domain.charger.ChargerRepository;
import io.pylon.domain.charger.ConnectorStatus;
import io.pylon.domain.charger.StatusReport;
import io.pylon.server.bus.OutboxDomainEvents;
import io.pylon.server.support.PylonIT;
import io.pylon.server.support.RawOcppClient;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jooq.DSLContext;
import org.jooq.Record1;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Status reports by group commit: history complete, newest report wins, late reports only join the history; in
 * distributed mode a report's event row shares its commit.
 */
class StatusStoreIT extends PylonIT {
    private static final Instant T0 = Instant.parse("2026-04-01T08:00:00Z");

    @Autowired
    ChargerRepository chargers;
    @Autowired
    BatchingStatusStore statusStore;
    @Autowired
    DSLContext db;

    private void booted(String id) {
        try (RawOcppClient cp = RawOcppClient.connect(ocppPort(), id, null)) {
            cp.call("1", "BootNotification", "{\"chargePointVendor\":\"Acme\",\"chargePointModel\":\"X1\"}");
        }
    }

    private static StatusReport report(int connector, ConnectorStatus status, Instant at) {
        return new StatusReport(connector, status, "NoError", null, null, null, at);
    }

    @Test
    void manyChargersReportingAtOnceAreAllStoredAndTheNewestReportWins() throws Exception {
        List<String> ids = java.util.stream.IntStream.range(0, 40).mapToObj(i -> "STATUS-" + i).toList();
        ids.forEach(this::booted);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> all = new java.util.ArrayList<>();
            for (String id : ids) {
                all.add(pool.submit(() -> {
                    chargers.recordStatus(id, report(1, ConnectorStatus.PREPARING, T0.plusSeconds(10)), T0);
                    chargers.recordStatus(id, report(1, ConnectorStatus.CHARGING, T0.plusSeconds(20)), T0);
                    chargers.recordStatus(id, report(1, ConnectorStatus.AVAILABLE, T0.plusSeconds(5)), T0); // late
                }));
            }
            for (Future<?> f : all) f.get();
        }
        for (String id : ids) {
            assertThat(chargers.connectors(id)).filteredOn(c -> c.connectorId() == 1).singleElement()
                    .satisfies(c -> {
                        assertThat(c.status()).isEqualTo(ConnectorStatus.CHARGING);
                        assertThat(c.since()).isEqualTo(T0.plusSeconds(20));
                    });
            assertThat(chargers.statusHistory(id, 1, 10)).extracting(StatusReport::status)
                    .containsExactly(ConnectorStatus.CHARGING, ConnectorStatus.PREPARING, ConnectorStatus.AVAILABLE);
        }
    }

    @Test
    void inDistributedModeEachEventRowIsCommittedWithItsStatusOrNotAtAll() throws Exception {
        booted("STATUS-OUTBOX");
        String run = java.util.UUID.randomUUID().toString().substring(0, 8);
        List<String> eventIds = new java.util.ArrayList<>();
        Future<?> bad;
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> good = new java.util.ArrayList<>();
            for (int i = 0; i < 30; i++) {
                String eventId = run + "-" + i;
                eventIds.add(eventId);
                Instant at = T0.plusSeconds(i);
                good.add(pool.submit(() -> statusStore.record("STATUS-OUTBOX", report(1, ConnectorStatus.CHARGING, at), T0,
                        new OutboxDomainEvents.Row(eventId, "STATUS-OUTBOX", "ConnectorStatusChanged", "{}", T0))));
            }
            // an event row the database refuses (type longer than its column): its status must not be stored either
            bad = pool.submit(() -> statusStore.record("STATUS-OUTBOX", report(2, ConnectorStatus.RESERVED, T0), T0,
                    new OutboxDomainEvents.Row(run + "-bad", "STATUS-OUTBOX", "X".repeat(80), "{}", T0)));
            for (Future<?> f : good) f.get();
        }
        assertThatThrownBy(bad::get).isInstanceOf(java.util.concurrent.ExecutionException.class);

        assertThat(db.select(DSL.field(DSL.name("event_id"), String.class)).from(DSL.table(DSL.name("event_outbox")))
                .where(DSL.field(DSL.name("event_id"), String.class).like(run + "%")).fetch(Record1::value1))
                .containsExactlyInAnyOrderElementsOf(eventIds);
        assertThat(chargers.statusHistory("STATUS-OUTBOX", 1, 100)).hasSize(30);
        assertThat(chargers.statusHistory("STATUS-OUTBOX", 2, 100)).isEmpty();
        assertThat(chargers.connectors("STATUS-OUTBOX")).noneMatch(c -> c.connectorId() == 2);
        db.deleteFrom(DSL.table(DSL.name("event_outbox"))).where(DSL.field(DSL.name("event_id"), String.class).like(run + "%")).execute();
    }

    @Test
    void aFaultIsStoredAndCountedAsBefore() {
        booted("STATUS-FAULT");
        chargers.recordStatus("STATUS-FAULT", new StatusReport(2, ConnectorStatus.FAULTED, "GroundFailure", "RCD", null, null, T0), T0);

        assertThat(chargers.connectors("STATUS-FAULT")).filteredOn(c -> c.connectorId() == 2).singleElement()
                .satisfies(c -> assertThat(c.errorCode()).isEqualTo("GroundFailure"));
    }
}
