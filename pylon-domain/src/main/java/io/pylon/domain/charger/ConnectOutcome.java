package io.pylon.domain.charger;

/** Whether a charger may open a connection, and why not. */
public sealed interface ConnectOutcome {
    /** @param accepted whether the charger is already accepted (may send more than a boot) */
    record Allowed(boolean known, boolean accepted) implements ConnectOutcome {}

    record Denied(Reason reason) implements ConnectOutcome {}

    enum Reason { UNKNOWN_CHARGER, BAD_CREDENTIALS, PROFILE_TOO_WEAK, REJECTED }
}
