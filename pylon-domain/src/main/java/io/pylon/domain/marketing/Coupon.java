package io.pylon.domain.marketing;

import io.pylon.domain.billing.Bill;
import io.pylon.domain.money.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.Objects;

/**
 * An operator's coupon (优惠券), taking a fixed amount or a percentage off the service fee only. Valid
 * from {@code validFrom} (inclusive) until {@code validUntil} (exclusive); usable {@code perDriverLimit}
 * times by one driver and {@code totalLimit} times in all; only on bills whose total before discount
 * reaches {@code minimumSpend}, whose currency is the coupon's. A percentage is rounded half-up to the
 * minor unit; a discount never exceeds the service amount.
 */
public record Coupon(String code, long operatorId, CouponKind kind, BigDecimal value, Money minimumSpend,
                     Instant validFrom, Instant validUntil, int perDriverLimit, long totalLimit) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public Coupon {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(minimumSpend, "minimumSpend");
        if (minimumSpend.isNegative()) {
            throw new IllegalArgumentException("Minimum spend must not be negative: " + minimumSpend);
        }
        if (value.signum() <= 0 || kind == CouponKind.PERCENT && value.compareTo(HUNDRED) > 0) {
            throw new IllegalArgumentException("Coupon value out of range for " + kind + ": " + value);
        }
        if (kind == CouponKind.FIXED) {
            value = new Money(value, minimumSpend.currency()).amount();
        }
        if (!validUntil.isAfter(validFrom)) {
            throw new IllegalArgumentException("Coupon " + code + " is never valid");
        }
        if (perDriverLimit < 1 || totalLimit < 1) {
            throw new IllegalArgumentException("Use limits must be at least 1");
        }
    }

    public Currency currency() {
        return minimumSpend.currency();
    }

    /** {@link #evaluate(Money, Money, int, long, Instant)} on a bill's total and service amount. */
    public CouponOutcome evaluate(Bill bill, int driverUses, long totalUses, Instant now) {
        return evaluate(bill.total(), bill.serviceTotal(), driverUses, totalUses, now);
    }

    /**
     * Checks, in this order: currency, validity window, total uses, this driver's uses, minimum spend
     * (on {@code billTotal}, before any discount); the discount is computed on {@code serviceAmount}.
     */
    public CouponOutcome evaluate(Money billTotal, Money serviceAmount, int driverUses, long totalUses,
                                  Instant now) {
        CouponOutcome.Reason reason = refusal(billTotal, serviceAmount, driverUses, totalUses, now);
        if (reason != null) {
            return new CouponOutcome.NotApplicable(code, reason);
        }
        Money discount = kind == CouponKind.FIXED
                ? new Money(value, currency())
                : Money.rounded(serviceAmount.amount().multiply(value).divide(HUNDRED), currency());
        return new CouponOutcome.Applicable(code, discount.min(serviceAmount).max(Money.zero(currency())));
    }

    private CouponOutcome.Reason refusal(Money billTotal, Money serviceAmount, int driverUses, long totalUses,
                                         Instant now) {
        if (!billTotal.currency().equals(currency()) || !serviceAmount.currency().equals(currency())) {
            return CouponOutcome.Reason.WRONG_CURRENCY;
        }
        if (now.isBefore(validFrom)) {
            return CouponOutcome.Reason.NOT_YET_VALID;
        }
        if (!now.isBefore(validUntil)) {
            return CouponOutcome.Reason.EXPIRED;
        }
        if (totalUses >= totalLimit) {
            return CouponOutcome.Reason.EXHAUSTED;
        }
        if (driverUses >= perDriverLimit) {
            return CouponOutcome.Reason.DRIVER_LIMIT_REACHED;
        }
        return billTotal.compareTo(minimumSpend) < 0 ? CouponOutcome.Reason.BELOW_MINIMUM_SPEND : null;
    }
}
