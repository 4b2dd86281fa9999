package io.pylon.domain.tariff;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;

/**
 * The usual Chinese calendar rule: Saturday and Sunday are holidays unless listed as make-up working
 * days (调休上班), and listed public holidays (法定节假日) are holidays whatever the weekday. A date may not
 * be listed as both.
 */
public record ListedHolidayCalendar(Set<LocalDate> publicHolidays, Set<LocalDate> makeUpWorkdays)
        implements HolidayCalendar {

    public ListedHolidayCalendar {
        publicHolidays = Set.copyOf(Objects.requireNonNull(publicHolidays, "publicHolidays"));
        makeUpWorkdays = Set.copyOf(Objects.requireNonNull(makeUpWorkdays, "makeUpWorkdays"));
        for (LocalDate date : publicHolidays) {
            if (makeUpWorkdays.contains(date)) {
                throw new IllegalArgumentException(date + " is listed both as a holiday and as a working day");
            }
        }
    }

    /** Weekends only, no listed days. */
    public static ListedHolidayCalendar weekends() {
        return new ListedHolidayCalendar(Set.of(), Set.of());
    }

    @Override
    public DayType dayType(LocalDate date) {
        if (publicHolidays.contains(date)) {
            return DayType.HOLIDAY;
        }
        if (makeUpWorkdays.contains(date)) {
            return DayType.WORKDAY;
        }
        DayOfWeek day = date.getDayOfWeek();
        return day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY ? DayType.HOLIDAY : DayType.WORKDAY;
    }
}
