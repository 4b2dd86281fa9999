package io.pylon.simulator;

/** OCPP 1.6 ChargePointStatus values, spelled as on the wire. */
public enum ConnectorStatus {
    /** Free and operative. */
    Available,
    /** Cable plugged in / tag presented, transaction about to start. */
    Preparing,
    /** Energy is flowing. */
    Charging,
    /** The charge point suspended the energy transfer. */
    SuspendedEVSE,
    /** The vehicle suspended the energy transfer (e.g. battery full). */
    SuspendedEV,
    /** Transaction stopped, cable not yet unplugged. */
    Finishing,
    /** Reserved through ReserveNow. */
    Reserved,
    /** Made inoperative through ChangeAvailability. */
    Unavailable,
    /** In an error state. */
    Faulted
}
