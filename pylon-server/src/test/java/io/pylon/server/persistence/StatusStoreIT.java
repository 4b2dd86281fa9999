package io.pylon.server.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon.domain.charger.ChargerRepository;
import io.pylon.domain.charger.ConnectorStatus;
import io.pylon.domain.charger.StatusReport;
import io.pylon.server.support.PylonIT;
import io.pylon.server.support.RawOcppClient;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Status reports by group commit: history complete, newest report wins, late reports only join the history. */
class StatusStoreIT extends PylonIT {
    private static final Instant T0 = Instant.parse("2026-04-01T08:00:00Z");

    @Autowired
    ChargerRepository chargers;

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
    void aFaultIsStoredAndCountedAsBefore() {
        booted("STATUS-FAULT");
        chargers.recordStatus("STATUS-FAULT", new StatusReport(2, ConnectorStatus.FAULTED, "GroundFailure", "RCD", null, null, T0), T0);

        assertThat(chargers.connectors("STATUS-FAULT")).filteredOn(c -> c.connectorId() == 2).singleElement()
                .satisfies(c -> assertThat(c.errorCode()).isEqualTo("GroundFailure"));
    }
}
