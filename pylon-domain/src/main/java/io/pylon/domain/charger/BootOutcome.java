package io.pylon.domain.charger;

import java.time.Duration;
import java.time.Instant;

/** The answer to a boot: registration status, heartbeat (or retry) interval, server time. */
public record BootOutcome(RegistrationStatus status, Duration interval, Instant serverTime) {}
