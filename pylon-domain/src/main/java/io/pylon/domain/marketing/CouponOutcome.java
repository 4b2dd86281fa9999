package io.pylon.domain.marketing;

import io.pylon.domain.money.Money;
import java.util.Objects;

/** Whether a coupon applies to a bill, and how much it takes off the service amount. */
public sealed interface CouponOutcome {

    String code();

    /** The coupon applies; {@code discount} never exceeds the service amount it was evaluated on. */
    record Applicable(String code, Money discount) implements CouponOutcome {
        public Applicable {
            Objects.requireNonNull(code, "code");
            if (discount.isNegative()) {
                throw new IllegalArgumentException("Negative discount " + discount);
            }
        }
    }

    record NotApplicable(String code, Reason reason) implements CouponOutcome {
        public NotApplicable {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Why a coupon does not apply, in the order {@link Coupon#evaluate} checks them. */
    enum Reason {
        WRONG_CURRENCY,
        NOT_YET_VALID,
        EXPIRED,
        EXHAUSTED,
        DRIVER_LIMIT_REACHED,
        BELOW_MINIMUM_SPEND
    }
}
