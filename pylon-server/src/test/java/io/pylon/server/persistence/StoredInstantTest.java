package io.pylon.server.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon.domain.session.MeterReading;
import io.pylon.domain.session.MeterSample;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class StoredInstantTest {
    private static final Instant T0 = Instant.parse("2026-11-21T08:00:00Z");
    private static final Instant T1 = T0.plusSeconds(60);

    private static MeterSample energy(Instant at, String wh) {
        return new MeterSample(at, "Energy.Active.Import.Register", null, "Wh", "Sample.Periodic", "Outlet", null, wh);
    }

    private static MeterSample power(Instant at, String phase) {
        return new MeterSample(at, "Power.Active.Import", phase, "W", null, null, "Raw", "7200.5");
    }

    @Test
    void oneRowPerChargerConnectorSessionAndTime() {
        List<StoredInstant> rows = StoredInstant.of(List.of(
                new MeterReading("CP-1", 1, 7L, energy(T0, "100")), new MeterReading("CP-1", 1, 7L, power(T0, "L1")),
                new MeterReading("CP-1", 1, 7L, energy(T1, "200")), new MeterReading("CP-1", 2, null, energy(T1, "5")),
                new MeterReading("CP-2", 2, null, energy(T1, "5"))));

        assertThat(rows).extracting(StoredInstant::chargerId, StoredInstant::connectorId, StoredInstant::sampledAt, StoredInstant::sessionId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("CP-1", 1, T0, 7L), org.assertj.core.groups.Tuple.tuple("CP-1", 1, T1, 7L),
                        org.assertj.core.groups.Tuple.tuple("CP-1", 2, T1, null), org.assertj.core.groups.Tuple.tuple("CP-2", 2, T1, null));
        assertThat(MeterSampleCodec.decode(T0, rows.getFirst().samples())).containsExactly(energy(T0, "100"), power(T0, "L1"));
    }

    @Test
    void samplesRoundTripExactlyAsReceived() {
        String ocmf = "OCMF|{\"FV\":\"1.0\",\"GI\":\"ABL \\\"SBC\\\"\",\"RD\":[{\"TM\":\"2018-07-24T13:22:04,000+0200 S\"}]}|{\"SD\":\"3045\"}";
        List<MeterSample> samples = List.of(
                new MeterSample(T0, "Energy.Active.Import.Register", null, null, "Transaction.End", null, "SignedData", ocmf),
                new MeterSample(T0, "SoC", null, "Percent", null, "EV", null, " 42 "),
                new MeterSample(T0, null, null, null, null, null, null, "7"), // measurand left out: the spec's default applies
                new MeterSample(T0, "Voltage", "L1-N", "V", null, null, null, "230,1 ünïcødé"));

        String encoded = MeterSampleCodec.encode(samples);

        assertThat(MeterSampleCodec.decode(T0, encoded)).containsExactlyElementsOf(samples);
        assertThat(encoded).doesNotContain("null");
    }

    @Test
    void digestFollowsTheContent() {
        String a = MeterSampleCodec.encode(List.of(energy(T0, "100")));
        String b = MeterSampleCodec.encode(List.of(energy(T0, "101")));

        assertThat(MeterSampleCodec.digest(a)).isEqualTo(MeterSampleCodec.digest(MeterSampleCodec.encode(List.of(energy(T0, "100")))));
        assertThat(MeterSampleCodec.digest(a)).isNotEqualTo(MeterSampleCodec.digest(b));
    }
}
