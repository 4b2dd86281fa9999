package io.pylon.domain.marketing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * A driver's enrolment in a membership plan, valid in [validFrom, validUntil) (validUntil null: no end).
 *
 * @param discountPercent  0-100 % off the service fee
 * @param pointsMultiplier the operator's points rate is multiplied by this for members (1 = no bonus)
 */
public record ActiveMembership(long membershipId, long planId, String planName, BigDecimal discountPercent,
                               BigDecimal pointsMultiplier, Instant validFrom, Instant validUntil) {

    public ActiveMembership {
        Objects.requireNonNull(planName, "planName");
        Objects.requireNonNull(validFrom, "validFrom");
        if (pointsMultiplier.signum() < 0) {
            throw new IllegalArgumentException("points multiplier must not be negative: " + pointsMultiplier);
        }
    }

    /** The plan as billing applies it, earning {@code operatorPointsPerKwh × pointsMultiplier} points per kWh. */
    public MembershipPlan plan(BigDecimal operatorPointsPerKwh) {
        return new MembershipPlan(planName, discountPercent, operatorPointsPerKwh.multiply(pointsMultiplier));
    }

    public boolean validAt(Instant at) {
        return !at.isBefore(validFrom) && (validUntil == null || at.isBefore(validUntil));
    }
}
