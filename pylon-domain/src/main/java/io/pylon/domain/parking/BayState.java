package io.pylon.domain.parking;

/**
 * Where a charging bay stands. A bay is one parking space in front of one connector.
 * <pre>
 *   FREE ──plate in / Preparing──▶ VEHICLE_PRESENT ──Charging──▶ CHARGING ──SuspendedEV / Finishing──▶ FINISHED
 *     ▲                                                              ▲                                   │ grace period over
 *     │                                                              └───────── Charging again ──────────┤
 *     └──────────────── plate out (or Available on a bay no camera watches) ◀── IDLE_OCCUPYING ◀─────────┘
 * </pre>
 */
public enum BayState {
    /** Nobody in the bay. */
    FREE,
    /** A vehicle is in the bay and has not charged yet. */
    VEHICLE_PRESENT,
    /** The vehicle is drawing (or about to draw) energy. */
    CHARGING,
    /** Charging finished; the vehicle is still in the bay, within the grace period. */
    FINISHED,
    /** Charging finished longer ago than the grace period and the vehicle is still there: idle fee accrues. */
    IDLE_OCCUPYING;

    public boolean occupied() {
        return this != FREE;
    }
}
