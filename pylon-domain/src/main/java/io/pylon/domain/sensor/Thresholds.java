package io.pylon.domain.sensor;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Warning and critical limits of one measured quantity (°C for temperature, % for humidity), with hysteresis: a value
 * reaches a level at its limit and leaves it only once it is {@code hysteresis} below that limit, so a value hovering
 * around a limit does not raise and clear an alarm with every reading.
 */
public record Thresholds(BigDecimal warning, BigDecimal critical, BigDecimal hysteresis) {

    public Thresholds {
        Objects.requireNonNull(warning, "warning");
        Objects.requireNonNull(critical, "critical");
        hysteresis = hysteresis == null ? BigDecimal.ZERO : hysteresis;
        if (critical.compareTo(warning) < 0) {
            throw new IllegalArgumentException("critical (" + critical + ") must not be below warning (" + warning + ")");
        }
        if (hysteresis.signum() < 0) {
            throw new IllegalArgumentException("hysteresis must not be negative");
        }
    }

    public static Thresholds of(String warning, String critical, String hysteresis) {
        return new Thresholds(new BigDecimal(warning), new BigDecimal(critical), new BigDecimal(hysteresis));
    }

    /** The level of {@code value} for a quantity that stood at {@code current}: up at once, down only past the hysteresis. */
    public SensorLevel levelAfter(SensorLevel current, BigDecimal value) {
        SensorLevel rising = value.compareTo(critical) >= 0 ? SensorLevel.CRITICAL
                : value.compareTo(warning) >= 0 ? SensorLevel.WARNING : SensorLevel.NORMAL;
        if (rising.compareTo(current) >= 0) return rising;
        if (current == SensorLevel.CRITICAL && value.compareTo(critical.subtract(hysteresis)) >= 0) return SensorLevel.CRITICAL;
        if (value.compareTo(warning.subtract(hysteresis)) >= 0) return SensorLevel.WARNING;
        return SensorLevel.NORMAL;
    }

    /** The limit of a level (null for NORMAL), for messages. */
    public BigDecimal limit(SensorLevel level) {
        return switch (level) {
            case NORMAL -> null;
            case WARNING -> warning;
            case CRITICAL -> critical;
        };
    }
}
