package io.pylon.domain.tariff;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The prices of one local day at a station, as a driver sees them before starting: the day's ranges of
 * wall-clock time, each with its band and unit prices, from the tariff version in force at an instant and the
 * schedule of the day's type (workday or holiday).
 *
 * @param date    the station-local date
 * @param ranges  consecutive ranges covering the whole day, in time order
 */
public record DayPrices(LocalDate date, DayType dayType, TariffVersion version, List<Range> ranges) {

    /** {@code [from, to)} of local wall-clock time; {@code to} = 00:00 means the end of the day (24:00). */
    public record Range(LocalTime from, LocalTime to, Band band, BandPrice price) {}

    public DayPrices {
        ranges = List.copyOf(ranges);
    }

    /** The prices of the station-local day of {@code at}, with the version in force then; empty before the first. */
    public static Optional<DayPrices> at(Tariff tariff, ZoneId zone, HolidayCalendar calendar, Instant at) {
        return tariff.versionAt(at).map(version -> {
            LocalDate date = at.atZone(zone).toLocalDate();
            DayType type = calendar.dayType(date);
            return new DayPrices(date, type, version, ranges(version.terms(), type));
        });
    }

    /** The ranges of one type of day under some terms. */
    public static List<Range> ranges(TariffTerms terms, DayType dayType) {
        DaySchedule schedule = terms.scheduleFor(dayType);
        List<LocalTime> starts = schedule.boundaries();
        List<Range> ranges = new ArrayList<>(starts.size());
        for (int i = 0; i < starts.size(); i++) {
            LocalTime from = starts.get(i);
            LocalTime to = i + 1 < starts.size() ? starts.get(i + 1) : LocalTime.MIDNIGHT;
            Band band = schedule.bandAt(from);
            ranges.add(new Range(from, to, band, terms.priceOf(band)));
        }
        return ranges;
    }
}
