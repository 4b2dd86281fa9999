package io.pylon.domain.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Currency;
import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void keepsTheCurrencysMinorUnitScale() {
        assertThat(Money.of("12.5", "CNY").amount()).isEqualTo(new BigDecimal("12.50"));
        assertThat(Money.of("12", "JPY").amount()).isEqualTo(new BigDecimal("12"));
        assertThat(Money.of("12.5", "CNY")).isEqualTo(Money.of("12.50", "CNY"));
    }

    @Test
    void refusesToRoundSilently() {
        assertThatThrownBy(() -> Money.of("0.125", "CNY")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0.125");
    }

    @Test
    void roundsHalfUpWhenAsked() {
        assertThat(Money.rounded(new BigDecimal("0.125"), Money.CNY)).isEqualTo(Money.of("0.13", "CNY"));
        assertThat(Money.rounded(new BigDecimal("-0.125"), Money.CNY)).isEqualTo(Money.of("-0.13", "CNY"));
    }

    @Test
    void neverMixesCurrencies() {
        assertThatThrownBy(() -> Money.of("1", "CNY").plus(Money.of("1", "EUR")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void convertsMinorUnits() {
        assertThat(Money.ofMinor(1234, Currency.getInstance("EUR"))).isEqualTo(Money.of("12.34", "EUR"));
        assertThat(Money.of("12.34", "EUR").minorUnits()).isEqualTo(1234);
    }
}
