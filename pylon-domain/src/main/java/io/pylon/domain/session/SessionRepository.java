package io.pylon.domain.session;

import io.pylon.domain.common.Page;
import io.pylon.domain.common.PageRequest;
import java.time.Instant;
import java.util.Optional;

/** Port: where sessions are kept. */
public interface SessionRepository {

    /** Stores a new session and returns its id; empty if one with the same charger, connector and start time exists. */
    Optional<Long> insert(NewSession session);

    /** The session a charger started at this connector at this instant (to recognise a retransmitted start). */
    Optional<ChargingSession> findByStart(String chargerId, int connectorId, Instant startedAt);

    Optional<ChargingSession> find(long id);

    /** Whether the id tag (or any token with the same parent) has an active session. */
    boolean hasActive(String idTag, String parentIdTag);

    /** Completes an active session; false if it was not active (already stopped). */
    boolean complete(long id, long meterStopWh, Instant stoppedAt, String reason, String stopIdTag);

    /** Records that a just-started session was refused after all (e.g. no credit); the charger is told so. */
    void refuse(long id, io.pylon.domain.auth.AuthorizationStatus status);

    Page<ChargingSession> list(SessionFilter filter, PageRequest page);
}
