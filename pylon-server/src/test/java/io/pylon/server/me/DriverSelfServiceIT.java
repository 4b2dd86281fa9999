package io.pylon.server.me;

import io.pylon.server.support.AppCharger;
import static org.assertj.core.api.Assertions.assertThat;

import io.pylon.server.support.Api;
import io.pylon.server.support.Api.Response;
import io.pylon.server.support.PylonIT;
import io.pylon.server.support.Tenants;
import io.pylon.server.support.Tenants.Tenant;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A driver charges with the app, end to end over OCPP: finds a connector by code or QR, starts it (the charger
 * answers RemoteStartTransaction), watches the session with an estimate, stops it, and keeps a receipt whose
 * totals are the order's and what the wallet paid. Starts are refused clearly; a VIN on a vehicle starts sessions
 * billed to its driver; a card reported lost is blocked; nobody sees or stops another driver's session.
 */
class DriverSelfServiceIT extends PylonIT {

    private static final AtomicInteger SEQ = new AtomicInteger();

    private Tenant op;
    private long station;
    private String charger;
    private String code1;
    private String code2;

    record Driver(long id, String phone, Api app) {}

    @BeforeEach
    void operatorWithAPricedStation() {
        op = Tenants.create(api, httpPort, "CNY");
        station = op.station("App Station");
        io.pylon.server.support.Charging.flatTariff(op, station);
        charger = op.charger(op.code() + "-A1", station);
        code1 = spec(charger, 1);
        code2 = spec(charger, 2);
    }

    @Test
    void aDriverStartsByConnectorCodeWatchesTheSessionStopsItAndKeepsTheReceipt() {
        Driver d = driver("100.00");
        Driver other = driver("50.00");
        long tx;
        try (AppCharger cp = AppCharger.boot(ocppPort(), charger)) {
            cp.status(1, "Available");
            var connector = ok(d.app().get("/api/v1/me/connectors/" + code1));
            assertThat(connector.get("startable").asBoolean()).as(connector.toString()).isTrue();
            assertThat(connector.get("status").asString()).isEqualTo("AVAILABLE");
            assertThat(connector.get("qr").asString()).isEqualTo("pylon:" + charger + ":1");
            assertThat(connector.get("station").get("name").asString()).isEqualTo("App Station");
            assertThat(connector.get("prices").get("bands").get(0).get("band").asString()).isEqualTo("FLAT");
            assertThat(connector.get("prices").get("bands").get(0).get("totalPerKwh").decimalValue()).isEqualByComparingTo("1.0");

            var started = cp.answer("RemoteStartTransaction", "Accepted",
                    () -> d.app().post("/api/v1/me/sessions", "{\"connectorCode\":\"" + code1 + "\"}"));
            assertThat(started.response().status()).as(started.response().raw()).isEqualTo(202);
            assertThat(started.payload().get("connectorId").asInt()).isEqualTo(1);
            String appTag = started.payload().get("idTag").asString();
            assertThat(appTag).startsWith("APP").hasSize(20).isEqualTo(started.response().body().get("idTag").asString());

            cp.status(1, "Preparing");
            Instant start = Instant.now();
            var session = cp.start(1, appTag, 10_000, start);
            assertThat(session.status()).isEqualTo("Accepted");
            tx = session.transactionId();
            cp.status(1, "Charging");
            cp.meter(1, tx, start.plusSeconds(1800), 15_000, 11_000, 55);

            var active = ok(d.app().get("/api/v1/me/sessions/active"));
            assertThat(active.size()).isEqualTo(1);
            JsonNode live = active.get(0);
            assertThat(live.get("sessionId").asLong()).isEqualTo(tx);
            assertThat(live.get("state").asString()).isEqualTo("ACTIVE");
            assertThat(live.get("connectorCode").asString()).isEqualTo(code1);
            assertThat(live.get("connectorStatus").asString()).isEqualTo("CHARGING");
            assertThat(live.get("energyWh").asLong()).isEqualTo(5_000);
            assertThat(live.get("powerKw").decimalValue()).isEqualByComparingTo("11");
            assertThat(live.get("socPercent").decimalValue()).isEqualByComparingTo("55");
            assertThat(live.get("estimate").get("estimate").asBoolean()).isTrue();
            assertThat(live.get("estimate").get("note").asString()).startsWith("Estimate");
            assertThat(live.get("estimate").get("total").get("amount").decimalValue()).isEqualByComparingTo("5.00");
            assertThat(live.get("estimate").get("lines").get(0).get("band").asString()).isEqualTo("FLAT");
            assertThat(ok(d.app().get("/api/v1/me/sessions/" + tx)).get("energyWh").asLong()).isEqualTo(5_000);
            assertThat(ok(d.app().get("/api/v1/me/wallet")).get("onHold").get("amount").decimalValue()).isEqualByComparingTo("20.00");

            // another driver sees nothing of it and cannot stop it
            assertThat(other.app().get("/api/v1/me/sessions/" + tx).status()).isEqualTo(404);
            assertThat(other.app().post("/api/v1/me/sessions/" + tx + "/stop", "{}").status()).isEqualTo(404);
            assertThat(ok(other.app().get("/api/v1/me/sessions/active")).size()).isZero();

            var stopped = cp.answer("RemoteStopTransaction", "Accepted",
                    () -> d.app().post("/api/v1/me/sessions/" + tx + "/stop", "{}"));
            assertThat(stopped.response().status()).as(stopped.response().raw()).isEqualTo(202);
            assertThat(stopped.payload().get("transactionId").asLong()).isEqualTo(tx);
            cp.stop(tx, 20_000, start.plusSeconds(3600));
        }
        var again = d.app().post("/api/v1/me/sessions/" + tx + "/stop", "{}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body().get("reason").asString()).isEqualTo("SESSION_NOT_ACTIVE");
        assertThat(ok(d.app().get("/api/v1/me/sessions/" + tx)).get("payable").get("amount").decimalValue()).isEqualByComparingTo("10.00");

        var orders = ok(d.app().get("/api/v1/me/orders"));
        assertThat(orders.get("total").asLong()).isEqualTo(1);
        JsonNode order = orders.get("items").get(0);
        assertThat(order.get("state").asString()).isEqualTo("SETTLED");
        assertThat(order.get("payable").get("amount").decimalValue()).isEqualByComparingTo("10.00");
        long orderId = order.get("id").asLong();
        assertThat(ok(d.app().get("/api/v1/me/orders/" + orderId)).get("sessionId").asLong()).isEqualTo(tx);

        var refund = op.admin().post("/api/v1/orders/" + orderId + "/refunds",
                "{\"amount\":3.00,\"reason\":\"slow charging\",\"idempotencyKey\":\"rf-app\"}");
        assertThat(refund.status()).as(refund.raw()).isEqualTo(200);
        JsonNode receipt = ok(d.app().get("/api/v1/me/orders/" + orderId + "/receipt"));
        assertThat(receipt.get("station").get("name").asString()).isEqualTo("App Station");
        assertThat(receipt.get("connectorCode").asString()).isEqualTo(code1);
        assertThat(receipt.get("energyWh").asLong()).isEqualTo(10_000);
        JsonNode line = receipt.get("lines").get(0);
        assertThat(line.get("band").asString()).isEqualTo("FLAT");
        assertThat(line.get("electricityPrice").decimalValue()).isEqualByComparingTo("0.6");
        assertThat(line.get("electricityAmount").get("amount").decimalValue()).isEqualByComparingTo("6.00");
        assertThat(line.get("serviceAmount").get("amount").decimalValue()).isEqualByComparingTo("4.00");
        assertThat(receipt.get("total").get("amount").decimalValue()).isEqualByComparingTo("10.00");
        assertThat(receipt.get("payable").get("amount").decimalValue()).isEqualByComparingTo(order.get("payable").get("amount").decimalValue());
        assertThat(receipt.get("paid").get("amount").decimalValue()).as("what the wallet paid").isEqualByComparingTo("10.00");
        assertThat(receipt.get("refunded").get("amount").decimalValue()).isEqualByComparingTo("3.00");
        assertThat(receipt.get("refunds").get(0).get("reason").asString()).isEqualTo("slow charging");
        assertThat(receipt.get("netPaid").get("amount").decimalValue()).isEqualByComparingTo("7.00");
        assertThat(receipt.get("paymentMethod").asString()).isEqualTo("WALLET");
        assertThat(receipt.get("points").asLong()).isEqualTo(10);
        assertThat(receipt.get("carbonSavedKg").decimalValue()).isPositive();
        var wallet = ok(d.app().get("/api/v1/me/wallet"));
        assertThat(wallet.get("available").get("amount").decimalValue()).as("100 − paid + refunded").isEqualByComparingTo("93.00");
        assertThat(wallet.get("onHold").get("amount").decimalValue()).isEqualByComparingTo("0.00");

        var text = d.app().get("/api/v1/me/orders/" + orderId + "/receipt?format=text");
        assertThat(text.contentType()).startsWith("text/plain");
        assertThat(text.raw()).contains("Payable", "10.00 CNY", "Net paid", "7.00 CNY", "App Station");
        var html = d.app().get("/api/v1/me/orders/" + orderId + "/receipt?format=html");
        assertThat(html.contentType()).startsWith("text/html");
        assertThat(html.raw()).contains("<table>", "10.00 CNY");
        assertThat(d.app().get("/api/v1/me/orders/" + orderId + "/receipt?format=pdf").body().get("detail").asString()).startsWith("format");

        assertThat(other.app().get("/api/v1/me/orders/" + orderId).status()).isEqualTo(404);
        assertThat(other.app().get("/api/v1/me/orders/" + orderId + "/receipt").status()).isEqualTo(404);
        assertThat(ok(other.app().get("/api/v1/me/orders")).get("total").asLong()).isZero();
        assertThat(op.admin().get("/api/v1/me").status()).as("staff have no driver account").isEqualTo(403);
        assertThat(op.admin().get("/api/v1/me/orders/" + orderId + "/receipt").status()).isEqualTo(403);
        assertThat(d.app().get("/api/v1/orders").status()).as("drivers reach only /me").isEqualTo(403);
        assertThat(d.app().get("/api/v1/drivers/" + d.id()).status()).isEqualTo(403);
    }

    @Test
    void aDriverStartsByScanningTheQrCodeAndRunsOneSessionAtATime() {
        Driver d = driver("30.00");
        try (AppCharger cp = AppCharger.boot(ocppPort(), charger)) {
            cp.status(1, "Available").status(2, "Preparing");
            var scanned = ok(d.app().get("/api/v1/me/connectors?qr=https%3A%2F%2Fgo.example.com%2Fc%2F" + code2));
            assertThat(scanned.get("connectorId").asInt()).isEqualTo(2);
            assertThat(scanned.get("status").asString()).isEqualTo("PREPARING");

            var started = cp.answer("RemoteStartTransaction", "Accepted",
                    () -> d.app().post("/api/v1/me/sessions", "{\"qr\":\"pylon:" + charger + ":2\"}"));
            assertThat(started.response().status()).as(started.response().raw()).isEqualTo(202);
            assertThat(started.payload().get("connectorId").asInt()).isEqualTo(2);
            var session = cp.start(2, started.payload().get("idTag").asString(), 0, Instant.now());
            assertThat(session.status()).isEqualTo("Accepted");

            var second = d.app().post("/api/v1/me/sessions", "{\"connectorCode\":\"" + code1 + "\"}");
            refused(second, 409, "ACTIVE_SESSION", "connectorCode");
            assertThat(second.body().get("sessionId").asLong()).isEqualTo(session.transactionId());
            cp.stop(session.transactionId(), 2_000, Instant.now());
        }
        assertThat(ok(d.app().get("/api/v1/me/orders")).get("items").get(0).get("connectorId").asInt()).isEqualTo(2);
    }

    @Test
    void startsAreRefusedClearly() {
        Driver poor = driver("5.00");
        Driver rich = driver("50.00");
        String offline = op.charger(op.code() + "-OFF", station);
        refused(rich.app().post("/api/v1/me/sessions", "{\"connectorCode\":\"" + spec(offline, 1) + "\"}"), 409, "CHARGER_OFFLINE", "connectorCode");

        var unknown = rich.app().post("/api/v1/me/sessions", "{\"connectorCode\":\"NOPE-404\"}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(unknown.body().get("detail").asString()).startsWith("connectorCode:");
        assertThat(rich.app().get("/api/v1/me/connectors/NOPE-404").status()).isEqualTo(404);
        assertThat(rich.app().post("/api/v1/me/sessions", "{\"qr\":\"not a qr!\"}").body().get("detail").asString()).startsWith("qr:");
        assertThat(rich.app().post("/api/v1/me/sessions", "{}").status()).isEqualTo(400);
        assertThat(rich.app().post("/api/v1/me/sessions", "{\"connectorCode\":\"" + code1 + "\",\"qr\":\"" + code2 + "\"}")
                .status()).isEqualTo(400);

        try (AppCharger cp = AppCharger.boot(ocppPort(), charger)) {
            cp.status(1, "Faulted").status(2, "Available");
            var faulted = rich.app().post("/api/v1/me/sessions", "{\"connectorCode\":\"" + code1 + "\"}");
            refused(faulted, 409, "CONNECTOR_NOT_AVAILABLE", "connectorCode");
            assertThat(faulted.body().get("status").asString()).isEqualTo("FAULTED");
            assertThat(ok(rich.app().get("/api/v1/me/connectors/" + code1)).get("startable").asBoolean()).isFalse();

            var broke = poor.app().post("/api/v1/me/sessions", "{\"connectorCode\":\"" + code2 + "\"}");
            refused(broke, 409, "INSUFFICIENT_BALANCE", "balance");
            assertThat(broke.body().get("available").get("amount").decimalValue()).isEqualByComparingTo("5.00");
            assertThat(broke.body().get("required").get("amount").decimalValue()).isEqualByComparingTo("20.00");

            var rejected = cp.answer("RemoteStartTransaction", "Rejected",
                    () -> rich.app().post("/api/v1/me/sessions", "{\"connectorCode\":\"" + code2 + "\"}"));
            refused(rejected.response(), 409, "CHARGER_REJECTED", "connectorCode");
        }
        Tenant elsewhere = Tenants.create(api, httpPort, "CNY");
        String phone = phone();
        elsewhere.driver(phone);
        assertThat(elsewhere.driverApp(phone).get("/api/v1/me/connectors/" + code1).status())
                .as("another operator's connector is unknown").isEqualTo(404);
    }

    @Test
    void aVinOnAVehicleStartsSessionsBilledToTheDriver() {
        Driver d = driver("60.00");
        Driver other = driver("60.00");
        String vin = vin();
        var vehicle = d.app().post("/api/v1/me/vehicles", "{\"plate\":\"浙A12345\",\"vin\":\"" + vin.toLowerCase() + "\"}");
        assertThat(vehicle.status()).as(vehicle.raw()).isEqualTo(201);
        assertThat(vehicle.body().get("vin").asString()).isEqualTo(vin);
        assertThat(vehicle.body().get("isDefault").asBoolean()).isTrue();
        var duplicate = other.app().post("/api/v1/me/vehicles", "{\"plate\":\"沪B1\",\"vin\":\"" + vin + "\"}");
        assertThat(duplicate.status()).as(duplicate.raw()).isEqualTo(409);
        assertThat(duplicate.body().get("detail").asString()).startsWith("vin:");

        try (AppCharger cp = AppCharger.boot(ocppPort(), charger)) {
            assertThat(cp.authorize(vin)).isEqualTo("Accepted");
            Instant start = Instant.now();
            var session = cp.start(1, vin, 0, start);
            assertThat(session.status()).isEqualTo("Accepted");
            cp.stop(session.transactionId(), 4_000, start.plusSeconds(1800));
        }
        JsonNode order = ok(d.app().get("/api/v1/me/orders")).get("items").get(0);
        assertThat(order.get("state").asString()).isEqualTo("SETTLED");
        assertThat(order.get("payable").get("amount").decimalValue()).isEqualByComparingTo("4.00");
        assertThat(ok(d.app().get("/api/v1/me/wallet")).get("available").get("amount").decimalValue()).isEqualByComparingTo("56.00");
        assertThat(ok(other.app().get("/api/v1/me/orders")).get("total").asLong()).isZero();
    }

    @Test
    void aCardReportedLostIsBlockedAtOnce() {
        Driver d = driver("50.00");
        String card = "C" + op.code().replace("-", "").toUpperCase() + SEQ.incrementAndGet();
        var issued = op.admin().post("/api/v1/id-tokens", "{\"idTag\":\"" + card + "\",\"logicalNumber\":\"NO-" + card + "\"}");
        assertThat(issued.status()).as(issued.raw()).isEqualTo(201);
        var bound = d.app().post("/api/v1/me/cards", "{\"logicalNumber\":\"no-" + card + "\",\"physicalNumber\":\"" + card + "\"}");
        assertThat(bound.status()).as(bound.raw()).isEqualTo(201);
        try (AppCharger cp = AppCharger.boot(ocppPort(), charger)) {
            assertThat(cp.authorize(card)).isEqualTo("Accepted");
            var lost = ok(d.app().post("/api/v1/me/cards/" + card + "/report-lost", "{}"));
            assertThat(lost.get("status").asString()).isEqualTo("BLOCKED");
            assertThat(lost.get("lostAt").isNull()).isFalse();
            assertThat(cp.authorize(card)).isEqualTo("Blocked");
            assertThat(cp.start(1, card, 0, Instant.now()).status()).isEqualTo("Blocked");
        }
    }

    @Test
    void theDriverAppIsDocumentedAndNeedsADriverToken() {
        var doc = ok(api.get("/v3/api-docs"));
        for (String path : new String[] {"/api/v1/me", "/api/v1/me/connectors/{code}", "/api/v1/me/sessions",
                "/api/v1/me/sessions/{id}/stop", "/api/v1/me/orders/{id}/receipt", "/api/v1/me/wallet/top-ups",
                "/api/v1/me/cards/{idTag}/report-lost", "/api/v1/me/vehicles/{vehicleId}"}) {
            assertThat(doc.get("paths").has(path)).as(path).isTrue();
        }
        assertThat(new Api(httpPort).get("/api/v1/me").status()).as("no token").isEqualTo(401);
        assertThat(api.get("/api/v1/me").status()).as("the platform admin has no driver account").isEqualTo(403);
    }

    private Driver driver(String balance) {
        String phone = phone();
        long id = op.driver(phone);
        var topUp = op.admin().post("/api/v1/drivers/" + id + "/wallet/top-ups", "{\"amount\":" + balance
                + ",\"method\":\"CASH\",\"reference\":\"till\",\"idempotencyKey\":\"t-" + phone + "\"}");
        assertThat(topUp.status()).as(topUp.raw()).isEqualTo(201);
        return new Driver(id, phone, op.driverApp(phone));
    }

    private String spec(String chargerId, int connectorId) {
        String code = chargerId + "-" + connectorId;
        var r = op.admin().put("/api/v1/chargers/" + chargerId + "/connectors/" + connectorId + "/spec",
                "{\"standard\":\"GBT_DC\",\"maxPowerKw\":120,\"code\":\"" + code + "\"}");
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return code;
    }

    static JsonNode ok(Response r) {
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return r.body();
    }

    static void refused(Response r, int status, String reason, String field) {
        assertThat(r.status()).as(r.raw()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.body().get("reason").asString()).isEqualTo(reason);
        assertThat(r.body().get("detail").asString()).startsWith(field + ":");
        assertThat(r.body().get("errors").get(0).get("field").asString()).isEqualTo(field);
    }

    static String phone() {
        return "+86137" + String.format("%08d", SEQ.incrementAndGet() + (System.nanoTime() / 1000 % 1_000_000) * 100);
    }

    /** A VIN no other test uses: LSV + 14 digits. */
    static String vin() {
        return "LSV" + String.format("%014d", (System.nanoTime() / 100 + SEQ.incrementAndGet()) % 100_000_000_000_000L);
    }
}
