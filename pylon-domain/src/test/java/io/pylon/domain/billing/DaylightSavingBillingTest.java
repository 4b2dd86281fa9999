package io.pylon.domain.billing;

import static io.pylon.domain.billing.BillingEngineTest.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.pylon.domain.money.Money;
import io.pylon.domain.tariff.Band;
import io.pylon.domain.tariff.BandPrice;
import io.pylon.domain.tariff.DaySchedule;
import io.pylon.domain.tariff.HolidayCalendar;
import io.pylon.domain.tariff.TariffTerms;
import io.pylon.domain.tariff.TariffVersion;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Schedules are local wall-clock time: DST days in Europe/Berlin, computed by hand. */
class DaylightSavingBillingTest {

    private final BillingEngine engine = new BillingEngine();

    @Test
    void springForwardInBerlinSkipsTheMissingHour() {
        // 29 March 2026: 02:00 becomes 03:00. Local 00:00-06:00 lasts 5 hours at 10 kW = 50 kWh;
        // the 02:00-03:00 SHARP hour does not exist that night.
        Bill bill = engine.bill(berlin(), ZoneId.of("Europe/Berlin"), HolidayCalendar.ALL_WORKDAYS,
                SessionUsage.of(at("2026-03-29T00:00+01:00"), 0, at("2026-03-29T06:00+02:00"), 50_000));

        assertThat(bill.lines()).extracting(BillLine::band).containsExactly(Band.FLAT, Band.VALLEY);
        assertThat(bill.line(Band.VALLEY).orElseThrow().energyWh()).isEqualTo(20_000);
        assertThat(bill.line(Band.FLAT).orElseThrow().energyWh()).isEqualTo(30_000);
    }

    @Test
    void fallBackInBerlinBillsTheRepeatedHourTwice() {
        // 25 October 2026: 03:00 becomes 02:00. Local 00:00-06:00 lasts 7 hours at 7 kW = 49 kWh;
        // the SHARP hour 02:00-03:00 happens twice: 14 kWh at 0.50 + 0.10 EUR.
        Bill bill = engine.bill(berlin(), ZoneId.of("Europe/Berlin"), HolidayCalendar.ALL_WORKDAYS,
                SessionUsage.of(at("2026-10-25T00:00+02:00"), 0, at("2026-10-25T06:00+01:00"), 49_000));

        assertThat(bill.lines()).extracting(BillLine::energyWh).containsExactly(14_000L, 21_000L, 14_000L);
        assertThat(bill.line(Band.SHARP).orElseThrow().amount()).isEqualTo(Money.of("8.40", "EUR"));
    }

    private static TariffVersion berlin() {
        TariffTerms terms = TariffTerms.simple(java.util.Currency.getInstance("EUR"),
                DaySchedule.parse("00:00-02:00 VALLEY, 02:00-03:00 SHARP, 03:00-24:00 FLAT"),
                BandPrice.of(Band.SHARP, "0.5", "0.1"), BandPrice.of(Band.FLAT, "0.3", "0.1"),
                BandPrice.of(Band.VALLEY, "0.2", "0.1"));
        return new TariffVersion(5, 1, Instant.EPOCH, terms);
    }
}
