package io.pylon.ocpp.v16;

import java.time.Instant;

/** OCPP 1.6 security extension SecurityEventNotification. */
public final class SecurityEventNotification {
    private SecurityEventNotification() {}

    public record Request(String type, Instant timestamp, String techInfo) {}

    public record Response() {}
}
