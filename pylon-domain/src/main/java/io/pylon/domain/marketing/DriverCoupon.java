package io.pylon.domain.marketing;

import io.pylon.domain.money.Money;
import java.math.BigDecimal;
import java.time.Instant;

/** A coupon a driver holds, as staff and the driver see it. {@code orderId}/{@code usedAt} are set once USED. */
public record DriverCoupon(long id, long operatorId, long campaignId, String code, String name, long driverId,
                           CouponKind kind, BigDecimal value, Money minimumSpend, CouponSource source, CouponState state,
                           Instant issuedAt, String issuedBy, Instant validFrom, Instant expiresAt, Long orderId,
                           Instant usedAt) {}
