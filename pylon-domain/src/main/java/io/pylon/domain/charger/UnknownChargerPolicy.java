package io.pylon.domain.charger;

/** What happens when a charger the platform has never seen connects. */
public enum UnknownChargerPolicy {
    /** Register it and accept it at once (demo, lab). */
    ACCEPT,
    /** Register it as pending until an operator approves it. */
    PENDING,
    /** Refuse the connection; only chargers created beforehand may connect. */
    REJECT
}
