package io.pylon.server.ykc;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon.server.support.Charging;
import io.pylon.server.support.PylonIT;
import io.pylon.server.support.RawOcppClient;
import io.pylon.server.support.RawYkcPile;
import io.pylon.server.support.Tenants;
import io.pylon.server.support.Tenants.Tenant;
import io.pylon.server.support.YkcFrames;
import io.pylon.simulator.FleetConfig;
import io.pylon.simulator.SimulatedCharger;
import io.pylon.simulator.SimulatedFleet;
import io.pylon.simulator.YkcFleet;
import io.pylon.simulator.YkcFleetConfig;
import io.pylon.simulator.YkcPile;
import io.pylon.ykc.message.TransactionRecord;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * End to end: an OCPP charger and a YKC pile at one time-of-use tariff, with the same session (same card kind,
 * start, end and energy, delivered at constant power across band boundaries), produce the same bill — the
 * protocol changes nothing about what a driver pays.
 */
class YkcOcppSameBillIT extends PylonIT {

    private static final ZoneId CST = ZoneId.of("Asia/Shanghai");

    @Test
    void theSameSessionCostsTheSameOverOcppAndOverYkc() {
        Tenant op = Tenants.create(api, httpPort, "CNY");
        long station = timeOfUseStation(op);
        String ocppCharger = op.charger(op.code() + "-OCPP", station);
        String pile = op.charger(YkcFrames.newPile(), station);
        String ocppCard = driverCard(op, "+86131");
        String ykcCard = driverCard(op, "+86132");

        // 5½ hours from the next minute on (the tariff is in force from now): no band lasts 5 h or more, so the session
        // crosses bands whatever the time of day; 43.210 kWh at constant power
        LocalDateTime start = LocalDateTime.now(CST).truncatedTo(ChronoUnit.MINUTES).plusMinutes(2);
        LocalDateTime end = start.plusMinutes(330);
        long wh = 43_210;

        try (RawOcppClient cp = RawOcppClient.connect(ocppPort(), ocppCharger, null)) {
            cp.call("b", "BootNotification", "{\"chargePointVendor\":\"V\",\"chargePointModel\":\"M\"}");
            Instant from = start.atZone(CST).toInstant();
            long tx = cp.call("s", "StartTransaction", "{\"connectorId\":1,\"idTag\":\"" + ocppCard
                    + "\",\"meterStart\":0,\"timestamp\":\"" + from + "\"}").get(2).get("transactionId").asLong();
            cp.call("t", "StopTransaction", "{\"transactionId\":" + tx + ",\"meterStop\":" + wh + ",\"timestamp\":\""
                    + end.atZone(CST).toInstant() + "\"}");
        }
        try (RawYkcPile p = RawYkcPile.loggedIn(ykcPort(), pile, 1)) {
            String serial = pile + "01" + "000000000000" + "0001";
            var record = YkcFrames.record(serial, pile, 1, start, end, "43.2100", "0", TransactionRecord.OFFLINE_CARD, ykcCard);
            p.send(record);
            assertThat(((TransactionRecord.Confirmation) p.expect(TransactionRecord.CONFIRMATION).message()).accepted()).isTrue();
        }

        JsonNode ykc = sameBill(op, ocppCharger, pile, wh);
        assertThat(ykc.get("bill").get("flags").toString()).contains("CHARGER_AMOUNT_DIFFERS"); // the pile said 0
    }

    /**
     * The wording: simulated chargers, not hand-written frames. The OCPP simulator and the YKC simulator each
     * upload the same 5½-hour session (as a charger does with one it ran offline: OCPP StartTransaction/StopTransaction
     * with their own timestamps, a YKC offline-card transaction record split into bands by the billing model the
     * platform pushed to the pile); both orders come out with the same bill, and the pile's own amount agrees with it.
     */
    @Test
    void theSameSessionUploadedByTheTwoSimulatorsCostsTheSame() throws Exception {
        Tenant op = Tenants.create(api, httpPort, "CNY");
        long station = timeOfUseStation(op);
        String prefix = op.code().toUpperCase().replaceAll("[^A-Z0-9]", "") + "-SIMBILL-";
        FleetConfig ocppFleet = FleetConfig.defaults(URI.create(ocppUrl())).withIdPrefix(prefix).withCount(1)
                .withConnectorsPerCharger(1).withChargingShare(0).withConnectsPerSecond(0).withDcShare(0)
                .withCallTimeout(Duration.ofSeconds(10));
        String pilePrefix = YkcFrames.newPile().substring(0, 10);
        YkcFleetConfig ykcFleet = YkcFleetConfig.defaults("127.0.0.1", ykcPort()).withCount(1).withPilePrefix(pilePrefix).withGuns(1)
                .withCharging(0, List.of(), Duration.ofMinutes(20), 60).withRun(0, null, 1L, List.of());
        String charger = ocppFleet.chargerId(1);
        String pile = ykcFleet.pileCode(1);
        op.charger(charger, station);
        op.charger(pile, station);
        String ocppCard = driverCard(op, "+86133");
        String ykcCard = driverCard(op, "+86134");

        LocalDateTime start = LocalDateTime.now(CST).truncatedTo(ChronoUnit.MINUTES).plusMinutes(2);
        LocalDateTime end = start.plusMinutes(330);
        try (SimulatedFleet chargers = SimulatedFleet.start(ocppFleet); YkcFleet piles = YkcFleet.start(ykcFleet)) {
            SimulatedCharger cp = chargers.charger(charger);
            YkcPile p = piles.pile(pile);
            long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while ((!cp.isRegistered() || p.modelNumber() == 0) && System.nanoTime() < until) Thread.sleep(50);
            assertThat(cp.isRegistered()).as("OCPP charger registered").isTrue();
            assertThat(p.modelNumber()).as("the pile holds the station's billing model").isPositive();

            assertThat(cp.replaySession(1, ocppCard, start.atZone(CST).toInstant(), end.atZone(CST).toInstant(), 43_210)
                    .get(20, java.util.concurrent.TimeUnit.SECONDS)).isNotNull();
            p.replaySession(1, ykcCard, start, end, new BigDecimal("43.2100")).get(20, java.util.concurrent.TimeUnit.SECONDS);
        }

        JsonNode ykc = sameBill(op, charger, pile, 43_210);
        // the pile priced the session with the model pushed from the tariff: its amount agrees with the bill
        assertThat(ykc.get("bill").get("flags").toString()).doesNotContain("CHARGER_AMOUNT_DIFFERS");
    }

    /** A station with a time-of-use tariff in force from now on (no band lasts five hours or more). */
    private static long timeOfUseStation(Tenant op) {
        long station = op.station("Same bill");
        var tariff = op.admin().post("/api/v1/tariffs", """
                {"name":"TOU","terms":{"workdaySchedule":"00:00-05:00 VALLEY, 05:00-09:30 FLAT, 09:30-11:00 PEAK, 11:00-12:00 SHARP, 12:00-17:00 FLAT, 17:00-21:00 PEAK, 21:00-24:00 FLAT",
                 "prices":[{"band":"SHARP","electricityPerKwh":1.3,"servicePerKwh":0.8},{"band":"PEAK","electricityPerKwh":1.05,"servicePerKwh":0.7},
                 {"band":"FLAT","electricityPerKwh":0.71,"servicePerKwh":0.55},{"band":"VALLEY","electricityPerKwh":0.33,"servicePerKwh":0.45}]}}""");
        assertThat(tariff.status()).as(tariff.raw()).isEqualTo(201);
        assertThat(op.admin().put("/api/v1/stations/" + station + "/tariff", "{\"tariffId\":" + tariff.body().get("id").asLong() + "}").status()).isEqualTo(200);
        return station;
    }

    /** A driver with a wallet and a card of their own; the card. */
    private static String driverCard(Tenant op, String phonePrefix) {
        String card = YkcFrames.newCard();
        Charging.driverWithBalance(op, YkcFrames.newPhone(phonePrefix), "500", card);
        return card;
    }

    /** The two chargers' orders have the same energy, bill lines, totals, payable amount and state; the pile's order. */
    private static JsonNode sameBill(Tenant op, String ocppCharger, String pile, long wh) {
        JsonNode ocpp = op.admin().get("/api/v1/orders?chargerId=" + ocppCharger).body().get("items").get(0);
        JsonNode ykc = op.admin().get("/api/v1/orders?chargerId=" + pile).body().get("items").get(0);
        assertThat(ykc.get("bill").isNull() || ocpp.get("bill").isNull()).as(ocpp + "\n" + ykc).isFalse();
        assertThat(ykc.get("energyWh").asLong()).isEqualTo(ocpp.get("energyWh").asLong()).isEqualTo(wh);
        assertThat(lines(ykc)).as(ykc.toString()).isEqualTo(lines(ocpp)).hasSizeGreaterThan(1);
        assertThat(ykc.get("totals").toString()).isEqualTo(ocpp.get("totals").toString());
        assertThat(ykc.get("payable").get("amount").decimalValue())
                .isEqualByComparingTo(ocpp.get("payable").get("amount").decimalValue()).isGreaterThan(BigDecimal.TEN);
        assertThat(ykc.get("state").asString()).isEqualTo(ocpp.get("state").asString());
        return ykc;
    }

    private static List<String> lines(JsonNode order) {
        return java.util.stream.StreamSupport.stream(order.get("bill").get("lines").spliterator(), false)
                .map(JsonNode::toString).toList();
    }
}
