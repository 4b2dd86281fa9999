package io.pylon.server.trust;

import io.pylon.domain.alarm.Telemetry;
import io.pylon.domain.alarm.TelemetrySink;
import io.pylon.domain.anomaly.Anomaly;
import io.pylon.domain.anomaly.AnomalyStore;
import java.util.Optional;

/**
 * Stores anomalies and hands each new one to the alarm rules as a {@code meter_anomaly} event (code = the anomaly
 * rule), so operators can alarm on, say, a broken seal or a register going backwards.
 */
record AnomalyTelemetry(AnomalyStore store, TelemetrySink rules) implements AnomalyStore {

    @Override
    public Optional<Anomaly> record(Anomaly anomaly) {
        Optional<Anomaly> stored = store.record(anomaly);
        stored.ifPresent(a -> rules.accept(new Telemetry(Telemetry.Metrics.METER_ANOMALY, null, a.rule().name(), a.operatorId(),
                a.stationId(), a.chargerId(), a.connectorId(), a.chargerId() == null ? "order:" + a.orderId() : null, a.detectedAt())));
        return stored;
    }

    @Override
    public boolean queueInspection(Anomaly cause) {
        return store.queueInspection(cause);
    }
}
