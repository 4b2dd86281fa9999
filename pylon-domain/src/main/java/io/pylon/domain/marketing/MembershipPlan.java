package io.pylon.domain.marketing;

import io.pylon.domain.money.Money;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * A membership level (会员等级): {@code serviceDiscountPercent} in [0, 100] off the service fee (rounded
 * half-up to the minor unit) and {@code pointsPerKwh} earned per kWh (see {@link Points#earned}).
 */
public record MembershipPlan(String name, BigDecimal serviceDiscountPercent, BigDecimal pointsPerKwh) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public MembershipPlan {
        Objects.requireNonNull(name, "name");
        if (serviceDiscountPercent.signum() < 0 || serviceDiscountPercent.compareTo(HUNDRED) > 0) {
            throw new IllegalArgumentException("Discount must be 0-100 %: " + serviceDiscountPercent);
        }
        if (pointsPerKwh.signum() < 0) {
            throw new IllegalArgumentException("Points per kWh must not be negative: " + pointsPerKwh);
        }
    }

    /** The discount on a service amount: round_half_up(service × percent / 100). */
    public Money discountOn(Money service) {
        return Money.rounded(service.amount().multiply(serviceDiscountPercent).divide(HUNDRED), service.currency());
    }

    public Points pointsFor(long energyWh) {
        return Points.earned(energyWh, pointsPerKwh);
    }
}
