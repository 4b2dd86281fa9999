package io.pylon.domain.marketing;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon.domain.money.Money;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class RewardsTest {

    @Test
    void pointsAreWholeAndRoundedDown() {
        assertThat(Points.earned(9_999, BigDecimal.ONE)).isEqualTo(new Points(9));
        assertThat(Points.earned(10_000, new BigDecimal("1.5"))).isEqualTo(new Points(15));
        assertThat(new MembershipPlan("Gold", BigDecimal.TEN, new BigDecimal("2")).pointsFor(1_499))
                .isEqualTo(new Points(2));
        assertThat(new Points(2).plus(new Points(3))).isEqualTo(new Points(5));
    }

    @Test
    void membershipDiscountRoundsHalfUp() {
        // 15 % of 0.10 = 0.015 → 0.02
        assertThat(new MembershipPlan("Silver", new BigDecimal("15"), BigDecimal.ONE).discountOn(Money.of("0.10", "CNY")))
                .isEqualTo(Money.of("0.02", "CNY"));
    }

    @Test
    void carbonSavedIsRoundedToGrams() {
        CarbonFactor factor = new CarbonFactor("CN-East", new BigDecimal("0.5810"));

        assertThat(factor.savedKg(12_345)).isEqualTo(new BigDecimal("7.172"));
        assertThat(factor.savedKg(1)).isEqualTo(new BigDecimal("0.001"));
        assertThat(factor.savedKg(0)).isEqualTo(new BigDecimal("0.000"));
    }
}
