package io.pylon.domain.alarm;

/** How bad an alarm is, in rising order; EVACUATION means people must leave the area. */
public enum AlarmSeverity {
    INFO, WARNING, CRITICAL, EVACUATION;

    /** The next level up (an unacknowledged alarm escalates to it); EVACUATION stays. */
    public AlarmSeverity escalated() {
        return this == EVACUATION ? this : values()[ordinal() + 1];
    }

    public boolean atLeast(AlarmSeverity other) {
        return compareTo(other) >= 0;
    }
}
