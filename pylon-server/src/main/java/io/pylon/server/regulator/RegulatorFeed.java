package io.pylon.server.regulator;

import io.pylon.domain.order.Order;
import io.pylon.domain.order.OrderListener;
import io.pylon.domain.trust.EntryKind;
import io.pylon.domain.trust.LogEntry;
import io.pylon.domain.trust.Records;
import io.pylon.domain.trust.TransparencyLog;
import io.pylon.server.trust.TransparencyViews.LogEntryView;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Pushes every finished transaction to the regulator's endpoint: the order's transparency log entry (its canonical
 * record, index and leaf hash) as JSON, POSTed with {@code X-Pylon-Signature: hex(HMAC-SHA256(secret, body))} and
 * {@code Idempotency-Key: pylon-order-<id>}. Records wait in a durable outbox and are retried with doubling backoff;
 * a record is marked sent only on a 2xx answer, so a restart loses nothing, and the idempotency key lets the
 * regulator drop the one duplicate a crash between its answer and our commit can cause.
 */
public class RegulatorFeed implements OrderListener {

    private static final Logger log = LoggerFactory.getLogger(RegulatorFeed.class);
    static final Duration FIRST_BACKOFF = Duration.ofSeconds(5);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RegulatorOutbox outbox;
    private final TransparencyLog transparency;
    private final RegulatorProperties properties;
    private final byte[] secret;
    private final Clock clock;
    private final HttpClient http;

    public RegulatorFeed(RegulatorOutbox outbox, TransparencyLog transparency, RegulatorProperties properties, byte[] secret,
                         Clock clock) {
        this.outbox = outbox;
        this.transparency = transparency;
        this.properties = properties;
        this.secret = secret.clone();
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(properties.timeout()).build();
    }

    @Override
    public void closed(Order order) {
        if (!properties.enabled()) {
            return;
        }
        Optional<LogEntry> entry = transparency.find(EntryKind.SESSION, Records.sessionSubject(order.id()));
        if (entry.isEmpty()) {
            return; // the transparency catch-up logs it; the outbox catch-up then queues it
        }
        queue(order.id(), entry.get());
    }

    /** Queues an order's logged record (once). */
    public void queue(long orderId, LogEntry entry) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("orderId", orderId);
        body.put("entry", LogEntryView.of(entry));
        outbox.add(orderId, JSON.writeValueAsString(body), clock.instant());
    }

    /** Sends what is due; answers how many were delivered. */
    public int push(int limit) {
        if (!properties.enabled()) {
            return 0;
        }
        int delivered = 0;
        for (RegulatorOutbox.Item item : outbox.due(clock.instant(), limit)) {
            Instant now = clock.instant();
            if (!outbox.claim(item, now.plus(properties.timeout()).plusSeconds(30))) {
                continue; // another node took it
            }
            String error = send(item);
            if (error == null) {
                outbox.sent(item.id(), clock.instant());
                delivered++;
            } else {
                outbox.failed(item.id(), error, clock.instant().plus(backoff(item.attempts() + 1)));
            }
        }
        return delivered;
    }

    Duration backoff(int attempts) {
        Duration wait = FIRST_BACKOFF.multipliedBy(1L << Math.min(20, Math.max(0, attempts - 1)));
        return wait.compareTo(properties.maxBackoff()) > 0 ? properties.maxBackoff() : wait;
    }

    private String send(RegulatorOutbox.Item item) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(properties.endpoint().toString()))
                    .timeout(properties.timeout())
                    .header("Content-Type", "application/json")
                    .header("Idempotency-Key", "pylon-order-" + item.orderId())
                    .header("X-Pylon-Signature", signature(item.payload()))
                    .POST(HttpRequest.BodyPublishers.ofString(item.payload(), StandardCharsets.UTF_8)).build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() / 100 == 2 ? null : "HTTP " + response.statusCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        } catch (Exception e) {
            log.debug("Regulator push of order {} failed", item.orderId(), e);
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }

    /** hex(HMAC-SHA256(secret, body as UTF-8)): what the regulator recomputes to trust a record. */
    public String signature(String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return java.util.HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] secretBytes(String text) {
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
    }
}
