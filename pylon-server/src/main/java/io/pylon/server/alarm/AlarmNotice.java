package io.pylon.server.alarm;

/**
 * Something happened to an alarm; published as a Spring application event after it is stored. The console push and the
 * notification dispatcher listen to it.
 *
 * @param kind RAISED, SEVERITY_RAISED, ESCALATED, ACKNOWLEDGED or CLEARED
 */
public record AlarmNotice(String kind, AlarmView alarm) {

    /** Whether people should be told (a new alarm or one that got worse); acknowledging and clearing only update screens. */
    public boolean worsened() {
        return "RAISED".equals(kind) || "SEVERITY_RAISED".equals(kind) || "ESCALATED".equals(kind);
    }
}
