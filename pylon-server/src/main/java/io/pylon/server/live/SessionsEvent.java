package io.pylon.server.live;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Pushed every few seconds while someone listens: the running sessions in the listener's scope (newest first, at most
 * {@link LiveHub#MAX_SESSIONS}) with energy so far, power and state of charge from their latest readings.
 */
public record SessionsEvent(Instant at, long running, List<LiveSession> sessions) {

    /** {@code energyWh}, {@code powerKw} and {@code socPercent} are null until the charger reports them. */
    public record LiveSession(long id, String chargerId, int connectorId, Long stationId, String idTag, Instant startedAt,
                              Long energyWh, BigDecimal powerKw, BigDecimal socPercent, Instant lastReadingAt) {}
}
