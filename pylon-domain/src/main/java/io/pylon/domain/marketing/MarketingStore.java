package io.pylon.domain.marketing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Port: what billing reads and writes of an operator's marketing. */
public interface MarketingStore {

    /** The operator's points per kWh, if it set one (otherwise the platform's applies). */
    Optional<BigDecimal> pointsPerKwh(long operatorId);

    /** The driver's membership valid at {@code at}; of several, the one that started last. */
    Optional<ActiveMembership> activeMembership(long operatorId, long driverId, Instant at);

    /**
     * The carbon factor of a station: its region's factor, else the operator's default (region {@code DEFAULT});
     * empty if the operator set neither (the platform's default applies).
     */
    Optional<CarbonFactor> carbonFactor(long operatorId, Long stationId);

    /** The coupon already used by this order (an earlier attempt to bill it), if any. */
    Optional<HeldCoupon> couponUsedBy(long orderId);

    /** The coupon chosen for this order while it was charging, if any (whatever its state now). */
    Optional<HeldCoupon> chosenCoupon(long orderId);

    /** The driver's unused coupons that have not expired at {@code at}. */
    List<HeldCoupon> availableCoupons(long operatorId, long driverId, Instant at);

    /**
     * Marks a coupon used by an order, atomically: only if it is still unused (or already used by this very order).
     * False if another order took it first.
     */
    boolean use(long couponId, long orderId, Instant at);

    /** Gives a coupon this order used back to its driver (the coupon did not apply on a retried billing). */
    void release(long couponId, long orderId);

    /**
     * Credits points an order earned, once: the first call records them in the driver's points journal and
     * answers them; a later call for the same order changes nothing and answers the points recorded then.
     */
    long earn(long operatorId, long driverId, long orderId, long points, Instant at);

    /** Keeps what billing granted an order; the first record of an order stays. */
    void saveReward(OrderReward reward);
}
