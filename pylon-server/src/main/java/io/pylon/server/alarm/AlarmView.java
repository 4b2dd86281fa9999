package io.pylon.server.alarm;

import io.pylon.domain.alarm.AlarmAction;
import io.pylon.domain.alarm.AlarmSeverity;
import io.pylon.server.persistence.JooqAlarms.Alarm;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Set;

/**
 * An alarm as the console shows it; {@code state} OPEN, ACKNOWLEDGED or CLEARED. {@code source} is the detector that
 * raised it (charger, rule, thermal, camera, sensor, parking), {@code lockout} whether it refuses every start at the
 * charger until a person clears it. {@code change} is what just happened to it (RAISED, SEVERITY_RAISED, ESCALATED,
 * ACKNOWLEDGED, CLEARED) on the live feed and in webhooks; null when it is simply read.
 */
public record AlarmView(long id, String state, AlarmSeverity severity, String source, Long operatorId, Long stationId,
                        String chargerId, int connectorId, String subject, String code, String info, BigDecimal value,
                        String evidence, Set<AlarmAction> actions, boolean lockout, Long ruleId, int occurrences,
                        Instant raisedAt, Instant lastSeenAt, Instant acknowledgedAt, String acknowledgedBy, Instant escalatedAt,
                        Instant clearedAt, String clearedBy, String change) {

    public static AlarmView of(Alarm a) {
        String state = a.clearedAt() != null ? "CLEARED" : a.acknowledgedAt() != null ? "ACKNOWLEDGED" : "OPEN";
        return new AlarmView(a.id(), state, a.severity(), a.source(), a.operatorId(), a.stationId(), a.chargerId(), a.connectorId(),
                a.subject(), a.code(), a.info(), a.value(), a.evidence(), a.actions(), a.lockout(), a.ruleId(), a.occurrences(),
                a.raisedAt(), a.lastSeenAt(), a.acknowledgedAt(), a.acknowledgedBy(), a.escalatedAt(), a.clearedAt(), a.clearedBy(), null);
    }

    /** The same alarm, saying what just happened to it. */
    public AlarmView changed(String kind) {
        return new AlarmView(id, state, severity, source, operatorId, stationId, chargerId, connectorId, subject, code, info, value, evidence,
                actions, lockout, ruleId, occurrences, raisedAt, lastSeenAt, acknowledgedAt, acknowledgedBy, escalatedAt, clearedAt,
                clearedBy, kind);
    }
}
