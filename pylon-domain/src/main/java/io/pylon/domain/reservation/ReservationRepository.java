package io.pylon.domain.reservation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Port: where reservations are kept. */
public interface ReservationRepository {
    /** Stores a new reservation in REQUESTED state and returns its id. */
    int create(String chargerId, int connectorId, String idTag, String parentIdTag, Instant expiry, Instant now);

    Optional<Reservation> find(int id);

    void setStatus(int id, ReservationStatus status, String detail);

    /** A session started on this reservation. */
    void markUsed(int id, String chargerId);

    List<Reservation> forCharger(String chargerId, int limit);
}
