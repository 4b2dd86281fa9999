package io.pylon.ocpp.v16;

/** OCPP 1.6 DiagnosticsStatusNotification (§6.19). */
public final class DiagnosticsStatusNotification {
    private DiagnosticsStatusNotification() {}

    public record Request(String status) {}

    public record Response() {}
}
