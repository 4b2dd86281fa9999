package io.pylon.server.support;

import io.pylon.domain.payment.HmacPaymentProvider;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** The payment gateway's side of a top-up in tests: a callback form signed as the HMAC gateway signs it. */
public final class PaymentCallbacks {

    private PaymentCallbacks() {}

    public static HttpResponse<String> post(int httpPort, HmacPaymentProvider gateway, String form) {
        byte[] bytes = form.getBytes(StandardCharsets.UTF_8);
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/api/v1/payments/callbacks/hmac"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header(HmacPaymentProvider.TIMESTAMP_HEADER, timestamp)
                .header(HmacPaymentProvider.SIGNATURE_HEADER, gateway.sign(timestamp, bytes))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
