package io.pylon.domain.alarm;

/**
 * The answer to {@link Alarms#raise}: the alarm that now stands for the signal.
 *
 * @param created  true if a new alarm was raised, false if an open one with the same key was refreshed
 * @param severity its severity now (a refresh with a higher severity raises it)
 */
public record RaisedAlarm(long id, boolean created, AlarmSeverity severity) {}
