package io.pylon.domain.billing;

import java.math.BigInteger;

/**
 * An exact rational number of Wh: interpolated registers are rarely whole,
 * and splitting them with fixed decimals would let rounding noise decide largest-remainder ties.
 * Always reduced, denominator positive.
 */
record Fraction(BigInteger numerator, BigInteger denominator) implements Comparable<Fraction> {

    static final Fraction ZERO = of(0);

    Fraction {
        if (denominator.signum() <= 0) {
            throw new IllegalArgumentException("Denominator must be positive: " + denominator);
        }
        BigInteger gcd = numerator.gcd(denominator);
        if (!gcd.equals(BigInteger.ONE) && gcd.signum() > 0) {
            numerator = numerator.divide(gcd);
            denominator = denominator.divide(gcd);
        }
    }

    static Fraction of(long whole) {
        return new Fraction(BigInteger.valueOf(whole), BigInteger.ONE);
    }

    static Fraction of(long numerator, long denominator) {
        return new Fraction(BigInteger.valueOf(numerator), BigInteger.valueOf(denominator));
    }

    Fraction plus(Fraction other) {
        return new Fraction(numerator.multiply(other.denominator).add(other.numerator.multiply(denominator)),
                denominator.multiply(other.denominator));
    }

    Fraction minus(Fraction other) {
        return plus(new Fraction(other.numerator.negate(), other.denominator));
    }

    /** The largest whole number not above this one. */
    long floor() {
        BigInteger[] qr = numerator.divideAndRemainder(denominator);
        return qr[1].signum() < 0 ? qr[0].longValueExact() - 1 : qr[0].longValueExact();
    }

    /** This minus its floor, in [0, 1). */
    Fraction remainder() {
        return minus(of(floor()));
    }

    @Override
    public int compareTo(Fraction other) {
        return numerator.multiply(other.denominator).compareTo(other.numerator.multiply(denominator));
    }
}
