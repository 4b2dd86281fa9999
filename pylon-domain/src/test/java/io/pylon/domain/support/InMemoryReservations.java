package io.pylon.domain.support;

import io.pylon.domain.reservation.Reservation;
import io.pylon.domain.reservation.ReservationRepository;
import io.pylon.domain.reservation.ReservationStatus;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reservations in a map. */
public final class InMemoryReservations implements ReservationRepository {
    private final Map<Integer, Reservation> reservations = new HashMap<>();
    private int nextId = 1;

    @Override
    public int create(String chargerId, int connectorId, String idTag, String parentIdTag, Instant expiry, Instant now) {
        int id = nextId++;
        reservations.put(id, new Reservation(id, chargerId, connectorId, idTag, parentIdTag, expiry, ReservationStatus.REQUESTED, null, now));
        return id;
    }

    @Override public Optional<Reservation> find(int id) { return Optional.ofNullable(reservations.get(id)); }

    @Override
    public void setStatus(int id, ReservationStatus status, String detail) {
        Reservation r = reservations.get(id);
        reservations.put(id, new Reservation(id, r.chargerId(), r.connectorId(), r.idTag(), r.parentIdTag(), r.expiry(), status, detail, r.createdAt()));
    }

    @Override
    public void markUsed(int id, String chargerId) {
        find(id).filter(r -> r.chargerId().equals(chargerId)).ifPresent(r -> setStatus(id, ReservationStatus.USED, null));
    }

    @Override
    public List<Reservation> forCharger(String chargerId, int limit) {
        return reservations.values().stream().filter(r -> r.chargerId().equals(chargerId)).limit(limit).toList();
    }
}
