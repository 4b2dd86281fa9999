package io.pylon.domain.tariff;

import java.time.LocalDate;

/**
 * Tells whether a local date (in the station's time zone) is a working day or a holiday; the tariff
 * picks its workday or holiday schedule from the answer.
 */
public interface HolidayCalendar {

    /** Every day is a working day: tariffs with one schedule for all days. */
    HolidayCalendar ALL_WORKDAYS = date -> DayType.WORKDAY;

    DayType dayType(LocalDate date);
}
