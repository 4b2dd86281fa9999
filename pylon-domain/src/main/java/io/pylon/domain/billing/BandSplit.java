package io.pylon.domain.billing;

import io.pylon.domain.tariff.Band;
import io.pylon.domain.tariff.HolidayCalendar;
import io.pylon.domain.tariff.TariffTerms;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.EnumMap;
import java.util.Map;

/**
 * Splits a session's energy by band, before rounding to Wh. Time is cut into pieces at every local
 * half-hour (where a band may change), at every offset change of the zone (DST) and at local midnight;
 * each piece takes the band of its local start time, from the workday or holiday schedule of its local
 * date, and the energy the {@link MeterCurve} delivered during it, as exact fractions of Wh. Consecutive
 * pieces of one band form a run read from the register once at each end, so the band energies add up
 * exactly to meter stop − meter start. A zero-length session puts its energy in the band at its start.
 */
final class BandSplit {

    private BandSplit() {
    }

    static Map<Band, Fraction> exactWh(TariffTerms terms, ZoneId zone, HolidayCalendar calendar,
                                       MeterCurve curve, Instant start, Instant stop) {
        Map<Band, Fraction> energy = new EnumMap<>(Band.class);
        ZoneRules rules = zone.getRules();
        Band runBand = bandAt(terms, zone, calendar, start);
        Fraction runStart = Fraction.of(curve.points().getFirst().registerWh());
        Instant cut = start;
        while (cut.isBefore(stop)) {
            cut = nextCut(rules, cut);
            if (!cut.isBefore(stop)) {
                break;
            }
            Band band = bandAt(terms, zone, calendar, cut);
            if (band != runBand) {
                Fraction register = curve.registerAt(cut);
                energy.merge(runBand, register.minus(runStart), Fraction::plus);
                runBand = band;
                runStart = register;
            }
        }
        energy.merge(runBand, Fraction.of(curve.points().getLast().registerWh()).minus(runStart), Fraction::plus);
        return energy;
    }

    /** The next instant after {@code from} at which the local clock reaches a half hour or jumps. */
    static Instant nextCut(ZoneRules rules, Instant from) {
        ZoneOffset offset = rules.getOffset(from);
        LocalDateTime local = LocalDateTime.ofInstant(from, offset);
        LocalDateTime slotStart = local.truncatedTo(ChronoUnit.HOURS).plusMinutes(local.getMinute() < 30 ? 0 : 30);
        Instant next = slotStart.plusMinutes(30).toInstant(offset);
        ZoneOffsetTransition transition = rules.nextTransition(from);
        if (transition != null && transition.getInstant().isBefore(next)) {
            next = transition.getInstant();
        }
        return next;
    }

    static Band bandAt(TariffTerms terms, ZoneId zone, HolidayCalendar calendar, Instant at) {
        LocalDateTime local = LocalDateTime.ofInstant(at, zone);
        return terms.scheduleFor(calendar.dayType(local.toLocalDate())).bandAt(local.toLocalTime());
    }
}
