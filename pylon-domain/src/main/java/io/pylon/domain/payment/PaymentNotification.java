package io.pylon.domain.payment;

import io.pylon.domain.money.Money;
import java.time.Instant;
import java.util.Objects;

/** A verified callback: which payment, for how much, and whether it was paid ({@code paidAt} null if not). */
public record PaymentNotification(String providerReference, String merchantOrderId, Money amount,
                                  NotificationStatus status, Instant paidAt) {
    public PaymentNotification {
        Objects.requireNonNull(providerReference, "providerReference");
        Objects.requireNonNull(merchantOrderId, "merchantOrderId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(status, "status");
        if (status == NotificationStatus.PAID) Objects.requireNonNull(paidAt, "paidAt");
    }
}
