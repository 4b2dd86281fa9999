package io.pylon.domain.billing;

import io.pylon.domain.money.Money;
import java.util.Objects;

/**
 * A reduction of a bill's service amount (never of electricity, idle or session fees): from a
 * membership plan or a coupon, {@code reference} naming which (plan name, coupon code).
 */
public record Discount(Source source, String reference, Money amount) {

    public enum Source {
        MEMBERSHIP,
        COUPON
    }

    public Discount {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(reference, "reference");
        if (amount.isNegative()) {
            throw new IllegalArgumentException("A discount is not negative: " + amount);
        }
    }
}
