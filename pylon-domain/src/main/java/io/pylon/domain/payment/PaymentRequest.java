package io.pylon.domain.payment;

import io.pylon.domain.money.Money;

/** What a provider is told about a new payment; {@code merchantOrderId} comes back in the callback. */
public record PaymentRequest(long paymentId, String merchantOrderId, long operatorId, long driverId, Money amount) {}
