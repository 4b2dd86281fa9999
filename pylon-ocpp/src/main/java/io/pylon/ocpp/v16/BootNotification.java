package io.pylon.ocpp.v16;

import java.time.Instant;

/** OCPP 1.6 BootNotification (§6.2). */
public final class BootNotification {
    private BootNotification() {}

    public record Request(String chargePointVendor, String chargePointModel, String chargePointSerialNumber,
                          String chargeBoxSerialNumber, String firmwareVersion, String iccid, String imsi,
                          String meterType, String meterSerialNumber) {}

    /** status: Accepted, Pending or Rejected; interval in seconds. */
    public record Response(String status, Instant currentTime, int interval) {}
}
