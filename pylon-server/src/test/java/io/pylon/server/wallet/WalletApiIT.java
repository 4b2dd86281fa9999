package io.pylon.server.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon.domain.payment.HmacPaymentProvider;
import io.pylon.server.support.Api;
import io.pylon.server.support.PylonIT;
import io.pylon.server.support.Tenants;
import io.pylon.server.support.Tenants.Tenant;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Wallets through the REST API: staff top-ups and payouts, idempotent on the client's key; top-ups through the HMAC
 * gateway, credited once by its signed callback and never on a bad signature or a wrong amount; tenant isolation,
 * roles, and a trial balance that sums to zero.
 */
class WalletApiIT extends PylonIT {

    private static final AtomicInteger PHONES = new AtomicInteger();

    @Autowired
    HmacPaymentProvider gateway;

    private Tenant a;
    private long driver;
    private String wallet;

    @BeforeEach
    void operatorWithADriver() {
        a = Tenants.create(api, httpPort, "CNY");
        driver = a.driver(phone());
        wallet = "/api/v1/drivers/" + driver + "/wallet";
    }

    @Test
    void aTopUpIsInTheBalanceAndTheStatement() {
        var r = topUp(a.admin(), "\"50.00\"", "R-1", "k1");
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        assertThat(r.body().get("replayed").asBoolean()).isFalse();
        assertThat(r.body().get("reference").asString()).isEqualTo("manual:cash:R-1");
        assertThat(topUp(a.admin(), "12.5", "R-2", "k2").status()).isEqualTo(201); // a number works too

        var balance = a.admin().get(wallet);
        assertThat(balance.status()).as(balance.raw()).isEqualTo(200);
        assertThat(balance.body().get("available").asString()).isEqualTo("62.50");
        assertThat(balance.body().get("onHold").asString()).isEqualTo("0.00");
        assertThat(balance.body().get("currency").asString()).isEqualTo("CNY");

        var entries = a.admin().get(wallet + "/entries?size=1");
        assertThat(entries.status()).as(entries.raw()).isEqualTo(200);
        assertThat(entries.body().get("total").asLong()).isEqualTo(2);
        var newest = entries.body().get("items").get(0);
        assertThat(newest.get("kind").asString()).isEqualTo("TOP_UP");
        assertThat(newest.get("reference").asString()).isEqualTo("manual:cash:R-2");
        assertThat(newest.get("actor").asString()).isEqualTo(a.code() + "-admin");
        assertThat(newest.get("postings").toString()).contains("\"DRIVER_WALLET\"", "\"12.50\"", "\"PAYMENT_CLEARING\"", "\"-12.50\"");

        var audit = a.admin().get("/api/v1/audit?entityType=wallet&entityId=" + driver);
        assertThat(audit.body().get("items").size()).as(audit.raw()).isEqualTo(2);
    }

    @Test
    void amountsArePositiveWithAtMostTheCurrencysMinorDigits() {
        for (String bad : List.of("\"1.234\"", "0", "-5", "\"0.001\"", "1e13")) {
            var r = topUp(a.admin(), bad, "R-bad", "bad-" + bad.hashCode());
            assertThat(r.status()).as(bad + " " + r.raw()).isEqualTo(400);
            assertThat(r.body().get("detail").asString()).as(bad).startsWith("amount");
        }
        assertThat(topUp(a.admin(), "null", "R-bad", "bad-null").status()).isEqualTo(400);
        assertThat(topUp(a.admin(), "\"1.230\"", "R-ok", "ok").status()).isEqualTo(201); // 1.23: trailing zeros are fine
        assertThat(a.admin().get(wallet).body().get("available").asString()).isEqualTo("1.23");
    }

    @Test
    void aReplayedTopUpCreditsOnce() {
        assertThat(topUp(a.admin(), "\"50.00\"", "R-1", "same").status()).isEqualTo(201);
        var replay = topUp(a.admin(), "\"50.00\"", "R-1", "same");
        assertThat(replay.status()).as(replay.raw()).isEqualTo(200);
        assertThat(replay.body().get("replayed").asBoolean()).isTrue();
        assertThat(replay.body().get("balance").get("available").asString()).isEqualTo("50.00");
        var otherAmount = topUp(a.admin(), "\"60.00\"", "R-1", "same");
        assertThat(otherAmount.status()).as(otherAmount.raw()).isEqualTo(409);
        assertThat(otherAmount.body().get("detail").asString()).startsWith("idempotencyKey");
        assertThat(a.admin().get(wallet).body().get("available").asString()).isEqualTo("50.00");
        assertThat(a.admin().get(wallet + "/entries").body().get("total").asLong()).isEqualTo(1);
    }

    @Test
    void aPayoutNeverExceedsTheAvailableBalance() {
        topUp(a.admin(), "\"50.00\"", "R-1", "k1");
        var tooMuch = payout(a.admin(), "\"50.01\"", "B-1", "p1");
        assertThat(tooMuch.status()).as(tooMuch.raw()).isEqualTo(409);
        assertThat(tooMuch.body().get("available").asString()).isEqualTo("50.00");
        assertThat(tooMuch.body().get("detail").asString()).startsWith("amount");

        var paid = payout(a.admin(), "\"30.00\"", "B-1", "p1"); // a rejection recorded nothing: the key is still free
        assertThat(paid.status()).as(paid.raw()).isEqualTo(201);
        assertThat(paid.body().get("balance").get("available").asString()).isEqualTo("20.00");
        var replay = payout(a.admin(), "\"30.00\"", "B-1", "p1");
        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.body().get("replayed").asBoolean()).isTrue();
        assertThat(a.admin().get(wallet).body().get("available").asString()).isEqualTo("20.00");
    }

    @Test
    void aSignedCallbackCreditsThePaymentOnceEvenWhenReplayed() {
        var started = a.admin().post(wallet + "/payments", "{\"amount\":\"30.00\",\"provider\":\"hmac\"}");
        assertThat(started.status()).as(started.raw()).isEqualTo(201);
        assertThat(started.body().get("status").asString()).isEqualTo("CREATED");
        String order = started.body().get("merchantOrderId").asString();
        assertThat(started.body().get("clientParameters").get("merchantOrderId").asString()).isEqualTo(order);

        String body = callbackBody(order, "30.00", "PAID");
        for (int i = 0; i < 3; i++) {
            var r = callback(body, gateway);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            assertThat(r.body()).contains("CREDITED");
        }
        assertThat(a.admin().get(wallet).body().get("available").asString()).isEqualTo("30.00");
        var entry = a.admin().get(wallet + "/entries").body().get("items").get(0);
        assertThat(entry.get("reference").asString()).isEqualTo("payment:" + started.body().get("id").asLong());
        assertThat(entry.get("actor").asString()).isEqualTo("provider:hmac");
        assertThat(a.admin().get(wallet + "/entries").body().get("total").asLong()).isEqualTo(1);
    }

    @Test
    void aBadSignatureIs401AndCreditsNothing() {
        String order = startPayment("30.00");
        var forger = new HmacPaymentProvider("hmac", "not-the-shared-secret!".getBytes(StandardCharsets.UTF_8), Clock.systemUTC());
        var forged = callback(callbackBody(order, "30.00", "PAID"), forger);
        assertThat(forged.statusCode()).as(forged.body()).isEqualTo(401);
        assertThat(forged.body()).contains("BAD_SIGNATURE");
        var unsigned = send(callbackBody(order, "30.00", "PAID"), null, null);
        assertThat(unsigned.statusCode()).isEqualTo(401);
        var stale = send(callbackBody(order, "30.00", "PAID"), gateway, Instant.now().minus(Duration.ofHours(1)));
        assertThat(stale.statusCode()).as(stale.body()).isEqualTo(401);
        assertThat(stale.body()).contains("STALE_TIMESTAMP");
        assertThat(a.admin().get(wallet).body().get("available").asString()).isEqualTo("0.00");
    }

    @Test
    void aWrongAmountIs400AndCreditsNothing() {
        String order = startPayment("30.00");
        var mismatch = callback(callbackBody(order, "300.00", "PAID"), gateway);
        assertThat(mismatch.statusCode()).as(mismatch.body()).isEqualTo(400);
        assertThat(mismatch.body()).contains("AMOUNT_MISMATCH");
        var otherCurrency = callback(callbackBody(order, "30.00", "PAID").replace("CNY", "EUR"), gateway);
        assertThat(otherCurrency.statusCode()).isEqualTo(400);
        var unknown = callback(callbackBody("pylon-999999999", "30.00", "PAID"), gateway);
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("UNKNOWN_PAYMENT");
        var malformed = callback("merchant_order_id=" + order + "&amount=abc", gateway);
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(a.admin().get(wallet).body().get("available").asString()).isEqualTo("0.00");

        assertThat(callback(callbackBody(order, "30.00", "PAID"), gateway).statusCode()).isEqualTo(200);
        assertThat(a.admin().get(wallet).body().get("available").asString()).isEqualTo("30.00");
        // a failure notice after the payment is acknowledged and changes nothing
        var lateFailure = callback(callbackBody(order, "30.00", "FAILED"), gateway);
        assertThat(lateFailure.statusCode()).isEqualTo(200);
        assertThat(lateFailure.body()).contains("ALREADY_PAID");
        assertThat(a.admin().get(wallet).body().get("available").asString()).isEqualTo("30.00");
    }

    @Test
    void anUnknownProviderIsRefused() {
        var r = a.admin().post(wallet + "/payments", "{\"amount\":\"30.00\",\"provider\":\"nope\"}");
        assertThat(r.status()).as(r.raw()).isEqualTo(400);
        assertThat(r.body().get("detail").asString()).startsWith("provider");
        assertThat(send("x=1", null, null, "/api/v1/payments/callbacks/nope").statusCode()).isEqualTo(404);
    }

    @Test
    void anotherOperatorGetsNotFoundOnEveryWalletEndpoint() {
        topUp(a.admin(), "\"50.00\"", "R-1", "k1");
        Tenant b = Tenants.create(api, httpPort, "CNY");
        Api other = b.admin();
        assertThat(other.get(wallet).status()).isEqualTo(404);
        assertThat(other.get(wallet + "/entries").status()).isEqualTo(404);
        assertThat(topUp(other, "\"10.00\"", "R-x", "x").status()).isEqualTo(404);
        assertThat(payout(other, "\"10.00\"", "B-x", "x").status()).isEqualTo(404);
        assertThat(other.post(wallet + "/payments", "{\"amount\":\"10.00\",\"provider\":\"hmac\"}").status()).isEqualTo(404);
        var missing = other.get("/api/v1/drivers/999999999/wallet");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(other.get(wallet).body().get("detail").asString().replace(String.valueOf(driver), "N"))
                .isEqualTo(missing.body().get("detail").asString().replace("999999999", "N"));
        assertThat(a.admin().get(wallet).body().get("available").asString()).isEqualTo("50.00");
    }

    @Test
    void financeMayTopUpButMaintenanceMayNot() {
        Api finance = a.as("FINANCE", "cashier", null);
        assertThat(topUp(finance, "\"20.00\"", "R-1", "f1").status()).isEqualTo(201);
        assertThat(finance.get(wallet).body().get("available").asString()).isEqualTo("20.00");
        Api maintenance = a.as("MAINTENANCE", "tech", null);
        assertThat(topUp(maintenance, "\"20.00\"", "R-2", "m1").status()).isEqualTo(403);
        assertThat(payout(maintenance, "\"5.00\"", "B-2", "m2").status()).isEqualTo(403);
        assertThat(maintenance.get(wallet).status()).isEqualTo(403);
        assertThat(a.admin().get(wallet).body().get("available").asString()).isEqualTo("20.00");
    }

    @Test
    void theTrialBalanceSumsToZero() {
        topUp(a.admin(), "\"50.00\"", "R-1", "k1");
        payout(a.admin(), "\"20.00\"", "B-1", "p1");
        callback(callbackBody(startPayment("15.00"), "15.00", "PAID"), gateway);

        var mine = a.admin().get("/api/v1/ledger/trial-balance");
        assertThat(mine.status()).as(mine.raw()).isEqualTo(200);
        assertThat(mine.body().get("books").size()).isEqualTo(1);
        var books = mine.body().get("books").get(0);
        assertThat(books.get("operatorId").asLong()).isEqualTo(a.operatorId());
        assertThat(books.get("total").asString()).isEqualTo("0.00");
        assertThat(books.get("balanced").asBoolean()).isTrue();
        assertThat(books.get("accounts").toString()).contains("{\"account\":\"DRIVER_WALLET\",\"balance\":\"45.00\"}",
                "{\"account\":\"PAYMENT_CLEARING\",\"balance\":\"-65.00\"}", "{\"account\":\"PAYOUTS\",\"balance\":\"20.00\"}");

        var platform = api.get("/api/v1/ledger/trial-balance");
        assertThat(platform.body().get("balanced").asBoolean()).isTrue();
        assertThat(platform.raw()).contains("\"operatorId\":" + a.operatorId());
        Tenant b = Tenants.create(api, httpPort, "CNY");
        assertThat(b.admin().get("/api/v1/ledger/trial-balance").body().get("books").size()).isZero();
        assertThat(a.as("MAINTENANCE", "tb", null).get("/api/v1/ledger/trial-balance").status()).isEqualTo(403);
    }

    private Api.Response topUp(Api as, String amount, String reference, String key) {
        return as.post(wallet + "/top-ups", "{\"amount\":" + amount + ",\"method\":\"CASH\",\"reference\":\"" + reference
                + "\",\"idempotencyKey\":\"" + key + "\"}");
    }

    private Api.Response payout(Api as, String amount, String reference, String key) {
        return as.post(wallet + "/payouts", "{\"amount\":" + amount + ",\"reference\":\"" + reference
                + "\",\"idempotencyKey\":\"" + key + "\"}");
    }

    private String startPayment(String amount) {
        var r = a.admin().post(wallet + "/payments", "{\"amount\":\"" + amount + "\",\"provider\":\"hmac\"}");
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return r.body().get("merchantOrderId").asString();
    }

    private static String callbackBody(String order, String amount, String status) {
        return "merchant_order_id=" + order + "&provider_reference=gw-" + order + "&amount=" + amount
                + "&currency=CNY&status=" + status + "&paid_at=" + Instant.now().toString().replace(":", "%3A");
    }

    private HttpResponse<String> callback(String body, HmacPaymentProvider signer) {
        return send(body, signer, Instant.now());
    }

    private HttpResponse<String> send(String body, HmacPaymentProvider signer, Instant signedAt) {
        return send(body, signer, signedAt, "/api/v1/payments/callbacks/hmac");
    }

    /** As the gateway sends it: no token, a form body, signed over its exact bytes (unsigned when signer is null). */
    private HttpResponse<String> send(String body, HmacPaymentProvider signer, Instant signedAt, String path) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
        if (signer != null) {
            String timestamp = Long.toString(signedAt.getEpochSecond());
            request.header(HmacPaymentProvider.TIMESTAMP_HEADER, timestamp)
                    .header(HmacPaymentProvider.SIGNATURE_HEADER, signer.sign(timestamp, bytes));
        }
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String phone() {
        return "+86139" + String.format("%08d", PHONES.incrementAndGet());
    }
}
