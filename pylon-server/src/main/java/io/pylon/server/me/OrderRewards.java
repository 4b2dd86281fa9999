package io.pylon.server.me;

import io.pylon.domain.marketing.OrderReward;
import io.pylon.domain.order.Order;
import io.pylon.domain.tenant.TenantScope;
import io.pylon.server.persistence.JooqCoupons;
import io.pylon.server.persistence.JooqMarketingStore;
import java.util.List;
import org.springframework.stereotype.Component;

/** What billing granted an order besides its discounts (points, carbon with its factor, plan, coupon), for receipts. */
@Component
class OrderRewards {

    private final JooqMarketingStore marketing;
    private final JooqCoupons coupons;

    OrderRewards(JooqMarketingStore marketing, JooqCoupons coupons) {
        this.marketing = marketing;
        this.coupons = coupons;
    }

    /** The order's rewards, the coupon named by its code and campaign name; null if billed before marketing existed. */
    Receipt.Rewards of(Order o) {
        OrderReward r = marketing.rewards(List.of(o.id())).get(o.id());
        if (r == null) return null;
        Receipt.CouponUsed coupon = r.couponId() == null || o.operatorId() == null ? null
                : coupons.coupon(TenantScope.operator(o.operatorId()), r.couponId(), null)
                        .map(c -> new Receipt.CouponUsed(c.id(), c.code(), c.name())).orElse(null);
        return new Receipt.Rewards(r.points(), r.pointsPerKwh(), r.planName(), coupon, r.carbonSavedKg(), r.carbon().region(),
                r.carbon().kgPerKwh());
    }
}
