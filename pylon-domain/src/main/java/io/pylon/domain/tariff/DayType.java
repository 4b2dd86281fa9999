package io.pylon.domain.tariff;

/** Which schedule of a tariff applies on a local date: working day (工作日) or holiday (节假日). */
public enum DayType {
    WORKDAY,
    HOLIDAY
}
