package io.pylon.domain.tariff;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon.domain.money.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DayPricesTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final TariffTerms TERMS = TariffTerms.simple(Money.CNY,
            DaySchedule.parse("00:00-08:00 VALLEY, 08:00-18:00 FLAT, 18:00-22:00 PEAK, 22:00-24:00 FLAT"),
            BandPrice.of(Band.PEAK, "1.2", "0.8"), BandPrice.of(Band.FLAT, "0.7", "0.6"), BandPrice.of(Band.VALLEY, "0.3", "0.4"))
            .withHolidaySchedule(DaySchedule.uniform(Band.VALLEY));
    static final Tariff TARIFF = Tariff.create(5, 1, "TOU", TERMS, Instant.parse("2026-01-01T00:00:00Z"));

    @Test
    void aWorkdayListsItsRangesWithPricesUpToMidnight() {
        // 2026-03-10 (a Tuesday) 23:30 UTC is already 07:30 on the 11th in Shanghai
        var day = DayPrices.at(TARIFF, SHANGHAI, HolidayCalendar.ALL_WORKDAYS, Instant.parse("2026-03-10T23:30:00Z")).orElseThrow();
        assertThat(day.date()).isEqualTo(LocalDate.parse("2026-03-11"));
        assertThat(day.dayType()).isEqualTo(DayType.WORKDAY);
        assertThat(day.version().version()).isEqualTo(1);
        assertThat(day.ranges()).extracting(DayPrices.Range::band)
                .containsExactly(Band.VALLEY, Band.FLAT, Band.PEAK, Band.FLAT);
        assertThat(day.ranges().getFirst().from()).isEqualTo(LocalTime.MIDNIGHT);
        assertThat(day.ranges().getLast().to()).as("end of day").isEqualTo(LocalTime.MIDNIGHT);
        assertThat(day.ranges().get(2).price().electricityPerKwh()).isEqualByComparingTo("1.2");
        assertThat(day.ranges().get(2).from()).isEqualTo(LocalTime.of(18, 0));
        assertThat(day.ranges().get(2).to()).isEqualTo(LocalTime.of(22, 0));
    }

    @Test
    void aHolidayUsesTheHolidaySchedule() {
        HolidayCalendar calendar = new ListedHolidayCalendar(Set.of(LocalDate.parse("2026-03-11")), Set.of());
        var day = DayPrices.at(TARIFF, SHANGHAI, calendar, Instant.parse("2026-03-11T04:00:00Z")).orElseThrow();
        assertThat(day.dayType()).isEqualTo(DayType.HOLIDAY);
        assertThat(day.ranges()).hasSize(1);
        assertThat(day.ranges().getFirst().band()).isEqualTo(Band.VALLEY);
    }

    @Test
    void beforeTheFirstVersionThereAreNoPrices() {
        assertThat(DayPrices.at(TARIFF, SHANGHAI, HolidayCalendar.ALL_WORKDAYS, Instant.parse("2025-12-01T00:00:00Z"))).isEmpty();
    }
}
