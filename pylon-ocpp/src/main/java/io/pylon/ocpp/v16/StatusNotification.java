package io.pylon.ocpp.v16;

import java.time.Instant;

/** OCPP 1.6 StatusNotification (§6.48). */
public final class StatusNotification {
    private StatusNotification() {}

    public record Request(int connectorId, String errorCode, String info, String status, Instant timestamp,
                          String vendorId, String vendorErrorCode) {}

    public record Response() {}
}
