package io.pylon.domain.payment;

import io.pylon.domain.money.Money;
import java.time.Instant;
import java.util.Optional;

/**
 * A driver's top-up through a payment provider. The merchant order id sent to the provider is
 * {@code pylon-<id>}; {@code providerReference} is the intent's until the callback tells the provider's own.
 */
public record PaymentRecord(long id, long operatorId, long driverId, Money amount, String provider,
                            String providerReference, PaymentStatus status, Instant createdAt, Instant paidAt) {

    private static final String MERCHANT_PREFIX = "pylon-";

    public String merchantOrderId() {
        return MERCHANT_PREFIX + id;
    }

    /** The payment id a merchant order id names; empty if it is not one of ours. */
    public static Optional<Long> idOf(String merchantOrderId) {
        if (merchantOrderId == null || !merchantOrderId.startsWith(MERCHANT_PREFIX)) return Optional.empty();
        try {
            return Optional.of(Long.parseLong(merchantOrderId.substring(MERCHANT_PREFIX.length())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The ledger reference and idempotency key of this payment's top-up. */
    public String ledgerKey() {
        return "payment:" + id;
    }
}
