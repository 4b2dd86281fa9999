package io.pylon.domain.billing;

import io.pylon.domain.tariff.Band;
import io.pylon.domain.tariff.HolidayCalendar;
import io.pylon.domain.tariff.Tariff;
import io.pylon.domain.tariff.TariffTerms;
import io.pylon.domain.tariff.TariffVersion;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Bills a session: cleans the meter samples ({@link MeterCurve}), splits the energy by band in the
 * station's local time ({@code zone}: schedules are wall-clock, DST included; the holiday calendar picks
 * the schedule per local date), rounds band energies to whole Wh with the largest-remainder method so they
 * add up to the metered Wh, prices each band line (half-up to the minor unit) and adds the idle fee and
 * session fee. Stateless and deterministic: same inputs, same bill.
 */
public final class BillingEngine {

    /** Bills with the version of {@code tariff} in force when the session started. */
    public Bill bill(Tariff tariff, ZoneId zone, HolidayCalendar calendar, SessionUsage usage) {
        TariffVersion version = tariff.versionAt(usage.startedAt()).orElseThrow(() -> new IllegalArgumentException(
                "Tariff " + tariff.id() + " has no version in force at " + usage.startedAt()));
        return bill(version, zone, calendar, usage);
    }

    public Bill bill(TariffVersion version, ZoneId zone, HolidayCalendar calendar, SessionUsage usage) {
        TariffTerms terms = version.terms();
        MeterCurve curve = MeterCurve.of(usage);
        Map<Band, Fraction> exact = BandSplit.exactWh(terms, zone, calendar, curve, usage.startedAt(),
                usage.stoppedAt());
        Map<Band, Long> wholeWh = LargestRemainder.allocate(exact, usage.meteredWh());
        List<BillLine> lines = new ArrayList<>();
        wholeWh.forEach((band, wh) -> {
            if (wh > 0) {
                lines.add(BillLine.of(terms.priceOf(band), wh, terms.currency()));
            }
        });
        Set<BillFlag> flags = curve.adjusted() ? EnumSet.of(BillFlag.METER_SAMPLES_ADJUSTED) : Set.of();
        return new Bill(terms.currency(), version.tariffId(), version.version(), lines,
                idleCharge(terms, usage), terms.sessionFee(), List.of(), flags);
    }

    static IdleCharge idleCharge(TariffTerms terms, SessionUsage usage) {
        return IdleCharge.of(terms.idleFee(), usage.idleMinutes(), terms.currency());
    }
}
