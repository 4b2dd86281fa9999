package io.pylon.domain.session;

import io.pylon.domain.auth.AuthorizationStatus;
import java.time.Instant;

/** A session about to be stored. */
public record NewSession(String chargerId, int connectorId, String idTag, AuthorizationStatus authStatus,
                         Integer reservationId, long meterStartWh, Instant startedAt) {}
