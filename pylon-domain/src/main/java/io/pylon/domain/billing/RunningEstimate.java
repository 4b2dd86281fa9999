package io.pylon.domain.billing;

import io.pylon.domain.tariff.HolidayCalendar;
import io.pylon.domain.tariff.Tariff;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * What a session still running has cost so far, as an estimate for the driver: the meter curve up to the
 * latest energy reading is billed exactly as a stop there would be ({@link BillingEngine}, the tariff version in
 * force at the start, session fee included). It is not the final bill: energy after the latest reading, the idle
 * fee, discounts and the offline billing mode are left out, and the charger's stop reading decides in the end.
 */
public final class RunningEstimate {

    private static final BillingEngine ENGINE = new BillingEngine();

    private RunningEstimate() {}

    /**
     * The usage so far: from the start to the latest energy reading (the start itself when there is none or
     * when the latest is not after it), its register never below the start reading.
     */
    public static SessionUsage usageSoFar(Instant startedAt, long meterStartWh, List<EnergyPoint> readings) {
        EnergyPoint latest = null;
        for (EnergyPoint point : readings) {
            if (point.at().isAfter(startedAt) && (latest == null || point.at().isAfter(latest.at()))) {
                latest = point;
            }
        }
        if (latest == null) {
            return SessionUsage.of(startedAt, meterStartWh, startedAt, meterStartWh);
        }
        Instant end = latest.at();
        long register = Math.max(meterStartWh, latest.registerWh());
        List<EnergyPoint> before = readings.stream().filter(p -> p.at().isAfter(startedAt) && p.at().isBefore(end)).toList();
        return new SessionUsage(startedAt, meterStartWh, end, register, before, null, null);
    }

    /** The bill of the usage so far; empty when the tariff has no version in force at the start. */
    public static Optional<Bill> bill(Tariff tariff, ZoneId zone, HolidayCalendar calendar, SessionUsage soFar) {
        if (tariff.versionAt(soFar.startedAt()).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(ENGINE.bill(tariff, zone, calendar, soFar));
    }
}
