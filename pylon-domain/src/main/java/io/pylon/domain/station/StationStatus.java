package io.pylon.domain.station;

/** PLANNED = being built; OPERATIONAL = open to drivers; MAINTENANCE = temporarily closed; CLOSED = retired. */
public enum StationStatus { PLANNED, OPERATIONAL, MAINTENANCE, CLOSED }
