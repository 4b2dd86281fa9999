package io.pylon.domain.reservation;

import java.time.Instant;

/** A connector reserved for an id token until {@code expiry}. {@code detail} holds the charger's answer. */
public record Reservation(int id, String chargerId, int connectorId, String idTag, String parentIdTag,
                          Instant expiry, ReservationStatus status, String detail, Instant createdAt) {

    /** The status as of {@code now}: an active reservation past its expiry is expired. */
    public ReservationStatus statusAt(Instant now) {
        return status == ReservationStatus.ACTIVE && !expiry.isAfter(now) ? ReservationStatus.EXPIRED : status;
    }

    /** This reservation with its status as of {@code now}. */
    public Reservation asOf(Instant now) {
        ReservationStatus current = statusAt(now);
        return current == status ? this
                : new Reservation(id, chargerId, connectorId, idTag, parentIdTag, expiry, current, detail, createdAt);
    }
}
