package io.pylon.domain.payment;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon.domain.ledger.InMemoryLedger;
import io.pylon.domain.ledger.TopUpOutcome;
import io.pylon.domain.ledger.WalletService;
import io.pylon.domain.ledger.WalletSettings;
import io.pylon.domain.money.Money;
import io.pylon.domain.payment.CallbackOutcome.Credited;
import io.pylon.domain.payment.CallbackOutcome.Reason;
import io.pylon.domain.payment.CallbackOutcome.Rejected;
import io.pylon.domain.payment.Callbacks.Callback;
import io.pylon.domain.support.MutableClock;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PaymentServiceTest {

    private static final long OP = 7, DRIVER = 3;
    private static final Instant T0 = Instant.parse("2026-06-01T10:00:00Z");
    private final MutableClock clock = new MutableClock(T0);
    private final InMemoryLedger ledger = new InMemoryLedger();
    private final InMemoryPayments payments = new InMemoryPayments();
    private final WalletService wallets = new WalletService(ledger, ledger.transactions(), clock, new WalletSettings(BigDecimal.TEN));
    private final HmacPaymentProvider gateway = new HmacPaymentProvider("gw", "0123456789abcdef-shared".getBytes(StandardCharsets.UTF_8), clock);
    private final Callbacks callbacks = new Callbacks(gateway);
    private final PaymentService service = new PaymentService(payments, wallets, List.of(gateway), ledger.transactions(), clock);

    private PaymentRecord started(String amount) {
        TopUpStart.Started started = (TopUpStart.Started) service.startTopUp(OP, DRIVER, Money.of(amount, "CNY"), "gw");
        assertThat(started.payment().status()).isEqualTo(PaymentStatus.CREATED);
        assertThat(started.intent().providerReference()).isEqualTo(started.payment().merchantOrderId());
        return started.payment();
    }

    private CallbackOutcome deliver(Callback c) {
        return service.handleCallback("gw", c.headers(), c.body());
    }

    private Callback callback(PaymentRecord p, String amount, String currency, String status) {
        return callbacks.signed(Callbacks.body(p.merchantOrderId(), amount, currency, status), clock.instant());
    }

    private Money available() {
        return wallets.balance(OP, DRIVER, Money.CNY).available();
    }

    @Test
    void aGoodCallbackMarksThePaymentPaidAndCreditsTheWallet() {
        PaymentRecord p = started("50.00");
        assertThat(deliver(callback(p, "50.00", "CNY", "PAID"))).isEqualTo(new Credited(p.id(), OP, DRIVER, Money.of("50.00", "CNY")));
        PaymentRecord paid = payments.find(p.id()).orElseThrow();
        assertThat(paid.status()).isEqualTo(PaymentStatus.PAID);
        assertThat(paid.providerReference()).isEqualTo("gw-" + p.merchantOrderId());
        assertThat(paid.paidAt()).isEqualTo(Instant.parse("2026-06-01T10:00:30Z"));
        assertThat(available()).isEqualTo(Money.of("50.00", "CNY"));
        assertThat(ledger.entries().getFirst().idempotencyKey()).isEqualTo("payment:" + p.id());
        assertThat(ledger.entries().getFirst().actor()).isEqualTo("provider:gw");
    }

    @Test
    void aReplayedCallbackAnswersTheSameAndCreditsOnce() {
        PaymentRecord p = started("50.00");
        Callback c = callback(p, "50.00", "CNY", "PAID");
        CallbackOutcome first = deliver(c);
        clock.advance(java.time.Duration.ofMinutes(2));
        assertThat(deliver(c)).isEqualTo(first);
        assertThat(deliver(callback(p, "50.00", "CNY", "PAID"))).as("re-signed later").isEqualTo(first);
        assertThat(available()).isEqualTo(Money.of("50.00", "CNY"));
        assertThat(ledger.entries()).hasSize(1);
    }

    @Test
    void aBadSignatureOrStaleCallbackChangesNothing() {
        PaymentRecord p = started("50.00");
        Callback good = callback(p, "50.00", "CNY", "PAID");
        byte[] forged = new String(good.body(), StandardCharsets.UTF_8).replace("50.00", "5000.00").getBytes(StandardCharsets.UTF_8);
        assertThat(service.handleCallback("gw", good.headers(), forged)).isEqualTo(new Rejected(Reason.BAD_SIGNATURE));
        clock.advance(java.time.Duration.ofMinutes(6));
        assertThat(deliver(good)).isEqualTo(new Rejected(Reason.STALE_TIMESTAMP));
        assertThat(payments.find(p.id()).orElseThrow().status()).isEqualTo(PaymentStatus.CREATED);
        assertThat(ledger.entries()).isEmpty();
    }

    @Test
    void anAmountOrCurrencyMismatchCreditsNothing() {
        PaymentRecord p = started("50.00");
        assertThat(deliver(callback(p, "5.00", "CNY", "PAID"))).isEqualTo(new Rejected(Reason.AMOUNT_MISMATCH));
        assertThat(deliver(callback(p, "50.00", "EUR", "PAID"))).isEqualTo(new Rejected(Reason.AMOUNT_MISMATCH));
        assertThat(payments.find(p.id()).orElseThrow().status()).isEqualTo(PaymentStatus.CREATED);
        assertThat(ledger.entries()).isEmpty();
    }

    @Test
    void unknownPaymentsAndProvidersAreRejected() {
        PaymentRecord p = started("50.00");
        Callback stranger = callbacks.signed(Callbacks.body("pylon-999", "50.00", "CNY", "PAID"), T0);
        Callback foreign = callbacks.signed(Callbacks.body("order-1", "50.00", "CNY", "PAID"), T0);
        assertThat(deliver(stranger)).isEqualTo(new Rejected(Reason.UNKNOWN_PAYMENT));
        assertThat(deliver(foreign)).isEqualTo(new Rejected(Reason.UNKNOWN_PAYMENT));
        Callback good = callback(p, "50.00", "CNY", "PAID");
        assertThat(service.handleCallback("other", good.headers(), good.body())).isEqualTo(new Rejected(Reason.UNKNOWN_PROVIDER));
        assertThat(service.startTopUp(OP, DRIVER, Money.of("1.00", "CNY"), "other"))
                .isEqualTo(new TopUpStart.Rejected(TopUpStart.Reason.UNKNOWN_PROVIDER));
        assertThat(ledger.entries()).isEmpty();
    }

    @Test
    void aFailedPaymentCreditsNothingButALaterSuccessStillCounts() {
        PaymentRecord p = started("50.00");
        assertThat(deliver(callback(p, "50.00", "CNY", "FAILED"))).isEqualTo(new CallbackOutcome.Failed(p.id()));
        assertThat(deliver(callback(p, "50.00", "CNY", "FAILED"))).isEqualTo(new CallbackOutcome.Failed(p.id()));
        assertThat(payments.find(p.id()).orElseThrow().status()).isEqualTo(PaymentStatus.FAILED);
        assertThat(ledger.entries()).isEmpty();
        assertThat(deliver(callback(p, "50.00", "CNY", "PAID"))).isInstanceOf(Credited.class);
        assertThat(deliver(callback(p, "50.00", "CNY", "FAILED"))).as("a paid payment stays paid")
                .isEqualTo(new Rejected(Reason.ALREADY_PAID));
        assertThat(payments.find(p.id()).orElseThrow().status()).isEqualTo(PaymentStatus.PAID);
        assertThat(available()).isEqualTo(Money.of("50.00", "CNY"));
    }

    @Test
    void aManualTopUpNeedsNoProviderAndADoubleSubmitCreditsOnce() {
        ManualPayment cash = new ManualPayment(OP, DRIVER, Money.of("30.00", "CNY"), ManualPayment.Method.CASH, "R-7", "form-1", "ops:alice");
        TopUpOutcome first = service.recordManual(cash);
        assertThat(first).isEqualTo(new TopUpOutcome.ToppedUp(Money.of("30.00", "CNY"), "manual:cash:R-7"));
        assertThat(service.recordManual(cash)).isEqualTo(first);
        assertThat(available()).isEqualTo(Money.of("30.00", "CNY"));
        assertThat(ledger.entries().getFirst().actor()).isEqualTo("ops:alice");
    }
}
