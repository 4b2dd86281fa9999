package io.pylon.server.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon.server.support.Api;
import io.pylon.server.support.PylonIT;
import io.pylon.server.support.RawOcppClient;
import io.pylon.server.support.Tenants;
import io.pylon.server.support.Tenants.Tenant;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One operator can never read or change another's stations, chargers, sessions, drivers, cards or people —
 * through any endpoint. The endpoint list is checked against the OpenAPI document, so a new endpoint with
 * an id in its path fails this test until it is added here. The driver app's endpoints ({@code /api/v1/me/…})
 * are called by a driver of operator B with operator A's driver's ids and must answer 404 (and 403 to B's staff).
 */
class TenantIsolationIT extends PylonIT {

    /** A day operator A lists in its holiday calendar. */
    private static final String HOLIDAY = "2030-10-01";
    private static final String CALLBACK = "/api/v1/payments/callbacks/{provider}";
    private static final String FRAMES = "/api/v1/thermal/cameras/{cameraId}/frames";
    /** A carbon region operator A has a factor for. */
    private static final String REGION = "CN-ZJ";

    private static final String DRIVER_APP = "/api/v1/me/";
    private static final String PHONE = "+8613800000001";

    private Tenant a;
    private Tenant b;
    private Api driverOfA;
    private final Map<String, String> ids = new LinkedHashMap<>();

    @BeforeEach
    void twoOperators() {
        a = Tenants.create(api, httpPort, "CNY");
        b = Tenants.create(api, httpPort, "EUR");
        long station = a.station("A West");
        String charger = a.charger(a.code() + "-CP1", station);
        long driver = a.driver(PHONE);
        String card = a.card(a.code().replace("-", "") + "C1", driver);
        var vehicle = a.admin().post("/api/v1/drivers/" + driver + "/vehicles", "{\"plate\":\"浙A12345\"}");
        assertThat(vehicle.status()).as(vehicle.raw()).isEqualTo(201);
        var spec = a.admin().put("/api/v1/chargers/" + charger + "/connectors/1/spec",
                "{\"standard\":\"GBT_DC\",\"maxPowerKw\":120,\"code\":\"" + a.code() + "-1\"}");
        assertThat(spec.status()).as(spec.raw()).isEqualTo(200);
        var org = a.admin().post("/api/v1/organisations", "{\"kind\":\"AGENT\",\"name\":\"Agent A\"}");
        assertThat(org.status()).as(org.raw()).isEqualTo(201);
        a.as("MAINTENANCE", "tech", null);
        var tariff = a.admin().post("/api/v1/tariffs", "{\"name\":\"A flat\",\"terms\":{\"workdaySchedule\":"
                + "\"00:00-24:00 FLAT\",\"prices\":[{\"band\":\"FLAT\",\"electricityPerKwh\":0.6,\"servicePerKwh\":0.4}]}}");
        assertThat(tariff.status()).as(tariff.raw()).isEqualTo(201);
        var assigned = a.admin().put("/api/v1/stations/" + station + "/tariff", "{\"tariffId\":" + tariff.body().get("id") + "}");
        assertThat(assigned.status()).as(assigned.raw()).isEqualTo(200);
        var holiday = a.admin().put("/api/v1/holidays/" + HOLIDAY, "{\"kind\":\"HOLIDAY\",\"name\":\"A's day\"}");
        assertThat(holiday.status()).as(holiday.raw()).isEqualTo(200);
        var topUp = a.admin().post("/api/v1/drivers/" + driver + "/wallet/top-ups",
                "{\"amount\":\"50.00\",\"method\":\"CASH\",\"reference\":\"R-0\",\"idempotencyKey\":\"setup\"}");
        assertThat(topUp.status()).as(topUp.raw()).isEqualTo(201);
        ids.put("charger", charger);
        ids.put("station", String.valueOf(station));
        ids.put("driver", String.valueOf(driver));
        ids.put("card", card);
        ids.put("vehicle", vehicle.body().get("id").asString());
        ids.put("organisation", org.body().get("id").asString());
        ids.put("user", a.code() + "-tech");
        ids.put("operator", String.valueOf(a.operatorId()));
        ids.put("session", String.valueOf(chargeOnce(charger, card)));
        var order = a.admin().get("/api/v1/orders?chargerId=" + charger).body().get("items").get(0);
        assertThat(order.get("state").asString()).isEqualTo("SETTLED");
        ids.put("order", order.get("id").asString());
        ids.put("tariff", tariff.body().get("id").asString());
        ids.put("code", a.code() + "-1");
        var payment = a.admin().post("/api/v1/drivers/" + driver + "/wallet/payments", "{\"amount\":\"10.00\",\"provider\":\"hmac\"}");
        assertThat(payment.status()).as(payment.raw()).isEqualTo(201);
        ids.put("payment", payment.body().get("id").asString());
        driverOfA = a.driverApp(PHONE);
        var invoice = a.admin().post("/api/v1/invoices", "{\"driverId\":" + driver + ",\"orderIds\":[" + ids.get("order")
                + "],\"titleKind\":\"PERSONAL\",\"title\":\"Li Lei\",\"email\":\"li@example.cn\"}");
        assertThat(invoice.status()).as(invoice.raw()).isEqualTo(201);
        ids.put("invoice", invoice.body().get("id").asString());
        var day = a.admin().call("POST", "/api/v1/reconciliations?date=" + java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")), null);
        assertThat(day.status()).as(day.raw()).isEqualTo(200);
        ids.put("reconciliation", day.body().get("id").asString());
        marketing(driver, station);
        parking(station, charger);
    }

    /** A's bay, camera over it, barrier gate and parking rules (docs/parking.md). */
    private void parking(long station, String charger) {
        var bay = a.admin().post("/api/v1/bays", "{\"stationId\":" + station + ",\"name\":\"A-1\",\"chargerId\":\"" + charger
                + "\",\"connectorId\":1,\"lock\":{\"kind\":\"MQTT\",\"id\":\"" + a.code() + "-L1\"}}");
        assertThat(bay.status()).as(bay.raw()).isEqualTo(201);
        ids.put("bay", bay.body().get("id").asString());
        var gate = a.admin().post("/api/v1/parking/gates", "{\"id\":\"" + a.code() + "-G1\",\"stationId\":" + station
                + ",\"name\":\"A entry\",\"nevOnly\":true}");
        assertThat(gate.status()).as(gate.raw()).isEqualTo(201);
        ids.put("gate", a.code() + "-G1");
        var camera = a.admin().post("/api/v1/cameras", "{\"id\":\"" + a.code() + "-CAM1\",\"stationId\":" + station
                + ",\"kind\":\"CAMERA\",\"name\":\"A cam\",\"bayIds\":[" + ids.get("bay") + "]}");
        assertThat(camera.status()).as(camera.raw()).isEqualTo(201);
        ids.put("camera", a.code() + "-CAM1");
        var rules = a.admin().put("/api/v1/parking/settings/" + station, "{\"graceMinutes\":10,\"evPlateColours\":[\"GREEN\"]}");
        assertThat(rules.status()).as(rules.raw()).isEqualTo(200);
    }

    /** A's coupon campaign with a coupon issued to its driver, a plan the driver is enrolled in, a carbon region. */
    private void marketing(long driver, long station) {
        var campaign = a.admin().post("/api/v1/coupon-campaigns", "{\"code\":\"A10\",\"name\":\"A ten\",\"kind\":\"FIXED\","
                + "\"value\":1,\"validUntil\":\"2099-01-01T00:00:00Z\",\"totalLimit\":10}");
        assertThat(campaign.status()).as(campaign.raw()).isEqualTo(201);
        ids.put("campaign", campaign.body().get("id").asString());
        var issued = a.admin().post("/api/v1/coupon-campaigns/" + ids.get("campaign") + "/coupons", "{\"driverIds\":[" + driver + "]}");
        assertThat(issued.body().get("issued").asInt()).as(issued.raw()).isEqualTo(1);
        ids.put("coupon", issued.body().get("results").get(0).get("coupon").get("id").asString());
        var plan = a.admin().post("/api/v1/membership-plans", "{\"name\":\"A gold\",\"discountPercent\":10}");
        assertThat(plan.status()).as(plan.raw()).isEqualTo(201);
        ids.put("plan", plan.body().get("id").asString());
        var enrolled = a.admin().post("/api/v1/drivers/" + driver + "/memberships", "{\"planId\":" + ids.get("plan") + "}");
        assertThat(enrolled.status()).as(enrolled.raw()).isEqualTo(201);
        var factor = a.admin().put("/api/v1/carbon-factors/" + REGION, "{\"kgPerKwh\":0.6}");
        assertThat(factor.status()).as(factor.raw()).isEqualTo(200);
        var region = a.admin().put("/api/v1/stations/" + station + "/carbon-region", "{\"region\":\"" + REGION + "\"}");
        assertThat(region.status()).as(region.raw()).isEqualTo(200);
        var points = a.admin().post("/api/v1/drivers/" + driver + "/points/adjustments",
                "{\"points\":5,\"reason\":\"welcome\",\"idempotencyKey\":\"a-welcome\"}");
        assertThat(points.status()).as(points.raw()).isEqualTo(201);
        ids.put("alarm", String.valueOf(faultOnce(ids.get("charger"))));
        var rule = a.admin().post("/api/v1/alarm-rules", "{\"name\":\"A hot\",\"scope\":\"OPERATOR\",\"metric\":\"voltage\","
                + "\"kind\":\"THRESHOLD\",\"threshold\":260,\"severity\":\"WARNING\"}");
        assertThat(rule.status()).as(rule.raw()).isEqualTo(201);
        ids.put("rule", rule.body().get("id").asString());
        var hook = a.admin().post("/api/v1/alarm-webhooks", "{\"url\":\"http://127.0.0.1:9/a\",\"minSeverity\":\"EVACUATION\"}");
        assertThat(hook.status()).as(hook.raw()).isEqualTo(201);
        ids.put("webhook", hook.body().get("id").asString());
        var subscription = a.admin().post("/api/v1/alarm-subscriptions", "{\"channel\":\"EMAIL\",\"address\":\"a@example.com\","
                + "\"minSeverity\":\"EVACUATION\"}");
        assertThat(subscription.status()).as(subscription.raw()).isEqualTo(201);
        ids.put("subscription", subscription.body().get("id").asString());
        thermal(station);
    }

    /** A's thermal camera over a bay of its charger, with a zone (issue #7, docs/thermal.md). */
    private void thermal(long station) {
        String camera = a.code() + "-CAM";
        var cam = a.admin().post("/api/v1/thermal/cameras", "{\"id\":\"" + camera + "\",\"stationId\":" + station + ",\"name\":\"A cam\"}");
        assertThat(cam.status()).as(cam.raw()).isEqualTo(201);
        var bay = a.admin().post("/api/v1/thermal/bays", "{\"stationId\":" + station + ",\"name\":\"A1\",\"cameraId\":\"" + camera
                + "\",\"area\":{\"x\":0,\"y\":0,\"width\":10,\"height\":10},\"chargerId\":\"" + ids.get("charger") + "\",\"connectorId\":1}");
        assertThat(bay.status()).as(bay.raw()).isEqualTo(201);
        var zone = a.admin().post("/api/v1/thermal/bays/" + bay.body().get("id").asLong() + "/zones",
                "{\"name\":\"middle\",\"area\":{\"x\":1,\"y\":1,\"width\":5,\"height\":5}}");
        assertThat(zone.status()).as(zone.raw()).isEqualTo(201);
        var sensor = a.admin().post("/api/v1/sensors", "{\"id\":\"" + a.code() + "-WATER\",\"stationId\":" + station
                + ",\"kind\":\"WATER_IMMERSION\",\"name\":\"A drain\"}");
        assertThat(sensor.status()).as(sensor.raw()).isEqualTo(201);
        ids.put("sensor", a.code() + "-WATER");
        ids.put("thermalCamera", camera);
        ids.put("thermalBay", bay.body().get("id").asString());
        ids.put("thermalZone", zone.body().get("id").asString());
    }

    /** A connector fault raises an alarm of operator A (the console's fault watch). */
    private long faultOnce(String charger) {
        try (RawOcppClient cp = RawOcppClient.connect(ocppPort(), charger, null)) {
            cp.call("b2", "BootNotification", "{\"chargePointVendor\":\"V\",\"chargePointModel\":\"M\"}");
            cp.call("f1", "StatusNotification", "{\"connectorId\":2,\"status\":\"Faulted\",\"errorCode\":\"GroundFailure\"}");
        }
        var alarms = a.admin().get("/api/v1/alarms");
        assertThat(alarms.body().get("total").asLong()).as(alarms.raw()).isPositive();
        return alarms.body().get("items").get(0).get("id").asLong();
    }

    private long chargeOnce(String charger, String card) {
        try (RawOcppClient cp = RawOcppClient.connect(ocppPort(), charger, null)) {
            cp.call("b1", "BootNotification", "{\"chargePointVendor\":\"V\",\"chargePointModel\":\"M\"}");
            var start = cp.call("s1", "StartTransaction", "{\"connectorId\":1,\"idTag\":\"" + card
                    + "\",\"meterStart\":1000,\"timestamp\":\"" + Instant.now() + "\"}");
            assertThat(start.get(2).get("idTagInfo").get("status").asString()).isEqualTo("Accepted");
            long tx = start.get(2).get("transactionId").asLong();
            cp.call("t1", "StopTransaction", "{\"transactionId\":" + tx + ",\"meterStop\":5000,\"timestamp\":\""
                    + Instant.now() + "\"}");
            return tx;
        }
    }

    @Test
    void anotherOperatorGetsNotFoundOnEveryEndpointWithAnId() {
        Map<String, String> calls = endpoints();
        List<String> documented = documentedEndpointsWithIds();
        assertThat(calls.keySet()).as("every endpoint with an id is checked here").containsAll(documented);
        List<String> leaks = new ArrayList<>();
        String before = snapshot(a.admin());
        String driverBefore = driverSnapshot();
        b.driver(PHONE); // the same phone at another operator is another driver
        Api driverOfB = b.driverApp(PHONE);
        for (var call : calls.entrySet()) {
            String[] parts = call.getKey().split(" ", 2);
            if (parts[1].startsWith(DRIVER_APP)) {
                // the driver app: B's driver gets 404 on A's driver's ids exactly like missing ones; B's staff get 403
                var r = driverOfB.call(parts[0], concrete(parts[1]), call.getValue());
                if (r.status() != 404) leaks.add(call.getKey() + " as B's driver -> " + r.status() + " " + r.raw());
                var staff = b.admin().call(parts[0], concrete(parts[1]), call.getValue());
                if (staff.status() != 403) leaks.add(call.getKey() + " as B's staff -> " + staff.status() + " " + staff.raw());
                continue;
            }
            var r = b.admin().call(parts[0], concrete(parts[1]), call.getValue());
            // Holiday calendars are per operator and the date names no one's data: B's PUT lists the day in
            // B's own calendar (checked below), and A's calendar is part of the unchanged snapshot.
            // Carbon factors too are per operator and region codes name no one's data: B's PUT sets B's own factor.
            boolean ownCalendar = (call.getKey().equals("PUT /api/v1/holidays/{date}")
                    || call.getKey().equals("PUT /api/v1/carbon-factors/{region}")) && r.status() == 200
                    && r.body().get("operatorId").asLong() == b.operatorId();
            // A payment callback holds no tenant data and takes no token: a caller without the provider's
            // signature is refused with 401, whoever they are.
            boolean refused = r.status() == 404 || r.status() == 403 || (r.status() == 401 && parts[1].equals(CALLBACK))
                    // thermal frames take no token either: without the camera's own key they are refused with 401
                    || (r.status() == 401 && parts[1].equals(FRAMES))
                    // the transparency log's public part is hashes only, meant for everyone (ADR 0009)
                    || parts[1].startsWith("/api/v1/transparency/public/");
            if (!refused && !ownCalendar) {
                leaks.add(call.getKey() + " -> " + r.status() + " " + r.raw());
            }
        }
        assertThat(leaks).as("answers other than 404/403 (401 for the unsigned callback) to operator B").isEmpty();
        assertThat(snapshot(a.admin())).as("operator A's data is unchanged").isEqualTo(before);
        assertThat(driverSnapshot()).as("operator A's driver's data is unchanged").isEqualTo(driverBefore);
        assertThat(b.admin().get("/api/v1/holidays/" + HOLIDAY).body().get("operatorId").asLong()).isEqualTo(b.operatorId());
    }

    @Test
    void listsShowOnlyTheCallersOwnData() {
        for (String list : List.of("/api/v1/stations", "/api/v1/chargers", "/api/v1/sessions", "/api/v1/drivers",
                "/api/v1/id-tokens", "/api/v1/tariffs", "/api/v1/coupon-campaigns", "/api/v1/membership-plans",
                "/api/v1/carbon-factors", "/api/v1/invoices", "/api/v1/reconciliations", "/api/v1/ledger/journal")) {
            var r = b.admin().get(list);
            assertThat(r.status()).as(list).isEqualTo(200);
            assertThat(r.raw()).as(list).doesNotContain(a.code());
            assertThat(r.body().get("items").size()).as(list).isZero();
        }
        assertThat(b.admin().get("/api/v1/audit?size=500").raw()).doesNotContain(a.code());
        assertThat(b.admin().get("/api/v1/users").raw()).doesNotContain(a.code());
        assertThat(b.admin().get("/api/v1/organisations").raw()).doesNotContain("Agent A");
        assertThat(b.admin().get("/api/v1/operators").body().size()).isEqualTo(1);
        assertThat(a.admin().get("/api/v1/chargers").body().get("items").size()).isEqualTo(1);
        assertThat(a.admin().get("/api/v1/sessions").body().get("items").size()).isEqualTo(1);
    }

    @Test
    void aCardOfOneOperatorIsInvalidAtAnothersCharger() {
        String chargerOfB = b.charger(b.code() + "-CP9", b.station("B East"));
        try (RawOcppClient cp = RawOcppClient.connect(ocppPort(), chargerOfB, null)) {
            cp.call("b1", "BootNotification", "{\"chargePointVendor\":\"V\",\"chargePointModel\":\"M\"}");
            var auth = cp.call("a1", "Authorize", "{\"idTag\":\"" + ids.get("card") + "\"}");
            assertThat(auth.get(2).get("idTagInfo").get("status").asString()).isEqualTo("Invalid");
        }
    }

    @Test
    void anOperatorCannotCreateInAnotherOperator() {
        String other = "\"operatorId\":" + a.operatorId();
        assertThat(b.admin().post("/api/v1/stations", "{" + other + ",\"name\":\"x\",\"address\":\"y\",\"latitude\":1,\"longitude\":1}").status()).isEqualTo(400);
        assertThat(b.admin().post("/api/v1/drivers", "{" + other + ",\"phone\":\"+861390000000\"}").status()).isEqualTo(400);
        assertThat(b.admin().post("/api/v1/chargers", "{" + other + ",\"id\":\"" + b.code() + "-X\"}").status()).isEqualTo(400);
        assertThat(b.admin().post("/api/v1/users", "{" + other + ",\"username\":\"" + b.code() + "-x\",\"password\":\"long-enough-pw\",\"role\":\"FINANCE\"}").status()).isEqualTo(400);
        assertThat(b.admin().post("/api/v1/chargers", "{\"id\":\"" + b.code() + "-Y\",\"stationId\":" + ids.get("station") + "}").status()).isEqualTo(400);
        assertThat(b.admin().post("/api/v1/users", "{\"username\":\"" + b.code() + "-boss\",\"password\":\"long-enough-pw\",\"role\":\"PLATFORM_ADMIN\"}").status()).isEqualTo(403);
        assertThat(b.admin().post("/api/v1/operators", "{\"code\":\"evil\",\"name\":\"Evil\"}").status()).isEqualTo(403);
    }

    private String snapshot(Api admin) {
        StringBuilder s = new StringBuilder();
        for (String path : List.of("/api/v1/chargers/" + ids.get("charger"), "/api/v1/stations/" + ids.get("station"),
                "/api/v1/drivers/" + ids.get("driver"), "/api/v1/drivers/" + ids.get("driver") + "/vehicles",
                "/api/v1/drivers/" + ids.get("driver") + "/wallet", "/api/v1/drivers/" + ids.get("driver") + "/wallet/entries",
                "/api/v1/id-tokens/" + ids.get("card"), "/api/v1/sessions/" + ids.get("session"),
                "/api/v1/orders/" + ids.get("order"), "/api/v1/invoices/" + ids.get("invoice"),
                "/api/v1/reconciliations/" + ids.get("reconciliation"),
                "/api/v1/users/" + ids.get("user"), "/api/v1/operators/" + ids.get("operator"), "/api/v1/organisations",
                "/api/v1/tariffs/" + ids.get("tariff"), "/api/v1/holidays/" + HOLIDAY, "/api/v1/holidays",
                "/api/v1/coupon-campaigns/" + ids.get("campaign"), "/api/v1/coupon-campaigns/" + ids.get("campaign") + "/coupons",
                "/api/v1/membership-plans/" + ids.get("plan"), "/api/v1/drivers/" + ids.get("driver") + "/coupons",
                "/api/v1/drivers/" + ids.get("driver") + "/memberships", "/api/v1/drivers/" + ids.get("driver") + "/points",
                "/api/v1/drivers/" + ids.get("driver") + "/points/entries", "/api/v1/carbon-factors",
                "/api/v1/stations/" + ids.get("station") + "/carbon-factor", "/api/v1/marketing/points-rate",
                "/api/v1/alarm-rules/" + ids.get("rule"), "/api/v1/alarm-webhooks", "/api/v1/alarm-subscriptions",
                "/api/v1/thermal/cameras/" + ids.get("thermalCamera"), "/api/v1/thermal/bays/" + ids.get("thermalBay"),
                "/api/v1/cameras/" + ids.get("camera"), "/api/v1/bays/" + ids.get("bay"), "/api/v1/parking/gates",
                "/api/v1/parking/settings/" + ids.get("station"), "/api/v1/sensors/" + ids.get("sensor"))) {
            var r = admin.get(path);
            assertThat(r.status()).as(path).isEqualTo(200);
            s.append(r.raw().replaceAll("\"(lastSeen|online|connected)\":[^,]*,", "")).append('\n');
        }
        return s.toString();
    }

    /** What A's driver sees of their own account in the driver app. */
    private String driverSnapshot() {
        StringBuilder s = new StringBuilder();
        for (String path : List.of("/api/v1/me", "/api/v1/me/vehicles", "/api/v1/me/cards", "/api/v1/me/wallet",
                "/api/v1/me/wallet/entries", "/api/v1/me/wallet/payments/" + ids.get("payment"), "/api/v1/me/orders",
                "/api/v1/me/sessions/" + ids.get("session"), "/api/v1/me/orders/" + ids.get("order") + "/receipt",
                "/api/v1/me/coupons", "/api/v1/me/coupons/" + ids.get("coupon"), "/api/v1/me/coupons/claimable",
                "/api/v1/me/points", "/api/v1/me/memberships", "/api/v1/me/invoices",
                "/api/v1/me/invoices/" + ids.get("invoice"))) {
            var r = driverOfA.get(path);
            assertThat(r.status()).as(path + " " + r.raw()).isEqualTo(200);
            s.append(r.raw()).append('\n');
        }
        return s.toString();
    }

    private String concrete(String template) {
        if (template.startsWith(DRIVER_APP)) {
            String kind = template.startsWith(DRIVER_APP + "sessions") ? "session" : template.startsWith(DRIVER_APP + "orders")
                    ? "order" : template.startsWith(DRIVER_APP + "coupons") ? "coupon"
                    : template.startsWith(DRIVER_APP + "stations") ? "station"
                    : template.startsWith(DRIVER_APP + "invoices") ? "invoice" : "payment";
            return template.replace("{id}", ids.get(kind)).replace("{vehicleId}", ids.get("vehicle"))
                    .replace("{idTag}", ids.get("card")).replace("{code}", ids.get("code"));
        }
        String kind = template.startsWith("/api/v1/chargers") ? "charger" : template.startsWith("/api/v1/stations") ? "station"
                : template.startsWith("/api/v1/drivers") ? "driver" : template.startsWith("/api/v1/id-tokens") ? "card"
                : template.startsWith("/api/v1/sessions") ? "session" : template.startsWith("/api/v1/orders") ? "order" : template.startsWith("/api/v1/users") ? "user"
                : template.startsWith("/api/v1/organisations") ? "organisation"
                : template.startsWith("/api/v1/tariffs") ? "tariff" : template.startsWith("/api/v1/coupon-campaigns") ? "campaign"
                : template.startsWith("/api/v1/membership-plans") ? "plan" : template.startsWith("/api/v1/invoices") ? "invoice"
                : template.startsWith("/api/v1/reconciliations") ? "reconciliation"
                : template.startsWith("/api/v1/alarms") ? "alarm" : template.startsWith("/api/v1/alarm-rules") ? "rule"
                : template.startsWith("/api/v1/alarm-webhooks") ? "webhook"
                : template.startsWith("/api/v1/alarm-subscriptions") ? "subscription"
                : template.startsWith("/api/v1/thermal/cameras") ? "thermalCamera"
                : template.startsWith("/api/v1/thermal/bays") ? "thermalBay"
                : template.startsWith("/api/v1/sensors") ? "sensor"
                : template.startsWith("/api/v1/cameras") ? "camera"
                : template.startsWith("/api/v1/bays") ? "bay" : template.startsWith("/api/v1/parking/gates") ? "gate" : "operator";
        return template.replace("{id}", ids.get(kind)).replace("{idTag}", ids.get("card")).replace("{username}", ids.get("user"))
                .replace("{connectorId}", "1").replace("{vehicleId}", ids.get("vehicle"))
                .replace("{date}", HOLIDAY).replace("{provider}", "hmac").replace("{region}", REGION)
                .replace("{orderId}", ids.get("order")).replace("{index}", "0").replace("{treeSize}", "1")
                .replace("{stationId}", ids.get("station"))
                .replace("{cameraId}", ids.getOrDefault("thermalCamera", "")).replace("{bayId}", ids.getOrDefault("thermalBay", ""))
                .replace("{zoneId}", ids.getOrDefault("thermalZone", "")).replace("{evidenceId}", "1");
    }

    private List<String> documentedEndpointsWithIds() {
        var doc = api.get("/v3/api-docs").body();
        List<String> result = new ArrayList<>();
        for (var path : doc.get("paths").propertyNames()) {
            if (!path.contains("{")) continue;
            for (var method : doc.get("paths").get(path).propertyNames()) {
                result.add(method.toUpperCase() + " " + path);
            }
        }
        return result;
    }

    /** Every endpoint with an id, with a body valid enough that only the tenant check can refuse it. */
    private static Map<String, String> endpoints() {
        Map<String, String> m = new LinkedHashMap<>();
        String c = "/api/v1/chargers/{id}";
        m.put("GET " + c, null);
        m.put("PATCH " + c, "{\"description\":\"hijacked\"}");
        m.put("DELETE " + c, null);
        m.put("POST " + c + "/approve", null);
        m.put("PUT " + c + "/equipment", "{\"productModel\":\"X\"}");
        m.put("PUT " + c + "/connectors/{connectorId}/spec", "{\"standard\":\"CCS2\",\"code\":\"HIJACK-1\"}");
        m.put("DELETE " + c + "/connectors/{connectorId}/spec", null);
        m.put("GET " + c + "/connectors/{connectorId}/history", null);
        m.put("GET " + c + "/events", null);
        m.put("GET " + c + "/reservations", null);
        String cmd = c + "/commands/";
        m.put("POST " + cmd + "remote-start", "{\"connectorId\":1,\"idTag\":\"X\"}");
        m.put("POST " + cmd + "remote-stop", "{\"transactionId\":1}");
        m.put("POST " + cmd + "reset", "{\"type\":\"Hard\"}");
        m.put("POST " + cmd + "unlock-connector", "{\"connectorId\":1}");
        m.put("POST " + cmd + "change-availability", "{\"connectorId\":0,\"type\":\"Inoperative\"}");
        m.put("POST " + cmd + "get-configuration", "{}");
        m.put("POST " + cmd + "change-configuration", "{\"key\":\"K\",\"value\":\"V\"}");
        m.put("POST " + cmd + "clear-cache", null);
        m.put("POST " + cmd + "trigger-message", "{\"requestedMessage\":\"Heartbeat\"}");
        m.put("POST " + cmd + "send-local-list", "{\"updateType\":\"Full\"}");
        m.put("POST " + cmd + "get-local-list-version", null);
        m.put("POST " + cmd + "reserve-now", "{\"connectorId\":1,\"idTag\":\"X\",\"expiryDate\":\"2999-01-01T00:00:00Z\"}");
        m.put("POST " + cmd + "cancel-reservation", "{\"reservationId\":1}");
        m.put("POST " + cmd + "set-charging-profile", "{\"connectorId\":1,\"chargingProfile\":{\"chargingProfileId\":1,\"stackLevel\":0,"
                + "\"chargingProfilePurpose\":\"TxDefaultProfile\",\"chargingProfileKind\":\"Absolute\",\"chargingSchedule\":"
                + "{\"chargingRateUnit\":\"A\",\"chargingSchedulePeriod\":[{\"startPeriod\":0,\"limit\":16}]}}}");
        m.put("POST " + cmd + "clear-charging-profile", "{}");
        m.put("POST " + cmd + "get-composite-schedule", "{\"connectorId\":1,\"duration\":60}");
        m.put("POST " + cmd + "update-firmware", "{\"location\":\"http://x/fw.bin\",\"retrieveDate\":\"2999-01-01T00:00:00Z\"}");
        m.put("POST " + cmd + "get-diagnostics", "{\"location\":\"ftp://x/\"}");
        m.put("POST " + cmd + "data-transfer", "{\"vendorId\":\"V\"}");
        m.put("POST " + cmd + "clock-sync", null);
        m.put("POST " + cmd + "set-tariff", null);
        m.put("POST " + cmd + "parking-lock", "{\"connectorId\":1,\"action\":\"Raise\"}");
        m.put("POST " + cmd + "work-parameters", "{\"enabled\":false,\"maxPowerPercent\":30}");
        m.put("POST " + cmd + "card-balance", "{\"idTag\":\"ABCD\"}");
        m.put("POST " + cmd + "query-local-list", "{\"idTags\":[\"ABCD\"]}");
        m.put("POST " + cmd + "parallel-remote-start", "{\"connectorId\":1,\"secondConnectorId\":2,\"idTag\":\"ABCD\"}");
        String t = "/api/v1/id-tokens/{idTag}";
        m.put("GET " + t, null);
        m.put("PUT " + t, "{\"status\":\"BLOCKED\"}");
        m.put("DELETE " + t, null);
        m.put("POST " + t + "/block", null);
        m.put("POST " + t + "/unblock", null);
        m.put("POST " + t + "/report-lost", null);
        m.put("PUT " + t + "/driver", "{\"driverId\":null}");
        m.put("GET /api/v1/sessions/{id}", null);
        m.put("GET /api/v1/orders/{id}", null);
        m.put("POST /api/v1/orders/{id}/refunds", "{\"amount\":0.01,\"reason\":\"hijack\",\"idempotencyKey\":\"b-1\"}");
        m.put("POST /api/v1/orders/{id}/payments", "{\"method\":\"CASH\",\"reference\":\"hijack\"}");
        m.put("GET /api/v1/invoices/{id}", null);
        m.put("POST /api/v1/invoices/{id}/issue", "{\"invoiceNumber\":\"HIJACK-1\"}");
        m.put("POST /api/v1/invoices/{id}/reject", "{\"reason\":\"hijack\"}");
        m.put("POST /api/v1/invoices/{id}/cancel", null);
        m.put("GET /api/v1/reconciliations/{id}", null);
        String s = "/api/v1/stations/{id}";
        m.put("GET " + s, null);
        m.put("PUT " + s, "{\"name\":\"x\",\"address\":\"y\",\"latitude\":1,\"longitude\":1}");
        m.put("DELETE " + s, null);
        String d = "/api/v1/drivers/{id}";
        m.put("GET " + d, null);
        m.put("PUT " + d, "{\"phone\":\"+8613999999999\"}");
        m.put("GET " + d + "/vehicles", null);
        m.put("POST " + d + "/vehicles", "{\"plate\":\"沪B99999\"}");
        m.put("POST " + d + "/vehicles/{vehicleId}/default", null);
        m.put("DELETE " + d + "/vehicles/{vehicleId}", null);
        m.put("GET " + d + "/wallet", null);
        m.put("GET " + d + "/wallet/entries", null);
        m.put("POST " + d + "/wallet/top-ups", "{\"amount\":\"10.00\",\"method\":\"CASH\",\"reference\":\"R-1\",\"idempotencyKey\":\"hijack-1\"}");
        m.put("POST " + d + "/wallet/payouts", "{\"amount\":\"1.00\",\"reference\":\"B-1\",\"idempotencyKey\":\"hijack-2\"}");
        m.put("POST " + d + "/wallet/payments", "{\"amount\":\"10.00\",\"provider\":\"hmac\"}");
        m.put("POST " + CALLBACK, "merchant_order_id=pylon-1&provider_reference=x&amount=10.00&currency=CNY&status=PAID"
                + "&paid_at=2026-01-01T00%3A00%3A00Z");
        m.put("GET /api/v1/operators/{id}", null);
        m.put("PUT /api/v1/operators/{id}", "{\"name\":\"hijacked\"}");
        m.put("PUT /api/v1/organisations/{id}", "{\"kind\":\"AGENT\",\"name\":\"hijacked\"}");
        String tariff = "/api/v1/tariffs/{id}";
        m.put("GET " + tariff, null);
        m.put("POST " + tariff + "/versions", "{\"terms\":{\"workdaySchedule\":\"00:00-24:00 PEAK\","
                + "\"prices\":[{\"band\":\"PEAK\",\"electricityPerKwh\":9,\"servicePerKwh\":9}]}}");
        m.put("POST " + tariff + "/preview", "{\"startedAt\":\"2030-01-08T11:00:00Z\",\"stoppedAt\":\"2030-01-08T12:00:00Z\","
                + "\"energyWh\":1000}");
        m.put("PUT " + s + "/tariff", "{\"tariffId\":null}");
        // in this order: B's PUT lists the day in B's own calendar (see the test), after B's GET and DELETE
        m.put("GET /api/v1/holidays/{date}", null);
        m.put("DELETE /api/v1/holidays/{date}", null);
        m.put("PUT /api/v1/holidays/{date}", "{\"kind\":\"HOLIDAY\",\"name\":\"hijacked\"}");
        String me = DRIVER_APP;
        m.put("PUT " + me + "vehicles/{vehicleId}", "{\"plate\":\"沪B99999\"}");
        m.put("DELETE " + me + "vehicles/{vehicleId}", null);
        m.put("POST " + me + "vehicles/{vehicleId}/default", null);
        m.put("POST " + me + "cards/{idTag}/report-lost", null);
        m.put("DELETE " + me + "cards/{idTag}", null);
        m.put("GET " + me + "wallet/payments/{id}", null);
        m.put("GET " + me + "connectors/{code}", null);
        m.put("GET " + me + "sessions/{id}", null);
        m.put("GET " + me + "stations/{id}", null);
        m.put("POST /api/v1/alarms/{id}/acknowledge", "{}");
        m.put("POST /api/v1/alarms/{id}/clear", "{}");
        m.put("GET /api/v1/alarms/{id}", null);
        m.put("GET /api/v1/alarms/{id}/evidence/{evidenceId}", null);
        m.put("GET /api/v1/alarms/{id}/deliveries", null);
        m.put("GET /api/v1/alarm-rules/{id}", null);
        m.put("PUT /api/v1/alarm-rules/{id}", "{\"name\":\"hijacked\",\"scope\":\"OPERATOR\",\"metric\":\"voltage\","
                + "\"kind\":\"THRESHOLD\",\"threshold\":1,\"severity\":\"INFO\"}");
        m.put("DELETE /api/v1/alarm-rules/{id}", null);
        m.put("DELETE /api/v1/alarm-webhooks/{id}", null);
        m.put("DELETE /api/v1/alarm-subscriptions/{id}", null);
        m.put("POST " + me + "sessions/{id}/stop", null);
        m.put("GET " + me + "orders/{id}", null);
        m.put("GET " + me + "orders/{id}/receipt", null);
        m.put("GET " + me + "invoices/{id}", null);
        m.put("POST " + me + "invoices/{id}/cancel", null);
        m.put("GET " + me + "coupons/{id}", null);
        m.put("PUT " + me + "sessions/{id}/coupon", "{\"couponId\":null}");
        String campaign = "/api/v1/coupon-campaigns/{id}";
        m.put("GET " + campaign, null);
        m.put("POST " + campaign + "/end", null);
        m.put("POST " + campaign + "/coupons", "{\"driverIds\":[1]}");
        m.put("GET " + campaign + "/coupons", null);
        m.put("GET " + d + "/coupons", null);
        m.put("PUT /api/v1/orders/{id}/coupon", "{\"couponId\":null}");
        String plan = "/api/v1/membership-plans/{id}";
        m.put("GET " + plan, null);
        m.put("POST " + plan + "/deactivate", null);
        m.put("GET " + d + "/memberships", null);
        m.put("POST " + d + "/memberships", "{\"planId\":1}");
        m.put("GET " + d + "/points", null);
        m.put("GET " + d + "/points/entries", null);
        m.put("POST " + d + "/points/adjustments", "{\"points\":5,\"reason\":\"hijack\",\"idempotencyKey\":\"b-1\"}");
        m.put("GET " + s + "/carbon-factor", null);
        m.put("PUT " + s + "/carbon-region", "{\"region\":\"CN-ZJ\"}");
        // in this order: B's DELETE finds no factor of B's, then B's PUT sets B's own (see the test)
        m.put("DELETE /api/v1/carbon-factors/{region}", null);
        m.put("PUT /api/v1/carbon-factors/{region}", "{\"kgPerKwh\":9}");
        // trusted metering (ADR 0009): session metering and export, log records, inspections, the regulator portal
        m.put("GET /api/v1/sessions/{id}/metering", null);
        m.put("GET /api/v1/sessions/{id}/safe.xml", null);
        m.put("GET " + me + "orders/{id}/transparency", null);
        m.put("GET /api/v1/transparency/entries/{index}", null);
        m.put("GET /api/v1/transparency/entries/{index}/bundle", null);
        m.put("GET /api/v1/transparency/public/tree-heads/{treeSize}", null);
        m.put("POST /api/v1/inspections/{id}/done", "{\"note\":\"hijacked\"}");
        m.put("GET /api/v1/regulator/transactions/{orderId}", null);
        // environment sensors (docs/sensors.md)
        m.put("GET /api/v1/sensors/{id}", null);
        m.put("GET /api/v1/sensors/{id}/latest", null);
        m.put("GET /api/v1/sensors/{id}/readings", null);
        m.put("PUT /api/v1/sensors/{id}", "{\"stationId\":1,\"kind\":\"WATER_IMMERSION\",\"name\":\"hijacked\"}");
        m.put("DELETE /api/v1/sensors/{id}", null);
        // cameras and parking (docs/parking.md)
        m.put("GET /api/v1/cameras/{id}", null);
        m.put("PUT /api/v1/cameras/{id}", "{\"stationId\":1,\"kind\":\"CAMERA\",\"name\":\"hijacked\"}");
        m.put("DELETE /api/v1/cameras/{id}", null);
        m.put("POST /api/v1/cameras/{id}/api-key", null);
        m.put("GET /api/v1/bays/{id}", null);
        m.put("PUT /api/v1/bays/{id}", "{\"name\":\"hijacked\"}");
        m.put("DELETE /api/v1/bays/{id}", null);
        m.put("GET /api/v1/bays/{id}/history", null);
        m.put("PUT /api/v1/parking/gates/{id}", "{\"stationId\":1,\"name\":\"hijacked\",\"nevOnly\":false}");
        m.put("DELETE /api/v1/parking/gates/{id}", null);
        m.put("GET /api/v1/parking/settings/{stationId}", null);
        m.put("PUT /api/v1/parking/settings/{stationId}", "{\"graceMinutes\":0,\"evPlateColours\":[\"BLUE\"]}");
        m.put("POST /api/v1/parking/fees/{orderId}/payments", "{\"method\":\"CASH\",\"reference\":\"hijack\"}");
        m.put("GET /api/v1/users/{username}", null);
        m.put("PUT /api/v1/users/{username}", "{\"role\":\"FINANCE\",\"enabled\":false}");
        // thermal safety (issue #7): cameras, bays, zones; frames are refused without the camera's key
        String cam = "/api/v1/thermal/cameras/{id}";
        m.put("GET " + cam, null);
        m.put("PUT " + cam, "{\"name\":\"hijacked\"}");
        m.put("DELETE " + cam, null);
        m.put("POST " + cam + "/key", null);
        m.put("POST " + FRAMES, "{\"width\":1,\"height\":1,\"temperatures\":[250]}");
        String bay = "/api/v1/thermal/bays/{id}";
        String bayBody = "{\"stationId\":1,\"name\":\"hijacked\",\"cameraId\":\"X\",\"area\":{\"x\":0,\"y\":0,\"width\":10,\"height\":10},"
                + "\"chargerId\":\"X\",\"connectorId\":1}";
        m.put("GET " + bay, null);
        m.put("PUT " + bay, bayBody);
        m.put("DELETE " + bay, null);
        m.put("PUT " + bay + "/vehicle-type", "{\"vehicleType\":\"bus\"}");
        String zones = "/api/v1/thermal/bays/{bayId}/zones";
        String zoneBody = "{\"name\":\"hijacked\",\"area\":{\"x\":1,\"y\":1,\"width\":2,\"height\":2}}";
        m.put("GET " + zones, null);
        m.put("POST " + zones, zoneBody);
        m.put("PUT " + zones + "/{zoneId}", zoneBody);
        m.put("DELETE " + zones + "/{zoneId}", null);
        return m;
    }
}
