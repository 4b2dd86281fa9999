package io.pylon.domain.charger;

import java.time.Instant;

/**
 * Something a charger reported that is kept as a log: firmware and diagnostics progress,
 * security events, vendor data transfers.
 */
public record ChargerEvent(String chargerId, String kind, String detail, Instant occurredAt) {}
