package io.pylon.domain.thermal;

import io.pylon.domain.alarm.AlarmSeverity;

/** How hot a zone (or a bay, its worst zone) is: the grades of the thermal alarm, in rising order. */
public enum ThermalLevel {
    NORMAL, WARNING, CRITICAL, EVACUATION;

    /** The alarm severity of this grade: pre-warning = WARNING, alarm = CRITICAL, evacuation = EVACUATION. */
    public AlarmSeverity severity() {
        return switch (this) {
            case NORMAL -> AlarmSeverity.INFO;
            case WARNING -> AlarmSeverity.WARNING;
            case CRITICAL -> AlarmSeverity.CRITICAL;
            case EVACUATION -> AlarmSeverity.EVACUATION;
        };
    }

    public boolean worseThan(ThermalLevel other) {
        return compareTo(other) > 0;
    }

    public static ThermalLevel worst(ThermalLevel a, ThermalLevel b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    public static ThermalLevel mildest(ThermalLevel a, ThermalLevel b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
