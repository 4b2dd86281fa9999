package io.pylon.domain.driver;

/** A blocked driver cannot start sessions; their tokens answer Blocked. */
public enum DriverStatus { ACTIVE, BLOCKED }
