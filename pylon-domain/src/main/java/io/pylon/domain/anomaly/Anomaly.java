package io.pylon.domain.anomaly;

import java.time.Instant;

/**
 * Something found wrong with a charger or session, naming its evidence (the readings, the event text, the amounts).
 *
 * @param dedupKey one anomaly per finding: the same evidence seen twice (a retried stop, a catch-up) is recorded once
 */
public record Anomaly(long id, AnomalyRule rule, Long operatorId, Long stationId, String chargerId, Integer connectorId,
                      Long sessionId, Long orderId, String evidence, Instant detectedAt, String dedupKey) {

    public AnomalyRule.Severity severity() {
        return rule.severity();
    }
}
