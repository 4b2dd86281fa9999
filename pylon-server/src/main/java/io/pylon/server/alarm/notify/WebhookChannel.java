package io.pylon.server.alarm.notify;

import io.pylon.server.persistence.JooqAlarmNotifications;
import io.pylon.server.persistence.JooqAlarmNotifications.Delivery;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * POSTs the alarm as JSON to an operator's URL, signed so the receiver can tell it came from Pylon and was not replayed:
 * header {@code Pylon-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>" with the webhook's secret>}, plus
 * {@code Pylon-Event} (alarm.raised, alarm.escalated, …) and {@code Pylon-Delivery} (the delivery id, the same on every
 * retry: receivers de-duplicate on it). Any 2xx answer is success.
 */
@Component
public class WebhookChannel implements AlarmChannel {

    static final String SIGNATURE = "Pylon-Signature";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final JooqAlarmNotifications store;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NEVER).build();

    public WebhookChannel(JooqAlarmNotifications store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public String channel() {
        return "WEBHOOK";
    }

    @Override
    public void send(Delivery d) throws Exception {
        var hook = store.webhook(d.targetId()).orElseThrow(() -> new IllegalStateException("webhook " + d.targetId() + " was deleted"));
        long t = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(URI.create(hook.url())).timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .header("Pylon-Event", "alarm." + d.notice().toLowerCase())
                .header("Pylon-Delivery", Long.toString(d.id()))
                .header(SIGNATURE, signature(hook.secret(), t, d.payload()))
                .POST(HttpRequest.BodyPublishers.ofString(d.payload(), StandardCharsets.UTF_8)).build();
        HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("HTTP " + response.statusCode() + " from " + hook.url());
        }
    }

    /** The signature header value for a body sent at {@code epochSeconds}. */
    public static String signature(String secret, long epochSeconds, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((epochSeconds + "." + body).getBytes(StandardCharsets.UTF_8));
            return "t=" + epochSeconds + ",v1=" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }
}
