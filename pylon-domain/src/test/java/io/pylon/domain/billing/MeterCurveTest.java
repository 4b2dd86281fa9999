package io.pylon.domain.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pylon.domain.tariff.Band;
import io.pylon.domain.tariff.DaySchedule;
import io.pylon.domain.tariff.HolidayCalendar;
import io.pylon.domain.tariff.BandPrice;
import io.pylon.domain.tariff.TariffTerms;
import io.pylon.domain.money.Money;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MeterCurveTest {

    static final Instant T0 = Instant.parse("2026-03-10T00:00:00Z");

    static EnergyPoint point(int minute, long wh) {
        return new EnergyPoint(T0.plusSeconds(60L * minute), wh);
    }

    @Test
    void sortsMergesClampsAndDropsSamples() {
        SessionUsage usage = SessionUsage.of(T0, 1000, T0.plusSeconds(600), 2000).withSamples(List.of(
                point(6, 1500), point(2, 1200), point(2, 1200), point(4, 1100), point(8, 2500),
                point(3, 1300), point(3, 1250), point(0, 9999), point(11, 3000)));

        MeterCurve curve = MeterCurve.of(usage);

        assertThat(curve.points()).containsExactly(point(0, 1000), point(2, 1200), point(3, 1300),
                point(4, 1300), point(6, 1500), point(8, 2000), point(10, 2000));
        assertThat(curve.adjusted()).isTrue();
        assertThat(MeterCurve.of(usage.withSamples(List.of(point(5, 1500), point(5, 1500)))).adjusted()).isFalse();
    }

    @Test
    void interpolatesLinearlyAndExactly() {
        MeterCurve curve = MeterCurve.of(SessionUsage.of(T0, 0, T0.plusSeconds(3), 1));

        assertThat(curve.registerAt(T0.plusSeconds(1))).isEqualTo(Fraction.of(1, 3));
        assertThat(curve.registerAt(T0.plusSeconds(2))).isEqualTo(Fraction.of(2, 3));
        assertThatThrownBy(() -> curve.registerAt(T0.plusSeconds(4))).hasMessageContaining("outside");
    }

    @Test
    void refusesImpossibleUsage() {
        assertThatThrownBy(() -> SessionUsage.of(T0, 10, T0.minusSeconds(1), 20)).hasMessageContaining("before");
        assertThatThrownBy(() -> SessionUsage.of(T0, 10, T0, 9)).hasMessageContaining("below");
    }

    @Test
    void aZeroLengthSessionPutsItsEnergyInTheBandAtItsStart() {
        TariffTerms terms = TariffTerms.simple(Money.CNY, DaySchedule.uniform(Band.FLAT),
                BandPrice.of(Band.FLAT, "1", "0"));

        Bill bill = new BillingEngine().bill(new io.pylon.domain.tariff.TariffVersion(1, 1, T0, terms),
                ZoneOffset.UTC, HolidayCalendar.ALL_WORKDAYS, SessionUsage.of(T0, 0, T0, 1500));

        assertThat(bill.lines()).singleElement().extracting(BillLine::energyWh).isEqualTo(1500L);
    }

    @Test
    void cutsWhereverTheOffsetChangesEvenOffTheHalfHour() {
        // A made-up zone moving its clocks 10 minutes forward at 01:10 UTC.
        Instant jump = Instant.parse("2026-03-10T01:10:00Z");
        ZoneOffsetTransition transition = ZoneOffsetTransition.of(LocalDateTime.of(2026, 3, 10, 1, 10),
                ZoneOffset.UTC, ZoneOffset.ofHoursMinutes(0, 10));
        ZoneRules rules = ZoneRules.of(ZoneOffset.UTC, ZoneOffset.UTC, List.of(), List.of(transition), List.of());

        assertThat(BandSplit.nextCut(rules, T0.plusSeconds(3600))).isEqualTo(jump);
        assertThat(BandSplit.nextCut(rules, jump)).isEqualTo(Instant.parse("2026-03-10T01:20:00Z"));
    }

    @Test
    void largestRemainderNeedsExactShares() {
        Map<Band, Long> whole = LargestRemainder.allocate(Map.of(Band.VALLEY, Fraction.of(5, 2),
                Band.PEAK, Fraction.of(3, 2), Band.FLAT, Fraction.of(1)), 5);

        assertThat(whole).containsEntry(Band.PEAK, 2L).containsEntry(Band.VALLEY, 2L).containsEntry(Band.FLAT, 1L);
    }
}
