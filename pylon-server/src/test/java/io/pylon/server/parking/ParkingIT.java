package io.pylon.server.parking;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon.server.camera.CameraDevice;
import io.pylon.server.mqtt.Mqtt;
import io.pylon.server.support.Api;
import io.pylon.server.support.Charging;
import io.pylon.server.support.PylonIT;
import io.pylon.server.support.RawOcppClient;
import io.pylon.server.support.RawYkcPile;
import io.pylon.server.support.YkcFrames;
import io.pylon.ykc.message.ParkingLock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Parking and occupancy end to end: plate reads from a camera and connector status from a real OCPP session move the
 * bay through its states; non-EVs raise alarms; the idle fee lands on the order; locks and gates get their commands
 * through the real Mosquitto. Time is driven by the events' own timestamps.
 */
class ParkingIT extends PylonIT {

    @Autowired
    ParkingService parkingService;

    @Autowired
    Mqtt mqtt;

    @Test
    void aNonEvInAChargingBayRaisesAnAlarmWithItsSnapshotUntilItLeaves() {
        CarPark park = CarPark.of(api, httpPort, "PN1");
        long bay = park.bay("B1-012", 1, null);
        CameraDevice cam = park.camera(park.op.code() + "-n", null, bay);
        Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1); // after the bay was made

        String in = CameraDevice.eventId();
        var read = cam.plate(in, "京A·12345", "blue", "in", at, "B1-012");
        assertThat(read.status()).as(read.raw()).isEqualTo(201);
        assertThat(read.body().get("outcome").asString()).contains("bay B1-012 FREE → VEHICLE_PRESENT").contains("non-EV alarm");
        JsonNode alarm = park.alarms("parking").get(0);
        assertThat(alarm.get("code").asString()).isEqualTo("NonEvInBay");
        assertThat(alarm.get("severity").asString()).isEqualTo("WARNING");
        assertThat(alarm.get("subject").asString()).isEqualTo("bay:" + bay);
        assertThat(alarm.get("chargerId").asString()).isEqualTo(park.charger);
        assertThat(alarm.get("connectorId").asInt()).isEqualTo(1);
        assertThat(alarm.get("evidence").asString()).isEqualTo("https://nvr.local/snap/" + in + ".jpg");
        assertThat(alarm.get("info").asString()).isEqualTo("Non-EV plate 京A12345 (BLUE) in charging bay B1-012");
        JsonNode view = park.bayView(bay).get("bay");
        assertThat(view.get("state").asString()).isEqualTo("VEHICLE_PRESENT");
        assertThat(view.get("vehicle").get("plate").asString()).isEqualTo("京A12345");
        assertThat(view.get("watched").asBoolean()).isTrue();

        var out = cam.plate(CameraDevice.eventId(), "京A12345", "blue", "out", at.plusSeconds(300), null);
        assertThat(out.body().get("outcome").asString()).contains("VEHICLE_PRESENT → FREE").contains("stayed 5 min");
        assertThat(park.alarms("parking").get(0).get("state").asString()).isEqualTo("CLEARED");
        assertThat(park.bayView(bay).get("bay").get("state").asString()).isEqualTo("FREE");

        park.settings("{\"graceMinutes\":10,\"evPlateColours\":[\"GREEN\",\"YELLOW_GREEN\"],\"allowedPlates\":[\"京A12345\"]}");
        var allowed = cam.plate(CameraDevice.eventId(), "京A12345", "blue", "in", at.plusSeconds(600), null);
        assertThat(allowed.body().get("outcome").asString()).doesNotContain("non-EV");
        assertThat(park.alarms("parking").size()).isEqualTo(1);
    }

    @Test
    void theIdleFeeAfterTheGracePeriodGoesOnTheSameOrderAndIsChargedOnce() {
        CarPark park = CarPark.of(api, httpPort, "PF1");
        long bay = park.bay("F-1", 1, null);
        CameraDevice cam = park.camera(park.op.code() + "-f", null, bay);
        park.settings("{\"graceMinutes\":15,\"idleFee\":{\"price\":0.5,\"unit\":\"MINUTE\",\"cap\":50},"
                + "\"evPlateColours\":[\"GREEN\"]}");
        String card = park.op.code().replace("-", "") + "F";
        long driver = Charging.driverWithBalance(park.op, "+8613700000201", "100", card);
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(120); // the car arrives a minute from now

        assertThat(cam.plate(CameraDevice.eventId(), "京AD12345", "green", "in", start.minusSeconds(60), null).status()).isEqualTo(201);
        try (RawOcppClient cp = RawOcppClient.connect(ocppPort(), park.charger, null)) {
            cp.call("b", "BootNotification", "{\"chargePointVendor\":\"V\",\"chargePointModel\":\"M\"}");
            status(cp, "Preparing", start.minusSeconds(5));
            long tx = cp.call("s", "StartTransaction", "{\"connectorId\":1,\"idTag\":\"" + card
                    + "\",\"meterStart\":0,\"timestamp\":\"" + start + "\"}").get(2).get("transactionId").asLong();
            status(cp, "Charging", start);
            assertThat(park.bayView(bay).get("bay").get("state").asString()).isEqualTo("CHARGING");
            status(cp, "SuspendedEV", start.plusSeconds(40 * 60)); // full after 40 minutes
            assertThat(park.bayView(bay).get("bay").get("state").asString()).isEqualTo("FINISHED");
            cp.call("t", "StopTransaction", "{\"transactionId\":" + tx + ",\"meterStop\":20000,\"reason\":\"Local\",\"timestamp\":\""
                    + start.plusSeconds(60 * 60) + "\"}");
            status(cp, "Finishing", start.plusSeconds(60 * 60));
            status(cp, "Available", start.plusSeconds(62 * 60)); // cable pulled; the car stays in the bay
        }
        JsonNode charged = order(park, driver);
        assertThat(charged.get("state").asString()).as(charged.toString()).isEqualTo("SETTLED");
        assertThat(charged.get("parking").isNull()).isTrue();
        // the grace period ended at +55 min; the report at +62 min says so
        assertThat(park.bayView(bay).get("bay").get("state").asString()).isEqualTo("IDLE_OCCUPYING");

        // leaves 35 minutes after charging finished: 15 of grace, 20 billed at 0.50
        String leave = CameraDevice.eventId();
        var out = cam.plate(leave, "京AD12345", "green", "out", start.plusSeconds(75 * 60), null);
        assertThat(out.status()).as(out.raw()).isEqualTo(201);
        assertThat(out.body().get("outcome").asString()).contains("IDLE_OCCUPYING → FREE")
                .contains("idle fee 10.00 CNY for 20 of 35 idle minutes").contains("paid from the wallet");

        JsonNode bill = order(park, driver);
        assertThat(bill.get("payable").get("amount").decimalValue()).isEqualByComparingTo("20.00"); // 20 kWh × 1.00
        JsonNode line = bill.get("parking");
        assertThat(line.get("bayId").asLong()).isEqualTo(bay);
        assertThat(line.get("plate").asString()).isEqualTo("京AD12345");
        assertThat(Instant.parse(line.get("idleFrom").asString())).isEqualTo(start.plusSeconds(40 * 60));
        assertThat(Instant.parse(line.get("leftAt").asString())).isEqualTo(start.plusSeconds(75 * 60));
        assertThat(line.get("idleMinutes").asLong()).isEqualTo(35);
        assertThat(line.get("billedMinutes").asLong()).isEqualTo(20);
        assertThat(line.get("amount").get("amount").decimalValue()).isEqualByComparingTo("10.00");
        assertThat(line.get("state").asString()).isEqualTo("CHARGED");
        assertThat(bill.get("payableWithParking").get("amount").decimalValue()).isEqualByComparingTo("30.00");
        assertThat(wallet(park, driver)).isEqualTo("70.00");
        var receipt = park.op.driverApp("+8613700000201").get("/api/v1/me/orders/" + bill.get("id").asLong() + "/receipt");
        assertThat(receipt.status()).as(receipt.raw()).isEqualTo(200);
        assertThat(receipt.body().get("parking").get("amount").get("amount").decimalValue()).isEqualByComparingTo("10.00");
        assertThat(receipt.body().get("parking").get("payableWithParking").get("amount").decimalValue()).isEqualByComparingTo("30.00");

        // the camera sends the departure again, then once more under a new id: nothing is charged twice
        var replay = cam.plate(leave, "京AD12345", "green", "out", start.plusSeconds(75 * 60), null);
        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.body().get("duplicate").asBoolean()).isTrue();
        var second = cam.plate(CameraDevice.eventId(), "京AD12345", "green", "out", start.plusSeconds(76 * 60), null);
        assertThat(second.body().get("outcome").asString()).isEqualTo("bay was free");
        parkingService.sweep(Instant.now().plusSeconds(3600));
        assertThat(wallet(park, driver)).isEqualTo("70.00");
        assertThat(order(park, driver).get("parking").get("amount").get("amount").decimalValue()).isEqualByComparingTo("10.00");

        List<String> states = new ArrayList<>();
        park.op.admin().get("/api/v1/bays/" + bay + "/history").body().get("items").forEach(h -> states.add(h.get("state").asString()
                + "@" + h.get("at").asString()));
        assertThat(states).containsExactly("FREE@" + start.plusSeconds(75 * 60), "IDLE_OCCUPYING@" + start.plusSeconds(55 * 60),
                "FINISHED@" + start.plusSeconds(40 * 60), "CHARGING@" + start, "VEHICLE_PRESENT@" + start.minusSeconds(60));

        var stats = park.op.admin().get("/api/v1/parking/stats?stationId=" + park.station + "&from=" + start.minusSeconds(3600)
                + "&to=" + start.plusSeconds(3 * 3600) + "&factor=1");
        assertThat(stats.status()).as(stats.raw()).isEqualTo(200);
        assertThat(stats.body().get("visits").asLong()).isEqualTo(1);
        assertThat(stats.body().get("averageChargeMinutes").asLong()).isEqualTo(40);
        assertThat(stats.body().get("averageStayMinutes").asLong()).isEqualTo(76);
        assertThat(stats.body().get("shortChargeLongStay").asLong()).isEqualTo(1);

        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        var books = park.op.admin().call("POST", "/api/v1/reconciliations?date=" + today, null);
        assertThat(books.status()).as(books.raw()).isEqualTo(200);
        assertThat(books.body().get("status").asString()).as(books.raw()).isEqualTo("BALANCED");
    }

    @Test
    void aLockLowersForAGreenPlateOnlyAndRisesWhenTheBayEmpties() {
        CarPark park = CarPark.of(api, httpPort, "PL1");
        String lock = park.op.code() + "-L1";
        long bay = park.bay("L-1", 1, "{\"kind\":\"MQTT\",\"id\":\"" + lock + "\"}");
        CameraDevice cam = park.camera(park.op.code() + "-l", null, bay);
        awaitMqtt();
        Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        try (MqttProbe device = new MqttProbe("pylon/" + park.op.code() + "/lock/" + lock + "/cmd")) {
            var blue = cam.plate(CameraDevice.eventId(), "京A54321", "blue", "in", at, null);
            assertThat(blue.body().get("outcome").asString()).contains("lock stays raised: not an EV plate (BLUE)");
            cam.plate(CameraDevice.eventId(), "京A54321", "blue", "out", at.plusSeconds(60), null);
            var green = cam.plate(CameraDevice.eventId(), "京AD54321", "green", "in", at.plusSeconds(120), null);
            assertThat(green.body().get("outcome").asString()).contains("lock lower to " + lock + " (EV plate (GREEN)) sent");
            cam.plate(CameraDevice.eventId(), "京AD54321", "green", "out", at.plusSeconds(900), null);

            MqttProbe.Heard first = device.next();
            assertThat(first.payload().get("action").asString()).as("the blue car leaving: raise, never lower").isEqualTo("raise");
            MqttProbe.Heard lower = device.next();
            assertThat(lower.topic()).isEqualTo("pylon/" + park.op.code() + "/lock/" + lock + "/cmd");
            assertThat(lower.payload().get("action").asString()).isEqualTo("lower");
            assertThat(lower.payload().get("plate").asString()).isEqualTo("京AD54321");
            assertThat(lower.payload().get("bay").asString()).isEqualTo("L-1");
            assertThat(device.next().payload().get("action").asString()).isEqualTo("raise");

            device.publish("pylon/" + park.op.code() + "/lock/" + lock + "/state", "{\"state\":\"fault\",\"at\":\"" + at.plusSeconds(950) + "\"}");
            JsonNode faulty = eventually(() -> park.bayView(bay).get("bay").get("lock"), l -> "fault".equals(l.get("state").asString()));
            assertThat(faulty.get("kind").asString()).isEqualTo("MQTT");
            JsonNode alarm = eventually(() -> park.alarms("parking"), a -> !a.isEmpty() && "LockFault".equals(a.get(0).get("code").asString()));
            assertThat(alarm.get(0).get("state").asString()).isEqualTo("OPEN");
            device.publish("pylon/" + park.op.code() + "/lock/" + lock + "/state", "{\"state\":\"raised\"}");
            eventually(() -> park.alarms("parking"), a -> "CLEARED".equals(a.get(0).get("state").asString()));
        }
    }

    @Test
    void aReservedBayLowersItsLockOnlyForTheReservingDriversCar() throws Exception {
        CarPark park = CarPark.of(api, httpPort, "PR1");
        String lock = park.op.code() + "-R1";
        long bay = park.bay("R-1", 1, "{\"kind\":\"MQTT\",\"id\":\"" + lock + "\"}");
        CameraDevice cam = park.camera(park.op.code() + "-rv", null, bay);
        String card = park.op.code().replace("-", "") + "RV";
        long driver = Charging.driverWithBalance(park.op, "+8613700000301", "100", card);
        var car = park.op.admin().post("/api/v1/drivers/" + driver + "/vehicles", "{\"plate\":\"京A-88888\"}"); // a plug-in hybrid
        assertThat(car.status()).as(car.raw()).isEqualTo(201);
        awaitMqtt();
        Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        try (RawOcppClient cp = RawOcppClient.connect(ocppPort(), park.charger, null);
             MqttProbe device = new MqttProbe("pylon/" + park.op.code() + "/lock/" + lock + "/cmd")) {
            cp.call("b", "BootNotification", "{\"chargePointVendor\":\"V\",\"chargePointModel\":\"M\"}");
            var reserved = java.util.concurrent.CompletableFuture.supplyAsync(() -> park.op.admin().post("/api/v1/chargers/"
                    + park.charger + "/commands/reserve-now", "{\"connectorId\":1,\"idTag\":\"" + card + "\",\"expiryDate\":\""
                    + Instant.now().plusSeconds(3600) + "\"}"));
            JsonNode reserveNow = cp.next();
            assertThat(reserveNow.get(2).asString()).isEqualTo("ReserveNow");
            cp.sendText("[3,\"" + reserveNow.get(1).asString() + "\",{\"status\":\"Accepted\"}]");
            assertThat(reserved.get(10, java.util.concurrent.TimeUnit.SECONDS).status()).isEqualTo(200);

            var stranger = cam.plate(CameraDevice.eventId(), "京AD12121", "green", "in", at, null);
            assertThat(stranger.body().get("outcome").asString()).contains("lock stays raised: connector reserved for another driver");
            cam.plate(CameraDevice.eventId(), "京AD12121", "green", "out", at.plusSeconds(60), null);
            var own = cam.plate(CameraDevice.eventId(), "京A88888", "blue", "in", at.plusSeconds(120), null);
            assertThat(own.body().get("outcome").asString()).contains("lock lower to " + lock + " (reservation of this vehicle's driver) sent");

            assertThat(device.next().payload().get("action").asString()).isEqualTo("raise"); // the stranger left
            MqttProbe.Heard lower = device.next();
            assertThat(lower.payload().get("action").asString()).isEqualTo("lower");
            assertThat(lower.payload().get("plate").asString()).isEqualTo("京A88888");
        }
    }

    @Test
    void aYkcPilesOwnLockLowersForAGreenPlateAndRisesWhenTheBayEmpties() {
        CarPark park = CarPark.of(api, httpPort, "PY1", YkcFrames.newPile());
        long bay = park.bay("Y-1", 1, "{\"kind\":\"YKC\"}");
        CameraDevice cam = park.camera(park.op.code() + "-y", null, bay);
        Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        try (RawYkcPile pile = RawYkcPile.loggedIn(ykcPort(), park.charger, 1)) {
            var green = cam.plate(CameraDevice.eventId(), "粤BD00001", "green", "in", at, null);
            assertThat(green.body().get("outcome").asString()).contains("lock lower sent to pile " + park.charger);
            RawYkcPile.Received lower = pile.expect(ParkingLock.COMMAND);
            assertThat(((ParkingLock.Command) lower.message()).raise()).isFalse();
            assertThat(((ParkingLock.Command) lower.message()).gun()).isEqualTo(1);
            pile.send(lower.sequence(), new ParkingLock.Reply(park.charger, 1, true, 0));

            cam.plate(CameraDevice.eventId(), "粤BD00001", "green", "out", at.plusSeconds(600), null);
            RawYkcPile.Received raise = pile.expect(ParkingLock.COMMAND);
            assertThat(((ParkingLock.Command) raise.message()).raise()).isTrue();
            pile.send(raise.sequence(), new ParkingLock.Reply(park.charger, 1, true, 0));
            // the pile stays connected until its answers are in the bay's history
            JsonNode history = eventually(() -> park.op.admin().get("/api/v1/bays/" + bay + "/history").body().get("items"),
                    h -> h.toString().contains("pile answered lock raise: Accepted"));
            assertThat(history.toString()).contains("pile answered lock lower: Accepted");
        }
    }

    @Test
    void aNevOnlyBarrierRefusesABluePlateAndOpensForAGreenOne() {
        CarPark park = CarPark.of(api, httpPort, "PG1");
        String gate = park.op.code() + "-G1";
        var created = park.op.admin().post("/api/v1/parking/gates", "{\"id\":\"" + gate + "\",\"stationId\":" + park.station
                + ",\"name\":\"Entry B1\",\"nevOnly\":true}");
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        CameraDevice entry = park.camera(park.op.code() + "-g", gate);
        awaitMqtt();
        Instant at = Instant.now();
        try (MqttProbe barrier = new MqttProbe("pylon/" + park.op.code() + "/barrier/" + gate + "/cmd")) {
            var blue = entry.plate(CameraDevice.eventId(), "沪B12345", "blue", "in", at, null);
            assertThat(blue.status()).as(blue.raw()).isEqualTo(201);
            assertThat(blue.body().get("outcome").asString()).isEqualTo("gate " + gate + " deny for 沪B12345 (only NEV plates may enter, not BLUE) sent");
            MqttProbe.Heard refused = barrier.next();
            assertThat(refused.payload().get("action").asString()).isEqualTo("deny");
            assertThat(refused.payload().get("plate").asString()).isEqualTo("沪B12345");

            entry.plate(CameraDevice.eventId(), "沪BD12345", "green", "in", at.plusSeconds(30), null);
            MqttProbe.Heard opened = barrier.next();
            assertThat(opened.payload().get("action").asString()).isEqualTo("open");
            assertThat(opened.payload().get("plate").asString()).isEqualTo("沪BD12345");
            assertThat(barrier.poll()).as("one command per read").isNull();
        }
        var open = park.op.admin().put("/api/v1/parking/gates/" + gate, "{\"stationId\":" + park.station + ",\"name\":\"Entry\",\"nevOnly\":false}");
        assertThat(open.status()).as(open.raw()).isEqualTo(200);
        assertThat(entry.plate(CameraDevice.eventId(), "沪B12345", "blue", "in", at.plusSeconds(60), null).body().get("outcome").asString())
                .contains("open for 沪B12345 (entry)");
    }

    @Test
    void aVehicleParkedTooLongIsFlagged() {
        CarPark park = CarPark.of(api, httpPort, "PS1");
        long bay = park.bay("S-1", 1, null);
        CameraDevice cam = park.camera(park.op.code() + "-t", null, bay);
        park.settings("{\"graceMinutes\":15,\"evPlateColours\":[\"GREEN\"],\"longStayMinutes\":120}");
        Instant arrived = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        cam.plate(CameraDevice.eventId(), "京AD77777", "green", "in", arrived, null);

        parkingService.sweep(arrived.plus(Duration.ofMinutes(119)));
        assertThat(park.alarms("parking").size()).isZero();
        parkingService.sweep(arrived.plus(Duration.ofMinutes(185)));
        parkingService.sweep(arrived.plus(Duration.ofMinutes(186))); // looked at again: still one alarm, one occurrence
        JsonNode alarms = park.alarms("parking");
        assertThat(alarms.size()).isEqualTo(1);
        assertThat(alarms.get(0).get("code").asString()).isEqualTo("LongStay");
        assertThat(alarms.get(0).get("occurrences").asInt()).isEqualTo(1);
        assertThat(alarms.get(0).get("info").asString()).isEqualTo("Vehicle 京AD77777 parked in bay S-1 for 3 h 5 min");

        cam.plate(CameraDevice.eventId(), "京AD77777", "green", "out", arrived.plus(Duration.ofMinutes(190)), null);
        assertThat(park.alarms("parking").get(0).get("state").asString()).isEqualTo("CLEARED");
    }

    @Test
    void baysSettingsAndStatisticsAreScopedAndValidated() {
        CarPark park = CarPark.of(api, httpPort, "PV1");
        CarPark other = CarPark.of(api, httpPort, "PV2");
        long bay = park.bay("V-1", 1, "{\"kind\":\"YKC\"}");
        Api admin = park.op.admin();
        String base = "{\"stationId\":" + park.station + ",\"name\":\"V-2\",\"chargerId\":\"" + park.charger + "\",\"connectorId\":2";

        assertThat(detail(admin.post("/api/v1/bays", base.replace(park.charger, other.charger) + "}"), 400))
                .isEqualTo("chargerId: " + other.charger + " is not a charger of station " + park.station);
        assertThat(detail(admin.post("/api/v1/bays", base.replace("\"connectorId\":2", "\"connectorId\":1") + "}"), 409))
                .contains("has a bay already");
        assertThat(detail(admin.post("/api/v1/bays", base + ",\"lock\":{\"kind\":\"MQTT\"}}"), 400)).isEqualTo("lock.id: required for an MQTT lock");
        assertThat(detail(admin.post("/api/v1/bays", base + ",\"lock\":{\"kind\":\"CHAIN\"}}"), 400)).isEqualTo("lock.kind: must be NONE, YKC or MQTT");
        assertThat(admin.post("/api/v1/bays", base.replace("\"V-2\"", "\"V-1\"") + "}").status()).isEqualTo(409);
        assertThat(other.op.admin().post("/api/v1/bays", "{\"stationId\":" + park.station + ",\"name\":\"X\",\"chargerId\":\""
                + park.charger + "\",\"connectorId\":3}").status()).isEqualTo(404);

        var list = admin.get("/api/v1/bays?stationId=" + park.station);
        assertThat(list.body().get("total").asLong()).isEqualTo(1);
        assertThat(list.body().get("items").get(0).get("state").asString()).isEqualTo("FREE");
        assertThat(list.body().get("items").get(0).get("lock").get("kind").asString()).isEqualTo("YKC");
        assertThat(other.op.admin().get("/api/v1/bays/" + bay).status()).isEqualTo(404);
        assertThat(other.op.admin().get("/api/v1/bays?stationId=" + park.station).body().get("total").asLong()).isZero();
        assertThat(other.op.admin().delete("/api/v1/bays/" + bay).status()).isEqualTo(404);

        assertThat(admin.get("/api/v1/parking/settings/" + park.station).body().get("evPlateColours").toString())
                .isEqualTo("[\"GREEN\",\"YELLOW_GREEN\"]");
        assertThat(detail(admin.put("/api/v1/parking/settings/" + park.station, "{\"graceMinutes\":-1,\"evPlateColours\":[\"GREEN\"]}"), 400))
                .startsWith("graceMinutes: ");
        assertThat(detail(admin.put("/api/v1/parking/settings/" + park.station, "{\"graceMinutes\":5,\"evPlateColours\":[]}"), 400))
                .startsWith("evPlateColours: ");
        assertThat(detail(admin.put("/api/v1/parking/settings/" + park.station,
                "{\"graceMinutes\":5,\"evPlateColours\":[\"GREEN\"],\"allowedPlates\":[\"??\"]}"), 400)).contains("not a licence plate");
        assertThat(other.op.admin().put("/api/v1/parking/settings/" + park.station, "{\"graceMinutes\":5,\"evPlateColours\":[\"GREEN\"]}")
                .status()).isEqualTo(404);

        Instant now = Instant.now();
        assertThat(detail(admin.get("/api/v1/parking/stats?stationId=" + park.station + "&from=" + now + "&to=" + now), 400))
                .isEqualTo("to: must be after from");
        assertThat(other.op.admin().get("/api/v1/parking/stats?stationId=" + park.station + "&from=" + now.minusSeconds(60) + "&to="
                + now).status()).isEqualTo(404);
        var empty = admin.get("/api/v1/parking/stats?stationId=" + park.station + "&from=" + now.minusSeconds(60) + "&to=" + now);
        assertThat(empty.body().get("visits").asLong()).isZero();
    }

    private void awaitMqtt() {
        for (int i = 0; i < 100 && !mqtt.connected(); i++) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
        assertThat(mqtt.connected()).as("the platform is connected to Mosquitto").isTrue();
    }

    /** Reads until the condition holds, for up to 10 s (MQTT reports are handled asynchronously). */
    private static JsonNode eventually(Supplier<JsonNode> read, java.util.function.Predicate<JsonNode> condition) {
        JsonNode last = null;
        for (int i = 0; i < 100; i++) {
            last = read.get();
            if (condition.test(last)) return last;
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("not reached within 10 s: " + last);
    }

    private static String detail(Api.Response r, int status) {
        assertThat(r.status()).as(r.raw()).isEqualTo(status);
        return r.body().get("detail").asString();
    }

    private static void status(RawOcppClient cp, String status, Instant at) {
        var answer = cp.call("n" + status, "StatusNotification", "{\"connectorId\":1,\"errorCode\":\"NoError\",\"status\":\""
                + status + "\",\"timestamp\":\"" + at + "\"}");
        assertThat(answer.get(0).asInt()).as(answer.toString()).isEqualTo(3);
    }

    private static JsonNode order(CarPark park, long driver) {
        var orders = park.op.admin().get("/api/v1/orders?driverId=" + driver);
        assertThat(orders.status()).as(orders.raw()).isEqualTo(200);
        assertThat(orders.body().get("items").size()).isEqualTo(1);
        return orders.body().get("items").get(0);
    }

    private static String wallet(CarPark park, long driver) {
        return park.op.admin().get("/api/v1/drivers/" + driver + "/wallet").body().get("available").asString();
    }
}
