package io.pylon.domain.billing;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon.domain.money.Money;
import io.pylon.domain.tariff.Band;
import io.pylon.domain.tariff.BandPrice;
import io.pylon.domain.tariff.DaySchedule;
import io.pylon.domain.tariff.HolidayCalendar;
import io.pylon.domain.tariff.Tariff;
import io.pylon.domain.tariff.TariffTerms;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunningEstimateTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final Instant START = Instant.parse("2026-03-10T01:00:00Z"); // 09:00 local
    static final Tariff TARIFF = Tariff.create(7, 1, "Day", TariffTerms.simple(Money.CNY,
            DaySchedule.parse("00:00-10:00 FLAT, 10:00-24:00 PEAK"),
            BandPrice.of(Band.PEAK, "1.0", "0.5"), BandPrice.of(Band.FLAT, "0.6", "0.4"))
            .withSessionFee(Money.of("1.00", "CNY")), Instant.parse("2026-01-01T00:00:00Z"));

    @Test
    void theCurveSoFarIsBilledLikeAStopAtTheLatestReading() {
        List<EnergyPoint> readings = List.of(new EnergyPoint(START.plusSeconds(3600), 15_000),
                new EnergyPoint(START.plusSeconds(1800), 12_000), new EnergyPoint(START.minusSeconds(60), 9_000));
        SessionUsage soFar = RunningEstimate.usageSoFar(START, 10_000, readings);
        assertThat(soFar.stoppedAt()).isEqualTo(START.plusSeconds(3600));
        assertThat(soFar.meteredWh()).isEqualTo(5_000);

        Bill bill = RunningEstimate.bill(TARIFF, SHANGHAI, HolidayCalendar.ALL_WORKDAYS, soFar).orElseThrow();
        // 09:00-10:00 local is FLAT and the register went 10 000 → 12 000 → 15 000 (linear between readings):
        // 09:00-09:30 2 kWh, 09:30-10:00 3 kWh, all FLAT: 5 kWh × 0.6 = 3.00, × 0.4 = 2.00, + 1.00 session fee
        assertThat(bill.lines()).extracting(BillLine::band).containsExactly(Band.FLAT);
        assertThat(bill.energyWh()).isEqualTo(5_000);
        assertThat(bill.total()).isEqualTo(Money.of("6.00", "CNY"));
        assertThat(bill.flags()).as("readings outside the estimate window are not adjustments").isEmpty();
    }

    @Test
    void withoutReadingsNothingIsChargedButTheSessionFee() {
        SessionUsage soFar = RunningEstimate.usageSoFar(START, 10_000, List.of());
        assertThat(soFar.meteredWh()).isZero();
        Bill bill = RunningEstimate.bill(TARIFF, SHANGHAI, HolidayCalendar.ALL_WORKDAYS, soFar).orElseThrow();
        assertThat(bill.lines()).isEmpty();
        assertThat(bill.total()).isEqualTo(Money.of("1.00", "CNY"));
    }

    @Test
    void aRegisterBelowTheStartCountsAsNoEnergy() {
        SessionUsage soFar = RunningEstimate.usageSoFar(START, 10_000, List.of(new EnergyPoint(START.plusSeconds(60), 9_990)));
        assertThat(soFar.meteredWh()).isZero();
    }

    @Test
    void aSessionBeforeTheTariffsFirstVersionHasNoEstimate() {
        Instant early = Instant.parse("2025-06-01T00:00:00Z");
        SessionUsage soFar = RunningEstimate.usageSoFar(early, 0, List.of());
        assertThat(RunningEstimate.bill(TARIFF, SHANGHAI, HolidayCalendar.ALL_WORKDAYS, soFar)).isEmpty();
    }
}
