package io.pylon.server.me;

import io.pylon.domain.marketing.CouponKind;
import io.pylon.domain.marketing.CouponSource;
import io.pylon.domain.marketing.CouponState;
import io.pylon.domain.marketing.DriverCoupon;
import io.pylon.domain.money.Money;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A coupon the driver holds, as the app shows it. {@code value} is an amount in the operator's currency (FIXED) or a
 * percentage (PERCENT) off the service fee of one order whose total before discounts reaches {@code minimumSpend};
 * usable from {@code validFrom} until {@code validUntil}. {@code state}: AVAILABLE, USED (on {@code usedOnOrderId})
 * or EXPIRED unused.
 */
public record MyCoupon(long id, long campaignId, String code, String name, CouponKind kind, BigDecimal value,
                       Money minimumSpend, Instant validFrom, Instant validUntil, CouponState state, CouponSource source,
                       Instant issuedAt, Long usedOnOrderId, Instant usedAt) {

    static MyCoupon of(DriverCoupon c) {
        return new MyCoupon(c.id(), c.campaignId(), c.code(), c.name(), c.kind(), c.value(), c.minimumSpend(), c.validFrom(),
                c.expiresAt(), c.state(), c.source(), c.issuedAt(), c.orderId(), c.usedAt());
    }
}
