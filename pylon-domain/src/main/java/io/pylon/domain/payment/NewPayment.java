package io.pylon.domain.payment;

import io.pylon.domain.money.Money;
import java.time.Instant;

/** A payment to create (status CREATED, no provider reference yet). */
public record NewPayment(long operatorId, long driverId, Money amount, String provider, Instant createdAt) {}
