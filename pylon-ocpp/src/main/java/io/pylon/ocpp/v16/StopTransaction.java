package io.pylon.ocpp.v16;

import java.time.Instant;
import java.util.List;

/** OCPP 1.6 StopTransaction (§6.50). meterStop in Wh. */
public final class StopTransaction {
    private StopTransaction() {}

    public record Request(String idTag, long meterStop, Instant timestamp, int transactionId, String reason,
                          List<MeterValue> transactionData) {}

    public record Response(IdTagInfo idTagInfo) {}
}
