/**
 * Time-of-use tariffs: bands (尖峰平谷), half-hour {@link io.pylon.domain.tariff.DaySchedule day schedules}
 * in the station's local wall-clock time, workday/holiday schedules chosen by a
 * {@link io.pylon.domain.tariff.HolidayCalendar}, and immutable
 * {@link io.pylon.domain.tariff.TariffVersion versions}: a session is billed with the version in force at
 * its start, so revising a tariff never alters a running session. Unit prices are per kWh with at most
 * 5 decimals; energy is whole Wh.
 */
package io.pylon.domain.tariff;
