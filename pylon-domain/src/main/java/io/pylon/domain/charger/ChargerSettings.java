package io.pylon.domain.charger;

import java.time.Duration;

/**
 * Platform-wide charger settings.
 *
 * @param heartbeatInterval interval sent in the boot answer to accepted chargers
 * @param pendingRetry      interval after which a pending or rejected charger boots again
 */
public record ChargerSettings(UnknownChargerPolicy unknownChargers, Duration heartbeatInterval, Duration pendingRetry) {}
