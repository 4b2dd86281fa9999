package io.pylon.domain.charger;

import java.time.Instant;

/** The latest known state of one connector. */
public record ConnectorState(String chargerId, int connectorId, ConnectorStatus status, String errorCode,
                             String info, String vendorErrorCode, Instant since) {}
