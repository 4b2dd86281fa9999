package io.pylon.simulator;

/** Kind of simulated charge point: alternating current (wallbox / street post) or direct current (fast charger). */
public enum ChargerKind {
    /** AC charging at constant 7.4, 11 or 22 kW. */
    AC,
    /** DC fast charging that ramps up to its rated power and tapers after about 80 % state of charge. */
    DC
}
