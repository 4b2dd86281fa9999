package io.pylon.domain.tariff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pylon.domain.money.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TariffTest {

    static final DaySchedule TWO_BANDS = DaySchedule.parse("00:00-08:00 VALLEY, 08:00-24:00 PEAK");
    static final TariffTerms TERMS = TariffTerms.simple(Money.CNY, TWO_BANDS,
            BandPrice.of(Band.VALLEY, "0.3", "0.4"), BandPrice.of(Band.PEAK, "1.0", "0.8"));
    static final Instant JAN = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void pricesKeepFiveDecimalsAndRefuseMore() {
        assertThat(BandPrice.of(Band.FLAT, "0.61", "0.8").electricityPerKwh()).isEqualTo(new BigDecimal("0.61000"));
        assertThat(BandPrice.of(Band.FLAT, "0.61", "0.8")).isEqualTo(BandPrice.of(Band.FLAT, "0.610", "0.80000"));
        assertThatThrownBy(() -> BandPrice.of(Band.FLAT, "0.000001", "0")).hasMessageContaining("more than 5");
        assertThatThrownBy(() -> BandPrice.of(Band.FLAT, "-0.1", "0")).hasMessageContaining("negative");
    }

    @Test
    void everyBandAScheduleUsesNeedsAPrice() {
        assertThatThrownBy(() -> TariffTerms.simple(Money.CNY, TWO_BANDS, BandPrice.of(Band.VALLEY, "0.3", "0.4")))
                .hasMessageContaining("PEAK");
        assertThatThrownBy(() -> TERMS.withHolidaySchedule(DaySchedule.uniform(Band.FLAT)))
                .hasMessageContaining("FLAT");
        assertThat(TERMS.withHolidaySchedule(DaySchedule.uniform(Band.VALLEY)).scheduleFor(DayType.HOLIDAY))
                .isEqualTo(DaySchedule.uniform(Band.VALLEY));
        assertThat(TERMS.scheduleFor(DayType.HOLIDAY)).isEqualTo(TWO_BANDS);
    }

    @Test
    void feesMustBeInTheTariffCurrency() {
        assertThatThrownBy(() -> TERMS.withSessionFee(Money.of("1", "EUR"))).hasMessageContaining("CNY");
        assertThatThrownBy(() -> TERMS.withIdleFee(new IdleFeeRule(BigDecimal.ONE, 0, Money.of("9", "EUR"))))
                .hasMessageContaining("CNY");
        assertThat(TERMS.sessionFee()).isEqualTo(Money.zero(Money.CNY));
    }

    @Test
    void aSessionUsesTheVersionInForceWhenItStarted() {
        Tariff tariff = Tariff.create(7, 1, "Standard", TERMS, JAN)
                .revise(TERMS.withSessionFee(Money.of("1", "CNY")), JAN.plusSeconds(86_400), JAN);

        assertThat(tariff.versionAt(JAN.minusSeconds(1))).isEmpty();
        assertThat(tariff.versionAt(JAN).orElseThrow().version()).isEqualTo(1);
        assertThat(tariff.versionAt(JAN.plusSeconds(86_399)).orElseThrow().version()).isEqualTo(1);
        assertThat(tariff.versionAt(JAN.plusSeconds(86_400)).orElseThrow().version()).isEqualTo(2);
        assertThat(tariff.latest().terms().sessionFee()).isEqualTo(Money.of("1", "CNY"));
    }

    @Test
    void aRevisionNeverReachesBack() {
        Tariff tariff = Tariff.create(7, 1, "Standard", TERMS, JAN);
        Instant now = JAN.plusSeconds(3600);

        assertThatThrownBy(() -> tariff.revise(TERMS, now.minusSeconds(1), now)).hasMessageContaining("past");
        assertThatThrownBy(() -> tariff.revise(TERMS, JAN, JAN)).hasMessageContaining("after version 1");
        assertThat(tariff.revise(TERMS, now, now).versions()).hasSize(2);
    }

    @Test
    void weekendsAreHolidaysExceptMakeUpDays() {
        LocalDate nationalDay = LocalDate.of(2026, 10, 1);
        LocalDate makeUpSaturday = LocalDate.of(2026, 10, 10);
        HolidayCalendar calendar = new ListedHolidayCalendar(Set.of(nationalDay), Set.of(makeUpSaturday));

        assertThat(calendar.dayType(nationalDay)).isEqualTo(DayType.HOLIDAY);
        assertThat(calendar.dayType(makeUpSaturday)).isEqualTo(DayType.WORKDAY);
        assertThat(calendar.dayType(LocalDate.of(2026, 10, 11))).isEqualTo(DayType.HOLIDAY);
        assertThat(calendar.dayType(LocalDate.of(2026, 10, 12))).isEqualTo(DayType.WORKDAY);
        assertThatThrownBy(() -> new ListedHolidayCalendar(Set.of(nationalDay), Set.of(nationalDay)))
                .hasMessageContaining("both");
    }

    @Test
    void idleFeeCountsMinutesAfterGraceAndStopsAtTheCap() {
        IdleFeeRule rule = new IdleFeeRule(new BigDecimal("0.5"), 15, Money.of("20", "CNY"));

        assertThat(rule.billedMinutes(10)).isZero();
        assertThat(rule.billedMinutes(25)).isEqualTo(10);
        assertThat(rule.amount(10, Money.CNY)).isEqualTo(Money.of("5", "CNY"));
        assertThat(rule.amount(100, Money.CNY)).isEqualTo(Money.of("20", "CNY"));
        assertThat(rule.capped(100, Money.CNY)).isTrue();
    }
}
