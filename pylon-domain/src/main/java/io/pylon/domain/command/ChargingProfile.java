package io.pylon.domain.command;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A charging profile (smart charging): power or current limits over time.
 *
 * @param purpose   ChargePointMaxProfile, TxDefaultProfile or TxProfile
 * @param kind      Absolute, Recurring or Relative
 * @param recurrency Daily or Weekly when kind is Recurring
 */
public record ChargingProfile(int id, Integer transactionId, int stackLevel, String purpose, String kind,
                              String recurrency, Instant validFrom, Instant validTo, Schedule schedule) {

    /** @param rateUnit W or A; duration in seconds (null = open-ended) */
    public record Schedule(Integer duration, Instant startSchedule, String rateUnit, BigDecimal minChargingRate,
                           List<Period> periods) {}

    /** @param startPeriod seconds from the schedule start; limit in the schedule's unit */
    public record Period(int startPeriod, BigDecimal limit, Integer numberPhases) {}
}
