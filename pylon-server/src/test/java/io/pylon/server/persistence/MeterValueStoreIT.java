package io.pylon.server.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon.domain.session.MeterReading;
import io.pylon.domain.session.MeterSample;
import io.pylon.domain.session.MeterValueStore;
import io.pylon.server.support.PylonIT;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The meter value store against the real database: batches, retransmissions, awkward characters. */
class MeterValueStoreIT extends PylonIT {
    private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

    @Autowired
    MeterValueStore store;

    @Autowired
    io.micrometer.core.instrument.MeterRegistry metrics;

    private double conflicts() {
        return metrics.get("pylon.meter.batch.conflicts").counter().count();
    }

    private static MeterReading reading(long session, Instant at, String measurand, String value) {
        return new MeterReading("STORE-IT", 1, session, new MeterSample(at, measurand, null, "Wh", "Sample.Periodic", null, null, value));
    }

    @Test
    void aRetransmittedMessageIsStoredOnceAndNewReadingsBesideItAreKept() {
        long session = 900_001;
        List<MeterReading> first = List.of(reading(session, T0, "Energy.Active.Import.Register", "100"),
                reading(session, T0, "Power.Active.Import", "7000"));
        store.append(first);
        store.append(first);
        List<MeterReading> mixed = new ArrayList<>(first);
        mixed.add(reading(session, T0.plusSeconds(60), "Energy.Active.Import.Register", "217"));
        store.append(mixed);

        assertThat(store.forSession(session, 100)).extracting(r -> r.sample().value()).containsExactly("100", "7000", "217");
    }

    @Test
    void aStopsTransactionDataRepeatingStoredReadingsIsStoredOnceWithoutADetour() {
        long session = 900_005;
        Instant t = T0.plusSeconds(86_400); // readings are keyed by charger, connector, time and values: a day of its own
        MeterReading begin = reading(session, t, "Energy.Active.Import.Register", "100");
        MeterReading end = reading(session, t.plusSeconds(600), "Energy.Active.Import.Register", "1300");
        store.append(List.of(begin));
        double before = conflicts();

        store.appendRepeated(List.of(begin, end));

        assertThat(store.forSession(session, 100)).extracting(r -> r.sample().value()).containsExactly("100", "1300");
        assertThat(conflicts()).isEqualTo(before);
    }

    @Test
    void aDifferentReadingAtTheSameInstantIsKept() {
        long session = 900_002;
        store.append(List.of(reading(session, T0, "Energy.Active.Import.Register", "100")));
        store.append(List.of(reading(session, T0, "Energy.Active.Import.Register", "101")));

        assertThat(store.forSession(session, 100)).extracting(r -> r.sample().value()).containsExactlyInAnyOrder("100", "101");
    }

    @Test
    void valuesComeBackExactlyAsReceived() {
        long session = 900_003;
        String awkward = "OCMF|{\"GI\":\"a\\\\b\tc\"}\n|\r{\"SD\":\"30 45\"} 中文 \\N";
        store.append(List.of(reading(session, T0, "Energy.Active.Import.Register", awkward)));

        assertThat(store.forSession(session, 1)).singleElement().satisfies(r -> {
            assertThat(r.sample().value()).isEqualTo(awkward);
            assertThat(r.sample().timestamp()).isEqualTo(T0);
            assertThat(r.sessionId()).isEqualTo(session);
        });
    }

    @Test
    void aLargeBatchCrossesTheStatementLimit() {
        long session = 900_004;
        List<MeterReading> readings = new ArrayList<>();
        for (int i = 0; i < 2_500; i++) {
            readings.add(reading(session, T0.plusSeconds(i), "Energy.Active.Import.Register", String.valueOf(i)));
        }
        store.append(readings);
        store.append(readings.subList(1_000, 2_500));

        assertThat(store.forSession(session, 5_000)).hasSize(2_500);
    }
}
