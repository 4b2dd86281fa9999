package io.pylon.domain.parking;

import java.time.Instant;

/** A bay changed state at {@code at} because of {@code cause} (in words, for the bay's history). */
public record Transition(BayState from, BayState to, Instant at, String cause) {}
