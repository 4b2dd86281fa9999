package io.pylon.domain.alarm;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * An operator's rule on one metric of the telemetry.
 * <ul>
 *   <li>THRESHOLD: the value is ABOVE (or BELOW) {@code threshold} for at least {@code duration}; it clears once the value
 *       is back past {@code clearThreshold} (hysteresis; the threshold itself when none is set).</li>
 *   <li>RATE: the value rises (ABOVE) or falls (BELOW) faster than {@code threshold} per minute, measured over
 *       {@code window}; clears when the rate is back under {@code clearThreshold}.</li>
 *   <li>EVENT: an event with {@code eventCode} (or any code, "*") arrives; clears when the same target reports another
 *       code (a connector back to NoError) unless the rule locks the charger out.</li>
 * </ul>
 *
 * @param operatorId null for a platform rule (every operator)
 * @param scopeRef   station id, charger model or charger id, as {@code scope} requires; null for PLATFORM and OPERATOR
 */
public record AlarmRule(long id, Long operatorId, String name, Scope scope, String scopeRef, String metric, Kind kind,
                        Comparison comparison, BigDecimal threshold, BigDecimal clearThreshold, String eventCode,
                        Duration duration, Duration window, AlarmSeverity severity, Set<AlarmAction> actions,
                        Duration escalateAfter, boolean enabled) {

    public enum Scope { PLATFORM, OPERATOR, STATION, MODEL, CHARGER }

    public enum Kind { THRESHOLD, RATE, EVENT }

    public enum Comparison { ABOVE, BELOW }

    public AlarmRule {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(severity, "severity");
        comparison = comparison == null ? Comparison.ABOVE : comparison;
        duration = duration == null ? Duration.ZERO : duration;
        window = window == null || window.isZero() ? Duration.ofMinutes(1) : window;
        actions = actions == null ? Set.of() : Set.copyOf(actions);
        if (kind != Kind.EVENT && threshold == null) throw new IllegalArgumentException("A " + kind + " rule needs a threshold");
        if (kind == Kind.EVENT && (eventCode == null || eventCode.isBlank())) throw new IllegalArgumentException("An EVENT rule needs an event code");
        if (clearThreshold == null) clearThreshold = threshold;
        if (kind != Kind.EVENT && clearThreshold != null && threshold != null) {
            boolean wrongSide = comparison == Comparison.ABOVE || kind == Kind.RATE ? clearThreshold.compareTo(threshold) > 0
                    : clearThreshold.compareTo(threshold) < 0;
            if (wrongSide) {
                throw new IllegalArgumentException("The clear threshold must be on the safe side of the threshold (hysteresis)");
            }
        }
        if (scope != Scope.PLATFORM && scope != Scope.OPERATOR && (scopeRef == null || scopeRef.isBlank())) {
            throw new IllegalArgumentException("A " + scope + " rule needs the " + scope.name().toLowerCase() + " it applies to");
        }
    }

    /** Where a piece of telemetry comes from, for scope matching. */
    public record Target(Long operatorId, Long stationId, String model, String chargerId) {}

    /** Whether the rule watches telemetry of this metric from this place. */
    public boolean appliesTo(String telemetryMetric, Target where) {
        if (!enabled || !metric.equals(telemetryMetric)) return false;
        if (operatorId != null && !operatorId.equals(where.operatorId())) return false;
        return switch (scope) {
            case PLATFORM, OPERATOR -> true;
            case STATION -> where.stationId() != null && scopeRef.equals(where.stationId().toString());
            case MODEL -> scopeRef.equalsIgnoreCase(where.model() == null ? "" : where.model());
            case CHARGER -> scopeRef.equals(where.chargerId());
        };
    }
}
