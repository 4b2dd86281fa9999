package io.pylon.domain.session;

import io.pylon.domain.auth.AuthorizationStatus;

/**
 * Port: what else happens when a session starts or stops (orders, wallet holds, billing). Called once per
 * session, never for a retransmitted start or stop.
 */
public interface SessionListener {

    /**
     * A new session was accepted, inside the transaction that stored it. Answers ACCEPTED, or the status
     * the charger must be told instead (e.g. BLOCKED when the driver's wallet cannot cover the hold);
     * then the charger stops the session at once.
     */
    AuthorizationStatus started(ChargingSession session);

    /** The session stopped (after its transaction committed). Failures here never fail the stop. */
    void stopped(ChargingSession session);

    SessionListener NONE = new SessionListener() {
        @Override
        public AuthorizationStatus started(ChargingSession session) {
            return AuthorizationStatus.ACCEPTED;
        }

        @Override
        public void stopped(ChargingSession session) {
        }
    };
}
