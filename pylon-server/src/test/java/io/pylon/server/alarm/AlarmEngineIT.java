package io.pylon.server.alarm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import io.pylon.domain.alarm.AlarmAction;
import io.pylon.domain.alarm.AlarmSeverity;
import io.pylon.domain.alarm.AlarmSignal;
import io.pylon.server.alarm.notify.WebhookChannel;
import io.pylon.server.support.Api.Response;
import io.pylon.server.support.AppCharger;
import io.pylon.server.support.Charging;
import io.pylon.server.support.PylonIT;
import io.pylon.server.support.Tenants;
import io.pylon.server.support.Tenants.Tenant;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The alarm engine end to end: rules on charger telemetry, actions on the charger, lock-out, escalation, notifications. */
class AlarmEngineIT extends PylonIT {

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    @Autowired
    AlarmEngine engine;

    private static Response ok(Response r, int status) {
        assertThat(r.status()).as(r.raw()).isEqualTo(status);
        return r;
    }

    private static void temperature(AppCharger cp, long tx, String celsius) {
        cp.call("MeterValues", "{\"connectorId\":1,\"transactionId\":" + tx + ",\"meterValue\":[{\"timestamp\":\"" + Instant.now()
                + "\",\"sampledValue\":[{\"value\":\"" + celsius + "\",\"measurand\":\"Temperature\",\"unit\":\"Celsius\",\"location\":\"Cable\"}]}]}");
    }

    @Test
    void aRuleOnGunTemperatureStopsTheSessionAndClearsWithHysteresis() {
        Tenant op = Tenants.create(api, httpPort, "CNY");
        long station = op.station("Hot guns");
        String charger = op.charger("ALR-RULE-1", station);
        var rule = ok(op.admin().post("/api/v1/alarm-rules", """
                {"name":"Gun too hot","scope":"STATION","scopeRef":"%d","metric":"connector_temperature","kind":"THRESHOLD",
                 "comparison":"ABOVE","threshold":85,"clearThreshold":70,"severity":"CRITICAL","actions":["STOP_SESSION"]}"""
                .formatted(station)), 201).body();
        long ruleId = rule.get("id").asLong();
        assertThat(rule.get("operatorId").asLong()).isEqualTo(op.operatorId());

        Charging.driverWithBalance(op, "13800000111", "200", "ALR-CARD-1");
        try (AppCharger cp = AppCharger.boot(ocppPort(), charger)) {
            cp.status(1, "Preparing");
            var started = cp.start(1, "ALR-CARD-1", 1000, Instant.now());
            assertThat(started.status()).isEqualTo("Accepted");
            temperature(cp, started.transactionId(), "60");
            temperature(cp, started.transactionId(), "91.5");

            JsonNode stop = cp.awaitCall("RemoteStopTransaction", "Accepted");
            assertThat(stop.get("transactionId").asLong()).isEqualTo(started.transactionId());
            JsonNode alarm = await().atMost(Duration.ofSeconds(10)).until(() -> only(op, "source=rule"), a -> a != null);
            assertThat(alarm.get("code").asString()).isEqualTo("RULE-" + ruleId);
            assertThat(alarm.get("severity").asString()).isEqualTo("CRITICAL");
            assertThat(alarm.get("chargerId").asString()).isEqualTo(charger);
            assertThat(alarm.get("value").decimalValue()).isEqualByComparingTo("91.5");
            assertThat(alarm.get("info").asString()).contains("Gun too hot").contains("91.5 > 85");
            long id = alarm.get("id").asLong();
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(kinds(op, id)).contains("RAISED", "ACTION"));
            assertThat(history(op, id).toString()).contains("RemoteStop session " + started.transactionId() + ": Accepted");

            temperature(cp, started.transactionId(), "80"); // cooler, but not past the clear threshold
            temperature(cp, started.transactionId(), "93"); // hotter again: the same alarm, one more occurrence
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(op.admin().get("/api/v1/alarms/" + id).body().get("alarm").get("state").asString()).isEqualTo("OPEN"));
            temperature(cp, started.transactionId(), "69");
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                JsonNode now = op.admin().get("/api/v1/alarms/" + id).body().get("alarm");
                assertThat(now.get("state").asString()).isEqualTo("CLEARED");
                assertThat(now.get("clearedBy").asString()).isEqualTo("platform");
            });
            cp.stop(started.transactionId(), 2000, Instant.now());
        }
        assertThat(op.admin().get("/api/v1/alarms?source=rule").body().get("total").asLong()).isEqualTo(1);
    }

    @Test
    void badRulesAreRefusedAndOtherOperatorsSeeNothing() {
        Tenant op = Tenants.create(api, httpPort, "CNY");
        Tenant other = Tenants.create(api, httpPort, "CNY");
        long station = op.station("Rules");
        String base = "{\"name\":\"r\",\"scope\":\"STATION\",\"scopeRef\":\"" + station + "\",\"kind\":\"THRESHOLD\",\"severity\":\"WARNING\",";
        assertThat(op.admin().post("/api/v1/alarm-rules", base + "\"metric\":\"moonphase\",\"threshold\":1}").raw()).contains("Unknown metric");
        assertThat(op.admin().post("/api/v1/alarm-rules", base + "\"metric\":\"voltage\"}").raw()).contains("threshold");
        assertThat(op.admin().post("/api/v1/alarm-rules", base + "\"metric\":\"voltage\",\"threshold\":250,\"clearThreshold\":260}").raw())
                .contains("hysteresis");
        assertThat(op.admin().post("/api/v1/alarm-rules", base + "\"metric\":\"voltage\",\"threshold\":\"high\"}").status()).isEqualTo(400);
        assertThat(op.admin().post("/api/v1/alarm-rules", base.replace("STATION", "PLATFORM") + "\"metric\":\"voltage\",\"threshold\":1}")
                .status()).isEqualTo(403);
        // another operator's station looks exactly like a missing one
        assertThat(other.admin().post("/api/v1/alarm-rules", base + "\"metric\":\"voltage\",\"threshold\":250}").status()).isEqualTo(404);
        long id = ok(op.admin().post("/api/v1/alarm-rules", base + "\"metric\":\"voltage\",\"threshold\":250}"), 201).body().get("id").asLong();
        assertThat(other.admin().get("/api/v1/alarm-rules/" + id).status()).isEqualTo(404);
        assertThat(other.admin().delete("/api/v1/alarm-rules/" + id).status()).isEqualTo(404);
        assertThat(op.as("FINANCE", "f", null).get("/api/v1/alarm-rules").status()).isEqualTo(403);
        assertThat(op.as("MAINTENANCE", "m", null).post("/api/v1/alarm-rules", base + "\"metric\":\"voltage\",\"threshold\":250}").status())
                .isEqualTo(403);
        ok(op.admin().delete("/api/v1/alarm-rules/" + id), 204);
        assertThat(op.admin().get("/api/v1/audit?entityType=alarm_rule").body().get("total").asLong()).isEqualTo(2);
    }

    @Test
    void aLockOutRefusesEveryStartUntilAPersonClearsIt() {
        Tenant op = Tenants.create(api, httpPort, "CNY");
        String charger = op.charger("ALR-LOCK-1", op.station("Locked"));
        long driver = op.driver("13800000222");
        op.card("ALR-CARD-2", driver);
        try (AppCharger cp = AppCharger.boot(ocppPort(), charger)) {
            assertThat(cp.authorize("ALR-CARD-2")).isEqualTo("Accepted");
            var raised = engine.raise(AlarmSignal.of("thermal", "Evacuation", AlarmSeverity.EVACUATION).charger(charger, 1)
                    .subject("bay:lock-test").action(AlarmAction.LOCK_OUT).message("battery area 120 °C").build());
            assertThat(raised.created()).isTrue();
            assertThat(cp.authorize("ALR-CARD-2")).isEqualTo("Blocked");
            assertThat(cp.start(1, "ALR-CARD-2", 0, Instant.now()).status()).isEqualTo("Blocked");
            var remote = op.admin().post("/api/v1/chargers/" + charger + "/commands/remote-start", "{\"connectorId\":1,\"idTag\":\"ALR-CARD-2\"}");
            assertThat(remote.body().get("status").asString()).as(remote.raw()).isEqualTo("Rejected");

            assertThat(engine.resolve(AlarmSignal.key("thermal", "Evacuation", "bay:lock-test"), Instant.now()))
                    .as("a lock-out is never cleared automatically").isFalse();
            assertThat(cp.authorize("ALR-CARD-2")).isEqualTo("Blocked");
            ok(op.admin().post("/api/v1/alarms/" + raised.id() + "/clear", "{\"note\":\"fire brigade checked the bay\"}"), 200);
            assertThat(cp.authorize("ALR-CARD-2")).isEqualTo("Accepted");
            assertThat(history(op, raised.id()).toString()).contains("fire brigade checked the bay");
        }
    }

    @Test
    void aChargerOfflineWhenItShouldBeCutIsCutWhenItReportsIn() {
        Tenant op = Tenants.create(api, httpPort, "CNY");
        String charger = op.charger("ALR-LATE-1", op.station("Flooded"));
        var raised = engine.raise(AlarmSignal.of("sensor", "WaterImmersion", AlarmSeverity.CRITICAL).charger(charger, 0)
                .action(AlarmAction.MAKE_UNAVAILABLE).build());
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(history(op, raised.id()).toString()).contains("sent again when the charger reports in"));
        try (AppCharger cp = AppCharger.boot(ocppPort(), charger)) {
            cp.status(1, "Available");
            JsonNode cut = cp.awaitCall("ChangeAvailability", "Accepted");
            assertThat(cut.get("type").asString()).isEqualTo("Inoperative");
            assertThat(cut.get("connectorId").asInt()).isZero();
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(history(op, raised.id()).toString()).contains("ChangeAvailability Inoperative " + charger + ": Accepted"));
            cp.status(1, "Unavailable"); // taken: nothing is sent again
        }
    }

    @Test
    void repeatsAreOneAlarmAndUnacknowledgedAlarmsEscalate() throws Exception {
        Tenant op = Tenants.create(api, httpPort, "CNY");
        String charger = op.charger("ALR-ESC-1", op.station("Escalating"));
        var signal = AlarmSignal.of("sensor", "Smoke", AlarmSeverity.WARNING).charger(charger, 0).subject("sensor:esc-1")
                .escalateAfter(Duration.ofSeconds(1)).build();
        var first = engine.raise(signal);
        var again = engine.raise(signal);
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(again.created()).isFalse();
        Thread.sleep(1100);
        engine.escalate();
        JsonNode alarm = op.admin().get("/api/v1/alarms/" + first.id()).body().get("alarm");
        assertThat(alarm.get("severity").asString()).isEqualTo("CRITICAL");
        assertThat(alarm.get("occurrences").asInt()).isEqualTo(2);
        assertThat(alarm.get("stationId").isNull()).isFalse();
        ok(op.admin().post("/api/v1/alarms/" + first.id() + "/acknowledge", "{}"), 200);
        Thread.sleep(1100);
        engine.escalate();
        assertThat(op.admin().get("/api/v1/alarms/" + first.id()).body().get("alarm").get("severity").asString())
                .as("acknowledged: someone is on it").isEqualTo("CRITICAL");
        assertThat(kinds(op, first.id())).containsSubsequence("RAISED", "ESCALATED", "ACKNOWLEDGED");
        assertThat(op.admin().get("/api/v1/alarms?minSeverity=CRITICAL&source=sensor").body().get("total").asLong()).isEqualTo(1);
        assertThat(op.admin().get("/api/v1/alarms?minSeverity=EVACUATION&source=sensor").body().get("total").asLong()).isZero();
    }

    @Test
    void webhooksAreSignedAndRetriedAndPeopleGetEmails() throws Exception {
        Tenant op = Tenants.create(api, httpPort, "CNY");
        Tenant other = Tenants.create(api, httpPort, "CNY");
        long station = op.station("Notified");
        String charger = op.charger("ALR-HOOK-1", station);
        List<Map<String, String>> received = new CopyOnWriteArrayList<>();
        AtomicInteger failFirst = new AtomicInteger(1);
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(Map.of("signature", exchange.getRequestHeaders().getFirst("Pylon-Signature"), "body", body,
                    "event", exchange.getRequestHeaders().getFirst("Pylon-Event")));
            exchange.sendResponseHeaders(failFirst.getAndDecrement() > 0 ? 500 : 204, -1);
            exchange.close();
        });
        receiver.start();
        try {
            String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
            JsonNode hook = ok(op.admin().post("/api/v1/alarm-webhooks", "{\"url\":\"" + url + "\",\"minSeverity\":\"WARNING\"}"), 201).body();
            String secret = hook.get("secret").asString();
            assertThat(secret).hasSizeGreaterThan(30);
            assertThat(op.admin().get("/api/v1/alarm-webhooks").body().get(0).get("secret").isNull()).as("shown once").isTrue();
            assertThat(other.admin().get("/api/v1/alarm-webhooks").body().size()).isZero();
            assertThat(op.admin().post("/api/v1/alarm-webhooks", "{\"url\":\"ftp://x/y\"}").status()).isEqualTo(400);
            ok(op.admin().post("/api/v1/alarm-subscriptions", "{\"channel\":\"EMAIL\",\"address\":\"duty@example.com\",\"stationId\":"
                    + station + ",\"minSeverity\":\"CRITICAL\"}"), 201);
            assertThat(op.admin().post("/api/v1/alarm-subscriptions", "{\"channel\":\"SMS\",\"address\":\"13800000000\"}").raw())
                    .contains("No SMS adapter");
            assertThat(op.admin().post("/api/v1/alarm-subscriptions", "{\"channel\":\"EMAIL\",\"address\":\"nobody\"}").status()).isEqualTo(400);
            assertThat(other.admin().post("/api/v1/alarm-subscriptions", "{\"channel\":\"EMAIL\",\"address\":\"x@example.com\",\"stationId\":"
                    + station + "}").status()).isEqualTo(404);

            var info = engine.raise(AlarmSignal.of("sensor", "Humid", AlarmSeverity.INFO).charger(charger, 0).build());
            var raised = engine.raise(AlarmSignal.of("sensor", "WaterImmersion", AlarmSeverity.CRITICAL).charger(charger, 0)
                    .message("water at the charger's base").build());

            // the first POST fails (500) and is retried after its back-off
            await().atMost(Duration.ofSeconds(30)).until(() -> received.size() >= 2);
            for (Map<String, String> r : received) {
                String t = r.get("signature").substring(2, r.get("signature").indexOf(','));
                assertThat(r.get("signature")).isEqualTo(WebhookChannel.signature(secret, Long.parseLong(t), r.get("body")));
                assertThat(r.get("event")).isEqualTo("alarm.raised");
                assertThat(r.get("body")).contains("\"code\":\"WaterImmersion\"").doesNotContain("Humid");
            }
            assertThat(WebhookChannel.signature("wrong-secret", 1, received.get(0).get("body"))).isNotEqualTo(received.get(0).get("signature"));
            JsonNode deliveries = op.admin().get("/api/v1/alarms/" + raised.id() + "/deliveries").body();
            JsonNode webhook = find(deliveries, "WEBHOOK");
            assertThat(webhook.get("status").asString()).isEqualTo("SENT");
            assertThat(webhook.get("attempts").asInt()).isEqualTo(2);
            assertThat(op.admin().get("/api/v1/alarms/" + info.id() + "/deliveries").body().size()).as("below every threshold").isZero();

            assertThat(smtp.waitForIncomingEmail(10_000, 1)).isTrue();
            var mail = smtp.getReceivedMessages()[0];
            assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("duty@example.com");
            assertThat(mail.getSubject()).contains("CRITICAL").contains("WaterImmersion").contains(charger);
            assertThat(com.icegreen.greenmail.util.GreenMailUtil.getBody(mail)).contains("water at the charger's base");
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(find(op.admin().get("/api/v1/alarms/" + raised.id()
                    + "/deliveries").body(), "EMAIL").get("status").asString()).isEqualTo("SENT"));
            assertThat(other.admin().get("/api/v1/alarms/" + raised.id() + "/deliveries").status()).isEqualTo(404);

            ok(op.admin().post("/api/v1/alarms/" + raised.id() + "/clear", "{}"), 200);
            await().atMost(Duration.ofSeconds(10)).until(() -> received.stream().anyMatch(r -> "alarm.cleared".equals(r.get("event"))));
        } finally {
            receiver.stop(0);
        }
    }

    private JsonNode only(Tenant op, String query) {
        JsonNode items = op.admin().get("/api/v1/alarms?" + query).body().get("items");
        return items.size() == 1 ? items.get(0) : null;
    }

    private static JsonNode history(Tenant op, long id) {
        return op.admin().get("/api/v1/alarms/" + id).body().get("history");
    }

    private static List<String> kinds(Tenant op, long id) {
        return history(op, id).valueStream().map(e -> e.get("kind").asString()).toList();
    }

    private static JsonNode find(JsonNode deliveries, String channel) {
        for (JsonNode d : deliveries) if (d.get("channel").asString().equals(channel)) return d;
        throw new AssertionError("no " + channel + " delivery in " + deliveries);
    }
}
