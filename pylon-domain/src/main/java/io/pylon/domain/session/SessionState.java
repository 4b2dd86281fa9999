package io.pylon.domain.session;

/** ACTIVE from start until the charger reports the stop; COMPLETED afterwards. */
public enum SessionState { ACTIVE, COMPLETED }
