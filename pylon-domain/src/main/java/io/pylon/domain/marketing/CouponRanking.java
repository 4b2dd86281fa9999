package io.pylon.domain.marketing;

import io.pylon.domain.billing.Bill;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Which of a driver's coupons a bill takes. A coupon's minimum spend is checked on the bill's total before any
 * discount; a percentage coupon is taken of the service amount left after the membership discount, so plan and
 * coupon never add up to more than 100 %. The best coupon gives the largest discount; on a tie the one that
 * expires first, then the one held longest (lowest id).
 */
public final class CouponRanking {

    private CouponRanking() {
    }

    /** A coupon that applies, with what it takes off. */
    public record Ranked(HeldCoupon coupon, CouponOutcome.Applicable outcome) {}

    private static final Comparator<Ranked> BEST_FIRST = Comparator
            .comparing((Ranked r) -> r.outcome().discount().amount()).reversed()
            .thenComparing(r -> r.coupon().expiresAt())
            .thenComparingLong(r -> r.coupon().id());

    /** How one held coupon fares on this bill at {@code at}, after the membership plan. */
    public static CouponOutcome evaluate(HeldCoupon coupon, Bill bill, Optional<MembershipPlan> plan, Instant at) {
        return coupon.terms().evaluate(bill.total(), Pricing.serviceAfterMembership(bill, plan), coupon.driverUses(),
                coupon.totalUses(), at);
    }

    /** The coupons that apply, best first; a coupon that would take nothing off is left out. */
    public static List<Ranked> rank(List<HeldCoupon> held, Bill bill, Optional<MembershipPlan> plan, Instant at) {
        return held.stream()
                .map(c -> evaluate(c, bill, plan, at) instanceof CouponOutcome.Applicable a ? new Ranked(c, a) : null)
                .filter(r -> r != null && r.outcome().discount().isPositive())
                .sorted(BEST_FIRST).toList();
    }
}
