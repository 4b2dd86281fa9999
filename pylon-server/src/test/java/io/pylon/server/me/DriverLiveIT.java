package io.pylon.server.me;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon.domain.payment.HmacPaymentProvider;
import io.pylon.server.console.SseStream;
import io.pylon.server.console.SseStream.Event;
import io.pylon.server.support.AppCharger;
import io.pylon.server.support.Charging;
import io.pylon.server.support.PaymentCallbacks;
import io.pylon.server.support.PylonIT;
import io.pylon.server.support.Tenants;
import io.pylon.server.support.Tenants.Tenant;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The driver app's push stream {@code GET /api/v1/me/events}: a driver hears of their own sessions as they charge,
 * stop and are billed, and of their own top-ups when the provider pays them — never of another driver's or another
 * operator's; staff tokens are refused.
 */
class DriverLiveIT extends PylonIT {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired
    HmacPaymentProvider gateway;

    private static String card() {
        return "DL" + ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L);
    }

    private static boolean sessionEvent(Event e, long sessionId) {
        return e.name().equals("session") && e.data().get("sessionId").asLong() == sessionId;
    }

    @Test
    void aDriverHearsTheirOwnSessionChargeStopAndGetBilledAndNothingOfOthers() throws Exception {
        Tenant op = Tenants.create(api, httpPort, "CNY");
        Tenant otherOp = Tenants.create(api, httpPort, "CNY");
        String charger = Charging.stationWithFlatTariff(op, op.code() + "-L1");
        String phone = DriverSelfServiceIT.phone();
        String otherPhone = DriverSelfServiceIT.phone();
        String elsewherePhone = DriverSelfServiceIT.phone();
        String myCard = card();
        String otherCard = card();
        Charging.driverWithBalance(op, phone, "100.00", myCard);
        Charging.driverWithBalance(op, otherPhone, "100.00", otherCard);
        otherOp.driver(elsewherePhone);

        try (AppCharger cp = AppCharger.boot(ocppPort(), charger);
             var mine = SseStream.open(httpPort, op.driverApp(phone).token(), "/api/v1/me/events");
             var elsewhere = SseStream.open(httpPort, otherOp.driverApp(elsewherePhone).token(), "/api/v1/me/events")) {
            assertThat(mine.status()).isEqualTo(200);
            assertThat(elsewhere.status()).isEqualTo(200);
            Instant start = Instant.now(); // the tariff is in force from its creation, so not earlier
            cp.status(1, "Charging");
            cp.status(2, "Charging");
            long myTx = cp.start(1, myCard, 10_000, start).transactionId();
            long otherTx = cp.start(2, otherCard, 20_000, start).transactionId();

            JsonNode started = mine.await(e -> sessionEvent(e, myTx), WAIT).data();
            assertThat(started.get("state").asString()).isEqualTo("ACTIVE");
            assertThat(started.get("chargerId").asString()).isEqualTo(charger);

            cp.meter(1, myTx, start.plusSeconds(300), 15_000, 11_000, 55);
            cp.meter(2, otherTx, start.plusSeconds(300), 29_000, 22_000, 70);
            JsonNode progress = mine.await(e -> sessionEvent(e, myTx) && e.data().get("energyWh").asLong() == 5_000, WAIT).data();
            assertThat(progress.get("powerKw").decimalValue()).isEqualByComparingTo("11");
            assertThat(progress.get("socPercent").decimalValue()).isEqualByComparingTo("55");
            assertThat(progress.get("estimate").get("total").get("amount").decimalValue()).isEqualByComparingTo("5.00");

            cp.stop(myTx, 16_000, start.plusSeconds(400));
            JsonNode stopped = mine.await(e -> sessionEvent(e, myTx) && e.data().get("state").asString().equals("COMPLETED")
                    && e.data().get("payable") != null && !e.data().get("payable").isNull(), WAIT).data();
            assertThat(stopped.get("energyWh").asLong()).isEqualTo(6_000);
            assertThat(stopped.get("payable").get("amount").decimalValue()).isEqualByComparingTo("6.00");

            List<Event> heard = mine.drain(Duration.ofSeconds(3));
            assertThat(heard).allSatisfy(e -> assertThat(e.name()).isIn("session", "payment"));
            assertThat(heard).noneMatch(e -> sessionEvent(e, otherTx));
            assertThat(elsewhere.drain(Duration.ZERO)).as("another operator's driver hears nothing of these sessions")
                    .noneMatch(e -> sessionEvent(e, myTx) || sessionEvent(e, otherTx));
            cp.stop(otherTx, 30_000, start.plusSeconds(400));
        }
    }

    @Test
    void aStreamOpenedLaterCarriesTheRunningSessionAtOnceAndFollowsOnlyTheDriversOwnStoppedSessions() throws Exception {
        Tenant op = Tenants.create(api, httpPort, "CNY");
        String charger = Charging.stationWithFlatTariff(op, op.code() + "-L2");
        String phone = DriverSelfServiceIT.phone();
        String otherPhone = DriverSelfServiceIT.phone();
        String myCard = card();
        String otherCard = card();
        Charging.driverWithBalance(op, phone, "100.00", myCard);
        Charging.driverWithBalance(op, otherPhone, "100.00", otherCard);
        try (AppCharger cp = AppCharger.boot(ocppPort(), charger)) {
            Instant start = Instant.now(); // the tariff is in force from its creation, so not earlier
            long myTx = cp.start(1, myCard, 0, start).transactionId();
            long otherTx = cp.start(2, otherCard, 0, start).transactionId();
            cp.stop(otherTx, 1_000, start.plusSeconds(60));
            // asking to follow another driver's session is answered as if it did not exist
            try (var mine = SseStream.open(httpPort, op.driverApp(phone).token(), "/api/v1/me/events?follow=" + otherTx)) {
                assertThat(mine.await(e -> sessionEvent(e, myTx), WAIT).data().get("state").asString()).isEqualTo("ACTIVE");
                assertThat(mine.drain(Duration.ofSeconds(3))).noneMatch(e -> sessionEvent(e, otherTx));
            }
            cp.stop(myTx, 2_000, start.plusSeconds(60));
            try (var mine = SseStream.open(httpPort, op.driverApp(phone).token(), "/api/v1/me/events?follow=" + myTx)) {
                JsonNode followed = mine.await(e -> sessionEvent(e, myTx), WAIT).data();
                assertThat(followed.get("state").asString()).isEqualTo("COMPLETED");
            }
        }
    }

    @Test
    void aDriverHearsTheirTopUpPaidAndOthersDoNot() throws Exception {
        Tenant op = Tenants.create(api, httpPort, "CNY");
        String phone = DriverSelfServiceIT.phone();
        String otherPhone = DriverSelfServiceIT.phone();
        op.driver(phone);
        op.driver(otherPhone);
        var app = op.driverApp(phone);
        try (var mine = SseStream.open(httpPort, app.token(), "/api/v1/me/events");
             var other = SseStream.open(httpPort, op.driverApp(otherPhone).token(), "/api/v1/me/events")) {
            assertThat(mine.status()).isEqualTo(200);
            assertThat(other.status()).isEqualTo(200);
            var topUp = app.post("/api/v1/me/wallet/top-ups", "{\"amount\":30,\"provider\":\"hmac\"}");
            assertThat(topUp.status()).as(topUp.raw()).isEqualTo(201);
            long paymentId = topUp.body().get("id").asLong();
            String order = topUp.body().get("merchantOrderId").asString();
            assertThat(topUp.body().get("clientParameters").get("payUrl").asString())
                    .isEqualTo("http://127.0.0.1:9/pay?order=" + order + "&amount=30.00&currency=CNY");
            var paid = callback("merchant_order_id=" + order + "&provider_reference=gw-" + order
                    + "&amount=30.00&currency=CNY&status=PAID&paid_at=" + Instant.now());
            assertThat(paid.statusCode()).as(paid.body()).isEqualTo(200);

            JsonNode payment = mine.await(e -> e.name().equals("payment"), WAIT).data();
            assertThat(payment.get("id").asLong()).isEqualTo(paymentId);
            assertThat(payment.get("status").asString()).isEqualTo("PAID");
            assertThat(payment.get("amount").get("amount").decimalValue()).isEqualByComparingTo("30.00");
            assertThat(other.drain(Duration.ofSeconds(2))).noneMatch(e -> e.name().equals("payment"));
        }
    }

    @Test
    void onlyDriverTokensOpenTheDriversStream() throws Exception {
        Tenant op = Tenants.create(api, httpPort, "CNY");
        try (var staff = SseStream.open(httpPort, op.admin().token(), "/api/v1/me/events");
             var anonymous = SseStream.open(httpPort, null, "/api/v1/me/events")) {
            assertThat(staff.status()).isEqualTo(403);
            assertThat(anonymous.status()).isEqualTo(401);
        }
    }

    private HttpResponse<String> callback(String body) {
        return PaymentCallbacks.post(httpPort, gateway, body);
    }
}
