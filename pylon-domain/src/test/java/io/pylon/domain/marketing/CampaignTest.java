package io.pylon.domain.marketing;

import static io.pylon.domain.marketing.PricingTest.cny;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A campaign's coupon expiry and refusals; a membership's validity and points rate. */
class CampaignTest {

    static final Instant FROM = Instant.parse("2026-05-01T00:00:00Z");
    static final Instant UNTIL = Instant.parse("2026-06-01T00:00:00Z");

    static CouponCampaign campaign(Integer couponDays, boolean claimable, CampaignStatus status) {
        return new CouponCampaign(1, 3, "MAY", "May", CouponKind.FIXED, new BigDecimal("5.00"), cny("30"), FROM, UNTIL,
                couponDays, 100, 1, claimable, status, 0, 0, "staff", FROM, FROM);
    }

    @Test
    void aCouponExpiresWithItsCampaignOrItsOwnDaysIfSooner() {
        assertThat(campaign(null, false, CampaignStatus.ACTIVE).expiryFor(FROM)).isEqualTo(UNTIL);
        assertThat(campaign(7, false, CampaignStatus.ACTIVE).expiryFor(FROM)).isEqualTo(FROM.plus(Duration.ofDays(7)));
        assertThat(campaign(7, false, CampaignStatus.ACTIVE).expiryFor(UNTIL.minus(Duration.ofDays(1)))).isEqualTo(UNTIL);
        Coupon terms = campaign(7, false, CampaignStatus.ACTIVE).terms(FROM.plus(Duration.ofDays(7)));
        assertThat(terms.validUntil()).isEqualTo(FROM.plus(Duration.ofDays(7)));
        assertThat(terms.minimumSpend()).isEqualTo(cny("30"));
    }

    @Test
    void refusesWhenEndedExpiredOrNotClaimable() {
        Instant may = FROM.plus(Duration.ofDays(3));
        assertThat(campaign(null, false, CampaignStatus.ACTIVE).refusal(may, CouponSource.ISSUED)).isNull();
        assertThat(campaign(null, false, CampaignStatus.ACTIVE).refusal(may, CouponSource.CLAIMED))
                .isEqualTo(CouponCampaign.Refusal.NOT_CLAIMABLE);
        assertThat(campaign(null, true, CampaignStatus.ACTIVE).refusal(may, CouponSource.CLAIMED)).isNull();
        assertThat(campaign(null, true, CampaignStatus.ENDED).refusal(may, CouponSource.ISSUED))
                .isEqualTo(CouponCampaign.Refusal.ENDED);
        assertThat(campaign(null, true, CampaignStatus.ACTIVE).refusal(UNTIL, CouponSource.ISSUED))
                .isEqualTo(CouponCampaign.Refusal.EXPIRED);
        assertThat(campaign(null, true, CampaignStatus.ACTIVE).refusal(FROM.minusSeconds(1), CouponSource.ISSUED))
                .as("coupons may be handed out before they become usable").isNull();
    }

    @Test
    void aMembershipIsValidInItsWindowAndMultipliesTheOperatorsRate() {
        ActiveMembership gold = new ActiveMembership(1, 2, "Gold", new BigDecimal("10"), new BigDecimal("1.5"), FROM, UNTIL);
        assertThat(gold.validAt(FROM)).isTrue();
        assertThat(gold.validAt(UNTIL)).isFalse();
        assertThat(gold.validAt(FROM.minusNanos(1))).isFalse();
        assertThat(new ActiveMembership(1, 2, "Life", BigDecimal.ONE, BigDecimal.ONE, FROM, null).validAt(UNTIL)).isTrue();
        assertThat(gold.plan(new BigDecimal("2")).pointsFor(10_000)).isEqualTo(new Points(30));
        assertThat(gold.plan(BigDecimal.ONE).discountOn(cny("4.00"))).isEqualTo(cny("0.40"));
    }
}
