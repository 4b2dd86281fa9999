package io.pylon.server.camera;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon.server.parking.CarPark;
import io.pylon.server.support.Charging;
import io.pylon.server.support.PylonIT;
import io.pylon.server.support.RawOcppClient;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Cameras and edge-AI boxes: the registry, device authentication, strict events, replays, and the alarms events raise. */
class CameraEventsIT extends PylonIT {

    @Test
    void aCameraIsRegisteredWithItsStreamsAndItsKeyIsShownOnce() {
        CarPark park = CarPark.of(api, httpPort, "CR1");
        long bay = park.bay("B1-001", 1, null);
        CameraDevice cam = park.camera(park.op.code() + "-cam1", null, bay);
        assertThat(cam.key()).hasSizeGreaterThan(40);

        var got = park.op.admin().get("/api/v1/cameras/" + cam.id());
        assertThat(got.status()).as(got.raw()).isEqualTo(200);
        assertThat(got.raw()).doesNotContain(cam.key()).doesNotContain("apiKey").doesNotContain("keyHash");
        assertThat(got.body().get("streams").get("rtsp").asString()).isEqualTo("rtsp://nvr.local:554/" + cam.id());
        assertThat(got.body().get("streams").get("hls").asString()).endsWith("/index.m3u8");
        assertThat(got.body().get("bayIds").get(0).asLong()).isEqualTo(bay);
        assertThat(got.body().get("status").asString()).isEqualTo("NORMAL");
        var listed = park.op.admin().get("/api/v1/cameras?stationId=" + park.station);
        assertThat(listed.body().get("total").asLong()).isEqualTo(1);

        String base = "{\"id\":\"" + park.op.code() + "-cam2\",\"stationId\":" + park.station + ",\"kind\":\"CAMERA\",\"name\":\"C2\",";
        var badScheme = park.op.admin().post("/api/v1/cameras", base + "\"streams\":{\"rtsp\":\"http://nvr.local/x\"}}");
        assertThat(badScheme.status()).isEqualTo(400);
        assertThat(badScheme.body().get("detail").asString()).startsWith("streams.rtsp: the scheme must be one of [rtsp, rtsps]");
        var secret = park.op.admin().post("/api/v1/cameras", base + "\"streams\":{\"flv\":\"https://admin:pw@media.local/live.flv\"}}");
        assertThat(secret.status()).isEqualTo(400);
        assertThat(secret.body().get("detail").asString()).contains("no user name or password");
        var badKind = park.op.admin().post("/api/v1/cameras", base.replace("\"CAMERA\"", "\"DOORBELL\"") + "\"bayIds\":[]}");
        assertThat(badKind.status()).isEqualTo(400);
        assertThat(badKind.body().get("detail").asString()).isEqualTo("kind: must be CAMERA or EDGE_BOX");
        var twice = park.op.admin().post("/api/v1/cameras", base.replace("-cam2", "-cam1") + "\"bayIds\":[]}");
        assertThat(twice.status()).isEqualTo(409);

        CarPark other = CarPark.of(api, httpPort, "CR2");
        long otherBay = other.bay("X-1", 1, null);
        var foreignBay = park.op.admin().post("/api/v1/cameras", base + "\"bayIds\":[" + otherBay + "]}");
        assertThat(foreignBay.status()).isEqualTo(400);
        assertThat(foreignBay.body().get("detail").asString()).isEqualTo("bayIds: " + otherBay + " is not a bay of station " + park.station);
        assertThat(other.op.admin().get("/api/v1/cameras/" + cam.id()).status()).isEqualTo(404);
        assertThat(other.op.admin().put("/api/v1/cameras/" + cam.id(), base.replace(park.op.code() + "-cam2", cam.id())
                .replace("" + park.station, "" + other.station) + "\"bayIds\":[]}").status()).isEqualTo(404);
        var foreignStation = other.op.admin().post("/api/v1/cameras", "{\"id\":\"" + other.op.code() + "-c\",\"stationId\":"
                + park.station + ",\"kind\":\"CAMERA\",\"name\":\"Mine\"}");
        assertThat(foreignStation.status()).isEqualTo(404);
        assertThat(other.op.admin().get("/api/v1/cameras").body().get("total").asLong()).isZero();
        var maintenance = park.op.as("MAINTENANCE", "maint", null);
        assertThat(maintenance.get("/api/v1/cameras/" + cam.id()).status()).isEqualTo(200);
        assertThat(maintenance.delete("/api/v1/cameras/" + cam.id()).status()).isEqualTo(403);
    }

    @Test
    void devicesAuthenticateWithTheirOwnKey() {
        CarPark park = CarPark.of(api, httpPort, "CA1");
        CameraDevice a = park.camera(park.op.code() + "-a", null);
        CameraDevice b = park.camera(park.op.code() + "-b", null);
        String person = "{\"eventId\":\"p-1\",\"type\":\"person\",\"time\":\"" + Instant.now() + "\"}";

        assertThat(CameraDevice.post(httpPort, null, null, person).status()).isEqualTo(401);
        var noKey = CameraDevice.post(httpPort, a.id(), null, person);
        assertThat(noKey.status()).isEqualTo(401);
        assertThat(noKey.body().get("detail").asString()).contains("X-Device-Key");
        var wrong = CameraDevice.post(httpPort, a.id(), a.key() + "x", person);
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.body().get("detail").asString()).isEqualTo("Unknown device or wrong API key");
        assertThat(CameraDevice.post(httpPort, "no-such-device", a.key(), person).status()).isEqualTo(401);
        assertThat(CameraDevice.post(httpPort, b.id(), a.key(), person).status()).isEqualTo(401);
        var asA = a.send(person);
        assertThat(asA.status()).as(asA.raw()).isEqualTo(201);
        var forB = a.send(person.replace("p-1", "p-2").replace("\"person\"", "\"person\",\"cameraId\":\"" + b.id() + "\""));
        assertThat(forB.status()).isEqualTo(403); // a camera may not report for another camera

        var rotated = park.op.admin().post("/api/v1/cameras/" + a.id() + "/api-key", "");
        assertThat(rotated.status()).as(rotated.raw()).isEqualTo(200);
        String newKey = rotated.body().get("apiKey").asString();
        assertThat(a.send(person.replace("p-1", "p-3")).status()).isEqualTo(401);
        assertThat(CameraDevice.post(httpPort, a.id(), newKey, person.replace("p-1", "p-3")).status()).isEqualTo(201);
    }

    @Test
    void malformedOrInvalidEventsAreRefusedWithAClearMessage() {
        CarPark park = CarPark.of(api, httpPort, "CV1");
        long bay = park.bay("V-1", 1, null);
        CameraDevice cam = park.camera(park.op.code() + "-v", null, bay);
        Instant now = Instant.now();
        String ok = "{\"eventId\":\"v-1\",\"type\":\"plate_read\",\"time\":\"" + now + "\",\"plate\":\"京AD12345\","
                + "\"plateColour\":\"green\",\"direction\":\"in\"}";

        assertThat(detail(cam.send("{\"eventId\":"), 400)).startsWith("Malformed JSON");
        assertThat(detail(cam.send("[]"), 400)).startsWith("body: cannot read");
        assertThat(detail(cam.send(ok.replace("plate_read", "explosion")), 400))
                .isEqualTo("type: must be one of plate_read, smoke, fire, person, smoking, vandalism, camera_offline, "
                        + "camera_blocked, camera_normal");
        assertThat(detail(cam.send(ok.replace("}", ",\"colour\":\"red\"}")), 400)).isEqualTo("colour: unknown field");
        assertThat(detail(cam.send(ok.replace("\"plate\":\"京AD12345\",", "")), 400)).isEqualTo("plate: required");
        assertThat(detail(cam.send(ok.replace("green", "purple")), 400))
                .isEqualTo("plateColour: must be blue, yellow, green, yellow_green, white or black");
        assertThat(detail(cam.send(ok.replace("\"in\"", "\"sideways\"")), 400)).isEqualTo("direction: must be in or out");
        assertThat(detail(cam.send(ok.replace("\"direction\":\"in\"", "\"bay\":\"V-1\"")), 400))
                .isEqualTo("direction: required for a plate_read event");
        assertThat(detail(cam.send(ok.replace("京AD12345", "A1")), 400)).contains("is not a licence plate");
        assertThat(detail(cam.send(ok.replace("\"eventId\":\"v-1\",", "")), 400)).startsWith("eventId: ");
        assertThat(detail(cam.send(ok.replace(now.toString(), "yesterday")), 400)).startsWith("time: cannot read");
        assertThat(detail(cam.send(ok.replace(now.toString(), now.plusSeconds(2 * 86400).toString())), 400))
                .contains("ahead of the platform's clock");
        assertThat(detail(cam.send(ok.replace("}", ",\"bay\":\"NOPE\"}")), 400)).isEqualTo("bay: 'NOPE' is not a bay of the camera's station");
        assertThat(detail(cam.send(ok.replace("}", ",\"confidence\":1.5}")), 400)).startsWith("confidence: ");
        assertThat(detail(cam.send("x".repeat(20_000)), 413)).contains("at most");
        var events = park.op.admin().get("/api/v1/camera-events?stationId=" + park.station);
        assertThat(events.body().get("total").asLong()).as("nothing wrong is stored").isZero();
        assertThat(cam.send(ok).status()).isEqualTo(201);
    }

    @Test
    void aReplayedEventIsAnsweredButCountedOnce() {
        CarPark park = CarPark.of(api, httpPort, "CP1");
        CameraDevice cam = park.camera(park.op.code() + "-r", null);
        Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String smoking = "{\"eventId\":\"r-1\",\"type\":\"smoking\",\"time\":\"" + at + "\",\"snapshot\":\"snap/r-1.jpg\"}";
        var first = cam.send(smoking);
        assertThat(first.status()).as(first.raw()).isEqualTo(201);
        assertThat(first.body().get("duplicate").asBoolean()).isFalse();
        var again = cam.send(smoking);
        assertThat(again.status()).as(again.raw()).isEqualTo(200);
        assertThat(again.body().get("duplicate").asBoolean()).isTrue();
        assertThat(again.body().get("id").asLong()).isEqualTo(first.body().get("id").asLong());
        assertThat(again.body().get("outcome").asString()).isEqualTo(first.body().get("outcome").asString());

        var events = park.op.admin().get("/api/v1/camera-events?cameraId=" + cam.id());
        assertThat(events.body().get("total").asLong()).isEqualTo(1);
        assertThat(events.body().get("items").get(0).get("snapshot").asString()).isEqualTo("snap/r-1.jpg");
        JsonNode alarms = park.alarms("camera");
        assertThat(alarms.size()).isEqualTo(1);
        assertThat(alarms.get(0).get("occurrences").asInt()).as("a replay raises nothing again").isEqualTo(1);
        assertThat(alarms.get(0).get("severity").asString()).isEqualTo("WARNING");
        assertThat(alarms.get(0).get("code").asString()).isEqualTo("Smoking");

        var reused = cam.send(smoking.replace("smoking", "vandalism"));
        assertThat(reused.status()).isEqualTo(409);
        assertThat(reused.body().get("detail").asString()).contains("eventId r-1 was sent before for another event");
    }

    @Test
    void smokeAtABayStopsTheSessionOnItsConnectorAndMakesItUnavailable() {
        CarPark park = CarPark.of(api, httpPort, "CS1");
        long bay = park.bay("S-1", 1, null);
        CameraDevice cam = park.camera(park.op.code() + "-s", null, bay);
        String card = park.op.code().replace("-", "") + "S";
        Charging.driverWithBalance(park.op, "+8613700000101", "100", card);
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        try (RawOcppClient cp = RawOcppClient.connect(ocppPort(), park.charger, null)) {
            cp.call("b", "BootNotification", "{\"chargePointVendor\":\"V\",\"chargePointModel\":\"M\"}");
            var started = cp.call("s", "StartTransaction", "{\"connectorId\":1,\"idTag\":\"" + card + "\",\"meterStart\":0,\"timestamp\":\""
                    + start + "\"}");
            assertThat(started.get(2).get("idTagInfo").get("status").asString()).isEqualTo("Accepted");
            long tx = started.get(2).get("transactionId").asLong();

            var smoke = cam.event(CameraDevice.eventId(), "smoke", start.plusSeconds(5), null);
            assertThat(smoke.status()).as(smoke.raw()).isEqualTo(201);
            assertThat(smoke.body().get("outcome").asString()).contains("EVACUATION alarm").contains("bay S-1");

            Set<String> asked = new HashSet<>();
            for (int i = 0; i < 2; i++) {
                JsonNode call = cp.next();
                asked.add(call.get(2).asString());
                if ("RemoteStopTransaction".equals(call.get(2).asString())) {
                    assertThat(call.get(3).get("transactionId").asLong()).isEqualTo(tx);
                } else {
                    assertThat(call.get(3).get("connectorId").asInt()).isEqualTo(1);
                    assertThat(call.get(3).get("type").asString()).isEqualTo("Inoperative");
                }
                cp.sendText("[3,\"" + call.get(1).asString() + "\",{\"status\":\"Accepted\"}]");
            }
            assertThat(asked).containsExactlyInAnyOrder("RemoteStopTransaction", "ChangeAvailability");
        }
        JsonNode alarm = park.alarms("camera").get(0);
        assertThat(alarm.get("severity").asString()).isEqualTo("EVACUATION");
        assertThat(alarm.get("code").asString()).isEqualTo("Smoke");
        assertThat(alarm.get("subject").asString()).isEqualTo("bay:" + bay);
        assertThat(alarm.get("connectorId").asInt()).isEqualTo(1);
        assertThat(alarm.get("evidence").asString()).startsWith("https://nvr.local/snap/");
        assertThat(alarm.get("actions").toString()).contains("STOP_SESSION").contains("MAKE_UNAVAILABLE");
    }

    @Test
    void aCameraOfflineOrBlockedWarnsUntilItReportsNormalAgain() {
        CarPark park = CarPark.of(api, httpPort, "CO1");
        CameraDevice cam = park.camera(park.op.code() + "-o", null);
        var box = park.op.admin().post("/api/v1/cameras", "{\"id\":\"" + park.op.code() + "-box\",\"stationId\":" + park.station
                + ",\"kind\":\"EDGE_BOX\",\"name\":\"NVR box\"}");
        assertThat(box.status()).as(box.raw()).isEqualTo(201);
        CameraDevice edge = new CameraDevice(httpPort, park.op.code() + "-box", box.body().get("apiKey").asString());
        Instant at = Instant.now();

        var offline = edge.send("{\"eventId\":\"o-1\",\"type\":\"camera_offline\",\"time\":\"" + at + "\",\"cameraId\":\"" + cam.id() + "\"}");
        assertThat(offline.status()).as(offline.raw()).isEqualTo(201);
        assertThat(offline.body().get("cameraId").asString()).isEqualTo(cam.id());
        assertThat(park.op.admin().get("/api/v1/cameras/" + cam.id()).body().get("status").asString()).isEqualTo("OFFLINE");
        JsonNode alarm = park.alarms("camera").get(0);
        assertThat(alarm.get("code").asString()).isEqualTo("CameraOffline");
        assertThat(alarm.get("severity").asString()).isEqualTo("WARNING");
        assertThat(alarm.get("subject").asString()).isEqualTo("camera:" + cam.id());
        assertThat(alarm.get("state").asString()).isEqualTo("OPEN");

        var normal = edge.send("{\"eventId\":\"o-2\",\"type\":\"camera_normal\",\"time\":\"" + at.plusSeconds(60) + "\",\"cameraId\":\""
                + cam.id() + "\"}");
        assertThat(normal.body().get("outcome").asString()).isEqualTo("camera normal; 1 alarm(s) ended");
        assertThat(park.alarms("camera").get(0).get("state").asString()).isEqualTo("CLEARED");
        assertThat(park.op.admin().get("/api/v1/cameras/" + cam.id()).body().get("status").asString()).isEqualTo("NORMAL");

        CarPark other = CarPark.of(api, httpPort, "CO2");
        CameraDevice foreign = other.camera(other.op.code() + "-f", null);
        var forForeign = edge.send("{\"eventId\":\"o-3\",\"type\":\"camera_blocked\",\"time\":\"" + at + "\",\"cameraId\":\""
                + foreign.id() + "\"}");
        assertThat(forForeign.status()).isEqualTo(403);
        assertThat(other.alarms("camera").size()).isZero();
        assertThat(other.op.admin().get("/api/v1/camera-events").body().get("total").asLong()).isZero();
        assertThat(park.op.admin().get("/api/v1/camera-events?type=camera_offline").body().get("total").asLong()).isEqualTo(1);
    }

    private static String detail(io.pylon.server.support.Api.Response r, int status) {
        assertThat(r.status()).as(r.raw()).isEqualTo(status);
        return r.body().get("detail").asString();
    }
}
