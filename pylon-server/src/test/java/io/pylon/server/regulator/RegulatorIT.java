package io.pylon.server.regulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.pylon.domain.order.OrderRepository;
import io.pylon.domain.trust.TransparencyLog;
import io.pylon.server.support.Api;
import io.pylon.server.support.Charging;
import io.pylon.server.support.PylonIT;
import io.pylon.server.support.Tenants;
import io.pylon.server.support.Tenants.Tenant;
import io.pylon.server.trust.verify.ReceiptVerifier;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The regulator portal across operators, and the signed feed to a regulator's endpoint (a local HTTP server). */
class RegulatorIT extends PylonIT {

    private static final AtomicInteger SEQ = new AtomicInteger();

    @Autowired
    RegulatorOutbox outbox;
    @Autowired
    TransparencyLog transparency;
    @Autowired
    OrderRepository orders;

    private record Charged(Tenant op, Api app, long orderId) {}

    private Charged chargeOnce(long wh) {
        int n = SEQ.incrementAndGet();
        Tenant op = Tenants.create(api, httpPort, "CNY");
        String charger = Charging.stationWithFlatTariff(op, "REG-" + n + "-" + op.code());
        String phone = "1360000" + String.format("%04d", n);
        String card = "RG" + n + "X" + System.nanoTime() % 1000;
        Charging.driverWithBalance(op, phone, "100", card);
        Charging.charge(ocppPort(), charger, card, wh);
        Api app = op.driverApp(phone);
        return new Charged(op, app, app.get("/api/v1/me/orders").body().get("items").get(0).get("id").asLong());
    }

    private Api regulator(String suffix) {
        var r = api.post("/api/v1/users", "{\"username\":\"regulator-" + suffix + "\",\"password\":\"regulator-pw-1\","
                + "\"role\":\"REGULATOR\"}");
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return new Api(httpPort).login("regulator-" + suffix, "regulator-pw-1");
    }

    @Test
    void aRegulatorSeesEveryOperatorDrillsDownAndExportsWhatTheDriverSeesToo() {
        Charged a = chargeOnce(5000);
        Charged b = chargeOnce(7000);
        Api reg = regulator(a.op().code());
        var overview = reg.get("/api/v1/regulator/overview");
        assertThat(overview.status()).as(overview.raw()).isEqualTo(200);
        assertThat(overview.body().get("transactions").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(overview.body().get("logEntries").asLong()).isGreaterThanOrEqualTo(2);

        JsonNode figures = reg.get("/api/v1/regulator/operators").body();
        for (Charged c : List.of(a, b)) {
            JsonNode mine = null;
            for (JsonNode f : figures) {
                if (f.get("operatorId").asLong() == c.op().operatorId()) {
                    mine = f;
                }
            }
            assertThat(mine).as(figures.toString()).isNotNull();
            assertThat(mine.get("transactions").asLong()).isEqualTo(1);
            assertThat(mine.get("chargers").asLong()).isEqualTo(1);
            assertThat(mine.get("anomalyRate").decimalValue()).isZero();
        }

        var tx = reg.get("/api/v1/regulator/transactions/" + b.orderId());
        assertThat(tx.status()).as(tx.raw()).isEqualTo(200);
        assertThat(tx.body().get("energyWh").asLong()).isEqualTo(7000);
        assertThat(tx.body().get("meterData").asString()).isEqualTo("NONE");
        JsonNode bundle = tx.body().get("transparency");
        assertThat(ReceiptVerifier.verify(bundle.toString(), null).ok()).isTrue();
        // the driver's own view names the very same record
        var mine = b.app().get("/api/v1/me/orders/" + b.orderId() + "/transparency");
        assertThat(mine.body().get("entry").get("record").asString()).isEqualTo(bundle.get("entry").get("record").asString());

        var csv = reg.get("/api/v1/regulator/transactions.csv?operatorId=" + a.op().operatorId());
        assertThat(csv.status()).as(csv.raw()).isEqualTo(200);
        String[] lines = csv.raw().split("\n");
        assertThat(lines[0]).startsWith("order_id,operator_id");
        assertThat(lines).hasSize(2);
        assertThat(lines[1]).startsWith(a.orderId() + "," + a.op().operatorId() + ",").contains(",5000,CNY,5.00,SETTLED,NONE,");

        // read-only, and only for regulators and platform admins
        assertThat(a.op().admin().get("/api/v1/regulator/overview").status()).isEqualTo(403);
        assertThat(a.app().get("/api/v1/regulator/overview").status()).isEqualTo(403);
        assertThat(reg.post("/api/v1/stations", "{\"name\":\"x\",\"address\":\"y\",\"latitude\":1,\"longitude\":1}").status())
                .isEqualTo(403);
        assertThat(reg.get("/api/v1/regulator/transactions/999999999").status()).isEqualTo(404);
    }

    /** A regulator endpoint that fails the first call of each record, checks the HMAC, and counts deliveries per key. */
    private static final class Endpoint implements AutoCloseable {
        final HttpServer server;
        final List<String> delivered = new CopyOnWriteArrayList<>();
        final List<String> badSignatures = new CopyOnWriteArrayList<>();
        final java.util.Set<String> failedOnce = java.util.concurrent.ConcurrentHashMap.newKeySet();

        Endpoint(RegulatorFeed verifier) throws Exception {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/records", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
                String signature = exchange.getRequestHeaders().getFirst("X-Pylon-Signature");
                int status;
                if (!verifier.signature(body).equals(signature)) {
                    badSignatures.add(key);
                    status = 401;
                } else if (failedOnce.add(key)) {
                    status = 503; // the regulator is down the first time
                } else {
                    delivered.add(key);
                    status = 200;
                }
                exchange.sendResponseHeaders(status, -1);
                exchange.close();
            });
            server.start();
        }

        URI uri() {
            return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/records");
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    /** A clock the test moves: retries are due only after their backoff. */
    private static final class TestClock extends Clock {
        private volatile Instant now = Instant.now();

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void finishedTransactionsReachTheRegulatorSignedOnceEachAcrossRetriesAndARestart() throws Exception {
        byte[] secret = "a-shared-secret-for-the-feed".getBytes(StandardCharsets.UTF_8);
        TestClock clock = new TestClock();
        RegulatorFeed signer = new RegulatorFeed(outbox, transparency, new RegulatorProperties(URI.create("http://unused"),
                null, Duration.ofSeconds(5), Duration.ofMinutes(1), Duration.ofSeconds(5)), secret, clock);
        try (Endpoint endpoint = new Endpoint(signer)) {
            RegulatorProperties props = new RegulatorProperties(endpoint.uri(), null, Duration.ofSeconds(5),
                    Duration.ofMinutes(1), Duration.ofSeconds(5));
            RegulatorFeed node = new RegulatorFeed(outbox, transparency, props, secret, clock);
            Charged a = chargeOnce(1000);
            Charged b = chargeOnce(2000);
            node.closed(orders.find(a.orderId()).orElseThrow());
            node.closed(orders.find(b.orderId()).orElseThrow());
            node.closed(orders.find(a.orderId()).orElseThrow()); // told twice: queued once

            assertThat(node.push(100)).isZero(); // the endpoint answers 503 to each first attempt
            assertThat(endpoint.failedOnce).contains("pylon-order-" + a.orderId(), "pylon-order-" + b.orderId());
            assertThat(node.push(100)).isZero(); // not due before the backoff

            // the node restarts: a new feed on the same outbox, after the backoff
            RegulatorFeed restarted = new RegulatorFeed(outbox, transparency, props, secret, clock);
            clock.advance(Duration.ofSeconds(6));
            assertThat(restarted.push(100)).isGreaterThanOrEqualTo(2);
            clock.advance(Duration.ofMinutes(5));
            restarted.push(100);
            node.push(100);
            assertThat(endpoint.delivered).containsOnlyOnce("pylon-order-" + a.orderId(), "pylon-order-" + b.orderId());
            assertThat(endpoint.badSignatures).isEmpty();
        }
        // a feed with another secret is refused by the endpoint, and the record stays queued
        try (Endpoint strict = new Endpoint(signer)) {
            RegulatorFeed wrong = new RegulatorFeed(outbox, transparency, new RegulatorProperties(strict.uri(), null,
                    Duration.ofSeconds(5), Duration.ofMinutes(1), Duration.ofSeconds(5)), "other".getBytes(StandardCharsets.UTF_8), clock);
            Charged c = chargeOnce(3000);
            wrong.closed(orders.find(c.orderId()).orElseThrow());
            wrong.push(100);
            assertThat(strict.badSignatures).contains("pylon-order-" + c.orderId());
            assertThat(outbox.pending()).isGreaterThanOrEqualTo(1);
        }
    }
}
