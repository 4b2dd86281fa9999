package io.pylon.server.ykc;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon.server.support.Charging;
import io.pylon.server.support.PylonIT;
import io.pylon.server.support.RawYkcPile;
import io.pylon.server.support.Tenants;
import io.pylon.server.support.Tenants.Tenant;
import io.pylon.server.support.YkcFrames;
import io.pylon.ykc.message.RealTimeData;
import io.pylon.ykc.message.RemoteStart;
import io.pylon.ykc.message.RemoteStop;
import io.pylon.ykc.message.StartRequest;
import io.pylon.ykc.message.TransactionRecord;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Sessions of YKC piles over real sockets, on the same path as OCPP ones: a card start and its record make
 * one settled order; a record sent three times bills once; remote start and stop through the REST commands.
 */
class YkcSessionIT extends PylonIT {

    private static final ZoneId CST = ZoneId.of("Asia/Shanghai");
    private Tenant op;
    private String pile;

    @BeforeEach
    void pileAtAFlatTariffStation() {
        op = Tenants.create(api, httpPort, "CNY");
        pile = Charging.ykcPileAtFlatTariffStation(op, "YKC sessions"); // 0.60 + 0.40 per kWh
    }

    @Test
    void aCardSessionBecomesOneSettledOrderHoweverOftenItsRecordIsSent() {
        String card = YkcFrames.newCard();
        long driver = Charging.driverWithBalance(op, YkcFrames.newPhone("+86137"), "100", card);
        try (RawYkcPile p = RawYkcPile.loggedIn(ykcPort(), pile, 2)) {
            p.send(YkcFrames.cardStart(pile, 2, card));
            StartRequest.Authorisation auth = (StartRequest.Authorisation) p.expect(StartRequest.AUTHORISATION).message();
            assertThat(auth.accepted()).isTrue();
            assertThat(auth.transaction()).startsWith(pile + "02").hasSize(32);
            assertThat(auth.balance()).isEqualByComparingTo("80.00"); // 100 less the 20.00 held for the session
            String serial = auth.transaction();

            p.send(YkcFrames.report(serial, pile, 2, RealTimeData.CHARGING, "5.0000", "5.0000"));
            p.send(YkcFrames.report(serial, pile, 2, RealTimeData.CHARGING, "10.0000", "10.0000"));
            LocalDateTime start = LocalDateTime.now(CST).truncatedTo(ChronoUnit.SECONDS);
            var record = YkcFrames.record(serial, pile, 2, start, start.plusMinutes(30), "20.0000", "20.0000",
                    TransactionRecord.CARD, card);
            for (int i = 0; i < 3; i++) {
                int seq = p.send(record);
                RawYkcPile.Received confirmation = p.expect(TransactionRecord.CONFIRMATION);
                assertThat(confirmation.sequence()).isEqualTo(seq);
                assertThat(confirmation.message()).isEqualTo(new TransactionRecord.Confirmation(serial, true));
            }
        }
        JsonNode orders = op.admin().get("/api/v1/orders?chargerId=" + pile).body().get("items");
        assertThat(orders).hasSize(1);
        JsonNode order = orders.get(0);
        assertThat(order.get("state").asString()).as(order.toString()).isEqualTo("SETTLED");
        assertThat(order.get("energyWh").asLong()).isEqualTo(20_000);
        assertThat(order.get("connectorId").asInt()).isEqualTo(2);
        assertThat(order.get("payable").get("amount").decimalValue()).isEqualByComparingTo("20.00");
        assertThat(order.get("bill").get("flags").toString()).doesNotContain("CHARGER_AMOUNT_DIFFERS");
        assertThat(op.admin().get("/api/v1/drivers/" + driver + "/wallet").body().get("available").asString()).isEqualTo("80.00");
        var session = op.admin().get("/api/v1/sessions/" + order.get("sessionId").asLong());
        assertThat(session.raw()).contains("Energy.Active.Import.Register").contains("\"10000\"").contains("Voltage");
    }

    @Test
    void twoIdleReportsDuringASessionCloseItAndFlagTheOrder() {
        String card = YkcFrames.newCard();
        Charging.driverWithBalance(op, YkcFrames.newPhone("+86136"), "100", card);
        try (RawYkcPile p = RawYkcPile.loggedIn(ykcPort(), pile, 1)) {
            p.send(YkcFrames.cardStart(pile, 1, card));
            String serial = ((StartRequest.Authorisation) p.expect(StartRequest.AUTHORISATION).message()).transaction();
            p.send(YkcFrames.report(serial, pile, 1, RealTimeData.CHARGING, "4.0000", "4.0000"));
            p.send(YkcFrames.report(serial, pile, 1, RealTimeData.IDLE, "4.0000", "4.0000"));
            p.send(YkcFrames.report(serial, pile, 1, RealTimeData.CHARGING, "5.0000", "5.0000")); // charging again: count restarts
            p.send(YkcFrames.report(serial, pile, 1, RealTimeData.IDLE, "5.0000", "5.0000"));
            handled(p);
            JsonNode running = op.admin().get("/api/v1/orders?chargerId=" + pile).body().get("items").get(0);
            assertThat(has(running, "stoppedAt")).as("one idle report is not enough: " + running).isFalse();

            p.send(YkcFrames.report(serial, pile, 1, RealTimeData.IDLE, "5.0000", "5.0000"));
            handled(p);
        }
        JsonNode order = op.admin().get("/api/v1/orders?chargerId=" + pile).body().get("items").get(0);
        assertThat(has(order, "stoppedAt")).as(order.toString()).isTrue();
        assertThat(order.get("energyWh").asLong()).isEqualTo(5000); // the energy last reported
        assertThat(order.get("bill").get("flags").toString()).contains("CHARGER_REPORTED_IDLE");
        var session = op.admin().get("/api/v1/sessions/" + order.get("sessionId").asLong());
        assertThat(session.raw()).contains("IdleDuringSession");
    }

    private static boolean has(JsonNode node, String field) {
        return !node.path(field).isMissingNode() && !node.path(field).isNull();
    }

    /** Waits until the platform handled what the pile sent before (a pile's frames are handled in order). */
    private void handled(RawYkcPile p) {
        p.send(new io.pylon.ykc.message.Heartbeat.Ping(pile, 1, false));
        p.expect(io.pylon.ykc.message.Heartbeat.PONG);
    }

    @Test
    void aPileAmountThatDiffersFromTheBillIsFlaggedOnTheOrder() {
        String card = YkcFrames.newCard();
        Charging.driverWithBalance(op, YkcFrames.newPhone("+86138"), "100", card);
        try (RawYkcPile p = RawYkcPile.loggedIn(ykcPort(), pile, 1)) {
            p.send(YkcFrames.cardStart(pile, 1, card));
            String serial = ((StartRequest.Authorisation) p.expect(StartRequest.AUTHORISATION).message()).transaction();
            LocalDateTime start = LocalDateTime.now(CST).truncatedTo(ChronoUnit.SECONDS);
            p.send(YkcFrames.record(serial, pile, 1, start, start.plusMinutes(10), "10.0000", "12.5000",
                    TransactionRecord.CARD, card));
            assertThat(((TransactionRecord.Confirmation) p.expect(TransactionRecord.CONFIRMATION).message()).accepted()).isTrue();
        }
        JsonNode order = op.admin().get("/api/v1/orders?chargerId=" + pile).body().get("items").get(0);
        assertThat(order.get("payable").get("amount").decimalValue()).isEqualByComparingTo("10.00");
        assertThat(order.get("bill").get("flags").toString()).contains("CHARGER_AMOUNT_DIFFERS");
    }

    @Test
    void remoteStartAndStopThroughTheRestCommands() throws Exception {
        String card = YkcFrames.newCard();
        Charging.driverWithBalance(op, YkcFrames.newPhone("+86139"), "50", card);
        try (RawYkcPile p = RawYkcPile.loggedIn(ykcPort(), pile, 1)) {
            CompletableFuture<JsonNode> started = CompletableFuture.supplyAsync(() -> op.admin().post(
                    "/api/v1/chargers/" + pile + "/commands/remote-start", "{\"connectorId\":1,\"idTag\":\"" + card + "\"}").body());
            RawYkcPile.Received command = p.expect(RemoteStart.COMMAND);
            RemoteStart.Command start = (RemoteStart.Command) command.message();
            assertThat(start.pile()).isEqualTo(pile);
            assertThat(start.physicalCard()).endsWith(card);
            assertThat(start.logicalCard()).isEqualTo("0".repeat(16)); // the test card's printed number is not numeric
            p.send(command.sequence(), new RemoteStart.Reply(start.transaction(), pile, 1, true, 0));
            JsonNode result = started.get();
            assertThat(result.get("status").asString()).as(result.toString()).isEqualTo("Accepted");
            long session = result.get("data").get("transactionId").asLong();
            assertThat(result.get("data").get("transactionSerial").asString()).isEqualTo(start.transaction());

            p.send(YkcFrames.report(start.transaction(), pile, 1, RealTimeData.CHARGING, "3.0000", "3.0000"));
            CompletableFuture<JsonNode> stopped = CompletableFuture.supplyAsync(() -> op.admin().post(
                    "/api/v1/chargers/" + pile + "/commands/remote-stop", "{\"transactionId\":" + session + "}").body());
            RawYkcPile.Received stop = p.expect(RemoteStop.COMMAND);
            assertThat(stop.message()).isEqualTo(new RemoteStop.Command(pile, 1));
            p.send(stop.sequence(), new RemoteStop.Reply(pile, 1, true, 0));
            assertThat(stopped.get().get("status").asString()).isEqualTo("Accepted");

            LocalDateTime now = LocalDateTime.now(CST).truncatedTo(ChronoUnit.SECONDS);
            p.send(YkcFrames.record(start.transaction(), pile, 1, now.minusMinutes(5), now, "4.0000", "4.0000",
                    TransactionRecord.APP, "0"));
            assertThat(((TransactionRecord.Confirmation) p.expect(TransactionRecord.CONFIRMATION).message()).accepted()).isTrue();
            JsonNode order = op.admin().get("/api/v1/orders?chargerId=" + pile).body().get("items").get(0);
            assertThat(order.get("sessionId").asLong()).as(order.toString()).isEqualTo(session);
            assertThat(order.get("energyWh").asLong()).isEqualTo(4000);
            assertThat(order.get("payable").get("amount").decimalValue()).as(order.toString()).isEqualByComparingTo("4.00");
        }
    }

    @Test
    void otherCommandsReachThePileAndOfflinePilesFailAtOnce() throws Exception {
        try (RawYkcPile p = RawYkcPile.loggedIn(ykcPort(), pile, 1)) {
            CompletableFuture<JsonNode> reset = CompletableFuture.supplyAsync(() -> op.admin().post(
                    "/api/v1/chargers/" + pile + "/commands/reset", "{\"type\":\"Hard\"}").body());
            RawYkcPile.Received reboot = p.expect(io.pylon.ykc.message.RemoteReboot.COMMAND);
            assertThat(((io.pylon.ykc.message.RemoteReboot.Command) reboot.message()).when()).isEqualTo(1);
            p.send(reboot.sequence(), new io.pylon.ykc.message.RemoteReboot.Reply(pile, true));
            assertThat(reset.get().get("status").asString()).isEqualTo("Accepted");

            CompletableFuture<JsonNode> lock = CompletableFuture.supplyAsync(() -> op.admin().post(
                    "/api/v1/chargers/" + pile + "/commands/parking-lock", "{\"connectorId\":1,\"action\":\"Lower\"}").body());
            RawYkcPile.Received lower = p.expect(io.pylon.ykc.message.ParkingLock.COMMAND);
            assertThat(((io.pylon.ykc.message.ParkingLock.Command) lower.message()).raise()).isFalse();
            p.send(lower.sequence(), new io.pylon.ykc.message.ParkingLock.Reply(pile, 1, false, 1));
            assertThat(lock.get().get("status").asString()).isEqualTo("Rejected");

            CompletableFuture<JsonNode> work = CompletableFuture.supplyAsync(() -> op.admin().post(
                    "/api/v1/chargers/" + pile + "/commands/work-parameters", "{\"enabled\":true,\"maxPowerPercent\":60}").body());
            RawYkcPile.Received set = p.expect(io.pylon.ykc.message.WorkParameters.SET);
            assertThat(set.message()).isEqualTo(new io.pylon.ykc.message.WorkParameters.Set(pile, true, 60));
            p.send(set.sequence(), new io.pylon.ykc.message.WorkParameters.Reply(pile, true));
            assertThat(work.get().get("status").asString()).isEqualTo("Accepted");

            CompletableFuture<JsonNode> clock = CompletableFuture.supplyAsync(() -> op.admin().post(
                    "/api/v1/chargers/" + pile + "/commands/clock-sync", "").body());
            p.expect(io.pylon.ykc.message.ClockSync.SET); // the one sent at login
            RawYkcPile.Received sync = p.expect(io.pylon.ykc.message.ClockSync.SET);
            var time = ((io.pylon.ykc.message.ClockSync) sync.message()).time();
            p.send(sync.sequence(), new io.pylon.ykc.message.ClockSync(io.pylon.ykc.message.ClockSync.REPLY, pile, time));
            assertThat(clock.get().get("status").asString()).isEqualTo("Accepted");

            var badPower = op.admin().post("/api/v1/chargers/" + pile + "/commands/work-parameters",
                    "{\"enabled\":true,\"maxPowerPercent\":20}");
            assertThat(badPower.status()).isEqualTo(400);
        }
        var offline = op.admin().post("/api/v1/chargers/" + pile + "/commands/reset", "{\"type\":\"Soft\"}");
        assertThat(offline.status()).as(offline.raw()).isEqualTo(409);
    }
}
