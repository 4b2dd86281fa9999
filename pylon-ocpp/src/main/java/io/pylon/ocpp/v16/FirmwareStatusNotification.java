package io.pylon.ocpp.v16;

/** OCPP 1.6 FirmwareStatusNotification (§6.26). */
public final class FirmwareStatusNotification {
    private FirmwareStatusNotification() {}

    public record Request(String status) {}

    public record Response() {}
}
