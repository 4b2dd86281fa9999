package io.pylon.domain.alarm;

/** What the platform does to the charger when an alarm is raised. */
public enum AlarmAction {
    /** Stop the running session(s) at the alarm's connector (every connector when the alarm is about the whole charger). */
    STOP_SESSION,
    /** Make the connector (or charger) unavailable: no new session can start there. */
    MAKE_UNAVAILABLE,
    /** Refuse every start at the charger until a person clears the alarm (it is never cleared automatically). */
    LOCK_OUT
}
