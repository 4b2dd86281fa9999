package io.pylon.domain.marketing;

import io.pylon.domain.billing.Bill;
import io.pylon.domain.billing.Discount;
import io.pylon.domain.money.Money;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns a bill into what the driver pays: the membership discount first (percentage of the service
 * amount), then the coupon's discount, limited to the service amount left, so service never goes below
 * zero and electricity, idle and session fees are never discounted. Discounts that come to zero are not
 * listed. To make a percentage coupon apply after membership, evaluate it on
 * {@link #serviceAfterMembership}.
 */
public final class Pricing {

    private Pricing() {
    }

    public static Bill price(Bill bill, Optional<MembershipPlan> plan, Optional<CouponOutcome> coupon) {
        List<Discount> discounts = new ArrayList<>();
        Money service = bill.serviceTotal();
        Money left = service;
        if (plan.isPresent()) {
            Money off = plan.get().discountOn(service).min(left);
            left = add(discounts, Discount.Source.MEMBERSHIP, plan.get().name(), off, left);
        }
        if (coupon.orElse(null) instanceof CouponOutcome.Applicable applicable) {
            add(discounts, Discount.Source.COUPON, applicable.code(), applicable.discount().min(left), left);
        }
        return bill.withDiscounts(discounts);
    }

    /** The service amount left after the plan's discount. */
    public static Money serviceAfterMembership(Bill bill, Optional<MembershipPlan> plan) {
        Money service = bill.serviceTotal();
        return plan.map(p -> service.minus(p.discountOn(service).min(service))).orElse(service);
    }

    private static Money add(List<Discount> discounts, Discount.Source source, String reference, Money off,
                             Money left) {
        if (off.isPositive()) {
            discounts.add(new Discount(source, reference, off));
        }
        return left.minus(off);
    }
}
