package io.pylon.domain.session;

import java.time.Instant;

/** A charger reports it started charging. {@code timestamp} is the charger's own (may be in the past). */
public record StartRequest(String chargerId, int connectorId, String idTag, long meterStartWh,
                           Integer reservationId, Instant timestamp) {}
