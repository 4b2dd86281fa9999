package io.pylon.ocpp.v16;

import java.time.Instant;

/** OCPP 1.6 StartTransaction (§6.46). meterStart in Wh. */
public final class StartTransaction {
    private StartTransaction() {}

    public record Request(int connectorId, String idTag, long meterStart, Integer reservationId, Instant timestamp) {}

    public record Response(IdTagInfo idTagInfo, int transactionId) {}
}
