package io.pylon.ocpp.v16;

import java.util.List;

/** OCPP 1.6 MeterValues (§6.34). */
public final class MeterValues {
    private MeterValues() {}

    public record Request(int connectorId, Integer transactionId, List<MeterValue> meterValue) {}

    public record Response() {}
}
