package io.pylon.server.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon.server.support.Api.Response;
import io.pylon.server.support.RawOcppClient;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Commands that cannot be answered: a known charger that is not connected fails at once with 409, a
 * connected one that stays silent with 504 after the call timeout (5 s in tests), a CALLERROR with 502.
 */
class OfflineCommandIT extends ConformanceBase {

    private static final String BOOT = "{\"chargePointVendor\":\"Acme\",\"chargePointModel\":\"Silent\"}";

    @Test
    void aCommandToAKnownChargerThatIsNotConnectedFailsAtOnceWith409() {
        String id = "OFFLINE-CP";
        assertThat(api.post("/api/v1/chargers", "{\"id\":\"" + id + "\"}").status()).isEqualTo(201);
        Instant before = Instant.now();

        Response reset = api.post("/api/v1/chargers/" + id + "/commands/reset", "{\"type\":\"Soft\"}");
        assertThat(reset.status()).isEqualTo(409);
        assertThat(reset.contentType()).startsWith("application/problem+json");
        assertThat(reset.body().get("status").asInt()).isEqualTo(409);
        assertThat(reset.body().get("detail").asString()).contains(id);
        assertThat(Duration.between(before, Instant.now())).isLessThan(Duration.ofSeconds(2));

        Response reserve = api.post("/api/v1/chargers/" + id + "/commands/reserve-now",
                "{\"connectorId\":1,\"idTag\":\"OFFLINE-TAG\",\"expiryDate\":\"" + Instant.now().plusSeconds(3600) + "\"}");
        assertThat(reserve.status()).isEqualTo(409);
        assertThat(reserve.contentType()).startsWith("application/problem+json");
        assertThat(reservations(id)).isEmpty();

        assertThat(api.post("/api/v1/chargers/NO-SUCH-CP/commands/reset", "{\"type\":\"Soft\"}").status()).isEqualTo(404);
    }

    @Test
    void aChargerThatNeverAnswersGives504AfterTheTimeoutAndStaysUsable() {
        String id = "SILENT-CP";
        try (RawOcppClient client = RawOcppClient.connect(ocppPort(), id, null)) {
            assertThat(client.call("b", "BootNotification", BOOT).get(2).get("status").asString()).isEqualTo("Accepted");
            Instant before = Instant.now();
            CompletableFuture<Response> pending = CompletableFuture.supplyAsync(
                    () -> api.post("/api/v1/chargers/" + id + "/commands/reset", "{\"type\":\"Hard\"}"));

            JsonNode call = client.next();
            assertThat(call.get(0).asInt()).isEqualTo(2);
            assertThat(call.get(2).asString()).isEqualTo("Reset");
            assertThat(call.get(3).get("type").asString()).isEqualTo("Hard");
            // ... and is never answered
            Response reply = pending.join();
            Duration waited = Duration.between(before, Instant.now());
            assertThat(reply.status()).isEqualTo(504);
            assertThat(reply.contentType()).startsWith("application/problem+json");
            assertThat(reply.body().get("detail").asString()).contains("Reset");
            assertThat(waited).isBetween(Duration.ofMillis(4_500), Duration.ofSeconds(9));

            assertThat(client.call("h", "Heartbeat", "{}").get(0).asInt()).isEqualTo(3);
        }
    }

    @Test
    void aCallErrorFromTheChargerGives502() {
        String id = "ERROR-CP";
        try (RawOcppClient client = RawOcppClient.connect(ocppPort(), id, null)) {
            client.call("b", "BootNotification", BOOT);
            CompletableFuture<Response> pending = CompletableFuture.supplyAsync(
                    () -> api.post("/api/v1/chargers/" + id + "/commands/clear-cache", ""));
            JsonNode call = client.next();
            assertThat(call.get(2).asString()).isEqualTo("ClearCache");
            client.sendText("[4,\"" + call.get(1).asString() + "\",\"InternalError\",\"cache is stuck\",{}]");

            Response reply = pending.join();
            assertThat(reply.status()).isEqualTo(502);
            assertThat(reply.contentType()).startsWith("application/problem+json");
            assertThat(reply.body().get("detail").asString()).contains("InternalError");
        }
    }
}
