package io.pylon.domain.alarm;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A condition someone detected (a rule, a thermal camera, an AI event, a sensor, a charger's error code) that must
 * become an alarm. Signals with the same {@link #dedupKey()} while an alarm for it is not cleared refresh that alarm
 * instead of raising another.
 *
 * @param source    who detected it: rule, charger, thermal, camera, sensor, parking, …
 * @param code      what it is, e.g. OverTemperature, WaterImmersion, NonEvInBay
 * @param operatorId owner; null to derive it from the charger (or the station)
 * @param chargerId  null for an alarm about a station or a device that is not a charger
 * @param connectorId 0 (or null) for the whole charger
 * @param subject   what the alarm is about when that is not the connector (a bay, a camera, a sensor); part of the key
 * @param evidence  a reference to what proves it (a snapshot URL, a frame id); pictures go in with {@link Alarms#attach}
 * @param escalateAfter unacknowledged this long, the alarm goes one severity up; null never
 */
public record AlarmSignal(String source, String code, AlarmSeverity severity, Long operatorId, Long stationId,
                          String chargerId, Integer connectorId, String subject, String message, BigDecimal value,
                          String evidence, Set<AlarmAction> actions, Long ruleId, Duration escalateAfter) {

    public AlarmSignal {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(severity, "severity");
        actions = actions == null || actions.isEmpty() ? Set.of() : Set.copyOf(actions);
        if (chargerId == null && stationId == null && subject == null) {
            throw new IllegalArgumentException("An alarm needs a charger, a station or a subject");
        }
    }

    public static Builder of(String source, String code, AlarmSeverity severity) {
        return new Builder(source, code, severity);
    }

    /** One alarm at a time per source, code and subject (the connector when there is no other subject). */
    public String dedupKey() {
        String where = subject != null ? subject
                : chargerId != null ? chargerId + "#" + (connectorId == null ? 0 : connectorId)
                : "station:" + stationId;
        return key(source, code, where);
    }

    public static String key(String source, String code, String where) {
        String k = source + ":" + code + ":" + where;
        return k.length() > 300 ? k.substring(0, 300) : k;
    }

    public int connector() {
        return connectorId == null ? 0 : connectorId;
    }

    /** Builds a signal step by step; only source, code and severity are required. */
    public static final class Builder {
        private final String source;
        private final String code;
        private final AlarmSeverity severity;
        private Long operatorId;
        private Long stationId;
        private String chargerId;
        private Integer connectorId;
        private String subject;
        private String message;
        private BigDecimal value;
        private String evidence;
        private final Set<AlarmAction> actions = EnumSet.noneOf(AlarmAction.class);
        private Long ruleId;
        private Duration escalateAfter;

        private Builder(String source, String code, AlarmSeverity severity) {
            this.source = source;
            this.code = code;
            this.severity = severity;
        }

        public Builder charger(String chargerId, Integer connectorId) {
            this.chargerId = chargerId;
            this.connectorId = connectorId;
            return this;
        }

        public Builder station(Long stationId) {
            this.stationId = stationId;
            return this;
        }

        public Builder operator(Long operatorId) {
            this.operatorId = operatorId;
            return this;
        }

        public Builder subject(String subject) {
            this.subject = subject;
            return this;
        }

        public Builder message(String message) {
            this.message = message;
            return this;
        }

        public Builder value(BigDecimal value) {
            this.value = value;
            return this;
        }

        public Builder evidence(String evidence) {
            this.evidence = evidence;
            return this;
        }

        public Builder actions(Set<AlarmAction> actions) {
            this.actions.addAll(actions);
            return this;
        }

        public Builder action(AlarmAction action) {
            this.actions.add(action);
            return this;
        }

        public Builder rule(Long ruleId) {
            this.ruleId = ruleId;
            return this;
        }

        public Builder escalateAfter(Duration escalateAfter) {
            this.escalateAfter = escalateAfter;
            return this;
        }

        public AlarmSignal build() {
            return new AlarmSignal(source, code, severity, operatorId, stationId, chargerId, connectorId, subject, message,
                    value, evidence, actions, ruleId, escalateAfter);
        }
    }
}
