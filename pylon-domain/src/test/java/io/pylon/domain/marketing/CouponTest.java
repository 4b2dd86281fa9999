package io.pylon.domain.marketing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pylon.domain.marketing.CouponOutcome.Applicable;
import io.pylon.domain.marketing.CouponOutcome.NotApplicable;
import io.pylon.domain.marketing.CouponOutcome.Reason;
import io.pylon.domain.money.Money;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CouponTest {

    static final Instant FROM = Instant.parse("2026-05-01T00:00:00Z");
    static final Instant UNTIL = Instant.parse("2026-06-01T00:00:00Z");
    static final Instant NOW = Instant.parse("2026-05-15T12:00:00Z");

    static Coupon coupon(CouponKind kind, String value) {
        return new Coupon("MAY", 1, kind, new BigDecimal(value), cny("30"), FROM, UNTIL, 2, 100);
    }

    static Money cny(String amount) {
        return Money.of(amount, "CNY");
    }

    @Test
    void fixedCouponTakesItsValueButNeverMoreThanTheService() {
        Coupon coupon = coupon(CouponKind.FIXED, "5");

        assertThat(coupon.evaluate(cny("40"), cny("12"), 0, 0, NOW)).isEqualTo(new Applicable("MAY", cny("5")));
        assertThat(coupon.evaluate(cny("40"), cny("3.20"), 0, 0, NOW)).isEqualTo(new Applicable("MAY", cny("3.20")));
    }

    @Test
    void percentCouponRoundsHalfUp() {
        // 15 % of 12.30 = 1.845 → 1.85
        assertThat(coupon(CouponKind.PERCENT, "15").evaluate(cny("40"), cny("12.30"), 1, 99, NOW))
                .isEqualTo(new Applicable("MAY", cny("1.85")));
    }

    @Test
    void explainsWhyItDoesNotApply() {
        Coupon coupon = coupon(CouponKind.FIXED, "5");

        assertThat(coupon.evaluate(Money.of("40", "EUR"), Money.of("9", "EUR"), 0, 0, NOW))
                .isEqualTo(new NotApplicable("MAY", Reason.WRONG_CURRENCY));
        assertThat(coupon.evaluate(cny("40"), cny("9"), 0, 0, FROM.minusNanos(1)))
                .isEqualTo(new NotApplicable("MAY", Reason.NOT_YET_VALID));
        assertThat(coupon.evaluate(cny("40"), cny("9"), 0, 0, UNTIL))
                .isEqualTo(new NotApplicable("MAY", Reason.EXPIRED));
        assertThat(coupon.evaluate(cny("40"), cny("9"), 0, 100, NOW))
                .isEqualTo(new NotApplicable("MAY", Reason.EXHAUSTED));
        assertThat(coupon.evaluate(cny("40"), cny("9"), 2, 5, NOW))
                .isEqualTo(new NotApplicable("MAY", Reason.DRIVER_LIMIT_REACHED));
        assertThat(coupon.evaluate(cny("29.99"), cny("9"), 0, 0, NOW))
                .isEqualTo(new NotApplicable("MAY", Reason.BELOW_MINIMUM_SPEND));
        assertThat(coupon.evaluate(cny("30"), cny("9"), 0, 0, FROM)).isInstanceOf(Applicable.class);
    }

    @Test
    void refusesNonsense() {
        assertThatThrownBy(() -> coupon(CouponKind.PERCENT, "101")).hasMessageContaining("out of range");
        assertThatThrownBy(() -> coupon(CouponKind.FIXED, "0")).hasMessageContaining("out of range");
        assertThatThrownBy(() -> coupon(CouponKind.FIXED, "0.001")).hasMessageContaining("more digits");
        assertThatThrownBy(() -> new Coupon("X", 1, CouponKind.FIXED, BigDecimal.ONE, cny("0"), UNTIL, FROM, 1, 1))
                .hasMessageContaining("never valid");
    }
}
