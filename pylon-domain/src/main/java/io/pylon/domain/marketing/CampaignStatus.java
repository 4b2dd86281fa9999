package io.pylon.domain.marketing;

/** A coupon campaign issues coupons while ACTIVE; ENDED stops issuing and claiming (coupons held stay usable). */
public enum CampaignStatus { ACTIVE, ENDED }
