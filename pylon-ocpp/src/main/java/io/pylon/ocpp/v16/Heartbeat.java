package io.pylon.ocpp.v16;

import java.time.Instant;

/** OCPP 1.6 Heartbeat (§6.3). */
public final class Heartbeat {
    private Heartbeat() {}

    public record Request() {}

    public record Response(Instant currentTime) {}
}
