package io.pylon.domain.sensor;

import io.pylon.domain.alarm.AlarmSeverity;

/** Where a measured value stands against its {@link Thresholds}, in rising order. */
public enum SensorLevel {
    NORMAL, WARNING, CRITICAL;

    /** The alarm severity of this level; null for NORMAL. */
    public AlarmSeverity severity() {
        return switch (this) {
            case NORMAL -> null;
            case WARNING -> AlarmSeverity.WARNING;
            case CRITICAL -> AlarmSeverity.CRITICAL;
        };
    }
}
