package io.pylon.server.order;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon.server.support.PylonIT;
import io.pylon.server.support.RawOcppClient;
import io.pylon.server.support.Tenants;
import io.pylon.server.support.Tenants.Tenant;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The idle (occupancy) fee on real sessions: the charger's status reports say when the car stopped taking
 * energy and when it left; the order waits for the car to leave, then charges the idle minutes after the grace
 * period and is paid from the wallet.
 */
class IdleFeeIT extends PylonIT {

    private Tenant op;
    private String charger;

    @BeforeEach
    void tariffWithIdleFee() {
        op = Tenants.create(api, httpPort, "CNY");
        long station = op.station("Idle Station");
        var tariff = op.admin().post("/api/v1/tariffs", """
                {"name":"Flat + idle","terms":{"workdaySchedule":"00:00-24:00 FLAT",
                 "prices":[{"band":"FLAT","electricityPerKwh":0.6,"servicePerKwh":0.4}],
                 "idleFee":{"perMinute":0.5,"graceMinutes":10,"cap":30}}}""");
        assertThat(tariff.status()).as(tariff.raw()).isEqualTo(201);
        var assign = op.admin().put("/api/v1/stations/" + station + "/tariff", "{\"tariffId\":" + tariff.body().get("id").asLong() + "}");
        assertThat(assign.status()).as(assign.raw()).isEqualTo(200);
        charger = op.charger(op.code() + "-I1", station);
    }

    @Test
    void theOrderWaitsForTheCarToLeaveThenChargesItsIdleMinutes() {
        long driver = op.driver("+8613600000001");
        var topUp = op.admin().post("/api/v1/drivers/" + driver + "/wallet/top-ups",
                "{\"amount\":100,\"method\":\"CASH\",\"reference\":\"till\",\"idempotencyKey\":\"idle-1\"}");
        assertThat(topUp.status()).as(topUp.raw()).isEqualTo(201);
        String card = op.card(op.code().replace("-", "") + "I", driver);
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        try (RawOcppClient cp = RawOcppClient.connect(ocppPort(), charger, null)) {
            cp.call("b", "BootNotification", "{\"chargePointVendor\":\"V\",\"chargePointModel\":\"M\"}");
            status(cp, "Preparing", start.minusSeconds(5));
            long tx = cp.call("s", "StartTransaction", "{\"connectorId\":1,\"idTag\":\"" + card
                    + "\",\"meterStart\":0,\"timestamp\":\"" + start + "\"}").get(2).get("transactionId").asLong();
            status(cp, "Charging", start.plusSeconds(1));
            status(cp, "SuspendedEV", start.plusSeconds(40 * 60)); // full after 40 minutes
            cp.call("t", "StopTransaction", "{\"transactionId\":" + tx + ",\"meterStop\":20000,\"reason\":\"Local\",\"timestamp\":\""
                    + start.plusSeconds(60 * 60) + "\"}");
            status(cp, "Finishing", start.plusSeconds(60 * 60));

            JsonNode waiting = order(driver);
            assertThat(waiting.get("state").asString()).as(waiting.toString()).isEqualTo("FINISHED");
            assertThat(Instant.parse(waiting.get("awaitingPlugOutSince").asString())).isEqualTo(start.plusSeconds(40 * 60));
            assertThat(wallet(driver).get("onHold").asString()).isEqualTo("20.00");

            status(cp, "Available", start.plusSeconds(75 * 60 + 30)); // 35 idle minutes, 25 after the grace
        }
        JsonNode paid = order(driver);
        assertThat(paid.get("state").asString()).as(paid.toString()).isEqualTo("SETTLED");
        assertThat(paid.get("awaitingPlugOutSince").isNull()).isTrue();
        assertThat(Instant.parse(paid.get("pluggedOutAt").asString())).isEqualTo(start.plusSeconds(75 * 60 + 30));
        assertThat(paid.get("bill").get("idleFee").get("idleMinutes").asLong()).isEqualTo(35);
        assertThat(paid.get("bill").get("idleFee").get("billedMinutes").asLong()).isEqualTo(25);
        assertThat(paid.get("totals").get("idleFee").get("amount").decimalValue()).isEqualByComparingTo("12.50");
        assertThat(paid.get("payable").get("amount").decimalValue()).isEqualByComparingTo("32.50"); // 20 kWh × 1.00 + 12.50
        assertThat(wallet(driver).get("available").asString()).isEqualTo("67.50");
        assertThat(wallet(driver).get("onHold").asString()).isEqualTo("0.00");

        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        var report = op.admin().get("/api/v1/reports/usage?from=" + today.minusDays(2) + "&to=" + today.plusDays(1));
        assertThat(report.body().get(0).get("idleFees").decimalValue()).isEqualByComparingTo("12.50");
        var month = op.admin().get("/api/v1/reports/usage?period=MONTH&from=" + today.withDayOfMonth(1) + "&to="
                + today.withDayOfMonth(today.lengthOfMonth()));
        assertThat(month.body().get(0).get("idleFees").decimalValue()).as(month.raw()).isEqualByComparingTo("12.50");
        assertThat(month.body().get(0).get("refunds").decimalValue()).isEqualByComparingTo("0.00");
    }

    @Test
    void unpluggingStopsTheSessionAndChargesTheIdleTimeAtOnce() {
        long driver = op.driver("+8613600000002");
        op.admin().post("/api/v1/drivers/" + driver + "/wallet/top-ups",
                "{\"amount\":100,\"method\":\"CASH\",\"reference\":\"till\",\"idempotencyKey\":\"idle-2\"}");
        String card = op.card(op.code().replace("-", "") + "J", driver);
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        try (RawOcppClient cp = RawOcppClient.connect(ocppPort(), charger, null)) {
            cp.call("b", "BootNotification", "{\"chargePointVendor\":\"V\",\"chargePointModel\":\"M\"}");
            long tx = cp.call("s", "StartTransaction", "{\"connectorId\":2,\"idTag\":\"" + card
                    + "\",\"meterStart\":0,\"timestamp\":\"" + start + "\"}").get(2).get("transactionId").asLong();
            status(cp, 2, "Charging", start.plusSeconds(1));
            status(cp, 2, "SuspendedEV", start.plusSeconds(30 * 60));
            cp.call("t", "StopTransaction", "{\"transactionId\":" + tx + ",\"meterStop\":10000,\"reason\":\"EVDisconnected\",\"timestamp\":\""
                    + start.plusSeconds(120 * 60) + "\"}"); // 90 idle minutes, 80 billed = 40.00, capped at 30.00
        }
        JsonNode paid = order(driver);
        assertThat(paid.get("state").asString()).as(paid.toString()).isEqualTo("SETTLED");
        assertThat(paid.get("totals").get("idleFee").get("amount").decimalValue()).isEqualByComparingTo("30.00");
        assertThat(paid.get("payable").get("amount").decimalValue()).isEqualByComparingTo("40.00");
    }

    private static void status(RawOcppClient cp, String status, Instant at) {
        status(cp, 1, status, at);
    }

    private static void status(RawOcppClient cp, int connector, String status, Instant at) {
        var answer = cp.call("n" + status, "StatusNotification", "{\"connectorId\":" + connector
                + ",\"errorCode\":\"NoError\",\"status\":\"" + status + "\",\"timestamp\":\"" + at + "\"}");
        assertThat(answer.get(0).asInt()).as(answer.toString()).isEqualTo(3);
    }

    private JsonNode order(long driver) {
        var orders = op.admin().get("/api/v1/orders?driverId=" + driver);
        assertThat(orders.status()).as(orders.raw()).isEqualTo(200);
        assertThat(orders.body().get("items").size()).isEqualTo(1);
        return orders.body().get("items").get(0);
    }

    private JsonNode wallet(long driver) {
        return op.admin().get("/api/v1/drivers/" + driver + "/wallet").body();
    }
}
