package io.pylon.domain.parking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pylon.domain.money.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import org.junit.jupiter.api.Test;

/** The idle fee: grace first, whole minutes, per minute or per started hour, then the cap. */
class IdleFeeRuleTest {

    private static final Currency CNY = Money.CNY;

    @Test
    void perMinuteAfterTheGracePeriod() {
        var rule = new IdleFeeRule(15, new BigDecimal("0.5"), FeeUnit.MINUTE, null);
        assertThat(rule.charge(35, CNY)).isEqualTo(new IdleCharge(35, 20, Money.of("10.00", "CNY"), false));
        assertThat(rule.charge(15, CNY)).isEqualTo(new IdleCharge(15, 0, Money.zero(CNY), false));
        assertThat(rule.charge(3, CNY).billedMinutes()).isZero();
    }

    @Test
    void perStartedHour() {
        var rule = new IdleFeeRule(10, new BigDecimal("6"), FeeUnit.HOUR, null);
        assertThat(rule.charge(11, CNY).amount()).isEqualTo(Money.of("6.00", "CNY"));   // 1 minute billed: one hour begun
        assertThat(rule.charge(70, CNY).amount()).isEqualTo(Money.of("6.00", "CNY"));   // 60 minutes
        assertThat(rule.charge(71, CNY).amount()).isEqualTo(Money.of("12.00", "CNY"));  // 61 minutes
    }

    @Test
    void theCapLimitsTheAmount() {
        var rule = new IdleFeeRule(0, new BigDecimal("1"), FeeUnit.MINUTE, new BigDecimal("30"));
        assertThat(rule.charge(45, CNY)).isEqualTo(new IdleCharge(45, 45, Money.of("30.00", "CNY"), true));
        assertThat(rule.charge(30, CNY).capped()).isFalse();
    }

    @Test
    void wholeMinutesCutDownAndRoundedHalfUp() {
        var rule = new IdleFeeRule(0, new BigDecimal("0.125"), FeeUnit.MINUTE, null);
        Instant from = Instant.parse("2026-06-01T10:00:00Z");
        IdleCharge charge = rule.charge(from, from.plusSeconds(3 * 60 + 59), CNY);
        assertThat(charge.idleMinutes()).isEqualTo(3);
        assertThat(charge.amount()).isEqualTo(Money.of("0.38", "CNY")); // 0.375 → 0.38
        assertThat(rule.charge(from, from.minusSeconds(60), CNY).idleMinutes()).isZero();
    }

    @Test
    void badRulesAreRefused() {
        assertThatThrownBy(() -> new IdleFeeRule(-1, BigDecimal.ONE, FeeUnit.MINUTE, null)).hasMessageContaining("graceMinutes");
        assertThatThrownBy(() -> new IdleFeeRule(0, new BigDecimal("-1"), FeeUnit.MINUTE, null)).hasMessageContaining("price");
        assertThatThrownBy(() -> new IdleFeeRule(0, BigDecimal.ONE, FeeUnit.MINUTE, new BigDecimal("-2"))).hasMessageContaining("cap");
    }
}
