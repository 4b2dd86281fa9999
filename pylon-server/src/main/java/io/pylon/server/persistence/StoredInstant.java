package io.pylon.server.persistence;

import io.pylon.domain.session.MeterReading;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A row of {@code meter_reading}: the sampled values a connector reported for one instant, encoded once
 * ({@link MeterSampleCodec}) with the digest that makes a retransmission a no-op.
 */
record StoredInstant(String chargerId, int connectorId, Instant sampledAt, Long sessionId, String samples, long digest) {

    /** Groups readings into instants: consecutive readings of one charger, connector, session and time. */
    static List<StoredInstant> of(List<MeterReading> readings) {
        List<StoredInstant> rows = new ArrayList<>();
        int from = 0;
        for (int i = 1; i <= readings.size(); i++) {
            if (i == readings.size() || !sameInstant(readings.get(from), readings.get(i))) {
                rows.add(encode(readings.subList(from, i)));
                from = i;
            }
        }
        return rows;
    }

    private static StoredInstant encode(List<MeterReading> sameInstant) {
        MeterReading first = sameInstant.getFirst();
        String samples = MeterSampleCodec.encode(sameInstant.stream().map(MeterReading::sample).toList());
        return new StoredInstant(first.chargerId(), first.connectorId(), first.sample().timestamp(), first.sessionId(),
                samples, MeterSampleCodec.digest(samples));
    }

    static boolean sameInstant(MeterReading a, MeterReading b) {
        return a.connectorId() == b.connectorId() && a.chargerId().equals(b.chargerId())
                && Objects.equals(a.sessionId(), b.sessionId()) && a.sample().timestamp().equals(b.sample().timestamp());
    }
}
