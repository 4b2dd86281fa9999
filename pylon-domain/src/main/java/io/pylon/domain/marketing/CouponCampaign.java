package io.pylon.domain.marketing;

import io.pylon.domain.money.Money;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * An operator's coupon campaign (优惠券活动): the terms every coupon it issues carries, and its limits. At most
 * {@code totalLimit} coupons are issued in all and {@code perDriverLimit} to one driver; each coupon is used
 * once. A coupon is usable from {@code validFrom} until its expiry: the campaign's {@code validUntil}, or sooner
 * when {@code couponDays} is set (that many days after the driver got it).
 *
 * @param claimable drivers may claim coupons themselves (driver app); otherwise only staff issue them
 * @param issued    coupons issued so far
 * @param used      coupons used on orders so far
 */
public record CouponCampaign(long id, long operatorId, String code, String name, CouponKind kind, BigDecimal value,
                             Money minimumSpend, Instant validFrom, Instant validUntil, Integer couponDays,
                             long totalLimit, int perDriverLimit, boolean claimable, CampaignStatus status, long issued,
                             long used, String createdBy, Instant createdAt, Instant updatedAt) {

    /** Why a campaign cannot give a driver a coupon now. */
    public enum Refusal { ENDED, NOT_CLAIMABLE, EXPIRED, TOTAL_LIMIT_REACHED, DRIVER_LIMIT_REACHED, UNKNOWN_DRIVER }

    public CouponCampaign {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(status, "status");
    }

    /** The expiry of a coupon issued at {@code issuedAt}. */
    public Instant expiryFor(Instant issuedAt) {
        if (couponDays == null) {
            return validUntil;
        }
        Instant own = issuedAt.plus(Duration.ofDays(couponDays));
        return own.isBefore(validUntil) ? own : validUntil;
    }

    /** The terms a coupon of this campaign expiring at {@code expiresAt} is judged by. */
    public Coupon terms(Instant expiresAt) {
        Instant until = expiresAt.isAfter(validFrom) ? expiresAt : validFrom.plusNanos(1);
        return new Coupon(code, operatorId, kind, value, minimumSpend, validFrom, until, perDriverLimit, totalLimit);
    }

    /** Why the campaign cannot give a coupon now, before counting (null: it may, if the limits allow). */
    public Refusal refusal(Instant now, CouponSource source) {
        if (status == CampaignStatus.ENDED) {
            return Refusal.ENDED;
        }
        if (source == CouponSource.CLAIMED && !claimable) {
            return Refusal.NOT_CLAIMABLE;
        }
        return now.isBefore(validUntil) ? null : Refusal.EXPIRED;
    }
}
