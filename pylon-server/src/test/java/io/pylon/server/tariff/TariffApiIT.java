package io.pylon.server.tariff;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon.server.support.Api;
import io.pylon.server.support.PylonIT;
import io.pylon.server.support.Tenants;
import io.pylon.server.support.Tenants.Tenant;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Tariffs through the API: a 尖峰平谷 tariff created, read, revised, assigned and priced by hand-checked
 * previews; holidays switch the schedule; validation names the field; other operators and roles without
 * the right get 404 / 403. Sessions are priced in 2030 (Asia/Shanghai, UTC+8) so the first version, in force
 * from its creation, applies.
 */
class TariffApiIT extends PylonIT {

    /** Workdays: valley 00-08, flat 08-10, peak 10-15, flat 15-18, sharp 18-21, peak 21-23, valley 23-24. */
    static final String WORKDAY = "00:00-08:00 valley, 08:00-10:00 FLAT, 10:00-15:00 PEAK, 15:00-18:00 FLAT, "
            + "18:00-21:00 SHARP, 21:00-23:00 PEAK, 23:00-24:00 VALLEY";
    static final String HOLIDAY = "00:00-08:00 VALLEY, 08:00-24:00 FLAT";
    static final String PRICES = "[{\"band\":\"SHARP\",\"electricityPerKwh\":1.1,\"servicePerKwh\":0.8},"
            + "{\"band\":\"PEAK\",\"electricityPerKwh\":0.95,\"servicePerKwh\":0.7},"
            + "{\"band\":\"FLAT\",\"electricityPerKwh\":0.65,\"servicePerKwh\":0.6},"
            + "{\"band\":\"VALLEY\",\"electricityPerKwh\":0.3,\"servicePerKwh\":0.4}]";
    static final String IDLE = "{\"perMinute\":0.5,\"graceMinutes\":15,\"cap\":30}";

    private Tenant a;
    private Tenant b;

    @BeforeEach
    void operators() {
        a = Tenants.create(api, httpPort, "CNY");
        b = Tenants.create(api, httpPort, "CNY");
    }

    static String terms(String workday, String prices) {
        return "{\"workdaySchedule\":\"" + workday + "\",\"holidaySchedule\":\"" + HOLIDAY + "\",\"prices\":" + prices
                + ",\"idleFee\":" + IDLE + "}";
    }

    static String tariff(String name, boolean template) {
        return "{\"name\":\"" + name + "\",\"template\":" + template + ",\"terms\":" + terms(WORKDAY, PRICES) + "}";
    }

    private long create(Api as, String name, boolean template) {
        var r = as.post("/api/v1/tariffs", tariff(name, template));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return r.body().get("id").asLong();
    }

    /** A session of {@code wh} from local {@code from} to {@code to} (ISO with +08:00). */
    private static String session(String from, String to, long wh) {
        return "{\"startedAt\":\"" + from + "\",\"stoppedAt\":\"" + to + "\",\"energyWh\":" + wh + "}";
    }

    private static BigDecimal dec(JsonNode node) {
        return node.decimalValue().stripTrailingZeros();
    }

    private static void amount(JsonNode node, String expected) {
        assertThat(dec(node)).as(node.toString()).isEqualByComparingTo(new BigDecimal(expected));
    }

    @Test
    void createReadAndList() {
        var created = a.admin().post("/api/v1/tariffs", tariff("Peak-valley 2030", true));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        JsonNode t = created.body();
        long id = t.get("id").asLong();
        assertThat(t.get("operatorId").asLong()).isEqualTo(a.operatorId());
        assertThat(t.get("template").asBoolean()).isTrue();
        assertThat(t.get("currency").asString()).isEqualTo("CNY");
        assertThat(t.get("versionInForce").asInt()).isEqualTo(1);

        JsonNode read = a.admin().get("/api/v1/tariffs/" + id).body();
        assertThat(read.get("name").asString()).isEqualTo("Peak-valley 2030");
        JsonNode v1 = read.get("versions").get(0);
        assertThat(v1.get("version").asInt()).isEqualTo(1);
        assertThat(v1.get("inForce").asBoolean()).isTrue();
        assertThat(v1.get("createdBy").asString()).isEqualTo(a.code() + "-admin");
        assertThat(v1.get("workdaySchedule").get("text").asString()).isEqualTo(WORKDAY.replace("valley", "VALLEY"));
        JsonNode slots = v1.get("workdaySchedule").get("slots");
        assertThat(slots.size()).isEqualTo(48);
        assertThat(slots.get(0).asString()).isEqualTo("VALLEY");
        assertThat(slots.get(16).asString()).isEqualTo("FLAT");     // 08:00
        assertThat(slots.get(37).asString()).isEqualTo("SHARP");    // 18:30
        assertThat(slots.get(46).asString()).isEqualTo("VALLEY");   // 23:00
        assertThat(v1.get("holidaySchedule").get("text").asString()).isEqualTo(HOLIDAY);
        assertThat(v1.get("prices").size()).isEqualTo(4);
        assertThat(v1.get("prices").get(0).get("band").asString()).isEqualTo("SHARP");
        amount(v1.get("prices").get(0).get("electricityPerKwh"), "1.1");
        amount(v1.get("idleFee").get("perMinute"), "0.5");
        assertThat(v1.get("idleFee").get("graceMinutes").asInt()).isEqualTo(15);
        amount(v1.get("idleFee").get("cap"), "30");
        amount(v1.get("sessionFee"), "0");

        var list = a.admin().get("/api/v1/tariffs");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body().get("total").asLong()).isEqualTo(1);
        assertThat(list.body().get("items").get(0).get("id").asLong()).isEqualTo(id);
        assertThat(b.admin().get("/api/v1/tariffs").body().get("total").asLong()).isZero();
        assertThat(api.get("/api/v1/audit?entityType=tariff&entityId=" + id).body().get("items").size()).isEqualTo(1);
    }

    @Test
    void previewsAreHandCheckable() {
        long id = create(a.admin(), "TOU", true);
        // Tuesday 19:00-20:00, 30 kWh, all SHARP: 30 × 1.10 = 33.00 electricity, 30 × 0.80 = 24.00 service
        var evening = a.admin().post("/api/v1/tariffs/" + id + "/preview",
                session("2030-01-08T19:00:00+08:00", "2030-01-08T20:00:00+08:00", 30_000));
        assertThat(evening.status()).as(evening.raw()).isEqualTo(200);
        JsonNode bill = evening.body();
        assertThat(bill.get("tariffVersion").asInt()).isEqualTo(1);
        assertThat(bill.get("currency").asString()).isEqualTo("CNY");
        assertThat(bill.get("timeZone").asString()).isEqualTo("Asia/Shanghai");
        assertThat(bill.get("lines").size()).isEqualTo(1);
        JsonNode line = bill.get("lines").get(0);
        assertThat(line.get("band").asString()).isEqualTo("SHARP");
        assertThat(line.get("energyWh").asLong()).isEqualTo(30_000);
        amount(line.get("electricityPrice"), "1.1");
        amount(line.get("electricityAmount"), "33");
        amount(line.get("serviceAmount"), "24");
        amount(bill.get("total"), "57");

        // Tuesday 22:00 → Wednesday 07:00, 45 kWh; register 1000 → 46000 with 9000 at 23:00 local:
        // PEAK 8 kWh: 7.60 + 5.60; VALLEY 37 kWh: 11.10 + 14.80; charging finished 06:30, plugged out 07:20:
        // 50 idle minutes − 15 grace = 35 × 0.50 = 17.50; total 18.70 + 20.40 + 17.50 = 56.60
        var overnight = a.admin().post("/api/v1/tariffs/" + id + "/preview", "{\"startedAt\":\"2030-01-08T22:00:00+08:00\","
                + "\"stoppedAt\":\"2030-01-09T07:00:00+08:00\",\"meterStartWh\":1000,\"meterStopWh\":46000,"
                + "\"samples\":[{\"at\":\"2030-01-08T15:00:00Z\",\"registerWh\":9000}],"
                + "\"chargingFinishedAt\":\"2030-01-09T06:30:00+08:00\",\"pluggedOutAt\":\"2030-01-09T07:20:00+08:00\"}");
        assertThat(overnight.status()).as(overnight.raw()).isEqualTo(200);
        bill = overnight.body();
        assertThat(bill.get("energyWh").asLong()).isEqualTo(45_000);
        JsonNode peak = bill.get("lines").get(0);
        JsonNode valley = bill.get("lines").get(1);
        assertThat(peak.get("band").asString()).isEqualTo("PEAK");
        assertThat(peak.get("energyWh").asLong()).isEqualTo(8_000);
        amount(peak.get("electricityAmount"), "7.6");
        amount(peak.get("serviceAmount"), "5.6");
        assertThat(valley.get("band").asString()).isEqualTo("VALLEY");
        assertThat(valley.get("energyWh").asLong()).isEqualTo(37_000);
        amount(valley.get("electricityAmount"), "11.1");
        amount(valley.get("serviceAmount"), "14.8");
        amount(bill.get("electricityTotal"), "18.7");
        amount(bill.get("serviceTotal"), "20.4");
        assertThat(bill.get("idleFee").get("idleMinutes").asLong()).isEqualTo(50);
        assertThat(bill.get("idleFee").get("billedMinutes").asLong()).isEqualTo(35);
        amount(bill.get("idleFee").get("amount"), "17.5");
        amount(bill.get("total"), "56.6");

        // local time decides the band: 19:00Z is 19:00 in UTC (SHARP) but 03:00 in Shanghai (VALLEY)
        var utc = a.admin().post("/api/v1/tariffs/" + id + "/preview", "{\"startedAt\":\"2030-01-08T19:00:00Z\","
                + "\"stoppedAt\":\"2030-01-08T20:00:00Z\",\"energyWh\":30000,\"timeZone\":\"UTC\"}");
        assertThat(utc.body().get("lines").get(0).get("band").asString()).as(utc.raw()).isEqualTo("SHARP");
        assertThat(a.admin().post("/api/v1/tariffs/" + id + "/preview", session("2030-01-08T19:00:00Z", "2030-01-08T20:00:00Z", 30000))
                .body().get("lines").get(0).get("band").asString()).isEqualTo("VALLEY");
    }

    @Test
    void holidaysSwitchTheSchedule() {
        long id = create(a.admin(), "TOU", true);
        String saturdayEvening = session("2030-01-12T19:00:00+08:00", "2030-01-12T20:00:00+08:00", 30_000);
        String tuesdayEvening = session("2030-01-08T19:00:00+08:00", "2030-01-08T20:00:00+08:00", 30_000);
        String preview = "/api/v1/tariffs/" + id + "/preview";
        // Saturday: holiday schedule, FLAT 30 × (0.65 + 0.60) = 37.50
        assertThat(band(a.admin().post(preview, saturdayEvening).body())).isEqualTo("FLAT");
        amount(a.admin().post(preview, saturdayEvening).body().get("total"), "37.5");

        var makeUp = a.admin().put("/api/v1/holidays/2030-01-12", "{\"kind\":\"WORKDAY\",\"name\":\"调休\"}");
        assertThat(makeUp.status()).as(makeUp.raw()).isEqualTo(200);
        assertThat(makeUp.body().get("kind").asString()).isEqualTo("WORKDAY");
        assertThat(band(a.admin().post(preview, saturdayEvening).body())).isEqualTo("SHARP");

        var publicHoliday = a.admin().put("/api/v1/holidays/2030-01-08", "{\"kind\":\"HOLIDAY\",\"name\":\"Test day\"}");
        assertThat(publicHoliday.status()).as(publicHoliday.raw()).isEqualTo(200);
        assertThat(band(a.admin().post(preview, tuesdayEvening).body())).isEqualTo("FLAT");

        var year = a.admin().get("/api/v1/holidays?year=2030");
        assertThat(year.status()).isEqualTo(200);
        assertThat(year.body().size()).isEqualTo(2);
        assertThat(year.body().get(0).get("date").asString()).isEqualTo("2030-01-08");
        assertThat(year.body().get(1).get("name").asString()).isEqualTo("调休");
        assertThat(a.admin().get("/api/v1/holidays?year=2031").body().size()).isZero();
        assertThat(a.admin().get("/api/v1/holidays/2030-01-08").body().get("kind").asString()).isEqualTo("HOLIDAY");

        // another operator's calendar is its own: B neither sees nor deletes A's days, and listing the
        // Saturday as a holiday changes B's calendar only
        assertThat(b.admin().get("/api/v1/holidays/2030-01-08").status()).isEqualTo(404);
        assertThat(b.admin().get("/api/v1/holidays?year=2030").body().size()).isZero();
        assertThat(b.admin().delete("/api/v1/holidays/2030-01-08").status()).isEqualTo(404);
        assertThat(b.admin().put("/api/v1/holidays/2030-01-12", "{\"kind\":\"HOLIDAY\"}").body().get("operatorId").asLong())
                .isEqualTo(b.operatorId());
        assertThat(a.admin().get("/api/v1/holidays/2030-01-08").status()).isEqualTo(200);
        assertThat(a.admin().get("/api/v1/holidays/2030-01-12").body().get("kind").asString()).isEqualTo("WORKDAY");
        assertThat(band(a.admin().post(preview, saturdayEvening).body())).isEqualTo("SHARP");

        assertThat(a.admin().delete("/api/v1/holidays/2030-01-08").status()).isEqualTo(204);
        assertThat(a.admin().get("/api/v1/holidays/2030-01-08").status()).isEqualTo(404);
        assertThat(band(a.admin().post(preview, tuesdayEvening).body())).isEqualTo("SHARP");

        var weekdayWorkday = a.admin().put("/api/v1/holidays/2030-01-09", "{\"kind\":\"WORKDAY\"}");
        assertThat(weekdayWorkday.status()).isEqualTo(400);
        assertThat(weekdayWorkday.body().get("detail").asString()).startsWith("kind");
        assertThat(a.admin().put("/api/v1/holidays/2030-01-09", "{\"kind\":\"SOMETIMES\"}").body().get("detail").asString())
                .startsWith("kind");
        assertThat(a.admin().put("/api/v1/holidays/2030-13-09", "{\"kind\":\"HOLIDAY\"}").status()).isEqualTo(400);
    }

    private static String band(JsonNode bill) {
        return bill.get("lines").get(0).get("band").asString();
    }

    @Test
    void revisionsAddVersionsAndNeverChangeARunningSession() {
        long id = create(a.admin(), "TOU", true);
        String sharper = PRICES.replace("\"electricityPerKwh\":1.1", "\"electricityPerKwh\":1.2");
        var revised = a.admin().post("/api/v1/tariffs/" + id + "/versions",
                "{\"effectiveFrom\":\"2030-06-01T00:00:00+08:00\",\"terms\":" + terms(WORKDAY, sharper) + "}");
        assertThat(revised.status()).as(revised.raw()).isEqualTo(201);
        JsonNode t = revised.body();
        assertThat(t.get("latestVersion").asInt()).isEqualTo(2);
        assertThat(t.get("versionInForce").asInt()).isEqualTo(1);
        assertThat(t.get("versions").get(0).get("version").asInt()).isEqualTo(2);
        assertThat(t.get("versions").get(0).get("effectiveFrom").asString()).isEqualTo("2030-05-31T16:00:00Z");
        assertThat(t.get("versions").get(0).get("inForce").asBoolean()).isFalse();
        assertThat(t.get("versions").get(1).get("version").asInt()).isEqualTo(1);
        amount(a.admin().get("/api/v1/tariffs/" + id).body().get("versions").get(0).get("prices").get(0)
                .get("electricityPerKwh"), "1.2");

        String preview = "/api/v1/tariffs/" + id + "/preview";
        // Tuesday 4 June 19:00: version 2, 30 × 1.20 = 36.00
        var june = a.admin().post(preview, session("2030-06-04T19:00:00+08:00", "2030-06-04T20:00:00+08:00", 30_000)).body();
        assertThat(june.get("tariffVersion").asInt()).isEqualTo(2);
        amount(june.get("lines").get(0).get("electricityAmount"), "36");
        // a session started before the change and running across it keeps version 1 throughout
        var across = a.admin().post(preview, session("2030-05-31T19:00:00+08:00", "2030-06-01T01:00:00+08:00", 6_000)).body();
        assertThat(across.get("tariffVersion").asInt()).isEqualTo(1);
        var named = a.admin().post(preview, "{\"startedAt\":\"2030-06-04T19:00:00+08:00\",\"stoppedAt\":\"2030-06-04T20:00:00+08:00\","
                + "\"energyWh\":30000,\"version\":1}").body();
        amount(named.get("lines").get(0).get("electricityAmount"), "33");

        // not in the past, not before the latest version
        var past = a.admin().post("/api/v1/tariffs/" + id + "/versions",
                "{\"effectiveFrom\":\"2020-01-01T00:00:00Z\",\"terms\":" + terms(WORKDAY, PRICES) + "}");
        assertThat(past.status()).isEqualTo(400);
        assertThat(past.body().get("detail").asString()).startsWith("effectiveFrom");
        var beforeLatest = a.admin().post("/api/v1/tariffs/" + id + "/versions", "{\"terms\":" + terms(WORKDAY, PRICES) + "}");
        assertThat(beforeLatest.status()).isEqualTo(400);
        assertThat(beforeLatest.body().get("detail").asString()).startsWith("effectiveFrom");
        var beforeFirst = a.admin().post(preview, session("2020-01-08T19:00:00+08:00", "2020-01-08T20:00:00+08:00", 1000));
        assertThat(beforeFirst.status()).isEqualTo(400);
        assertThat(beforeFirst.body().get("detail").asString()).startsWith("startedAt");
    }

    @Test
    void concurrentRevisionsNeverShareAVersionNumber() throws Exception {
        long id = create(a.admin(), "TOU", true);
        List<CompletableFuture<Integer>> calls = new ArrayList<>();
        AtomicInteger day = new AtomicInteger(1);
        for (int i = 0; i < 6; i++) {
            String from = "2031-01-%02dT00:00:00Z".formatted(day.getAndIncrement());
            calls.add(CompletableFuture.supplyAsync(() -> a.admin().post("/api/v1/tariffs/" + id + "/versions",
                    "{\"effectiveFrom\":\"" + from + "\",\"terms\":" + terms(WORKDAY, PRICES) + "}").status()));
        }
        List<Integer> statuses = new ArrayList<>();
        for (var call : calls) statuses.add(call.get());
        assertThat(statuses).allMatch(s -> s == 201 || s == 409 || s == 400);
        long created = statuses.stream().filter(s -> s == 201).count();
        assertThat(created).isPositive();
        JsonNode versions = a.admin().get("/api/v1/tariffs/" + id).body().get("versions");
        assertThat(versions.size()).isEqualTo(1 + created);
        for (int i = 0; i < versions.size(); i++) {
            assertThat(versions.get(i).get("version").asInt()).isEqualTo(versions.size() - i);
        }
    }

    @Test
    void stationsGetATariffOfTheirOwnOperator() {
        long template = create(a.admin(), "Shared", true);
        long single = create(a.admin(), "One station", false);
        long west = a.station("A West");
        long east = a.station("A East");
        var assigned = a.admin().put("/api/v1/stations/" + west + "/tariff", "{\"tariffId\":" + template + "}");
        assertThat(assigned.status()).as(assigned.raw()).isEqualTo(200);
        assertThat(assigned.body().get("tariffId").asLong()).isEqualTo(template);
        assertThat(a.admin().get("/api/v1/stations/" + west).body().get("tariffId").asLong()).isEqualTo(template);
        assertThat(a.admin().put("/api/v1/stations/" + east + "/tariff", "{\"tariffId\":" + template + "}").status()).isEqualTo(200);

        assertThat(a.admin().put("/api/v1/stations/" + west + "/tariff", "{\"tariffId\":" + single + "}").status()).isEqualTo(200);
        var secondUse = a.admin().put("/api/v1/stations/" + east + "/tariff", "{\"tariffId\":" + single + "}");
        assertThat(secondUse.status()).as(secondUse.raw()).isEqualTo(409);

        // a station manager of West sees West's tariff only
        Api manager = a.as("STATION_MANAGER", "west-mgr", "\"stationIds\":[" + west + "]");
        assertThat(manager.get("/api/v1/tariffs/" + single).status()).isEqualTo(200);
        assertThat(manager.get("/api/v1/tariffs/" + template).status()).isEqualTo(404);
        assertThat(manager.put("/api/v1/stations/" + west + "/tariff", "{\"tariffId\":null}").status()).isEqualTo(403);

        var cleared = a.admin().put("/api/v1/stations/" + west + "/tariff", "{\"tariffId\":null}");
        assertThat(cleared.status()).isEqualTo(200);
        assertThat(cleared.body().get("tariffId").isNull()).isTrue();

        // B can neither touch A's station nor put A's tariff on its own station
        long bStation = b.station("B North");
        assertThat(b.admin().put("/api/v1/stations/" + west + "/tariff", "{\"tariffId\":null}").status()).isEqualTo(404);
        var foreign = b.admin().put("/api/v1/stations/" + bStation + "/tariff", "{\"tariffId\":" + template + "}");
        assertThat(foreign.status()).isEqualTo(400);
        assertThat(foreign.body().get("detail").asString()).startsWith("tariffId");
        // not even the platform admin can mix operators
        assertThat(api.put("/api/v1/stations/" + bStation + "/tariff", "{\"tariffId\":" + template + "}").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/audit?entityType=station&entityId=" + west).body().get("items").size()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void anotherOperatorGetsNotFoundOnEveryTariffEndpoint() {
        long id = create(a.admin(), "A only", true);
        String base = "/api/v1/tariffs/" + id;
        assertThat(b.admin().get(base).status()).isEqualTo(404);
        assertThat(b.admin().get("/api/v1/tariffs/999999999").status()).isEqualTo(404);
        assertThat(b.admin().post(base + "/versions", "{\"terms\":" + terms(WORKDAY, PRICES) + "}").status()).isEqualTo(404);
        assertThat(b.admin().post(base + "/preview", session("2030-01-08T19:00:00+08:00", "2030-01-08T20:00:00+08:00", 1000))
                .status()).isEqualTo(404);
        assertThat(a.admin().get(base).body().get("versions").size()).isEqualTo(1);
        var create = b.admin().post("/api/v1/tariffs", "{\"operatorId\":" + a.operatorId() + ",\"name\":\"x\",\"terms\":"
                + terms(WORKDAY, PRICES) + "}");
        assertThat(create.status()).isEqualTo(400);
        assertThat(create.body().get("detail").asString()).startsWith("operatorId");
    }

    @Test
    void regulatorsReadAndMaintenanceDoesNotWrite() {
        long id = create(a.admin(), "TOU", true);
        String username = a.code() + "-regulator";
        assertThat(api.post("/api/v1/users", "{\"username\":\"" + username + "\",\"password\":\"" + Tenants.PASSWORD
                + "\",\"role\":\"REGULATOR\"}").status()).isEqualTo(201);
        Api regulator = new Api(httpPort).login(username, Tenants.PASSWORD);
        assertThat(regulator.get("/api/v1/tariffs/" + id).status()).isEqualTo(200);
        assertThat(regulator.get("/api/v1/holidays?operatorId=" + a.operatorId()).status()).isEqualTo(200);
        assertThat(regulator.post("/api/v1/tariffs/" + id + "/preview",
                session("2030-01-08T19:00:00+08:00", "2030-01-08T20:00:00+08:00", 1000)).status()).isEqualTo(200);
        assertThat(regulator.post("/api/v1/tariffs", "{\"operatorId\":" + a.operatorId() + ",\"name\":\"x\",\"terms\":"
                + terms(WORKDAY, PRICES) + "}").status()).isEqualTo(403);
        assertThat(regulator.post("/api/v1/tariffs/" + id + "/versions", "{\"terms\":" + terms(WORKDAY, PRICES) + "}").status())
                .isEqualTo(403);
        assertThat(regulator.put("/api/v1/holidays/2030-01-08?operatorId=" + a.operatorId(), "{\"kind\":\"HOLIDAY\"}").status())
                .isEqualTo(403);

        Api tech = a.as("MAINTENANCE", "tech", null);
        assertThat(tech.post("/api/v1/tariffs", tariff("x", false)).status()).isEqualTo(403);
        assertThat(tech.post("/api/v1/tariffs/" + id + "/versions", "{\"terms\":" + terms(WORKDAY, PRICES) + "}").status())
                .isEqualTo(403);
        assertThat(tech.put("/api/v1/stations/" + a.station("A South") + "/tariff", "{\"tariffId\":" + id + "}").status())
                .isEqualTo(403);
        assertThat(tech.put("/api/v1/holidays/2030-01-08", "{\"kind\":\"HOLIDAY\"}").status()).isEqualTo(403);
        assertThat(tech.get("/api/v1/tariffs").status()).isEqualTo(403);

        Api finance = a.as("FINANCE", "money", null);
        assertThat(finance.get("/api/v1/tariffs/" + id).status()).isEqualTo(200);
        assertThat(finance.post("/api/v1/tariffs", tariff("x", false)).status()).isEqualTo(403);
    }

    @Test
    void validationErrorsNameTheField() {
        assertField(a.admin().post("/api/v1/tariffs", "{\"name\":\" \",\"terms\":" + terms(WORKDAY, PRICES) + "}"), "name");
        assertField(a.admin().post("/api/v1/tariffs", "{\"name\":\"x\"}"), "terms");
        String noSharp = PRICES.replace("{\"band\":\"SHARP\",\"electricityPerKwh\":1.1,\"servicePerKwh\":0.8},", "");
        assertField(post(terms(WORKDAY, noSharp)), "terms.prices:");
        assertField(post(terms(WORKDAY, PRICES.replace("\"SHARP\"", "\"SUPER\""))), "terms.prices[0].band");
        assertField(post(terms(WORKDAY, PRICES.replace("\"band\":\"PEAK\"", "\"band\":\"SHARP\""))), "terms.prices[1].band");
        assertField(post(terms(WORKDAY, PRICES.replace("1.1", "-1.1"))), "terms.prices[0].electricityPerKwh");
        assertField(post(terms(WORKDAY, PRICES.replace("1.1", "1.123456"))), "terms.prices[0].electricityPerKwh");
        assertField(post(terms(WORKDAY.replace("SHARP", "SUPER"), PRICES)), "terms.workdaySchedule");
        assertField(post(terms(WORKDAY.replace("18:00-21:00", "18:15-21:00").replace("15:00-18:00", "15:00-18:15"), PRICES)),
                "terms.workdaySchedule");
        assertField(post(terms(WORKDAY.replace(", 23:00-24:00 VALLEY", ""), PRICES)), "terms.workdaySchedule");
        assertField(post(terms(WORKDAY, PRICES).replace("\"idleFee\"", "\"currency\":\"EUR\",\"idleFee\"")), "terms.currency");
        assertField(post(terms(WORKDAY, PRICES).replace("\"cap\":30", "\"cap\":30.001")), "terms.idleFee.cap");
        assertField(post(terms(WORKDAY, PRICES).replace("\"idleFee\"", "\"sessionFee\":-1,\"idleFee\"")), "terms.sessionFee");

        long id = create(a.admin(), "TOU", true);
        String preview = "/api/v1/tariffs/" + id + "/preview";
        assertField(a.admin().post(preview, session("2030-01-08T20:00:00+08:00", "2030-01-08T19:00:00+08:00", 1000)), "stoppedAt");
        assertField(a.admin().post(preview, "{\"startedAt\":\"2030-01-08T19:00:00Z\",\"stoppedAt\":\"2030-01-08T20:00:00Z\"}"), "energyWh");
        assertField(a.admin().post(preview, "{\"startedAt\":\"2030-01-08T19:00:00Z\",\"stoppedAt\":\"2030-01-08T20:00:00Z\","
                + "\"meterStartWh\":500,\"meterStopWh\":100}"), "meterStopWh");
        assertField(a.admin().post(preview, "{\"stoppedAt\":\"2030-01-08T20:00:00Z\",\"energyWh\":1}"), "startedAt");
        assertField(a.admin().post(preview, "{\"startedAt\":\"2030-01-08T19:00:00Z\",\"stoppedAt\":\"2030-01-08T20:00:00Z\","
                + "\"energyWh\":1,\"timeZone\":\"Mars/Olympus\"}"), "timeZone");
        assertField(a.admin().post(preview, "{\"startedAt\":\"2030-01-08T19:00:00Z\",\"stoppedAt\":\"2030-01-08T20:00:00Z\","
                + "\"energyWh\":1,\"version\":7}"), "version");
    }

    private Api.Response post(String terms) {
        return a.admin().post("/api/v1/tariffs", "{\"name\":\"x\",\"terms\":" + terms + "}");
    }

    private static void assertField(Api.Response r, String field) {
        assertThat(r.status()).as(r.raw()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.body().get("detail").asString()).as(r.raw()).startsWith(field);
    }
}
