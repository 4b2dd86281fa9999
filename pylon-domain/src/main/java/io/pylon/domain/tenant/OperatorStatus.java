package io.pylon.domain.tenant;

/** A suspended operator's chargers stay connected but its people cannot sign in. */
public enum OperatorStatus { ACTIVE, SUSPENDED }
