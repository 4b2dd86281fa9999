package io.pylon.domain.alarm;

import java.time.Instant;

/**
 * Port: the alarm engine as the detectors see it. Raising stores the alarm, runs its actions (stop the session, make
 * the charger unavailable, lock it out), pushes it to the console and notifies the people subscribed. Every call is
 * safe from any thread and any node; a signal repeated while its alarm is open refreshes that alarm.
 */
public interface Alarms {

    RaisedAlarm raise(AlarmSignal signal);

    /**
     * The condition behind {@code dedupKey} ended: its open alarm is cleared automatically, unless it locked the
     * charger out (a person must clear those). True if an alarm was cleared.
     */
    boolean resolve(String dedupKey, Instant at);

    /** Writes what a detector did about an alarm (e.g. a neighbour's session stopped) into the alarm's history. */
    void recordAction(long alarmId, String actor, String outcome);

    /** Keeps a picture or file with an alarm (a heat map, a snapshot); answers its evidence id. */
    long attach(long alarmId, String contentType, byte[] content);
}
