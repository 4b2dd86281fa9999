package io.pylon.domain.charger;

import java.time.Instant;

/**
 * A connector status report. Connector 0 stands for the whole charger.
 *
 * @param timestamp when the charger says it happened (may be earlier than receipt: queued while offline)
 */
public record StatusReport(int connectorId, ConnectorStatus status, String errorCode, String info,
                           String vendorId, String vendorErrorCode, Instant timestamp) {}
