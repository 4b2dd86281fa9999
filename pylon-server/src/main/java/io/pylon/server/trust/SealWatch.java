package io.pylon.server.trust;

import io.pylon.domain.anomaly.AnomalyService;
import io.pylon.domain.anomaly.SealSignals;
import io.pylon.domain.charger.Charger;
import io.pylon.domain.charger.ChargerEvent;
import io.pylon.domain.charger.ChargerRepository;
import io.pylon.domain.charger.StatusReport;
import java.time.Instant;
import java.util.Optional;

/**
 * Watches what chargers report for a meter cover opened or a seal broken: security events (SecurityEventNotification),
 * vendor DataTransfer messages and connector status error codes / info ({@link SealSignals}). Each report becomes a
 * critical anomaly naming the charger's own words, an inspection, and a METER_SEAL entry in the transparency log.
 */
public class SealWatch {

    private final AnomalyService anomalies;
    private final ChargerRepository chargers;

    public SealWatch(AnomalyService anomalies, ChargerRepository chargers) {
        this.anomalies = anomalies;
        this.chargers = chargers;
    }

    /** A stored charger event (Security:…, DataTransfer). */
    public void event(ChargerEvent e) {
        boolean security = e.kind() != null && e.kind().startsWith("Security:");
        if (!security && !"DataTransfer".equals(e.kind())) {
            return;
        }
        String text = e.kind() + " " + (e.detail() == null ? "" : e.detail());
        if (SealSignals.matches(security ? e.kind() : text)) {
            raise(e.chargerId(), 0, text.strip(), e.occurredAt());
        }
    }

    /** A stored connector status with an error code, vendor error code or info. */
    public void status(String chargerId, StatusReport report, Instant at) {
        String text = String.join(" ", nonNull(report.errorCode()), nonNull(report.vendorId()),
                nonNull(report.vendorErrorCode()), nonNull(report.info())).strip();
        if (SealSignals.matches(text)) {
            raise(chargerId, report.connectorId(), "StatusNotification " + report.status() + ": " + text, at);
        }
    }

    private void raise(String chargerId, int connectorId, String evidence, Instant at) {
        Optional<Charger> charger = chargers.find(chargerId);
        anomalies.sealBroken(charger.map(Charger::operatorId).orElse(null), charger.map(Charger::stationId).orElse(null),
                chargerId, connectorId, evidence, at, at + ":" + Integer.toHexString(evidence.hashCode()));
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}
