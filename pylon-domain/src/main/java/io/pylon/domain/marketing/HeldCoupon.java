package io.pylon.domain.marketing;

import java.time.Instant;
import java.util.Objects;

/**
 * A coupon a driver holds, as billing weighs it. Each held coupon is used at most once.
 *
 * @param terms      the campaign's terms, {@code validUntil} being this coupon's own expiry
 * @param driverUses coupons of the same campaign this driver has used on other orders
 * @param totalUses  coupons of the same campaign used on other orders, by anyone
 */
public record HeldCoupon(long id, long campaignId, Coupon terms, int driverUses, long totalUses) {

    public HeldCoupon {
        Objects.requireNonNull(terms, "terms");
    }

    public Instant expiresAt() {
        return terms.validUntil();
    }
}
