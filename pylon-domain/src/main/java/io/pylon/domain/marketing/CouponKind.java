package io.pylon.domain.marketing;

/** How a coupon reduces the service fee: a fixed amount, or a percentage of it. */
public enum CouponKind {
    /** {@code value} is an amount in the coupon's currency. */
    FIXED,
    /** {@code value} is a percentage in (0, 100]. */
    PERCENT
}
