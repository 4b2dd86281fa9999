package io.pylon.server.sensor;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon.server.support.Api;
import io.pylon.server.support.PylonIT;
import io.pylon.server.support.Tenants;
import io.pylon.server.support.Tenants.Tenant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The sensor registry over REST: who may read and change it, what it refuses, another tenant's sensors. */
class SensorApiIT extends PylonIT {

    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final String RUN = Long.toString(System.nanoTime() % 1_000_000, 36);

    private static String id(String what) {
        return "SAPI-" + what + "-" + RUN + "-" + SEQ.incrementAndGet();
    }

    private static String water(String id, long station, String extra) {
        return "{" + (id == null ? "" : "\"id\":\"" + id + "\",") + "\"stationId\":" + station + ",\"kind\":\"WATER_IMMERSION\""
                + (extra == null ? "" : "," + extra) + "}";
    }

    @Test
    void anOperatorRegistersChangesListsAndRemovesASensorAndEveryChangeIsAudited() {
        Tenant op = Tenants.create(api, httpPort, "CNY");
        long station = op.station("Registry");
        String charger = op.charger(id("CP"), station);
        String sensor = id("TH");

        var created = op.admin().post("/api/v1/sensors", "{\"id\":\"" + sensor + "\",\"stationId\":" + station
                + ",\"kind\":\"TEMPERATURE_HUMIDITY\",\"name\":\"Bay 4 ceiling\",\"protects\":[{\"chargerId\":\"" + charger
                + "\",\"connectorId\":2},{\"chargerId\":\"" + charger + "\",\"connectorId\":2}],"
                + "\"humidity\":{\"warning\":80,\"critical\":95}}");
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        JsonNode body = created.body();
        assertThat(body.get("operatorId").asLong()).isEqualTo(op.operatorId());
        assertThat(body.get("protects")).as("a repeated charger counted once").hasSize(1);
        assertThat(body.get("protects").get(0).get("connectorId").asInt()).isEqualTo(2);
        assertThat(body.get("temperature").get("warning").decimalValue()).as("the default limits").isEqualByComparingTo("45");
        assertThat(body.get("humidity").get("critical").decimalValue()).isEqualByComparingTo("95");
        assertThat(body.get("humidity").get("hysteresis").decimalValue()).isZero();
        assertThat(body.get("offlineTimeoutSeconds").asLong()).as("pylon.sensors.default-offline-timeout").isEqualTo(600);
        assertThat(body.get("latest").get("offline").asBoolean()).isFalse();

        var list = op.admin().get("/api/v1/sensors?stationId=" + station + "&kind=TEMPERATURE_HUMIDITY");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body().get("total").asLong()).isEqualTo(1);
        assertThat(list.body().get("items").get(0).get("latest").get("temperatureLevel").asString()).isEqualTo("NORMAL");

        var updated = op.admin().put("/api/v1/sensors/" + sensor, "{\"stationId\":" + station + ",\"kind\":\"TEMPERATURE_HUMIDITY\","
                + "\"name\":\"Bay 4\",\"offlineTimeoutSeconds\":120,\"temperature\":{\"warning\":35,\"critical\":45,\"hysteresis\":1.5}}");
        assertThat(updated.status()).as(updated.raw()).isEqualTo(200);
        assertThat(updated.body().get("name").asString()).isEqualTo("Bay 4");
        assertThat(updated.body().get("protects")).isEmpty();
        assertThat(updated.body().get("temperature").get("hysteresis").decimalValue()).isEqualByComparingTo("1.5");
        assertThat(updated.body().get("offlineTimeoutSeconds").asLong()).isEqualTo(120);

        assertThat(op.admin().delete("/api/v1/sensors/" + sensor).status()).isEqualTo(204);
        assertThat(op.admin().get("/api/v1/sensors/" + sensor).status()).isEqualTo(404);
        var audit = op.admin().get("/api/v1/audit?entityType=sensor&entityId=" + sensor).body().get("items");
        assertThat(audit).extracting(e -> e.get("action").asString()).containsExactly("DELETE", "UPDATE", "CREATE");
    }

    @Test
    void anotherTenantsSensorIsNotFoundAndItsChargersAndStationsCannotBeUsed() {
        Tenant a = Tenants.create(api, httpPort, "CNY");
        Tenant b = Tenants.create(api, httpPort, "CNY");
        long stationA = a.station("A");
        long stationB = b.station("B");
        String chargerB = b.charger(id("CPB"), stationB);
        String sensor = id("W");
        assertThat(a.admin().post("/api/v1/sensors", water(sensor, stationA, null)).status()).isEqualTo(201);

        Api other = b.admin();
        for (String path : new String[] {"", "/latest", "/readings"}) {
            var r = other.get("/api/v1/sensors/" + sensor + path);
            assertThat(r.status()).as(path).isEqualTo(404);
            assertThat(r.raw()).as("exactly like a missing one").isEqualTo(other.get("/api/v1/sensors/NO-SUCH" + path).raw()
                    .replace("NO-SUCH", sensor));
        }
        assertThat(other.put("/api/v1/sensors/" + sensor, water(null, stationB, null)).status()).isEqualTo(404);
        assertThat(other.delete("/api/v1/sensors/" + sensor).status()).isEqualTo(404);
        assertThat(other.get("/api/v1/sensors").body().get("items")).noneMatch(s -> s.get("id").asString().equals(sensor));
        assertThat(a.admin().get("/api/v1/sensors/" + sensor).status()).as("still there for its owner").isEqualTo(200);

        var foreignCharger = a.admin().post("/api/v1/sensors", water(id("W"), stationA, "\"protects\":[{\"chargerId\":\"" + chargerB + "\"}]"));
        assertThat(foreignCharger.status()).isEqualTo(400);
        assertThat(foreignCharger.body().get("detail").asString()).isEqualTo("protects: charger " + chargerB + " is not at station " + stationA);
        var foreignStation = a.admin().post("/api/v1/sensors", water(id("W"), stationB, null));
        assertThat(foreignStation.status()).isEqualTo(400);
        assertThat(foreignStation.body().get("detail").asString()).isEqualTo("stationId: no station " + stationB);
        assertThat(other.post("/api/v1/sensors", water(sensor, stationB, null)).status()).as("device ids are global").isEqualTo(409);
    }

    @Test
    void badRequestsAreRefusedWithTheFieldNamed() {
        Tenant op = Tenants.create(api, httpPort, "CNY");
        long station = op.station("Bad requests");
        String sensor = id("W");
        assertThat(op.admin().post("/api/v1/sensors", water(sensor, station, null)).status()).isEqualTo(201);

        assertBad(op.admin().post("/api/v1/sensors", "{\"stationId\":" + station + ",\"kind\":\"SMOKE\"}"), "id: ");
        assertBad(op.admin().post("/api/v1/sensors", water("has/slash", station, null)), "id: 1 to 64 letters");
        assertBad(op.admin().post("/api/v1/sensors", "{\"id\":\"" + id("X") + "\",\"stationId\":" + station + "}"), "kind: ");
        assertBad(op.admin().post("/api/v1/sensors", "{\"id\":\"" + id("X") + "\",\"stationId\":" + station + ",\"kind\":\"GAS\"}"), "");
        assertBad(op.admin().post("/api/v1/sensors", water(id("X"), station, "\"temperature\":{\"warning\":30,\"critical\":40}")),
                "temperature: thresholds apply to TEMPERATURE_HUMIDITY sensors only");
        assertBad(op.admin().post("/api/v1/sensors", "{\"id\":\"" + id("X") + "\",\"stationId\":" + station
                + ",\"kind\":\"TEMPERATURE_HUMIDITY\",\"temperature\":{\"warning\":50,\"critical\":40}}"), "temperature: critical (40) must not be below warning (50)");
        assertBad(op.admin().post("/api/v1/sensors", "{\"id\":\"" + id("X") + "\",\"stationId\":" + station
                + ",\"kind\":\"TEMPERATURE_HUMIDITY\",\"humidity\":{\"warning\":\"wet\",\"critical\":40}}"), "");
        assertBad(op.admin().post("/api/v1/sensors", water(id("X"), station, "\"offlineTimeoutSeconds\":1")), "offlineTimeoutSeconds: ");
        assertBad(op.admin().post("/api/v1/sensors", water(id("X"), station, "\"protects\":[{\"chargerId\":\"NOPE-" + RUN + "\"}]")),
                "protects: charger NOPE-" + RUN + " is not at station " + station);
        assertBad(op.admin().put("/api/v1/sensors/" + sensor, "{\"stationId\":" + station + ",\"kind\":\"SMOKE\"}"),
                "kind: a sensor's kind cannot change (WATER_IMMERSION); delete it and register it again");
        assertBad(op.admin().get("/api/v1/sensors/" + sensor + "/readings?limit=5000"), "limit: ");
        assertBad(op.admin().get("/api/v1/sensors/" + sensor + "/readings?from=yesterday"), "from: ");

        var twice = op.admin().post("/api/v1/sensors", water(sensor, station, null));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.body().get("detail").asString()).isEqualTo("Sensor " + sensor + " exists already");
    }

    @Test
    void readingNeedsAlarmsReadChangingNeedsSafetyConfigureAndEveryCallAToken() {
        Tenant op = Tenants.create(api, httpPort, "CNY");
        long station = op.station("Roles");
        String sensor = id("W");
        assertThat(op.admin().post("/api/v1/sensors", water(sensor, station, null)).status()).isEqualTo(201);

        Api maintenance = op.as("MAINTENANCE", "mnt", null);
        assertThat(maintenance.get("/api/v1/sensors/" + sensor).status()).isEqualTo(200);
        assertThat(maintenance.post("/api/v1/sensors", water(id("W"), station, null)).status()).isEqualTo(403);
        assertThat(maintenance.delete("/api/v1/sensors/" + sensor).status()).isEqualTo(403);
        assertThat(op.as("FINANCE", "fin", null).get("/api/v1/sensors").status()).isEqualTo(403);

        long otherStation = op.station("Not managed");
        Api manager = op.as("STATION_MANAGER", "mgr", "\"stationIds\":[" + station + "]");
        assertThat(manager.put("/api/v1/sensors/" + sensor, water(null, station, "\"name\":\"Pit 1\"")).status()).isEqualTo(200);
        assertThat(manager.post("/api/v1/sensors", water(id("W"), otherStation, null)).status()).isEqualTo(400);

        assertThat(new Api(httpPort).get("/api/v1/sensors").status()).isEqualTo(401);
        assertThat(new Api(httpPort).withToken("not-a-jwt").post("/api/v1/sensors", water(id("W"), station, null)).status()).isEqualTo(401);
    }

    private static void assertBad(Api.Response r, String detailStart) {
        assertThat(r.status()).as(r.raw()).isEqualTo(400);
        assertThat(r.body().get("detail").asString()).as(r.raw()).startsWith(detailStart);
    }
}
