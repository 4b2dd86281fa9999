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

/**
 * A driver's session from card to receipt: the wallet holds money at start, the stop bills the session at
 * the station's tariff, the bill is paid from the hold, refunds go back to the wallet once, and the day's
 * report shows it all.
 */
class OrderFlowIT extends PylonIT {

    private Tenant op;
    private long station;
    private String charger;

    @BeforeEach
    void operatorWithTariff() {
        op = Tenants.create(api, httpPort, "CNY");
        station = op.station("Flow Station");
        io.pylon.server.support.Charging.flatTariff(op, station);
        charger = op.charger(op.code() + "-F1", station);
    }

    private long driverWithBalance(String phone, String amount) {
        long driver = op.driver(phone);
        var topUp = op.admin().post("/api/v1/drivers/" + driver + "/wallet/top-ups", "{\"amount\":" + amount
                + ",\"method\":\"CASH\",\"reference\":\"till-1\",\"idempotencyKey\":\"t-" + phone + "\"}");
        assertThat(topUp.status()).as(topUp.raw()).isIn(200, 201);
        return driver;
    }

    @Test
    void aSessionIsHeldBilledPaidRefundedAndReported() {
        long driver = driverWithBalance("+8613700000001", "100.00");
        String card = op.card(op.code().replace("-", "") + "F", driver);
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1); // after the tariff came into force
        try (RawOcppClient cp = RawOcppClient.connect(ocppPort(), charger, null)) {
            cp.call("b", "BootNotification", "{\"chargePointVendor\":\"V\",\"chargePointModel\":\"M\"}");
            cp.call("n", "StatusNotification", "{\"connectorId\":1,\"errorCode\":\"NoError\",\"status\":\"Charging\"}");
            var started = cp.call("s", "StartTransaction", "{\"connectorId\":1,\"idTag\":\"" + card
                    + "\",\"meterStart\":20000,\"timestamp\":\"" + start + "\"}");
            assertThat(started.get(2).get("idTagInfo").get("status").asString()).isEqualTo("Accepted");
            long tx = started.get(2).get("transactionId").asLong();
            assertThat(wallet(driver).get("onHold").asString()).isEqualTo("20.00");
            cp.call("m", "MeterValues", "{\"connectorId\":1,\"transactionId\":" + tx + ",\"meterValue\":[{\"timestamp\":\""
                    + start.plusSeconds(1800) + "\",\"sampledValue\":[{\"value\":\"25000\",\"measurand\":\"Energy.Active.Import.Register\",\"unit\":\"Wh\"}]}]}");
            cp.call("t", "StopTransaction", "{\"transactionId\":" + tx + ",\"meterStop\":30000,\"timestamp\":\""
                    + start.plusSeconds(3600) + "\"}");
        }
        var orders = op.admin().get("/api/v1/orders?driverId=" + driver).body().get("items");
        assertThat(orders.size()).isEqualTo(1);
        var order = orders.get(0);
        assertThat(order.get("state").asString()).as(order.toString()).isEqualTo("SETTLED");
        assertThat(order.get("energyWh").asLong()).isEqualTo(10_000);
        assertThat(order.get("bill").get("lines").get(0).get("band").asString()).isEqualTo("FLAT");
        assertThat(order.get("payable").get("amount").decimalValue()).isEqualByComparingTo("10.00");
        assertThat(order.get("payable").size()).as("money is amount and currency only").isEqualTo(2);
        assertThat(order.get("payable").get("currency").asString()).isEqualTo("CNY");
        assertThat(wallet(driver).get("available").asString()).isEqualTo("90.00");
        assertThat(wallet(driver).get("onHold").asString()).isEqualTo("0.00");

        long orderId = order.get("id").asLong();
        String refund = "{\"amount\":3.00,\"reason\":\"slow charging\",\"idempotencyKey\":\"rf-1\"}";
        assertThat(op.admin().post("/api/v1/orders/" + orderId + "/refunds", refund).status()).isEqualTo(200);
        var again = op.admin().post("/api/v1/orders/" + orderId + "/refunds", refund);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().get("refunded").get("amount").decimalValue()).isEqualByComparingTo("3.00");
        var tooMuch = op.admin().post("/api/v1/orders/" + orderId + "/refunds", "{\"amount\":7.01,\"reason\":\"x\",\"idempotencyKey\":\"rf-2\"}");
        assertThat(tooMuch.status()).as(tooMuch.raw()).isEqualTo(409);
        assertThat(wallet(driver).get("available").asString()).isEqualTo("93.00");

        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        var report = op.admin().get("/api/v1/reports/usage?from=" + today.minusDays(2) + "&to=" + today.plusDays(1));
        assertThat(report.status()).as(report.raw()).isEqualTo(200);
        assertThat(report.body().size()).isEqualTo(1);
        assertThat(report.body().get(0).get("sessions").asLong()).isEqualTo(1);
        assertThat(report.body().get(0).get("flatWh").asLong()).isEqualTo(10_000);
        assertThat(report.body().get(0).get("netRevenue").decimalValue()).isEqualByComparingTo("7.00");
        LocalDate month = today.withDayOfMonth(1); // a whole month is read from report_monthly, kept with the days
        var monthly = op.admin().get("/api/v1/reports/usage?period=MONTH&from=" + month + "&to=" + month.withDayOfMonth(month.lengthOfMonth()));
        assertThat(monthly.body().get(0).get("sessions").asLong()).isEqualTo(1);
        assertThat(monthly.body().get(0).get("netRevenue").decimalValue()).isEqualByComparingTo("7.00");
        var csv = op.admin().get("/api/v1/reports/usage?format=csv&from=" + today.minusDays(2) + "&to=" + today.plusDays(1));
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.raw()).startsWith("period,operator_id,station_id").contains(",10000,");
        assertThat(op.admin().get("/api/v1/reports/charger-status").body().get("total").asLong()).isEqualTo(1);
    }

    @Test
    void aDriverWhoseWalletCannotCoverTheHoldIsRefused() {
        long driver = driverWithBalance("+8613700000002", "5.00");
        String card = op.card(op.code().replace("-", "") + "P", driver);
        try (RawOcppClient cp = RawOcppClient.connect(ocppPort(), charger, null)) {
            cp.call("b", "BootNotification", "{\"chargePointVendor\":\"V\",\"chargePointModel\":\"M\"}");
            var started = cp.call("s", "StartTransaction", "{\"connectorId\":2,\"idTag\":\"" + card
                    + "\",\"meterStart\":0,\"timestamp\":\"" + Instant.now() + "\"}");
            assertThat(started.get(2).get("idTagInfo").get("status").asString()).isEqualTo("Blocked");
        }
        assertThat(wallet(driver).get("available").asString()).isEqualTo("5.00");
    }

    /** An anonymous card's session is billed, waits for payment, is paid once at the till and can be refunded. */
    @Test
    void anAnonymousCardsOrderIsPaidLaterAndRefundedOutOfTheBooks() {
        String card = op.code().replace("-", "") + "A";
        var created = op.admin().post("/api/v1/id-tokens", "{\"idTag\":\"" + card + "\",\"logicalNumber\":\"L" + card + "\"}");
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        try (RawOcppClient cp = RawOcppClient.connect(ocppPort(), charger, null)) {
            cp.call("b", "BootNotification", "{\"chargePointVendor\":\"V\",\"chargePointModel\":\"M\"}");
            var started = cp.call("s", "StartTransaction", "{\"connectorId\":1,\"idTag\":\"" + card
                    + "\",\"meterStart\":0,\"timestamp\":\"" + start + "\"}");
            assertThat(started.get(2).get("idTagInfo").get("status").asString()).isEqualTo("Accepted");
            cp.call("t", "StopTransaction", "{\"transactionId\":" + started.get(2).get("transactionId").asLong()
                    + ",\"meterStop\":8000,\"timestamp\":\"" + start.plusSeconds(1800) + "\"}");
        }
        var order = op.admin().get("/api/v1/orders?chargerId=" + charger + "&state=FINISHED").body().get("items").get(0);
        long id = order.get("id").asLong();
        assertThat(order.get("driverId").isNull()).isTrue();
        assertThat(order.get("payable").get("amount").decimalValue()).isEqualByComparingTo("8.00");

        var early = op.admin().post("/api/v1/orders/" + id + "/refunds", "{\"amount\":1,\"reason\":\"x\",\"idempotencyKey\":\"a-0\"}");
        assertThat(early.status()).as("nothing paid yet, nothing to refund").isEqualTo(409);
        var missing = op.admin().post("/api/v1/orders/" + id + "/payments", "{\"method\":\"CASH\"}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.raw()).contains("reference");
        var badMethod = op.admin().post("/api/v1/orders/" + id + "/payments", "{\"method\":\"BITCOIN\",\"reference\":\"R\"}");
        assertThat(badMethod.status()).isEqualTo(400);

        var paid = op.admin().post("/api/v1/orders/" + id + "/payments", "{\"method\":\"CASH\",\"reference\":\"R-17\"}");
        assertThat(paid.status()).as(paid.raw()).isEqualTo(200);
        assertThat(paid.body().get("state").asString()).isEqualTo("SETTLED");
        var again = op.admin().post("/api/v1/orders/" + id + "/payments", "{\"method\":\"CARD_TERMINAL\",\"reference\":\"T-9\"}");
        assertThat(again.status()).as("paid once; a repeat changes nothing").isEqualTo(200);
        assertThat(clearing()).isEqualByComparingTo("-8.00");

        var refund = op.admin().post("/api/v1/orders/" + id + "/refunds", "{\"amount\":2.50,\"reason\":\"fault\",\"idempotencyKey\":\"a-1\"}");
        assertThat(refund.status()).as(refund.raw()).isEqualTo(200);
        assertThat(refund.body().get("refunded").get("amount").decimalValue()).isEqualByComparingTo("2.50");
        var tooMuch = op.admin().post("/api/v1/orders/" + id + "/refunds", "{\"amount\":5.51,\"reason\":\"x\",\"idempotencyKey\":\"a-2\"}");
        assertThat(tooMuch.status()).isEqualTo(409);
        assertThat(clearing()).isEqualByComparingTo("-5.50");
        assertThat(op.admin().get("/api/v1/ledger/trial-balance").body().get("balanced").asBoolean()).isTrue();

        var walletOrder = op.admin().get("/api/v1/orders?state=SETTLED").body().get("items");
        for (var o : walletOrder) {
            if (!o.get("driverId").isNull()) {
                var refused = op.admin().post("/api/v1/orders/" + o.get("id").asLong() + "/payments",
                        "{\"method\":\"CASH\",\"reference\":\"R\"}");
                assertThat(refused.status()).isEqualTo(409);
            }
        }
    }

    private java.math.BigDecimal clearing() {
        var books = op.admin().get("/api/v1/ledger/trial-balance").body().get("books").get(0).get("accounts");
        for (var account : books) {
            if (account.get("account").asString().equals("PAYMENT_CLEARING")) return new java.math.BigDecimal(account.get("balance").asString());
        }
        return java.math.BigDecimal.ZERO;
    }

    /** Two refunds of one order and many top-ups racing through the REST API: money is never made or lost. */
    @Test
    void racingRefundsAndTopUpsOverTheApiAreSafe() throws Exception {
        long driver = driverWithBalance("+8613700000003", "50.00");
        String card = op.card(op.code().replace("-", "") + "R", driver);
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        try (RawOcppClient cp = RawOcppClient.connect(ocppPort(), charger, null)) {
            cp.call("b", "BootNotification", "{\"chargePointVendor\":\"V\",\"chargePointModel\":\"M\"}");
            long tx = cp.call("s", "StartTransaction", "{\"connectorId\":1,\"idTag\":\"" + card
                    + "\",\"meterStart\":0,\"timestamp\":\"" + start + "\"}").get(2).get("transactionId").asLong();
            cp.call("t", "StopTransaction", "{\"transactionId\":" + tx + ",\"meterStop\":10000,\"timestamp\":\""
                    + start.plusSeconds(3600) + "\"}");
        }
        long orderId = op.admin().get("/api/v1/orders?driverId=" + driver).body().get("items").get(0).get("id").asLong();
        assertThat(wallet(driver).get("available").asString()).isEqualTo("40.00"); // paid 10.00

        int racers = 6;
        var pool = java.util.concurrent.Executors.newFixedThreadPool(racers);
        try {
            var gate = new java.util.concurrent.CountDownLatch(1);
            java.util.List<java.util.concurrent.Future<Integer>> refunds = new java.util.ArrayList<>();
            for (int i = 0; i < racers; i++) {
                String body = "{\"amount\":6.00,\"reason\":\"race\",\"idempotencyKey\":\"race-" + i + "\"}";
                refunds.add(pool.submit(() -> {
                    gate.await();
                    return op.admin().post("/api/v1/orders/" + orderId + "/refunds", body).status();
                }));
            }
            java.util.List<java.util.concurrent.Future<Integer>> topUps = new java.util.ArrayList<>();
            for (int i = 0; i < racers; i++) {
                String key = i % 2 == 0 ? "same-key" : "key-" + i; // three racers share one key: it credits once
                topUps.add(pool.submit(() -> {
                    gate.await();
                    return op.admin().post("/api/v1/drivers/" + driver + "/wallet/top-ups", "{\"amount\":1.00,"
                            + "\"method\":\"CASH\",\"reference\":\"race\",\"idempotencyKey\":\"" + key + "\"}").status();
                }));
            }
            gate.countDown();
            java.util.List<Integer> refundStatuses = new java.util.ArrayList<>();
            for (var f : refunds) refundStatuses.add(f.get(30, java.util.concurrent.TimeUnit.SECONDS));
            for (var f : topUps) assertThat(f.get(30, java.util.concurrent.TimeUnit.SECONDS)).isIn(200, 201);
            assertThat(refundStatuses).as("only one 6.00 refund fits in 10.00").containsOnlyOnce(200)
                    .filteredOn(code -> code != 200).containsOnly(409);
        } finally {
            pool.shutdownNow();
        }
        var order = op.admin().get("/api/v1/orders/" + orderId).body();
        assertThat(order.get("refunded").get("amount").decimalValue()).isEqualByComparingTo("6.00");
        // 40.00 + 6.00 refunded + 4 distinct top-ups of 1.00 (three keys of their own, one shared)
        assertThat(wallet(driver).get("available").asString()).isEqualTo("50.00");
        var trial = op.admin().get("/api/v1/ledger/trial-balance");
        assertThat(trial.status()).as(trial.raw()).isEqualTo(200);
        assertThat(trial.body().get("balanced").asBoolean()).as(trial.raw()).isTrue();
    }

    private tools.jackson.databind.JsonNode wallet(long driver) {
        var r = op.admin().get("/api/v1/drivers/" + driver + "/wallet");
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return r.body();
    }
}
