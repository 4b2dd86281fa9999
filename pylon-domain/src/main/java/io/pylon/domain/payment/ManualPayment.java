package io.pylon.domain.payment;

import io.pylon.domain.money.Money;
import java.util.Objects;

/**
 * Money an operator received outside any provider (cash at the counter, a bank transfer) and records as a top-up.
 *
 * @param receipt        the operator's receipt or bank reference, kept in the ledger reference
 * @param idempotencyKey chosen by the client (one per form submission), so a double submit credits once
 * @param recordedBy     the operator user, kept as the ledger entry's actor
 */
public record ManualPayment(long operatorId, long driverId, Money amount, Method method, String receipt,
                            String idempotencyKey, String recordedBy) {

    public enum Method { CASH, BANK_TRANSFER }

    public ManualPayment {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(method, "method");
        if (receipt == null || receipt.isBlank()) throw new IllegalArgumentException("a manual top-up needs a receipt");
        if (idempotencyKey == null || idempotencyKey.isBlank()) throw new IllegalArgumentException("idempotencyKey");
        if (recordedBy == null || recordedBy.isBlank()) throw new IllegalArgumentException("recordedBy");
    }

    /** The ledger reference: {@code manual:cash:<receipt>} or {@code manual:bank_transfer:<receipt>}. */
    public String ledgerReference() {
        return "manual:" + method.name().toLowerCase(java.util.Locale.ROOT) + ":" + receipt;
    }
}
