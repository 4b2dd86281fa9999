package io.pylon.domain.payment;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon.domain.money.Money;
import io.pylon.domain.payment.CallbackVerification.Reason;
import io.pylon.domain.payment.CallbackVerification.Rejected;
import io.pylon.domain.payment.CallbackVerification.Verified;
import io.pylon.domain.payment.Callbacks.Callback;
import io.pylon.domain.support.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HmacPaymentProviderTest {

    private static final Instant T0 = Instant.parse("2026-06-01T10:00:00Z");
    private static final byte[] SECRET = "0123456789abcdef-shared".getBytes(StandardCharsets.UTF_8);
    private final MutableClock clock = new MutableClock(T0);
    private final HmacPaymentProvider gateway = new HmacPaymentProvider("gw", SECRET, clock);
    private final Callbacks callbacks = new Callbacks(gateway);
    private final String body = Callbacks.body("pylon-1", "50.00", "CNY", "PAID");

    private CallbackVerification verify(Callback c) {
        return gateway.verifyCallback(c.headers(), c.body());
    }

    @Test
    void aSignedFreshCallbackIsReadInFull() {
        assertThat(verify(callbacks.signed(body, T0.minusSeconds(10)))).isEqualTo(new Verified(new PaymentNotification(
                "gw-pylon-1", "pylon-1", Money.of("50.00", "CNY"), NotificationStatus.PAID, Instant.parse("2026-06-01T10:00:30Z"))));
    }

    @Test
    void theIntentNamesThePayPageWhenTheGatewayHasOne() {
        PaymentRequest request = new PaymentRequest(7, "pylon-7 x", 1, 2, Money.of("50.00", "CNY"));
        assertThat(gateway.createPayment(request).clientParameters()).doesNotContainKey("payUrl")
                .containsEntry("merchantOrderId", "pylon-7 x").containsEntry("amount", "50.00").containsEntry("currency", "CNY");
        var withPage = new HmacPaymentProvider("gw", SECRET, clock, "https://pay.test/cashier?o={merchantOrderId}&a={amount}&c={currency}");
        assertThat(withPage.createPayment(request).clientParameters())
                .containsEntry("payUrl", "https://pay.test/cashier?o=pylon-7+x&a=50.00&c=CNY");
    }

    @Test
    void headerNamesAreCaseInsensitive() {
        Callback c = callbacks.signed(body, T0);
        Map<String, String> lower = new HashMap<>();
        c.headers().forEach((k, v) -> lower.put(k.toLowerCase(), v.toUpperCase()));
        assertThat(gateway.verifyCallback(lower, c.body())).isInstanceOf(Verified.class);
    }

    @Test
    void anAlteredBodyOrAnotherSecretIsABadSignature() {
        Callback c = callbacks.signed(body, T0);
        byte[] altered = body.replace("50.00", "500.00").getBytes(StandardCharsets.UTF_8);
        assertThat(gateway.verifyCallback(c.headers(), altered)).isEqualTo(new Rejected(Reason.BAD_SIGNATURE));
        HmacPaymentProvider other = new HmacPaymentProvider("gw", "another-secret-of-16+".getBytes(StandardCharsets.UTF_8), clock);
        assertThat(other.verifyCallback(c.headers(), c.body())).isEqualTo(new Rejected(Reason.BAD_SIGNATURE));
    }

    @Test
    void aMissingOrNonHexSignatureIsABadSignature() {
        Callback c = callbacks.signed(body, T0);
        assertThat(gateway.verifyCallback(Map.of(HmacPaymentProvider.TIMESTAMP_HEADER, c.headers().get(HmacPaymentProvider.TIMESTAMP_HEADER)),
                c.body())).isEqualTo(new Rejected(Reason.BAD_SIGNATURE));
        assertThat(gateway.verifyCallback(Map.of(HmacPaymentProvider.TIMESTAMP_HEADER, "1780308000",
                HmacPaymentProvider.SIGNATURE_HEADER, "zz-not-hex"), c.body())).isEqualTo(new Rejected(Reason.BAD_SIGNATURE));
    }

    @Test
    void aTimestampMoreThanFiveMinutesAwayIsStale() {
        assertThat(verify(callbacks.signed(body, T0.minusSeconds(300)))).isInstanceOf(Verified.class);
        assertThat(verify(callbacks.signed(body, T0.minusSeconds(301)))).isEqualTo(new Rejected(Reason.STALE_TIMESTAMP));
        assertThat(verify(callbacks.signed(body, T0.plusSeconds(301)))).isEqualTo(new Rejected(Reason.STALE_TIMESTAMP));
    }

    @Test
    void signedButUnreadableBodiesAreMalformed() {
        for (String bad : new String[] {
                "merchant_order_id=pylon-1&amount=50.00&currency=CNY&status=PAID&paid_at=2026-06-01T10:00:30Z",
                Callbacks.body("pylon-1", "50.001", "CNY", "PAID"),
                Callbacks.body("pylon-1", "fifty", "CNY", "PAID"),
                Callbacks.body("pylon-1", "-5.00", "CNY", "PAID"),
                Callbacks.body("pylon-1", "50.00", "XXX", "PAID"),
                Callbacks.body("pylon-1", "50.00", "ABC", "PAID"),
                Callbacks.body("pylon-1", "50.00", "CNY", "MAYBE"),
                Callbacks.body("pylon-1", "50.00", "CNY", "PAID") + "&amount=1.00",
                "merchant_order_id=pylon-1&provider_reference=r&amount=50.00&currency=CNY&status=PAID",
                "garbage"}) {
            assertThat(verify(callbacks.signed(bad, T0))).as(bad).isEqualTo(new Rejected(Reason.MALFORMED));
        }
        byte[] notUtf8 = {(byte) 0xC3, (byte) 0x28};
        String ts = Long.toString(T0.getEpochSecond());
        assertThat(gateway.verifyCallback(Map.of(HmacPaymentProvider.TIMESTAMP_HEADER, ts,
                HmacPaymentProvider.SIGNATURE_HEADER, gateway.sign(ts, notUtf8)), notUtf8)).isEqualTo(new Rejected(Reason.MALFORMED));
    }

    @Test
    void aFailureNeedsNoPaidTime() {
        String failed = "merchant_order_id=pylon-1&provider_reference=r&amount=50.00&currency=CNY&status=FAILED";
        assertThat(verify(callbacks.signed(failed, T0))).isEqualTo(new Verified(new PaymentNotification(
                "r", "pylon-1", Money.of("50.00", "CNY"), NotificationStatus.FAILED, null)));
    }

    @Test
    void theIntentGivesTheAppWhatItNeeds() {
        PaymentIntent intent = gateway.createPayment(new PaymentRequest(1, "pylon-1", 7, 3, Money.of("50.00", "CNY")));
        assertThat(intent.providerReference()).isEqualTo("pylon-1");
        assertThat(intent.clientParameters()).containsEntry("amount", "50.00").containsEntry("currency", "CNY")
                .containsEntry("merchantOrderId", "pylon-1").containsEntry("provider", "gw");
    }
}
