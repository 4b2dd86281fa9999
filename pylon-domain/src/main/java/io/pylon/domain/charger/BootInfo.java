package io.pylon.domain.charger;

/** What a charger says about itself when it boots. Any field but vendor and model may be null. */
public record BootInfo(String vendor, String model, String serialNumber, String chargeBoxSerialNumber,
                       String firmwareVersion, String iccid, String imsi, String meterType,
                       String meterSerialNumber) {}
