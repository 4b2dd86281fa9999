package io.pylon.domain.session;

import io.pylon.domain.auth.AuthorizationStatus;
import java.time.Instant;

/**
 * One charging session (OCPP transaction). Meter readings are the charger's energy register in Wh.
 *
 * @param id         the transaction id handed to the charger
 * @param authStatus how the id token was answered at start; a non-accepted session is stopped by the charger
 * @param operatorId the charger's operator when the session started (null = unassigned charger)
 * @param stationId  the charger's station when the session started
 * @param createdAt  when the platform learnt of the start (much later than {@code startedAt} = recorded offline)
 */
public record ChargingSession(long id, String chargerId, int connectorId, String idTag, AuthorizationStatus authStatus,
                              Integer reservationId, long meterStartWh, Instant startedAt, Long meterStopWh,
                              Instant stoppedAt, String stopReason, String stopIdTag, SessionState state,
                              Long operatorId, Long stationId, Instant createdAt) {

    /** Energy delivered in Wh, once stopped; never negative (a register that went backwards counts as zero). */
    public Long energyWh() {
        return meterStopWh == null ? null : Math.max(0, meterStopWh - meterStartWh);
    }
}
