package io.pylon.domain.charger;

/** State of a connector (gun), as chargers report it (OCPP 1.6 ChargePointStatus; YKC maps onto it). */
public enum ConnectorStatus {
    AVAILABLE, PREPARING, CHARGING, SUSPENDED_EVSE, SUSPENDED_EV, FINISHING, RESERVED, UNAVAILABLE, FAULTED
}
