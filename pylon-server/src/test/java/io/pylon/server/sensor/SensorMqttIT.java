package io.pylon.server.sensor;

import static io.pylon.server.sensor.SensorDevice.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.pylon.server.support.Api;
import io.pylon.server.support.Charging;
import io.pylon.server.support.PylonIT;
import io.pylon.server.support.RawOcppClient;
import io.pylon.server.support.Tenants;
import io.pylon.server.support.Tenants.Tenant;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Sensors publishing through the machine's real Mosquitto: water cuts chargers, limits, bad messages, duplicates, silence. */
class SensorMqttIT extends PylonIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final String RUN = Long.toString(System.nanoTime() % 1_000_000, 36);
    private static SensorDevice device;
    private static boolean subscribed;

    @Autowired
    private MeterRegistry meters;

    @BeforeAll
    static void connectDevice() {
        device = SensorDevice.connect();
    }

    @AfterAll
    static void disconnectDevice() {
        device.close();
    }

    /** The platform's subscription is made once its MQTT connection is up: wait until a message gets through. */
    @BeforeEach
    void platformSubscribed() {
        if (subscribed) return;
        String probe = "PROBE-" + RUN;
        double before = rejected("unknown_sensor");
        await(Duration.ofSeconds(30), () -> {
            device.reading(probe, "{\"water\":false}");
            return rejected("unknown_sensor") > before;
        }, "the platform receives sensor messages");
        subscribed = true;
    }

    private static String id(String what) {
        return "SENS-" + what + "-" + RUN + "-" + SEQ.incrementAndGet();
    }

    private static String ts(Instant at) {
        return at.truncatedTo(ChronoUnit.MILLIS).toString();
    }

    private double rejected(String reason) {
        Counter c = meters.find("pylon.sensors.rejected").tag("reason", reason).counter();
        return c == null ? 0 : c.count();
    }

    private double readings(String outcome) {
        Counter c = meters.find("pylon.sensors.readings").tag("outcome", outcome).counter();
        return c == null ? 0 : c.count();
    }

    private static void register(Api as, String json) {
        var r = as.post("/api/v1/sensors", json);
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
    }

    /** The sensor's alarm with this code, if one was raised (cleared or not). */
    private static JsonNode alarm(Api as, String sensorId, String code) {
        var r = as.get("/api/v1/alarms?source=sensor&size=500");
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        for (JsonNode a : r.body().get("items")) {
            if (a.get("subject").asString().equals("sensor:" + sensorId) && a.get("code").asString().equals(code)) return a;
        }
        return null;
    }

    private static boolean open(Api as, String sensorId, String code) {
        JsonNode a = alarm(as, sensorId, code);
        return a != null && !a.get("state").asString().equals("CLEARED");
    }

    private static boolean cleared(Api as, String sensorId, String code) {
        JsonNode a = alarm(as, sensorId, code);
        return a != null && a.get("state").asString().equals("CLEARED");
    }

    private static JsonNode latest(Api as, String sensorId) {
        var r = as.get("/api/v1/sensors/" + sensorId + "/latest");
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return r.body();
    }

    private static List<String> history(Api as, long alarmId) {
        List<String> lines = new ArrayList<>();
        as.get("/api/v1/alarms/" + alarmId).body().get("history")
                .forEach(e -> lines.add(e.get("kind").asString() + " " + e.get("detail").asString()));
        return lines;
    }

    /** A CALL from the platform, answered with {@code status}; returns [action, payload]. */
    private static Map.Entry<String, JsonNode> answer(RawOcppClient cp, String status) {
        JsonNode call = cp.next();
        assertThat(call.get(0).asInt()).as(call.toString()).isEqualTo(2);
        cp.sendText("[3,\"" + call.get(1).asString() + "\",{\"status\":\"" + status + "\"}]");
        return Map.entry(call.get(2).asString(), call.get(3));
    }

    @Test
    void waterAtASensorStopsTheSessionAndMakesTheProtectedChargerUnavailableUntilAPersonSaysOtherwise() {
        Tenant op = Tenants.create(api, httpPort, "CNY");
        long station = op.station("Anyang B2");
        Charging.flatTariff(op, station);
        String charger = op.charger(id("CP"), station);
        String card = "SW" + RUN + SEQ.incrementAndGet();
        Charging.driverWithBalance(op, "1390" + (1_000_000 + SEQ.incrementAndGet()), "100", card);
        String sensor = id("WATER");
        register(op.admin(), "{\"id\":\"" + sensor + "\",\"stationId\":" + station + ",\"kind\":\"WATER_IMMERSION\",\"name\":\"B2 drain\","
                + "\"protects\":[{\"chargerId\":\"" + charger + "\"}]}");

        try (RawOcppClient cp = RawOcppClient.connect(ocppPort(), charger, null)) {
            cp.call("b", "BootNotification", "{\"chargePointVendor\":\"V\",\"chargePointModel\":\"M\"}");
            var started = cp.call("s", "StartTransaction", "{\"connectorId\":1,\"idTag\":\"" + card + "\",\"meterStart\":1000,\"timestamp\":\""
                    + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "\"}");
            assertThat(started.get(2).get("idTagInfo").get("status").asString()).isEqualTo("Accepted");
            long tx = started.get(2).get("transactionId").asLong();

            Instant t0 = Instant.now();
            device.reading(sensor, "{\"ts\":\"" + ts(t0) + "\",\"water\":true,\"battery\":91}");

            var stop = answer(cp, "Accepted");
            assertThat(stop.getKey()).isEqualTo("RemoteStopTransaction");
            assertThat(stop.getValue().get("transactionId").asLong()).isEqualTo(tx);
            var unavailable = answer(cp, "Accepted");
            assertThat(unavailable.getKey()).isEqualTo("ChangeAvailability");
            assertThat(unavailable.getValue().get("connectorId").asInt()).isZero();
            assertThat(unavailable.getValue().get("type").asString()).isEqualTo("Inoperative");

            JsonNode alarm = alarm(op.admin(), sensor, "WaterImmersion");
            assertThat(alarm).isNotNull();
            assertThat(alarm.get("severity").asString()).isEqualTo("CRITICAL");
            assertThat(alarm.get("source").asString()).isEqualTo("sensor");
            assertThat(alarm.get("stationId").asLong()).isEqualTo(station);
            assertThat(alarm.get("info").asString()).contains("B2 drain").contains("cutting " + charger);
            long alarmId = alarm.get("id").asLong();
            await(WAIT, () -> history(op.admin(), alarmId).stream().filter(l -> l.startsWith("ACTION")).count() >= 2,
                    "both chargers' answers in the alarm's history");
            assertThat(history(op.admin(), alarmId)).anySatisfy(l -> assertThat(l).contains("RemoteStop session " + tx + ": Accepted"))
                    .anySatisfy(l -> assertThat(l).contains("ChangeAvailability Inoperative " + charger + ": Accepted"));
            assertThat(latest(op.admin(), sensor).get("water").asBoolean()).isTrue();
            assertThat(latest(op.admin(), sensor).get("battery").asInt()).isEqualTo(91);

            device.reading(sensor, "{\"ts\":\"" + ts(t0.plusSeconds(1)) + "\",\"water\":true}");
            device.reading(sensor, "{\"ts\":\"" + ts(t0.plusSeconds(2)) + "\",\"water\":false}");
            await(WAIT, () -> cleared(op.admin(), sensor, "WaterImmersion"), "the water alarm resolved once the water is gone");
            JsonNode after = alarm(op.admin(), sensor, "WaterImmersion");
            assertThat(after.get("id").asLong()).as("the repeat refreshed the one alarm").isEqualTo(alarmId);
            assertThat(after.get("occurrences").asInt()).isEqualTo(2);
            assertThat(history(op.admin(), alarmId)).as("the charger is made available again by a person only")
                    .noneMatch(l -> l.contains(" Operative"));
            assertThat(op.admin().get("/api/v1/sensors/" + sensor + "/readings").body()).hasSize(3);
        }
    }

    @Test
    void temperatureWarnsThenGoesCriticalAndClearsOnlyBelowTheHysteresis() {
        Tenant op = Tenants.create(api, httpPort, "CNY");
        long station = op.station("Climate");
        String sensor = id("TH");
        register(op.admin(), "{\"id\":\"" + sensor + "\",\"stationId\":" + station + ",\"kind\":\"TEMPERATURE_HUMIDITY\","
                + "\"temperature\":{\"warning\":40,\"critical\":50,\"hysteresis\":2}}");
        Instant t0 = Instant.now();

        device.reading(sensor, "{\"ts\":\"" + ts(t0) + "\",\"temperature\":41.5,\"humidity\":60}");
        await(WAIT, () -> open(op.admin(), sensor, "HighTemperature"), "a temperature warning");
        assertThat(alarm(op.admin(), sensor, "HighTemperature").get("severity").asString()).isEqualTo("WARNING");
        assertThat(alarm(op.admin(), sensor, "HighHumidity")).as("60 % is under the default 90 %").isNull();

        device.reading(sensor, "{\"ts\":\"" + ts(t0.plusSeconds(1)) + "\",\"temperature\":50.2}");
        await(WAIT, () -> alarm(op.admin(), sensor, "HighTemperature").get("severity").asString().equals("CRITICAL"), "critical at 50 °C");

        double accepted = readings("accepted");
        device.reading(sensor, "{\"ts\":\"" + ts(t0.plusSeconds(2)) + "\",\"temperature\":39}");
        device.reading(sensor, "{\"ts\":\"" + ts(t0.plusSeconds(3)) + "\",\"temperature\":38.5}");
        await(WAIT, () -> readings("accepted") >= accepted + 2, "both readings handled");
        assertThat(open(op.admin(), sensor, "HighTemperature")).as("38.5 °C is within 2 °C of the 40 °C limit").isTrue();
        JsonNode state = latest(op.admin(), sensor);
        assertThat(state.get("temperature").decimalValue()).isEqualByComparingTo("38.5");
        assertThat(state.get("temperatureLevel").asString()).isEqualTo("WARNING");
        assertThat(state.get("humidity").decimalValue()).as("kept from the first reading").isEqualByComparingTo("60");

        device.reading(sensor, "{\"ts\":\"" + ts(t0.plusSeconds(4)) + "\",\"temperature\":37.9}");
        await(WAIT, () -> cleared(op.admin(), sensor, "HighTemperature"), "the alarm resolved below 38 °C");
        assertThat(latest(op.admin(), sensor).get("temperatureLevel").asString()).isEqualTo("NORMAL");
    }

    @Test
    void badMessagesAreCountedAndIgnoredAndTheNextGoodOneIsTaken() {
        Tenant op = Tenants.create(api, httpPort, "CNY");
        long station = op.station("Bad input");
        String sensor = id("BAD");
        register(op.admin(), "{\"id\":\"" + sensor + "\",\"stationId\":" + station + ",\"kind\":\"WATER_IMMERSION\"}");
        Map<String, Double> before = new java.util.HashMap<>();
        for (String reason : List.of("malformed_json", "wrong_type", "wrong_kind", "missing_field", "bad_timestamp", "out_of_range", "unknown_sensor")) {
            before.put(reason, rejected(reason));
        }
        Instant now = Instant.now();
        device.reading(sensor, "not json {");
        device.reading(sensor, "[1,2,3]");
        device.reading(sensor, "{\"ts\":\"" + ts(now) + "\",\"water\":\"yes\"}");
        device.reading(sensor, "{\"ts\":12345,\"water\":true}");
        device.reading(sensor, "{\"ts\":\"" + ts(now) + "\",\"temperature\":20.5}");
        device.reading(sensor, "{\"ts\":\"" + ts(now) + "\",\"battery\":50}");
        device.reading(sensor, "{\"ts\":\"yesterday\",\"water\":true}");
        device.reading(sensor, "{\"ts\":\"" + ts(now.plus(Duration.ofDays(1))) + "\",\"water\":true}");
        device.reading(sensor, "{\"ts\":\"" + ts(now) + "\",\"water\":true,\"battery\":150}");
        device.reading("NOBODY-" + RUN, "{\"ts\":\"" + ts(now) + "\",\"water\":true}");
        device.status(sensor, "sleeping");

        await(WAIT, () -> rejected("malformed_json") >= before.get("malformed_json") + 3 && rejected("wrong_type") >= before.get("wrong_type") + 2
                && rejected("wrong_kind") >= before.get("wrong_kind") + 1 && rejected("missing_field") >= before.get("missing_field") + 1
                && rejected("bad_timestamp") >= before.get("bad_timestamp") + 2 && rejected("out_of_range") >= before.get("out_of_range") + 1
                && rejected("unknown_sensor") >= before.get("unknown_sensor") + 1, "every bad message counted by its reason");
        assertThat(op.admin().get("/api/v1/sensors/" + sensor + "/readings").body()).as("nothing stored").isEmpty();
        assertThat(alarm(op.admin(), sensor, "WaterImmersion")).isNull();
        assertThat(latest(op.admin(), sensor).get("water").isNull()).isTrue();

        device.reading(sensor, "{\"ts\":\"" + ts(now) + "\",\"water\":0}");
        await(WAIT, () -> op.admin().get("/api/v1/sensors/" + sensor + "/readings").body().size() == 1, "the good reading stored");
        assertThat(latest(op.admin(), sensor).get("water").asBoolean()).isFalse();
    }

    @Test
    void aRedeliveredReadingIsStoredOnceAndALateOneDoesNotTurnTheStateBack() {
        Tenant op = Tenants.create(api, httpPort, "CNY");
        long station = op.station("Duplicates");
        String sensor = id("DUP");
        register(op.admin(), "{\"id\":\"" + sensor + "\",\"stationId\":" + station + ",\"kind\":\"SMOKE\"}");
        Instant t0 = Instant.now().minusSeconds(60);
        double duplicates = readings("duplicate");
        double late = readings("out_of_order");

        String smoke = "{\"ts\":\"" + ts(t0.plusSeconds(10)) + "\",\"smoke\":true}";
        device.reading(sensor, smoke);
        device.reading(sensor, smoke);
        await(WAIT, () -> readings("duplicate") >= duplicates + 1, "the redelivery seen as one");
        assertThat(op.admin().get("/api/v1/sensors/" + sensor + "/readings").body()).hasSize(1);
        JsonNode alarm = alarm(op.admin(), sensor, "Smoke");
        assertThat(alarm.get("severity").asString()).isEqualTo("EVACUATION");
        assertThat(alarm.get("occurrences").asInt()).isEqualTo(1);

        device.reading(sensor, "{\"ts\":\"" + ts(t0) + "\",\"smoke\":false}");
        await(WAIT, () -> readings("out_of_order") >= late + 1, "the late reading handled");
        var stored = op.admin().get("/api/v1/sensors/" + sensor + "/readings").body();
        assertThat(stored).hasSize(2);
        assertThat(stored.get(0).get("smoke").asBoolean()).as("newest first, by the sensor's time").isTrue();
        assertThat(stored.get(1).get("smoke").asBoolean()).isFalse();
        assertThat(latest(op.admin(), sensor).get("smoke").asBoolean()).isTrue();
        assertThat(latest(op.admin(), sensor).get("lastReadingAt").asString()).isEqualTo(ts(t0.plusSeconds(10)));
        assertThat(open(op.admin(), sensor, "Smoke")).as("smoke from an older reading's 'clear' stays").isTrue();
    }

    @Test
    void aSilentSensorGetsAnOfflineAlarmThatItsNextReadingEnds() {
        Tenant op = Tenants.create(api, httpPort, "CNY");
        long station = op.station("Silence");
        String sensor = id("QUIET");
        register(op.admin(), "{\"id\":\"" + sensor + "\",\"stationId\":" + station + ",\"kind\":\"WATER_IMMERSION\",\"offlineTimeoutSeconds\":5}");

        await(Duration.ofSeconds(30), () -> open(op.admin(), sensor, "SensorOffline"), "an offline alarm after 5 s of silence");
        JsonNode alarm = alarm(op.admin(), sensor, "SensorOffline");
        assertThat(alarm.get("severity").asString()).isEqualTo("WARNING");
        assertThat(alarm.get("info").asString()).contains("offline timeout 5 s");
        assertThat(latest(op.admin(), sensor).get("offline").asBoolean()).isTrue();

        device.reading(sensor, "{\"ts\":\"" + ts(Instant.now()) + "\",\"water\":false}");
        await(WAIT, () -> cleared(op.admin(), sensor, "SensorOffline"), "the reading ends the offline alarm");
        assertThat(latest(op.admin(), sensor).get("offline").asBoolean()).isFalse();
    }

    @Test
    void theLastWillRaisesOfflineAtOnceAndOnlineEndsIt() {
        Tenant op = Tenants.create(api, httpPort, "CNY");
        long station = op.station("Last will");
        String sensor = id("LWT");
        register(op.admin(), "{\"id\":\"" + sensor + "\",\"stationId\":" + station + ",\"kind\":\"SMOKE\",\"offlineTimeoutSeconds\":3600}");

        device.status(sensor, "offline");
        await(WAIT, () -> open(op.admin(), sensor, "SensorOffline"), "offline as soon as the broker publishes the last will");
        assertThat(latest(op.admin(), sensor).get("link").asString()).isEqualTo("OFFLINE");

        device.status(sensor, "{\"status\":\"online\"}");
        await(WAIT, () -> cleared(op.admin(), sensor, "SensorOffline"), "online again");
        assertThat(latest(op.admin(), sensor).get("link").asString()).isEqualTo("ONLINE");
    }
}
