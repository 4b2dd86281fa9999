package io.pylon.domain.marketing;

import io.pylon.domain.billing.Bill;
import io.pylon.domain.common.Transactions;
import io.pylon.domain.order.Order;
import io.pylon.domain.order.OrderSettings;
import io.pylon.domain.order.Promotions;
import io.pylon.domain.session.ChargingSession;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Prices a stopped session for its driver: the membership valid when the session stopped takes its percentage
 * off the service fee, then at most one coupon — the one chosen for the order while it charged, or else the best
 * of the driver's coupons that applies ({@link CouponRanking}). A chosen coupon that does not apply is not
 * swapped for another and stays with the driver.
 *
 * <p>The coupon is marked used by the order before the order is stored, in one transaction with the points
 * credit and the reward record; marking is conditional, so when two of the driver's sessions stop at the same
 * moment one gets the coupon and the other is priced with its next best. Everything is keyed by the order: a
 * retried billing finds the coupon it used and the points it earned, and changes nothing.
 *
 * <p>Points: floor(kWh × rate), the rate being the operator's (or the platform's) points per kWh, times the
 * plan's multiplier for members; anonymous cards earn none. Carbon: the station region's factor, else the
 * operator's default, else the platform's.
 */
public final class MarketingPromotions implements Promotions {

    private final MarketingStore store;
    private final OrderSettings platform;
    private final Transactions tx;
    private final Clock clock;

    public MarketingPromotions(MarketingStore store, OrderSettings platform, Transactions tx, Clock clock) {
        this.store = store;
        this.platform = platform;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public Priced apply(Order order, ChargingSession session, Bill bill) {
        Instant at = session.stoppedAt() != null ? session.stoppedAt() : clock.instant();
        Long operatorId = order.operatorId();
        if (operatorId == null) {
            return new Priced(bill, 0, platform.carbon().savedKg(bill.energyWh()));
        }
        return tx.inTransaction(() -> {
            CarbonFactor carbon = store.carbonFactor(operatorId, order.stationId()).orElse(platform.carbon());
            BigDecimal carbonKg = carbon.savedKg(bill.energyWh());
            BigDecimal rate = store.pointsPerKwh(operatorId).orElse(platform.pointsPerKwh());
            if (order.driverId() == null) {
                store.saveReward(new OrderReward(order.id(), null, null, null, 0, rate, carbon, carbonKg));
                return new Priced(bill, 0, carbonKg);
            }
            long driverId = order.driverId();
            Optional<ActiveMembership> membership = store.activeMembership(operatorId, driverId, at);
            Optional<MembershipPlan> plan = membership.map(m -> m.plan(rate));
            Optional<CouponRanking.Ranked> coupon = coupon(order, operatorId, driverId, bill, plan, at);
            Bill priced = Pricing.price(bill, plan, coupon.map(CouponRanking.Ranked::outcome));
            BigDecimal earnRate = plan.map(MembershipPlan::pointsPerKwh).orElse(rate);
            long points = store.earn(operatorId, driverId, order.id(), Points.earned(bill.energyWh(), earnRate).value(), at);
            store.saveReward(new OrderReward(order.id(), membership.map(ActiveMembership::membershipId).orElse(null),
                    membership.map(ActiveMembership::planName).orElse(null),
                    coupon.map(r -> r.coupon().id()).orElse(null), points, earnRate, carbon, carbonKg));
            return new Priced(priced, points, carbonKg);
        });
    }

    /** The coupon this order takes, marked used by it; empty if none applies or another order took it. */
    private Optional<CouponRanking.Ranked> coupon(Order order, long operatorId, long driverId, Bill bill,
                                                  Optional<MembershipPlan> plan, Instant at) {
        Optional<HeldCoupon> used = store.couponUsedBy(order.id());
        if (used.isPresent()) { // billed before: the same coupon again
            List<CouponRanking.Ranked> same = CouponRanking.rank(List.of(used.get()), bill, plan, at);
            if (same.isEmpty()) {
                store.release(used.get().id(), order.id());
            }
            return same.stream().findFirst();
        }
        Optional<HeldCoupon> chosen = store.chosenCoupon(order.id());
        List<HeldCoupon> candidates = chosen.map(List::of).orElseGet(() -> store.availableCoupons(operatorId, driverId, at));
        for (CouponRanking.Ranked ranked : CouponRanking.rank(candidates, bill, plan, at)) {
            if (store.use(ranked.coupon().id(), order.id(), at)) {
                return Optional.of(ranked);
            }
        }
        return Optional.empty();
    }
}
