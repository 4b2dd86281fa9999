package io.pylon.domain.payment;

import io.pylon.domain.common.Transactions;
import io.pylon.domain.ledger.TopUpOutcome;
import io.pylon.domain.ledger.WalletService;
import io.pylon.domain.money.Money;
import io.pylon.domain.payment.CallbackOutcome.Reason;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Wallet top-ups: through a payment provider (start, then the provider's callback credits the wallet) or recorded
 * by the operator ({@link #recordManual}). A payment credits its wallet at most once, under the ledger key
 * {@code payment:<id>}, and only for exactly the amount and currency it was created with.
 *
 * <p>{@link #handleCallback} calls {@link WalletService#topUp} inside its own transaction: the
 * {@link Transactions} adapter must let a nested call join the outer transaction.
 */
public final class PaymentService {

    private final PaymentRepository payments;
    private final WalletService wallets;
    private final Map<String, PaymentProvider> providers;
    private final Transactions tx;
    private final Clock clock;

    public PaymentService(PaymentRepository payments, WalletService wallets, List<PaymentProvider> providers,
                          Transactions tx, Clock clock) {
        this.payments = payments;
        this.wallets = wallets;
        this.providers = providers.stream().collect(Collectors.toUnmodifiableMap(PaymentProvider::name, Function.identity()));
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * Creates a CREATED payment and registers it with the provider (outside the transaction: a provider call may be
     * slow). If the provider call fails, the payment stays CREATED without a reference and is never credited.
     */
    public TopUpStart startTopUp(long operatorId, long driverId, Money amount, String providerName) {
        if (!amount.isPositive()) throw new IllegalArgumentException("a top-up must be positive: " + amount);
        PaymentProvider provider = providers.get(providerName);
        if (provider == null) return new TopUpStart.Rejected(TopUpStart.Reason.UNKNOWN_PROVIDER);
        PaymentRecord created = tx.inTransaction(() ->
                payments.create(new NewPayment(operatorId, driverId, amount, providerName, clock.instant())));
        PaymentIntent intent = provider.createPayment(
                new PaymentRequest(created.id(), created.merchantOrderId(), operatorId, driverId, amount));
        payments.attachProviderReference(created.id(), intent.providerReference());
        return new TopUpStart.Started(payments.find(created.id()).orElseThrow(), intent);
    }

    /** Verifies a provider's callback and applies it: credit the wallet once, or mark the payment failed. */
    public CallbackOutcome handleCallback(String providerName, Map<String, String> headers, byte[] body) {
        PaymentProvider provider = providers.get(providerName);
        if (provider == null) return new CallbackOutcome.Rejected(Reason.UNKNOWN_PROVIDER);
        return switch (provider.verifyCallback(headers, body)) {
            case CallbackVerification.Rejected r -> new CallbackOutcome.Rejected(switch (r.reason()) {
                case BAD_SIGNATURE -> Reason.BAD_SIGNATURE;
                case STALE_TIMESTAMP -> Reason.STALE_TIMESTAMP;
                case MALFORMED -> Reason.MALFORMED;
            });
            case CallbackVerification.Verified v -> tx.inTransaction(() -> apply(providerName, v.notification()));
        };
    }

    private CallbackOutcome apply(String providerName, PaymentNotification notice) {
        Optional<PaymentRecord> found = PaymentRecord.idOf(notice.merchantOrderId()).flatMap(payments::find)
                .filter(p -> p.provider().equals(providerName));
        if (found.isEmpty()) return new CallbackOutcome.Rejected(Reason.UNKNOWN_PAYMENT);
        PaymentRecord payment = found.get();
        if (!payment.amount().equals(notice.amount())) return new CallbackOutcome.Rejected(Reason.AMOUNT_MISMATCH);
        if (notice.status() == NotificationStatus.FAILED) {
            return payments.markFailed(payment.id()) ? new CallbackOutcome.Failed(payment.id())
                    : new CallbackOutcome.Rejected(Reason.ALREADY_PAID);
        }
        payments.markPaid(payment.id(), notice.providerReference(), notice.paidAt());
        TopUpOutcome credited = wallets.topUp(payment.operatorId(), payment.driverId(), payment.amount(),
                payment.ledgerKey(), payment.ledgerKey(), "provider:" + providerName);
        if (!(credited instanceof TopUpOutcome.ToppedUp)) {
            throw new IllegalStateException("ledger key " + payment.ledgerKey() + " is taken by another entry: " + credited);
        }
        return new CallbackOutcome.Credited(payment.id(), payment.operatorId(), payment.driverId(), payment.amount());
    }

    /** Records money the operator received itself (cash, bank) as a top-up; no provider involved. */
    public TopUpOutcome recordManual(ManualPayment payment) {
        return wallets.topUp(payment.operatorId(), payment.driverId(), payment.amount(), payment.ledgerReference(),
                "manual:" + payment.idempotencyKey(), payment.recordedBy());
    }
}
