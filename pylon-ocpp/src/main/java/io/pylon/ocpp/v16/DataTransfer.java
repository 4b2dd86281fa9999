package io.pylon.ocpp.v16;

/** OCPP 1.6 DataTransfer (§6.17), either direction. status: Accepted, Rejected, UnknownMessageId, UnknownVendorId. */
public final class DataTransfer {
    private DataTransfer() {}

    public record Request(String vendorId, String messageId, String data) {}

    public record Response(String status, String data) {}
}
