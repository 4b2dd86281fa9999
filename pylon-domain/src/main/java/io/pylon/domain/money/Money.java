package io.pylon.domain.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * An exact amount of money in one currency, always at the currency's minor-unit scale (2 for CNY and
 * EUR, 0 for JPY). Amounts with more digits must be rounded on purpose with {@link #of(BigDecimal,
 * Currency, RoundingMode)}; the canonical constructor refuses to round silently. Pylon's stated rounding
 * for bills is {@link #ROUNDING} (half-up, to the minor unit) applied once per bill line.
 */
public record Money(BigDecimal amount, Currency currency) implements Comparable<Money> {

    /** The rounding Pylon applies to every amount it computes (bill lines, fees, discounts). */
    public static final RoundingMode ROUNDING = RoundingMode.HALF_UP;
    public static final Currency CNY = Currency.getInstance("CNY");

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        try {
            amount = amount.setScale(currency.getDefaultFractionDigits(), RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(amount.toPlainString() + " has more digits than " + currency
                    + " allows (" + currency.getDefaultFractionDigits() + ")");
        }
    }

    public static Money of(String amount, String currency) {
        return new Money(new BigDecimal(amount), Currency.getInstance(currency));
    }

    public static Money of(BigDecimal amount, Currency currency, RoundingMode rounding) {
        return new Money(amount.setScale(currency.getDefaultFractionDigits(), rounding), currency);
    }

    /** Rounded with Pylon's stated rounding ({@link #ROUNDING}). */
    public static Money rounded(BigDecimal amount, Currency currency) {
        return of(amount, currency, ROUNDING);
    }

    public static Money zero(Currency currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    /** An amount given in minor units (fen, cents). */
    public static Money ofMinor(long minorUnits, Currency currency) {
        return new Money(BigDecimal.valueOf(minorUnits, currency.getDefaultFractionDigits()), currency);
    }

    public long minorUnits() {
        return amount.unscaledValue().longValueExact();
    }

    public Money plus(Money other) {
        return new Money(amount.add(same(other).amount), currency);
    }

    public Money minus(Money other) {
        return new Money(amount.subtract(same(other).amount), currency);
    }

    public Money negate() {
        return new Money(amount.negate(), currency);
    }

    public Money min(Money other) {
        return compareTo(other) <= 0 ? this : other;
    }

    public Money max(Money other) {
        return compareTo(other) >= 0 ? this : other;
    }

    public boolean isZero() {
        return amount.signum() == 0;
    }

    public boolean isNegative() {
        return amount.signum() < 0;
    }

    public boolean isPositive() {
        return amount.signum() > 0;
    }

    @Override
    public int compareTo(Money other) {
        return amount.compareTo(same(other).amount);
    }

    private Money same(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("Cannot combine " + currency + " with " + other.currency);
        }
        return other;
    }

    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency.getCurrencyCode();
    }
}
