package io.pylon.domain.marketing;

/** A held coupon: AVAILABLE to use, USED by one order (never again), or EXPIRED unused. */
public enum CouponState { AVAILABLE, USED, EXPIRED }
