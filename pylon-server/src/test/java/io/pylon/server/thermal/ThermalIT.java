package io.pylon.server.thermal;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon.server.support.Api;
import io.pylon.server.support.Charging;
import io.pylon.server.support.PylonIT;
import io.pylon.server.support.Tenants;
import io.pylon.server.support.Tenants.Tenant;
import io.pylon.simulator.FleetConfig;
import io.pylon.simulator.SimulatedCharger;
import io.pylon.simulator.SimulatedFleet;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Thermal safety end to end: synthetic frame sequences posted by a camera over HTTP, alarms through the alarm engine,
 * remote stops received by chargers (the simulator and a raw OCPP client), heat maps kept with the alarms.
 */
class ThermalIT extends PylonIT {

    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final long TWO_SECONDS = TimeUnit.SECONDS.toNanos(2);

    private final String run = Long.toString(System.nanoTime() % 1_000_000, 36).toUpperCase();

    private String id(String what) {
        return "THERM-" + what + "-" + run + SEQ.incrementAndGet();
    }

    private static String phone() {
        return "139" + String.format("%08d", Math.floorMod(System.nanoTime(), 100_000_000L));
    }

    // ------------------------------------------------------------------ fixtures

    private record Camera(String id, String key, CameraClient client) {}

    private Camera camera(Tenant op, long station, int width, int height) {
        String cameraId = id("CAM");
        var r = op.admin().post("/api/v1/thermal/cameras", "{\"id\":\"" + cameraId + "\",\"stationId\":" + station
                + ",\"name\":\"Level -2 north\",\"width\":" + width + ",\"height\":" + height + "}");
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        assertThat(r.raw()).doesNotContain("keyHash");
        String key = r.body().get("apiKey").asString();
        return new Camera(cameraId, key, new CameraClient(httpPort, cameraId, key));
    }

    private long bay(Tenant op, long station, String cameraId, String name, int x, String charger, int connector, String row,
                     Integer position) {
        var r = op.admin().post("/api/v1/thermal/bays", "{\"stationId\":" + station + ",\"name\":\"" + name + "\",\"cameraId\":\""
                + cameraId + "\",\"area\":{\"x\":" + x + ",\"y\":0,\"width\":32,\"height\":48},\"chargerId\":\"" + charger
                + "\",\"connectorId\":" + connector + (row == null ? "" : ",\"row\":\"" + row + "\",\"position\":" + position) + "}");
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        long bay = r.body().get("id").asLong();
        var z = op.admin().post("/api/v1/thermal/bays/" + bay + "/zones", "{\"name\":\"middle\",\"area\":{\"x\":" + (x + 4)
                + ",\"y\":8,\"width\":24,\"height\":32}}");
        assertThat(z.status()).as(z.raw()).isEqualTo(201);
        return bay;
    }

    /** A bay's frame: 20 °C floor with light noise and a battery spot (8 % of the zone) at {@code spotC}. */
    private static SyntheticFrames spot(String cameraId, int width, int bayX, double spotC, long seed) {
        return SyntheticFrames.of(cameraId, width, 48, 20).noise(0.3, seed).paint(bayX + 12, 16, 8, 8, spotC);
    }

    private static JsonNode alarmOf(Tenant op, long bay) {
        var list = op.admin().get("/api/v1/alarms?source=thermal");
        for (JsonNode a : list.body().get("items")) if (a.get("subject").asString().equals("bay:" + bay)) return a;
        return null;
    }

    private byte[] download(Api as, String path) throws Exception {
        var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path))
                .header("Authorization", "Bearer " + as.token()).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("image/png");
        return response.body();
    }

    private void assertHeatMap(Tenant op, long alarmId) throws Exception {
        JsonNode detail = op.admin().get("/api/v1/alarms/" + alarmId).body();
        JsonNode evidence = detail.get("evidence");
        assertThat(evidence).isNotEmpty();
        assertThat(evidence.get(0).get("contentType").asString()).isEqualTo("image/png");
        byte[] png = download(op.admin(), "/api/v1/alarms/" + alarmId + "/evidence/" + evidence.get(0).get("id").asLong());
        var image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image).as("a readable PNG").isNotNull();
        assertThat(image.getWidth()).isGreaterThanOrEqualTo(512);
    }

    private static void await(BooleanSupplier condition, Duration limit, String what) throws InterruptedException {
        long until = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > until) throw new AssertionError("not within " + limit + ": " + what);
            Thread.sleep(20);
        }
    }

    // ------------------------------------------------------------------ sequences

    @Test
    void aStationWithAThermalCameraCannotBeDeletedUnderIt() {
        Tenant op = Tenants.create(api, httpPort, "CNY");
        long station = op.station("Thermal delete");
        String camera = op.code() + "-DELCAM";
        var cam = op.admin().post("/api/v1/thermal/cameras", "{\"id\":\"" + camera + "\",\"stationId\":" + station + ",\"name\":\"c\"}");
        assertThat(cam.status()).as(cam.raw()).isEqualTo(201);
        var refused = op.admin().delete("/api/v1/stations/" + station);
        assertThat(refused.status()).as(refused.raw()).isEqualTo(409);
        assertThat(refused.raw()).contains("still refer");
        assertThat(op.admin().delete("/api/v1/thermal/cameras/" + camera).status()).isEqualTo(204);
        assertThat(op.admin().delete("/api/v1/stations/" + station).status()).isEqualTo(204);
    }

    @Test
    void slowWarmingIsAPreWarningOnlyAndClearsAfterTheCoolDown() throws Exception {
        Tenant op = Tenants.create(api, httpPort, "CNY");
        long station = op.station("Thermal slow");
        Charging.flatTariff(op, station);
        String charger = op.charger(id("CP"), station);
        String tag = id("TAG");
        Charging.driverWithBalance(op, phone(), "500", tag);
        Camera camera = camera(op, station, 64, 48);
        long bay = bay(op, station, camera.id(), "S1", 0, charger, 1, null, null);

        try (RawCharger cp = new RawCharger(ocppPort(), charger, tag).listen()) {
            Instant t0 = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
            List<JsonNode> decisions = new ArrayList<>();
            for (int i = 0; i <= 133; i++) { // one frame every 10 s, +0.25 °C each: 1.5 °C/min from 25 to 58 °C
                var reply = camera.client().json(spot(camera.id(), 64, 0, 25 + 0.25 * i, i).json(t0.plusSeconds(10L * i)));
                assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
                decisions.add(reply.bay(bay));
            }
            assertThat(decisions).extracting(d -> d.get("level").asString()).doesNotContain("CRITICAL", "EVACUATION");
            List<JsonNode> raised = decisions.stream().filter(d -> d.get("action").asString().equals("RAISE")).toList();
            assertThat(raised).hasSize(1);
            assertThat(raised.getFirst().get("level").asString()).isEqualTo("WARNING");
            assertThat(decisions.getLast().get("zones").get(0).get("risePerMinute").asDouble()).isBetween(1.0, 2.0);

            JsonNode alarm = alarmOf(op, bay);
            assertThat(alarm).isNotNull();
            assertThat(alarm.get("severity").asString()).isEqualTo("WARNING");
            assertThat(alarm.get("code").asString()).isEqualTo("BatteryOverheat");
            assertThat(alarm.get("chargerId").asString()).isEqualTo(charger);
            assertThat(alarm.get("actions")).isEmpty();
            assertThat(alarm.get("info").asString()).contains("Battery warming at bay S1", "middle:", "pre-warning 55.0 °C");
            assertHeatMap(op, alarm.get("id").asLong());

            Thread.sleep(500);
            assertThat(cp.received()).as("no command reached the charger").isEmpty();
            assertThat(op.admin().get("/api/v1/sessions?chargerId=" + charger + "&state=ACTIVE").body().get("total").asLong()).isEqualTo(1);

            Instant cool = t0.plusSeconds(10L * 134);
            List<String> actions = new ArrayList<>();
            for (int i = 0; i <= 31; i++) { // 310 s of a cool battery: longer than the 5-minute cool-down
                var reply = camera.client().json(spot(camera.id(), 64, 0, 28, 1000 + i).json(cool.plusSeconds(10L * i)));
                actions.add(reply.bay(bay).get("action").asString());
            }
            assertThat(actions.indexOf("RESOLVE")).as("resolved once the bay was normal for 300 s: " + actions).isEqualTo(30);
            JsonNode cleared = op.admin().get("/api/v1/alarms/" + alarm.get("id").asLong()).body().get("alarm");
            assertThat(cleared.get("state").asString()).isEqualTo("CLEARED");
            assertThat(cleared.get("clearedBy").asString()).isEqualTo("platform");
        }
    }

    @Test
    void aFastRiseEvacuatesAndStopsTheBayAndItsNeighbourWithinTwoSeconds() throws Exception {
        Tenant op = Tenants.create(api, httpPort, "CNY");
        long station = op.station("Thermal fast");
        Charging.flatTariff(op, station);
        String prefix = id("SIM") + "-";
        String simId = op.charger(prefix + "00001", station);
        String rawId = op.charger(id("CP"), station);
        String tagA = id("TAG"), tagB = id("TAG"), tagC = id("TAG");
        for (String tag : List.of(tagA, tagB, tagC)) Charging.driverWithBalance(op, phone(), "500", tag);
        Camera camera = camera(op, station, 96, 48);
        long bayA = bay(op, station, camera.id(), "P1-1", 0, simId, 1, "P1", 1);
        long bayB = bay(op, station, camera.id(), "P1-2", 32, rawId, 1, "P1", 2);
        long bayC = bay(op, station, camera.id(), "P1-9", 64, simId, 2, "P1", 9);
        JsonNode bayView = op.admin().get("/api/v1/thermal/bays/" + bayA).body();
        assertThat(bayView.get("stopsWithIt")).extracting(JsonNode::asLong).containsExactly(bayB);

        FleetConfig config = FleetConfig.defaults(URI.create(ocppUrl())).withCount(1).withIdPrefix(prefix).withConnectorsPerCharger(2)
                .withChargingShare(0).withConnectsPerSecond(0).withMeterInterval(Duration.ZERO).withCallTimeout(Duration.ofSeconds(10))
                .withIdTags(List.of(tagA, tagC));
        try (SimulatedFleet fleet = SimulatedFleet.start(config); RawCharger neighbour = new RawCharger(ocppPort(), rawId, tagB)) {
            SimulatedCharger sim = fleet.charger(simId);
            await(sim::isRegistered, Duration.ofSeconds(30), "simulated charger registered");
            assertThat(sim.startSession(1, tagA).get(30, TimeUnit.SECONDS)).isTrue();
            assertThat(sim.startSession(2, tagC).get(30, TimeUnit.SECONDS)).isTrue();
            await(() -> sim.transactionId(1) != null && sim.transactionId(2) != null, Duration.ofSeconds(30), "transactions started");
            neighbour.listen();

            Instant t0 = Instant.now().minusSeconds(120).truncatedTo(ChronoUnit.SECONDS);
            long postedAt = 0;
            JsonNode evacuation = null;
            double spotC = 0;
            for (int i = 0; i <= 30 && evacuation == null; i++) { // a frame every 2 s, +1 °C each: 30 °C/min from 35 °C
                spotC = 35 + i;
                byte[] frame = spot(camera.id(), 96, 0, spotC, i).binary(t0.plusSeconds(2L * i));
                postedAt = System.nanoTime();
                var reply = camera.client().binary(frame);
                assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
                JsonNode a = reply.bay(bayA);
                if (a.get("action").asString().equals("RAISE")) {
                    assertThat(a.get("level").asString()).as("no grade below evacuation first: the rise is the signal").isEqualTo("EVACUATION");
                    evacuation = a;
                }
                assertThat(reply.bay(bayB).get("level").asString()).isEqualTo("NORMAL");
            }
            assertThat(evacuation).as("evacuation raised").isNotNull();
            assertThat(spotC).as("on the rate of rise, far below the 90 °C limit").isLessThan(60);
            assertThat(evacuation.get("zones").get(0).get("risePerMinute").asDouble()).isGreaterThanOrEqualTo(20);

            var stopAtNeighbour = neighbour.awaitRemoteStop(10_000);
            assertThat(stopAtNeighbour).as("RemoteStop at the neighbouring bay's charger").isNotNull();
            assertThat(stopAtNeighbour.payload().get("transactionId").asLong()).isEqualTo(neighbour.transactionId());
            assertThat(stopAtNeighbour.nanos() - postedAt).as("neighbour stopped within 2 s of the frame").isLessThanOrEqualTo(TWO_SECONDS);
            System.out.printf("ThermalIT: frame posted → RemoteStop at the neighbour in %.1f ms%n", (stopAtNeighbour.nanos() - postedAt) / 1e6);
            await(() -> !sim.isCharging(1), Duration.ofSeconds(10), "the burning bay's session stopped");
            long stoppedBy = System.nanoTime(); // the simulator had stopped by now (polled every 20 ms): an upper bound
            assertThat(stoppedBy - postedAt).as("the burning bay's session stopped within 2 s of the frame").isLessThanOrEqualTo(TWO_SECONDS);
            Thread.sleep(300);
            assertThat(sim.isCharging(2)).as("bay C is no neighbour: it keeps charging").isTrue();

            JsonNode alarm = alarmOf(op, bayA);
            assertThat(alarm.get("severity").asString()).isEqualTo("EVACUATION");
            assertThat(alarm.get("lockout").asBoolean()).isTrue();
            assertThat(alarm.get("actions")).extracting(JsonNode::asString).contains("STOP_SESSION", "LOCK_OUT");
            long alarmId = alarm.get("id").asLong();
            await(() -> op.admin().get("/api/v1/alarms/" + alarmId).raw().contains("neighbouring bay P1-2: RemoteStop session"),
                    Duration.ofSeconds(10), "the neighbour's stop in the alarm's history");
            assertHeatMap(op, alarmId);
            assertThat(alarmOf(op, bayB)).as("one alarm for the incident").isNull();
            assertThat(alarmOf(op, bayC)).isNull();
            JsonNode latest = op.admin().get("/api/v1/thermal/bays/" + bayA).body().get("latest");
            assertThat(latest.get("level").asString()).isEqualTo("EVACUATION");

            var refused = op.admin().post("/api/v1/chargers/" + simId + "/commands/remote-start", "{\"connectorId\":1,\"idTag\":\"" + tagA + "\"}");
            assertThat(refused.body().get("status").asString()).as("locked out until a person clears the alarm: " + refused.raw()).isEqualTo("Rejected");
        }
    }

    // ------------------------------------------------------------------ thresholds per vehicle type, PNG frames

    @Test
    void aBusInTheBayHasItsOwnThresholdsAndPngFramesWork() throws Exception {
        Tenant op = Tenants.create(api, httpPort, "CNY");
        long station = op.station("Thermal bus");
        String charger = op.charger(id("CP"), station);
        Camera camera = camera(op, station, 64, 48);
        var b = op.admin().post("/api/v1/thermal/bays", "{\"stationId\":" + station + ",\"name\":\"Coach 1\",\"cameraId\":\""
                + camera.id() + "\",\"area\":{\"x\":0,\"y\":0,\"width\":32,\"height\":48},\"chargerId\":\"" + charger
                + "\",\"connectorId\":1}");
        assertThat(b.status()).as(b.raw()).isEqualTo(201);
        long bay = b.body().get("id").asLong();
        var zone = op.admin().post("/api/v1/thermal/bays/" + bay + "/zones", """
                {"name":"rear","area":{"x":4,"y":8,"width":24,"height":32},
                 "thresholds":{"percentile":99},
                 "overrides":{"bus":{"warnC":65,"alarmC":80,"evacuateC":95,"hotC":75}}}""");
        assertThat(zone.status()).as(zone.raw()).isEqualTo(201);
        assertThat(zone.body().get("thresholds").get("percentile").asDouble()).isEqualTo(99);
        assertThat(zone.body().get("thresholds").get("alarmC").asDouble()).as("a default kept").isEqualTo(70);
        assertThat(zone.body().get("inForce").get("alarmC").asDouble()).isEqualTo(70);

        var maintenance = op.as("MAINTENANCE", "mt", null); // station staff set the vehicle; they do not configure
        assertThat(maintenance.put("/api/v1/thermal/bays/" + bay + "/vehicle-type", "{\"vehicleType\":\"bus\"}").status()).isEqualTo(200);
        assertThat(maintenance.post("/api/v1/thermal/bays/" + bay + "/zones", "{\"name\":\"front\",\"area\":{\"x\":4,\"y\":0,\"width\":4,\"height\":4}}")
                .status()).isEqualTo(403);
        JsonNode view = op.admin().get("/api/v1/thermal/bays/" + bay).body();
        assertThat(view.get("vehicleType").asString()).isEqualTo("bus");
        assertThat(view.get("zones").get(0).get("inForce").get("alarmC").asDouble()).isEqualTo(80);
        assertThat(op.admin().put("/api/v1/thermal/bays/" + bay + "/vehicle-type", "{\"vehicleType\":\"Big Bus\"}").status()).isEqualTo(400);

        Instant t0 = Instant.now().minusSeconds(600).truncatedTo(ChronoUnit.SECONDS);
        CameraClient.Reply reply = null;
        for (int i = 0; i < 2; i++) { // 72 °C: an alarm for a car, a pre-warning for a bus
            reply = camera.client().png(spot(camera.id(), 64, 0, 72, i).png(), t0.plusSeconds(i).toString());
            assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
        }
        assertThat(reply.body().get("timestamp").asString()).isEqualTo(t0.plusSeconds(1).toString());
        assertThat(reply.bay(bay).get("action").asString()).isEqualTo("RAISE");
        assertThat(reply.bay(bay).get("level").asString()).isEqualTo("WARNING");
        assertThat(reply.bay(bay).get("zones").get(0).get("maxC").asDouble()).isBetween(71.5, 72.5);

        assertThat(maintenance.put("/api/v1/thermal/bays/" + bay + "/vehicle-type", "{\"vehicleType\":null}").status()).isEqualTo(200);
        for (int i = 2; i < 4; i++) reply = camera.client().png(spot(camera.id(), 64, 0, 72, i).png(), t0.plusSeconds(i).toString());
        assertThat(reply.bay(bay).get("action").asString()).isEqualTo("RAISE");
        assertThat(reply.bay(bay).get("level").asString()).isEqualTo("CRITICAL");
        JsonNode alarm = alarmOf(op, bay);
        assertThat(alarm.get("severity").asString()).as("the same alarm, upgraded").isEqualTo("CRITICAL");
        assertThat(alarm.get("actions")).extracting(JsonNode::asString).containsExactly("STOP_SESSION");
        JsonNode detail = op.admin().get("/api/v1/alarms/" + alarm.get("id").asLong()).body();
        assertThat(detail.get("evidence")).as("a heat map for the raise and one for the upgrade").hasSize(2);
        assertThat(detail.get("history").toString()).contains("WARNING → CRITICAL");
    }

    // ------------------------------------------------------------------ bad input

    @Test
    void badFramesAreRefusedWithClearErrors() {
        Tenant op = Tenants.create(api, httpPort, "CNY");
        long station = op.station("Thermal bad input");
        String charger = op.charger(id("CP"), station);
        Camera camera = camera(op, station, 64, 48);
        long bay = bay(op, station, camera.id(), "B1", 0, charger, 1, null, null);
        Instant t = Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.SECONDS);
        SyntheticFrames good = spot(camera.id(), 64, 0, 30, 1);

        var unknown = new CameraClient(httpPort, "THERM-NO-SUCH-CAM", camera.key()).json(good.json(t).replace(camera.id(), "THERM-NO-SUCH-CAM"));
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.body().get("detail").asString()).contains("Unknown camera or wrong camera key");
        assertThat(new CameraClient(httpPort, camera.id(), "thk_wrong").binary(good.binary(t)).status()).isEqualTo(401);
        assertThat(new CameraClient(httpPort, camera.id(), null).png(good.png(), null).status()).isEqualTo(401);

        Tenant other = Tenants.create(api, httpPort, "CNY");
        Camera theirs = camera(other, other.station("Elsewhere"), 64, 48);
        assertThat(new CameraClient(httpPort, camera.id(), theirs.key()).binary(good.binary(t)).status()).as("another camera's key").isEqualTo(401);
        var sharedPathWrongKey = new CameraClient(httpPort, theirs.id(), camera.key()).jsonShared(good.json(t).replace(camera.id(), theirs.id()));
        assertThat(sharedPathWrongKey.status()).isEqualTo(401);

        var mismatch = camera.client().json(good.json(t).replace("\"width\":64", "\"width\":63"));
        assertThat(mismatch.status()).isEqualTo(400);
        assertThat(mismatch.body().get("detail").asString()).contains("more values than the frame's 63×48");
        var short_ = camera.client().json(good.json(t).replace("\"height\":48", "\"height\":49"));
        assertThat(short_.status()).isEqualTo(400);
        assertThat(short_.body().get("detail").asString()).contains("3072 values for a 64×49 frame (3136 expected)");
        var wrongSize = camera.client().binary(SyntheticFrames.of(camera.id(), 32, 24, 20).binary(t));
        assertThat(wrongSize.status()).isEqualTo(400);
        assertThat(wrongSize.body().get("detail").asString()).contains("32×24 is not camera " + camera.id() + "'s 64×48");
        var huge = camera.client().json("{\"width\":2000,\"height\":10,\"temperatures\":[]}");
        assertThat(huge.status()).isEqualTo(400);
        assertThat(huge.body().get("detail").asString()).contains("2000×10 is outside");
        var garbage = camera.client().send("/api/v1/thermal/cameras/" + camera.id() + "/frames", "image/png", "GIF89a-not-a-png".getBytes(), null);
        assertThat(garbage.status()).isEqualTo(400);
        assertThat(garbage.body().get("detail").asString()).startsWith("png:");
        var notJson = camera.client().json("{\"width\":64,");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.body().get("detail").asString()).contains("not a JSON frame");
        var otherCamera = camera.client().json(good.json(t).replace(camera.id(), theirs.id()));
        assertThat(otherCamera.status()).isEqualTo(400);
        assertThat(otherCamera.body().get("detail").asString()).contains("the body names " + theirs.id());
        var text = camera.client().send("/api/v1/thermal/cameras/" + camera.id() + "/frames", "text/plain", "25 26 27".getBytes(), null);
        assertThat(text.status()).isEqualTo(415);
        var badTime = camera.client().png(good.png(), "yesterday");
        assertThat(badTime.status()).isEqualTo(400);
        assertThat(badTime.body().get("detail").asString()).contains("timestamp");

        assertThat(camera.client().binary(good.binary(t)).status()).isEqualTo(200);
        var repeated = camera.client().binary(good.binary(t));
        assertThat(repeated.status()).as("the same frame again").isEqualTo(409);
        assertThat(repeated.body().get("detail").asString()).contains("not newer");
        assertThat(camera.client().binary(good.binary(t.plusSeconds(1))).bay(bay).get("level").asString()).isEqualTo("NORMAL");
        assertThat(alarmOf(op, bay)).isNull();
    }

    @Test
    void theRegistryIsTenantScopedAndChecksWhatItIsGiven() {
        Tenant op = Tenants.create(api, httpPort, "CNY");
        long station = op.station("Thermal registry");
        long otherStation = op.station("Thermal registry 2");
        String charger = op.charger(id("CP"), station);
        String farCharger = op.charger(id("CP"), otherStation);
        Camera camera = camera(op, station, 64, 48);
        long bay = bay(op, station, camera.id(), "R1", 0, charger, 1, "R", 1);
        Api admin = op.admin();

        var taken = admin.post("/api/v1/thermal/cameras", "{\"id\":\"" + camera.id() + "\",\"stationId\":" + station + ",\"name\":\"again\"}");
        assertThat(taken.status()).isEqualTo(409);
        assertThat(admin.post("/api/v1/thermal/cameras", "{\"id\":\"bad id!\",\"stationId\":" + station + ",\"name\":\"x\"}").status()).isEqualTo(400);
        assertThat(admin.post("/api/v1/thermal/cameras", "{\"id\":\"" + id("CAM") + "\",\"stationId\":" + station + ",\"name\":\"x\",\"width\":64}").status())
                .as("width without height").isEqualTo(400);

        String body = "{\"stationId\":" + station + ",\"name\":\"R2\",\"cameraId\":\"" + camera.id() + "\",\"area\":{\"x\":32,\"y\":0,\"width\":32,\"height\":48},"
                + "\"chargerId\":\"" + charger + "\",\"connectorId\":2,\"row\":\"R\",\"position\":2";
        var outside = admin.post("/api/v1/thermal/bays", body.replace("\"x\":32", "\"x\":40") + "}");
        assertThat(outside.status()).isEqualTo(400);
        assertThat(outside.body().get("detail").asString()).contains("lies outside camera");
        var far = admin.post("/api/v1/thermal/bays", body.replace(charger, farCharger) + "}");
        assertThat(far.status()).isEqualTo(400);
        assertThat(far.body().get("detail").asString()).contains("chargerId: no charger " + farCharger + " at station " + station);
        var sameConnector = admin.post("/api/v1/thermal/bays", body.replace("\"connectorId\":2", "\"connectorId\":1") + "}");
        assertThat(sameConnector.status()).isEqualTo(409);
        var unknownNeighbour = admin.post("/api/v1/thermal/bays", body + ",\"neighbours\":[99999999]}");
        assertThat(unknownNeighbour.status()).isEqualTo(400);
        assertThat(unknownNeighbour.body().get("detail").asString()).contains("neighbours: no other bay 99999999");
        var second = admin.post("/api/v1/thermal/bays", body + "}");
        assertThat(second.status()).as(second.raw()).isEqualTo(201);
        assertThat(second.body().get("stopsWithIt")).extracting(JsonNode::asLong).containsExactly(bay);
        assertThat(admin.post("/api/v1/thermal/bays", body.replace("\"connectorId\":2", "\"connectorId\":3") + "}").status())
                .as("the same name at the station").isEqualTo(409);

        var zoneOutside = admin.post("/api/v1/thermal/bays/" + bay + "/zones", "{\"name\":\"front\",\"area\":{\"x\":30,\"y\":0,\"width\":10,\"height\":10}}");
        assertThat(zoneOutside.status()).isEqualTo(400);
        assertThat(zoneOutside.body().get("detail").asString()).contains("lies outside bay " + bay);
        var falling = admin.post("/api/v1/thermal/bays/" + bay + "/zones", "{\"name\":\"front\",\"area\":{\"x\":0,\"y\":0,\"width\":10,\"height\":10},"
                + "\"thresholds\":{\"warnC\":80}}");
        assertThat(falling.status()).isEqualTo(400);
        assertThat(falling.body().get("detail").asString()).contains("warnC/alarmC/evacuateC: must rise");
        var badOverride = admin.post("/api/v1/thermal/bays/" + bay + "/zones", "{\"name\":\"front\",\"area\":{\"x\":0,\"y\":0,\"width\":10,\"height\":10},"
                + "\"overrides\":{\"suv\":{\"percentile\":20}}}");
        assertThat(badOverride.status()).isEqualTo(400);
        assertThat(badOverride.body().get("detail").asString()).contains("overrides.suv.percentile");
        var shrink = admin.put("/api/v1/thermal/bays/" + bay, "{\"stationId\":" + station + ",\"name\":\"R1\",\"cameraId\":\"" + camera.id()
                + "\",\"area\":{\"x\":0,\"y\":0,\"width\":10,\"height\":10},\"chargerId\":\"" + charger + "\",\"connectorId\":1}");
        assertThat(shrink.status()).as("its zone would lie outside").isEqualTo(400);
        assertThat(admin.delete("/api/v1/thermal/cameras/" + camera.id()).status()).as("it still watches bays").isEqualTo(409);

        Tenant other = Tenants.create(api, httpPort, "CNY");
        Api stranger = other.admin();
        assertThat(stranger.get("/api/v1/thermal/cameras/" + camera.id()).status()).isEqualTo(404);
        assertThat(stranger.get("/api/v1/thermal/bays/" + bay).status()).isEqualTo(404);
        assertThat(stranger.get("/api/v1/thermal/bays/" + bay + "/zones").status()).isEqualTo(404);
        assertThat(stranger.put("/api/v1/thermal/bays/" + bay + "/vehicle-type", "{\"vehicleType\":\"suv\"}").status()).isEqualTo(404);
        assertThat(stranger.delete("/api/v1/thermal/bays/" + bay).status()).isEqualTo(404);
        assertThat(stranger.post("/api/v1/thermal/cameras/" + camera.id() + "/key", "{}").status()).isEqualTo(404);
        assertThat(stranger.get("/api/v1/thermal/bays").body().get("total").asLong()).isZero();
        long strangerStation = other.station("Not yours");
        var borrowed = stranger.post("/api/v1/thermal/bays", "{\"stationId\":" + strangerStation + ",\"name\":\"X\",\"cameraId\":\"" + camera.id()
                + "\",\"area\":{\"x\":0,\"y\":0,\"width\":10,\"height\":10},\"chargerId\":\"" + charger + "\",\"connectorId\":5}");
        assertThat(borrowed.status()).isEqualTo(400);
        assertThat(borrowed.body().get("detail").asString()).contains("cameraId: no camera");
        assertThat(stranger.post("/api/v1/thermal/cameras", "{\"id\":\"" + id("CAM") + "\",\"stationId\":" + station + ",\"name\":\"x\"}").status())
                .as("another tenant's station").isEqualTo(400);

        var agent = op.as("FINANCE", "fin", null); // no ALARMS_READ
        assertThat(agent.get("/api/v1/thermal/bays").status()).isEqualTo(403);
        var maintenance = op.as("MAINTENANCE", "mt", null);
        assertThat(maintenance.get("/api/v1/thermal/bays/" + bay).status()).isEqualTo(200);
        assertThat(maintenance.delete("/api/v1/thermal/bays/" + bay).status()).isEqualTo(403);
        assertThat(new Api(httpPort).get("/api/v1/thermal/cameras").status()).as("no token").isEqualTo(401);

        var rekey = admin.post("/api/v1/thermal/cameras/" + camera.id() + "/key", "{}");
        assertThat(rekey.status()).isEqualTo(200);
        String newKey = rekey.body().get("apiKey").asString();
        Instant t = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        assertThat(camera.client().binary(spot(camera.id(), 64, 0, 30, 1).binary(t)).status()).as("the old key").isEqualTo(401);
        assertThat(new CameraClient(httpPort, camera.id(), newKey).binary(spot(camera.id(), 64, 0, 30, 1).binary(t)).status()).isEqualTo(200);
        assertThat(admin.get("/api/v1/audit?entityType=thermal_bay").body().get("total").asLong()).isEqualTo(2);

        assertThat(admin.delete("/api/v1/thermal/bays/" + second.body().get("id").asLong()).status()).isEqualTo(204);
        assertThat(admin.delete("/api/v1/thermal/bays/" + bay).status()).isEqualTo(204);
        assertThat(admin.delete("/api/v1/thermal/cameras/" + camera.id()).status()).isEqualTo(204);
    }
}
