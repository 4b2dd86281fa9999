package io.pylon.domain.payment;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

/** Builds signed callbacks as the generic gateway sends them. */
record Callbacks(HmacPaymentProvider gateway) {

    record Callback(Map<String, String> headers, byte[] body) {}

    static String body(String merchantOrderId, String amount, String currency, String status) {
        return "merchant_order_id=" + merchantOrderId + "&provider_reference=gw-" + merchantOrderId + "&amount=" + amount
                + "&currency=" + currency + "&status=" + status + "&paid_at=2026-06-01T10%3A00%3A30Z";
    }

    Callback signed(String body, Instant at) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String timestamp = Long.toString(at.getEpochSecond());
        return new Callback(Map.of(HmacPaymentProvider.TIMESTAMP_HEADER, timestamp,
                HmacPaymentProvider.SIGNATURE_HEADER, gateway.sign(timestamp, bytes)), bytes);
    }
}
