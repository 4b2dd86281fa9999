package io.pylon.server.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon.server.support.Api.Response;
import io.pylon.server.support.PylonIT;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import tools.jackson.databind.JsonNode;

/**
 * Base of the OCA OCPP 1.6 CSMS conformance tests: the Java-OCA-OCPP charge point plays the charger,
 * the REST API plays the operator. Charge points opened with {@link #chargePoint} are closed after each test.
 */
abstract class ConformanceBase extends PylonIT {

    private final List<ThirdPartyChargePoint> opened = new ArrayList<>();

    /** A charge point that connected and booted (Accepted). */
    protected ThirdPartyChargePoint chargePoint(String id) {
        ThirdPartyChargePoint cp = ThirdPartyChargePoint.booted(ocppUrl(), id);
        opened.add(cp);
        return cp;
    }

    /** A charge point that connected but has not booted yet. */
    protected ThirdPartyChargePoint connectedOnly(String id) {
        ThirdPartyChargePoint cp = new ThirdPartyChargePoint(id).connect(ocppUrl());
        opened.add(cp);
        return cp;
    }

    @AfterEach
    void closeChargePoints() {
        opened.forEach(ThirdPartyChargePoint::close);
        opened.clear();
    }

    /** Creates an id token with a status (ACCEPTED, BLOCKED, EXPIRED, INVALID) and optional extra JSON fields. */
    protected void idToken(String idTag, String status) {
        Response r = api.post("/api/v1/id-tokens", "{\"idTag\":\"" + idTag + "\",\"status\":\"" + status + "\"}");
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
    }

    protected JsonNode charger(String id) {
        Response r = api.get("/api/v1/chargers/" + id);
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return r.body();
    }

    /** A command through the REST API; asserts 200 and returns the body ({status, data}). */
    protected JsonNode command(String chargerId, String command, String json) {
        Response r = api.post("/api/v1/chargers/" + chargerId + "/commands/" + command, json);
        assertThat(r.status()).as(command + ": " + r.raw()).isEqualTo(200);
        return r.body();
    }

    /** Sessions of a charger (newest first, as the API lists them). */
    protected List<JsonNode> sessions(String chargerId) {
        Response r = api.get("/api/v1/sessions?chargerId=" + chargerId);
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        List<JsonNode> items = new ArrayList<>();
        r.body().get("items").forEach(items::add);
        return items;
    }

    protected JsonNode session(long id) {
        Response r = api.get("/api/v1/sessions/" + id);
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return r.body();
    }

    protected List<JsonNode> events(String chargerId) {
        Response r = api.get("/api/v1/chargers/" + chargerId + "/events");
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        List<JsonNode> items = new ArrayList<>();
        r.body().forEach(items::add);
        return items;
    }

    protected List<JsonNode> reservations(String chargerId) {
        Response r = api.get("/api/v1/chargers/" + chargerId + "/reservations");
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        List<JsonNode> items = new ArrayList<>();
        r.body().forEach(items::add);
        return items;
    }

    /** The status the API shows for a connector, or null if it has none yet. */
    protected String connectorStatus(String chargerId, int connectorId) {
        for (JsonNode c : charger(chargerId).get("connectors")) {
            if (c.get("connectorId").asInt() == connectorId) return c.get("status").asString();
        }
        return null;
    }

    /** Polls {@code value} until it satisfies {@code done} (some writes are batched), failing after 10 s. */
    protected static <T> T eventually(Supplier<T> value, Predicate<T> done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        T last = value.get();
        while (!done.test(last)) {
            if (System.nanoTime() > deadline) throw new AssertionError("condition not met within 10 s; last value: " + last);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            last = value.get();
        }
        return last;
    }
}
