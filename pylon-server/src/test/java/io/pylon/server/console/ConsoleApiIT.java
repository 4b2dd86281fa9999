package io.pylon.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon.server.support.Api;
import io.pylon.server.support.Charging;
import io.pylon.server.support.PylonIT;
import io.pylon.server.support.RawOcppClient;
import io.pylon.server.support.Tenants;
import io.pylon.server.support.Tenants.Tenant;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The endpoints the web app needs besides the domain API: live feed, dashboard, alarms, nearby stations, the app itself. */
class ConsoleApiIT extends PylonIT {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private String token(String user, String password) {
        var r = new Api(httpPort).post("/api/v1/auth/token", "{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}");
        return r.body().get("token").asString();
    }

    private static void status(RawOcppClient cp, int connector, String status, String errorCode) {
        var reply = cp.call("s" + System.nanoTime(), "StatusNotification", "{\"connectorId\":" + connector + ",\"status\":\"" + status
                + "\",\"errorCode\":\"" + errorCode + "\",\"timestamp\":\"" + Instant.now() + "\"}");
        assertThat(reply.get(0).asInt()).as(reply.toString()).isEqualTo(3);
    }

    private static RawOcppClient boot(int port, String chargerId) {
        var cp = RawOcppClient.connect(port, chargerId, null);
        cp.call("b", "BootNotification", "{\"chargePointVendor\":\"V\",\"chargePointModel\":\"M\"}");
        return cp;
    }

    @Test
    void theLiveFeedPushesConnectorStatusOnlyWithinTheListenersTenant() throws Exception {
        Tenant a = Tenants.create(api, httpPort, "CNY");
        Tenant b = Tenants.create(api, httpPort, "CNY");
        String chargerA = a.charger("LIVE-A-1", a.station("Live A"));
        String chargerB = b.charger("LIVE-B-1", b.station("Live B"));
        try (var streamA = SseStream.open(httpPort, token(a.code() + "-admin", Tenants.PASSWORD));
             var streamB = SseStream.open(httpPort, token(b.code() + "-admin", Tenants.PASSWORD));
             var cpA = boot(ocppPort(), chargerA); var cpB = boot(ocppPort(), chargerB)) {
            assertThat(streamA.status()).isEqualTo(200);
            JsonNode counters = streamA.await(e -> e.name().equals("counters"), WAIT).data();
            assertThat(counters.get("connectors").get("total").asLong()).isZero();
            assertThat(streamA.await(e -> e.name().equals("sessions"), WAIT).data().get("running").asLong()).isZero();

            status(cpA, 1, "Charging", "NoError");
            JsonNode event = streamA.await(e -> e.name().equals("connector"), WAIT).data();
            assertThat(event.get("chargerId").asString()).isEqualTo(chargerA);
            assertThat(event.get("connectorId").asInt()).isEqualTo(1);
            assertThat(event.get("status").asString()).isEqualTo("CHARGING");
            assertThat(event.get("operatorId").asLong()).isEqualTo(a.operatorId());

            // B's own event comes after A's on the one sender thread: if A's had reached B, B would see it first
            status(cpB, 2, "Available", "NoError");
            JsonNode first = streamB.await(e -> e.name().equals("connector"), WAIT).data();
            assertThat(first.get("chargerId").asString()).isEqualTo(chargerB);
        }
    }

    @Test
    void whoamiTellsTheConsoleTheRolesPermissions() {
        Tenant op = Tenants.create(api, httpPort, "CNY");
        JsonNode admin = op.admin().get("/api/v1/auth/whoami").body();
        assertThat(admin.get("role").asString()).isEqualTo("OPERATOR_ADMIN");
        assertThat(admin.get("operatorId").asLong()).isEqualTo(op.operatorId());
        assertThat(admin.get("permissions").valueStream().map(JsonNode::asString).toList())
                .contains("USERS_MANAGE", "ORDERS_REFUND", "CHARGERS_COMMAND").doesNotContain("OPERATORS_MANAGE", "SELF_SERVICE");

        var maintenance = op.as("MAINTENANCE", "crew", null);
        var r = maintenance.get("/api/v1/auth/whoami");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().get("username").asString()).isEqualTo(op.code() + "-crew");
        assertThat(r.body().get("permissions").valueStream().map(JsonNode::asString).toList())
                .containsExactly("ALARMS_HANDLE", "ALARMS_READ", "CHARGERS_COMMAND", "CHARGERS_READ", "CHARGERS_WRITE",
                        "SESSIONS_READ", "STATIONS_READ");

        op.driver("13900000222");
        assertThat(op.driverApp("13900000222").get("/api/v1/auth/whoami").status()).isEqualTo(403);
        assertThat(new Api(httpPort).get("/api/v1/auth/whoami").status()).isEqualTo(401);
    }

    @Test
    void theLiveFeedNeedsAStaffToken() throws Exception {
        try (var anonymous = SseStream.open(httpPort, null); var forged = SseStream.open(httpPort, "not-a-jwt")) {
            assertThat(anonymous.status()).isEqualTo(401);
            assertThat(forged.status()).isEqualTo(401);
        }
        Tenant op = Tenants.create(api, httpPort, "CNY");
        op.driver("13900000111");
        var driverToken = new Api(httpPort).post("/api/v1/auth/driver-token", "{\"operator\":\"" + op.code()
                + "\",\"login\":\"13900000111\",\"password\":\"" + Tenants.DRIVER_PASSWORD + "\"}").body().get("token").asString();
        try (var driver = SseStream.open(httpPort, driverToken)) {
            assertThat(driver.status()).isEqualTo(403);
        }
        assertThat(op.driverApp("13900000111").get("/api/v1/dashboard").status()).isEqualTo(403);
    }

    @Test
    void faultsRaiseAlarmsThatPeopleAcknowledgeAndChargersClear() {
        Tenant a = Tenants.create(api, httpPort, "CNY");
        Tenant other = Tenants.create(api, httpPort, "CNY");
        String charger = a.charger("ALARM-1", a.station("Alarmed"));
        try (var cp = boot(ocppPort(), charger)) {
            status(cp, 1, "Faulted", "GroundFailure");
            status(cp, 1, "Faulted", "GroundFailure"); // the same fault again: still one alarm
            status(cp, 2, "Available", "HighTemperature"); // an error code on an available connector is a fault too

            var open = a.admin().get("/api/v1/alarms?state=OPEN");
            assertThat(open.status()).isEqualTo(200);
            assertThat(open.body().get("total").asLong()).isEqualTo(2);
            JsonNode ground = find(open.body().get("items"), "GroundFailure");
            assertThat(ground.get("chargerId").asString()).isEqualTo(charger);
            assertThat(ground.get("connectorId").asInt()).isEqualTo(1);
            long id = ground.get("id").asLong();

            assertThat(other.admin().get("/api/v1/alarms").body().get("total").asLong()).isZero();
            assertThat(other.admin().post("/api/v1/alarms/" + id + "/acknowledge", "{}").status()).isEqualTo(404);
            assertThat(other.admin().post("/api/v1/alarms/" + id + "/clear", "{}").status()).isEqualTo(404);
            assertThat(a.admin().get("/api/v1/dashboard").body().get("openAlarms").asLong()).isEqualTo(2);

            var ack = a.admin().post("/api/v1/alarms/" + id + "/acknowledge", "{}");
            assertThat(ack.status()).as(ack.raw()).isEqualTo(200);
            assertThat(ack.body().get("state").asString()).isEqualTo("ACKNOWLEDGED");
            assertThat(ack.body().get("acknowledgedBy").asString()).isEqualTo(a.code() + "-admin");
            assertThat(a.admin().post("/api/v1/alarms/" + id + "/acknowledge", "{}").status()).isEqualTo(409);

            status(cp, 1, "Available", "NoError"); // the charger says it is healthy again
            JsonNode cleared = a.admin().get("/api/v1/alarms?state=CLEARED").body().get("items");
            assertThat(find(cleared, "GroundFailure").get("clearedBy").asString()).isEqualTo("charger");
            assertThat(a.admin().post("/api/v1/alarms/" + id + "/clear", "{}").status()).isEqualTo(409);

            long heat = find(a.admin().get("/api/v1/alarms?state=OPEN").body().get("items"), "HighTemperature").get("id").asLong();
            var clear = a.admin().post("/api/v1/alarms/" + heat + "/clear", "{}");
            assertThat(clear.body().get("state").asString()).isEqualTo("CLEARED");
            assertThat(a.admin().get("/api/v1/alarms?state=OPEN").body().get("total").asLong()).isZero();
            assertThat(a.admin().get("/api/v1/audit?entityType=alarm").body().get("total").asLong()).isEqualTo(2);
        }
        assertThat(api.post("/api/v1/alarms/99999999/acknowledge", "{}").status()).isEqualTo(404);
        assertThat(api.get("/api/v1/alarms?state=BOGUS").status()).isEqualTo(400);
        var maintenance = a.as("MAINTENANCE", "m", null);
        assertThat(maintenance.get("/api/v1/alarms").status()).isEqualTo(200);
    }

    private static JsonNode find(JsonNode items, String code) {
        for (JsonNode item : items) if (item.get("code").asString().equals(code)) return item;
        throw new AssertionError("no alarm " + code + " in " + items);
    }

    @Test
    void theDashboardCountsTodaysSettledSessionsAndRunningOnes() {
        Tenant op = Tenants.create(api, httpPort, "CNY");
        String charger = Charging.stationWithFlatTariff(op, "DASH-1");
        Charging.driverWithBalance(op, "13900000222", "100", "DASH-TAG-1");
        chargeEarlier(charger, "DASH-TAG-1", 1, 2000);
        chargeEarlier(charger, "DASH-TAG-1", 2, 3000);

        var shanghai = java.time.ZoneId.of("Asia/Shanghai");
        org.junit.jupiter.api.Assumptions.assumeTrue(java.time.LocalDate.now(shanghai).equals(
                java.time.LocalDate.ofInstant(Instant.now().minusSeconds(10), shanghai)), "just after midnight in the station's zone");
        JsonNode d = op.admin().get("/api/v1/dashboard").body();
        assertThat(d.get("timeZone").asString()).isEqualTo("Asia/Shanghai");
        assertThat(d.get("todayFigures").get("sessions").asLong()).isEqualTo(2);
        assertThat(d.get("todayFigures").get("energyWh").asLong()).isEqualTo(5000);
        assertThat(d.get("todayFigures").get("revenue").get(0).get("currency").asString()).isEqualTo("CNY");
        assertThat(d.get("todayFigures").get("revenue").get(0).get("amount").decimalValue()).isEqualByComparingTo("5.00");
        assertThat(d.get("monthFigures").get("energyWh").asLong()).isEqualTo(5000);
        assertThat(d.get("trend")).hasSize(24);
        long trend = 0;
        for (JsonNode h : d.get("trend")) trend += h.get("energyWh").asLong();
        assertThat(trend).as("both stopped a minute ago").isEqualTo(5000);
        assertThat(d.get("topStations").get(0).get("energyWh").asLong()).isEqualTo(5000);
        assertThat(d.get("topStations").get(0).get("name").asString()).isEqualTo("Priced DASH-1");

        var finance = op.as("FINANCE", "f", null);
        assertThat(finance.get("/api/v1/dashboard").body().get("todayFigures").get("revenue")).hasSize(1);
        var maintenance = op.as("MAINTENANCE", "mt", null);
        JsonNode noMoney = maintenance.get("/api/v1/dashboard").body();
        assertThat(noMoney.get("todayFigures").get("energyWh").asLong()).isEqualTo(5000);
        assertThat(noMoney.get("todayFigures").has("revenue") && !noMoney.get("todayFigures").get("revenue").isNull()).isFalse();

        Tenant other = Tenants.create(api, httpPort, "CNY");
        assertThat(other.admin().get("/api/v1/dashboard").body().get("todayFigures").get("energyWh").asLong()).isZero();
    }

    /**
     * A session of {@code wh} from now (the tariff is in force from its creation only) to two seconds later, returning
     * once its stop lies in the past, so the 24-hour trend, which ends with the current hour, holds it.
     */
    private void chargeEarlier(String charger, String tag, int connector, long wh) {
        Instant stop = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).plusSeconds(3);
        try (var cp = boot(ocppPort(), charger)) {
            long tx = cp.call("s", "StartTransaction", "{\"connectorId\":" + connector + ",\"idTag\":\"" + tag
                    + "\",\"meterStart\":1000,\"timestamp\":\"" + stop.minusSeconds(2) + "\"}").get(2).get("transactionId").asLong();
            cp.call("t", "StopTransaction", "{\"transactionId\":" + tx + ",\"meterStop\":" + (1000 + wh) + ",\"timestamp\":\"" + stop + "\"}");
        }
        try {
            Thread.sleep(Math.max(0, Duration.between(Instant.now(), stop).toMillis() + 200));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void runningSessionsShowTheirLatestReadings() {
        Tenant op = Tenants.create(api, httpPort, "CNY");
        String charger = Charging.stationWithFlatTariff(op, "RUN-1");
        Charging.driverWithBalance(op, "13900000333", "100", "RUN-TAG-1");
        try (var cp = boot(ocppPort(), charger)) {
            Instant start = Instant.now().minusSeconds(60);
            long tx = cp.call("s", "StartTransaction", "{\"connectorId\":1,\"idTag\":\"RUN-TAG-1\",\"meterStart\":5000,\"timestamp\":\""
                    + start + "\"}").get(2).get("transactionId").asLong();
            var mv = cp.call("m", "MeterValues", "{\"connectorId\":1,\"transactionId\":" + tx + ",\"meterValue\":[{\"timestamp\":\""
                    + Instant.now().minusSeconds(5) + "\",\"sampledValue\":[{\"value\":\"6.25\",\"measurand\":\"Energy.Active.Import.Register\",\"unit\":\"kWh\"},"
                    + "{\"value\":\"7400\",\"measurand\":\"Power.Active.Import\",\"unit\":\"W\"},{\"value\":\"57\",\"measurand\":\"SoC\",\"unit\":\"Percent\"}]}]}");
            assertThat(mv.get(0).asInt()).as(mv.toString()).isEqualTo(3);

            JsonNode live = op.admin().get("/api/v1/live/sessions").body();
            assertThat(live.get("running").asLong()).isEqualTo(1);
            JsonNode s = live.get("sessions").get(0);
            assertThat(s.get("id").asLong()).isEqualTo(tx);
            assertThat(s.get("energyWh").asLong()).isEqualTo(1250);
            assertThat(s.get("powerKw").decimalValue()).isEqualByComparingTo("7.4");
            assertThat(s.get("socPercent").decimalValue()).isEqualByComparingTo("57");
            assertThat(op.admin().get("/api/v1/dashboard").body().get("runningSessions").asLong()).isEqualTo(1);
            assertThat(Tenants.create(api, httpPort, "CNY").admin().get("/api/v1/live/sessions").body().get("running").asLong()).isZero();
        }
    }

    @Test
    void connectorStatesOfAListPageStayInScope() {
        Tenant a = Tenants.create(api, httpPort, "CNY");
        Tenant b = Tenants.create(api, httpPort, "CNY");
        String mine = a.charger("STATES-A", a.station("States"));
        String theirs = b.charger("STATES-B", b.station("States B"));
        try (var cpA = boot(ocppPort(), mine); var cpB = boot(ocppPort(), theirs)) {
            status(cpA, 1, "Available", "NoError");
            status(cpA, 2, "Charging", "NoError");
            status(cpB, 1, "Available", "NoError");
        }
        var r = a.admin().post("/api/v1/live/connectors", "{\"chargerIds\":[\"" + mine + "\",\"" + theirs + "\",\"NOPE\"]}");
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        assertThat(r.body()).hasSize(2);
        assertThat(r.body().get(1).get("status").asString()).isEqualTo("CHARGING");
        for (JsonNode c : r.body()) assertThat(c.get("chargerId").asString()).isEqualTo(mine);
        assertThat(a.admin().post("/api/v1/live/connectors", "{}").status()).isEqualTo(400);
        assertThat(a.admin().post("/api/v1/live/connectors", "{\"chargerIds\":\"x\"}").status()).isEqualTo(400);
    }

    @Test
    void driversFindTheNearestStationsWithFreeConnectorsAndThePriceNow() {
        Tenant op = Tenants.create(api, httpPort, "CNY");
        long far = station(op, "Far", 31.23, 121.47);
        long near = station(op, "Near", 30.26, 120.17);
        Charging.flatTariff(op, near);
        String charger = op.charger("NEAR-1", near);
        op.driver("13900000444");
        Api driver = op.driverApp("13900000444");
        try (var cp = boot(ocppPort(), charger)) {
            status(cp, 1, "Available", "NoError");
            status(cp, 2, "Charging", "NoError");
            JsonNode list = driver.get("/api/v1/me/stations?latitude=30.25&longitude=120.16").body();
            assertThat(list).hasSize(2);
            assertThat(list.get(0).get("id").asLong()).isEqualTo(near);
            assertThat(list.get(0).get("distanceKm").asDouble()).isBetween(1.0, 2.0);
            assertThat(list.get(0).get("free").asLong()).isEqualTo(1);
            assertThat(list.get(0).get("total").asLong()).isEqualTo(2);
            assertThat(list.get(0).get("priceNow").decimalValue()).isEqualByComparingTo("1.0");
            assertThat(list.get(0).get("band").asString()).isEqualTo("FLAT");
            assertThat(list.get(1).get("id").asLong()).isEqualTo(far);
            assertThat(list.get(1).get("priceNow").isNull()).isTrue();
            assertThat(list.get(1).get("distanceKm").asDouble()).isGreaterThan(100);

            JsonNode detail = driver.get("/api/v1/me/stations/" + near).body();
            assertThat(detail.get("connectors")).hasSize(2);
            assertThat(detail.get("pricesToday").get(0).get("totalPerKwh").decimalValue()).isEqualByComparingTo("1.0");
        }
        assertThat(driver.get("/api/v1/me/stations?latitude=91&longitude=0").status()).isEqualTo(400);
        assertThat(driver.get("/api/v1/me/stations?latitude=abc&longitude=0").status()).isEqualTo(400);
        assertThat(driver.get("/api/v1/me/stations").status()).isEqualTo(400);
        Tenant other = Tenants.create(api, httpPort, "CNY");
        long elsewhere = station(other, "Elsewhere", 30.25, 120.16);
        assertThat(driver.get("/api/v1/me/stations/" + elsewhere).status()).isEqualTo(404);
        assertThat(op.admin().get("/api/v1/me/stations?latitude=30&longitude=120").status()).isEqualTo(403);
    }

    private static long station(Tenant op, String name, double lat, double lon) {
        var r = op.admin().post("/api/v1/stations", "{\"name\":\"" + name + "\",\"address\":\"1 Road\",\"latitude\":" + lat
                + ",\"longitude\":" + lon + ",\"status\":\"OPERATIONAL\"}");
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return r.body().get("id").asLong();
    }

    @Test
    void theWebAppIsServedWithItsRoutesWhileApiPathsKeepTheirErrors() {
        Api anonymous = new Api(httpPort);
        for (String path : new String[] {"/", "/chargers/X-1", "/screen", "/m", "/m/c?code=HZ-1"}) {
            var r = anonymous.get(path);
            assertThat(r.status()).as(path).isEqualTo(200);
            assertThat(r.contentType()).as(path).startsWith("text/html");
            assertThat(r.raw()).as(path).contains("<div id=\"app\">");
        }
        var missingApi = anonymous.get("/api/v1/no-such-thing");
        assertThat(missingApi.status()).isEqualTo(401);
        assertThat(api.get("/api/v1/no-such-thing").status()).isEqualTo(404);
        assertThat(api.get("/api/v1/no-such-thing").contentType()).doesNotStartWith("text/html");
        assertThat(anonymous.get("/assets/no-such-file.js").status()).isEqualTo(404);
        assertThat(anonymous.get("/v3/api-docs/nothing-here").status()).isEqualTo(404);
        assertThat(anonymous.get("/console-settings.json").body().has("tileUrl")).isTrue();
    }
}
