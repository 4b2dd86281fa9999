package io.pylon.domain.session;

import io.pylon.domain.tenant.TenantScope;
import java.time.Instant;

/** Listing filter on start time [from, to), always scoped; other null fields do not filter. */
public record SessionFilter(TenantScope scope, Long stationId, String chargerId, String idTag, SessionState state,
                            Instant from, Instant to) {}
