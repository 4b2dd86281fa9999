package io.pylon.domain.session;

import java.time.Instant;

/** Listing filter on start time [from, to); null fields do not filter. */
public record SessionFilter(String chargerId, String idTag, SessionState state, Instant from, Instant to) {}
