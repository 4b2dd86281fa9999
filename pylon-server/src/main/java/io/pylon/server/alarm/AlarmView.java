package io.pylon.server.alarm;

import io.pylon.server.persistence.JooqAlarms.Alarm;
import java.time.Instant;

/** An alarm as the console shows it; {@code state} OPEN, ACKNOWLEDGED or CLEARED. */
public record AlarmView(long id, String state, Long operatorId, Long stationId, String chargerId, int connectorId, String code,
                        String info, Instant raisedAt, Instant acknowledgedAt, String acknowledgedBy, Instant clearedAt,
                        String clearedBy) {

    public static AlarmView of(Alarm a) {
        String state = a.clearedAt() != null ? "CLEARED" : a.acknowledgedAt() != null ? "ACKNOWLEDGED" : "OPEN";
        return new AlarmView(a.id(), state, a.operatorId(), a.stationId(), a.chargerId(), a.connectorId(), a.code(), a.info(),
                a.raisedAt(), a.acknowledgedAt(), a.acknowledgedBy(), a.clearedAt(), a.clearedBy());
    }
}
