package io.pylon.domain.reservation;

/** REQUESTED until the charger answers; then ACTIVE, or REJECTED with the charger's reason. */
public enum ReservationStatus { REQUESTED, ACTIVE, REJECTED, CANCELLED, USED, EXPIRED }
