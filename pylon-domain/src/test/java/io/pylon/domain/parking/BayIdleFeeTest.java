package io.pylon.domain.parking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pylon.domain.money.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import org.junit.jupiter.api.Test;

/** The idle fee: grace first, whole minutes, per minute or per started hour, then the cap. */
class BayIdleFeeTest {

    private static final Currency CNY = Money.CNY;

    @Test
    void perMinuteAfterTheGracePeriod() {
        var rule = new BayIdleFee(15, new BigDecimal("0.5"), FeeUnit.MINUTE, null);
        assertThat(rule.charge(35, CNY)).isEqualTo(new BayIdleCharge(35, 20, Money.of("10.00", "CNY"), false));
        assertThat(rule.charge(15, CNY)).isEqualTo(new BayIdleCharge(15, 0, Money.zero(CNY), false));
        assertThat(rule.charge(3, CNY).billedMinutes()).isZero();
    }

    @Test
    void perStartedHour() {
        var rule = new BayIdleFee(10, new BigDecimal("6"), FeeUnit.HOUR, null);
        assertThat(rule.charge(11, CNY).amount()).isEqualTo(Money.of("6.00", "CNY"));   // 1 minute billed: one hour begun
        assertThat(rule.charge(70, CNY).amount()).isEqualTo(Money.of("6.00", "CNY"));   // 60 minutes
        assertThat(rule.charge(71, CNY).amount()).isEqualTo(Money.of("12.00", "CNY"));  // 61 minutes
    }

    @Test
    void theCapLimitsTheAmount() {
        var rule = new BayIdleFee(0, new BigDecimal("1"), FeeUnit.MINUTE, new BigDecimal("30"));
        assertThat(rule.charge(45, CNY)).isEqualTo(new BayIdleCharge(45, 45, Money.of("30.00", "CNY"), true));
        assertThat(rule.charge(30, CNY).capped()).isFalse();
    }

    @Test
    void wholeMinutesCutDownAndRoundedHalfUp() {
        var rule = new BayIdleFee(0, new BigDecimal("0.125"), FeeUnit.MINUTE, null);
        Instant from = Instant.parse("2026-06-01T10:00:00Z");
        BayIdleCharge charge = rule.charge(from, from.plusSeconds(3 * 60 + 59), CNY);
        assertThat(charge.idleMinutes()).isEqualTo(3);
        assertThat(charge.amount()).isEqualTo(Money.of("0.38", "CNY")); // 0.375 → 0.38
        assertThat(rule.charge(from, from.minusSeconds(60), CNY).idleMinutes()).isZero();
    }

    @Test
    void timeAnotherFeeCoversIsNotChargedAgainAndTheGraceCountsOnce() {
        var rule = new BayIdleFee(15, BigDecimal.ONE, FeeUnit.MINUTE, null);
        Instant finished = Instant.parse("2026-06-01T10:00:00Z");
        Instant left = finished.plusSeconds(60 * 60);
        assertThat(rule.charge(finished, left, CNY)).isEqualTo(new BayIdleCharge(60, 45, Money.of("45.00", "CNY"), false));
        // the tariff's idle fee charged until the cable was pulled at 10:30: only 30 minutes remain
        assertThat(rule.charge(finished, left, finished.plusSeconds(30 * 60), CNY).billedMinutes()).isEqualTo(30);
        // pulled within the grace period: the grace still ends at 10:15
        assertThat(rule.charge(finished, left, finished.plusSeconds(5 * 60), CNY).billedMinutes()).isEqualTo(45);
        // covered until after it left: nothing to pay
        assertThat(rule.charge(finished, left, left.plusSeconds(60), CNY).amount()).isEqualTo(Money.zero(CNY));
    }

    @Test
    void badRulesAreRefused() {
        assertThatThrownBy(() -> new BayIdleFee(-1, BigDecimal.ONE, FeeUnit.MINUTE, null)).hasMessageContaining("graceMinutes");
        assertThatThrownBy(() -> new BayIdleFee(0, new BigDecimal("-1"), FeeUnit.MINUTE, null)).hasMessageContaining("price");
        assertThatThrownBy(() -> new BayIdleFee(0, BigDecimal.ONE, FeeUnit.MINUTE, new BigDecimal("-2"))).hasMessageContaining("cap");
    }
}
