package io.pylon.domain.order;

import java.time.Instant;

/** Listing filter on start time [from, to); null fields do not filter. */
public record OrderFilter(Long stationId, String chargerId, Long driverId, OrderState state, Instant from, Instant to) {}
