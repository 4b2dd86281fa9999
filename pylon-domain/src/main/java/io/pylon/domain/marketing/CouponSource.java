package io.pylon.domain.marketing;

/** How a driver came to hold a coupon: ISSUED by the operator's staff, or CLAIMED by the driver from a claimable campaign. */
public enum CouponSource { ISSUED, CLAIMED }
