package io.pylon.domain.billing;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon.domain.money.Money;
import io.pylon.domain.tariff.Band;
import io.pylon.domain.tariff.BandPrice;
import io.pylon.domain.tariff.DaySchedule;
import io.pylon.domain.tariff.HolidayCalendar;
import io.pylon.domain.tariff.IdleFeeRule;
import io.pylon.domain.tariff.ListedHolidayCalendar;
import io.pylon.domain.tariff.Tariff;
import io.pylon.domain.tariff.TariffTerms;
import io.pylon.domain.tariff.TariffVersion;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Worked examples, amounts computed by hand in the comments. */
class BillingEngineTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final DaySchedule EVENING_PEAK = DaySchedule.parse(
            "00:00-08:00 VALLEY, 08:00-18:00 FLAT, 18:00-22:00 PEAK, 22:00-24:00 FLAT");
    static final TariffTerms TERMS = TariffTerms.simple(Money.CNY, EVENING_PEAK,
            BandPrice.of(Band.PEAK, "1.0528", "0.8"), BandPrice.of(Band.FLAT, "0.6376", "0.8"),
            BandPrice.of(Band.VALLEY, "0.3106", "0.4"));
    static final TariffVersion VERSION = new TariffVersion(11, 3, Instant.parse("2026-01-01T00:00:00Z"), TERMS);

    private final BillingEngine engine = new BillingEngine();

    static Instant at(String local) {
        return OffsetDateTime.parse(local).toInstant();
    }

    @Test
    void overnightSessionAcrossPeakFlatAndValley() {
        // 21:30-08:30 at a steady 7 kW = 77 kWh: PEAK 0.5 h, FLAT 2 h + 0.5 h, VALLEY 8 h.
        SessionUsage usage = SessionUsage.of(at("2026-03-10T21:30+08:00"), 1_000_000,
                at("2026-03-11T08:30+08:00"), 1_077_000);

        Bill bill = engine.bill(VERSION, SHANGHAI, HolidayCalendar.ALL_WORKDAYS, usage);

        assertThat(bill.lines()).extracting(BillLine::band).containsExactly(Band.PEAK, Band.FLAT, Band.VALLEY);
        assertThat(bill.lines()).extracting(BillLine::energyWh).containsExactly(3_500L, 17_500L, 56_000L);
        // PEAK 3.5 kWh × 1.0528 = 3.6848 → 3.68; × 0.8 = 2.80
        // FLAT 17.5 kWh × 0.6376 = 11.158 → 11.16; × 0.8 = 14.00
        // VALLEY 56 kWh × 0.3106 = 17.3936 → 17.39; × 0.4 = 22.40
        assertThat(bill.lines()).extracting(BillLine::electricityAmount)
                .containsExactly(cny("3.68"), cny("11.16"), cny("17.39"));
        assertThat(bill.lines()).extracting(BillLine::serviceAmount)
                .containsExactly(cny("2.80"), cny("14.00"), cny("22.40"));
        assertThat(bill.electricityTotal()).isEqualTo(cny("32.23"));
        assertThat(bill.serviceTotal()).isEqualTo(cny("39.20"));
        assertThat(bill.total()).isEqualTo(cny("71.43"));
        assertThat(bill.payable()).isEqualTo(cny("71.43"));
        assertThat(bill.tariffId()).isEqualTo(11);
        assertThat(bill.tariffVersion()).isEqualTo(3);
    }

    @Test
    void holidayUsesTheHolidayScheduleForItsOwnLocalDateOnly() {
        // National Day week ends on 7 October; 22:00-02:00 at 2 kW: the holiday's two hours are FLAT
        // (holiday schedule), the 8th's two hours are VALLEY (workday schedule).
        TariffVersion version = new TariffVersion(11, 1, VERSION.effectiveFrom(),
                TERMS.withHolidaySchedule(DaySchedule.uniform(Band.FLAT)));
        HolidayCalendar calendar = new ListedHolidayCalendar(Set.of(LocalDate.of(2026, 10, 7)), Set.of());
        SessionUsage usage = SessionUsage.of(at("2026-10-07T22:00+08:00"), 0, at("2026-10-08T02:00+08:00"), 8_000);

        Bill bill = engine.bill(version, SHANGHAI, calendar, usage);

        assertThat(bill.lines()).extracting(BillLine::band, BillLine::energyWh)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Band.FLAT, 4_000L),
                        org.assertj.core.groups.Tuple.tuple(Band.VALLEY, 4_000L));
    }

    @Test
    void zeroEnergySessionPaysOnlyTheSessionFee() {
        TariffVersion version = new TariffVersion(11, 1, VERSION.effectiveFrom(),
                TERMS.withSessionFee(cny("1.50")));
        SessionUsage usage = SessionUsage.of(at("2026-03-10T12:00+08:00"), 500, at("2026-03-10T12:05+08:00"), 500);

        Bill bill = engine.bill(version, SHANGHAI, HolidayCalendar.ALL_WORKDAYS, usage);

        assertThat(bill.lines()).isEmpty();
        assertThat(bill.electricityTotal()).isEqualTo(cny("0"));
        assertThat(bill.total()).isEqualTo(cny("1.50"));
    }

    @Test
    void idleFeeStartsAfterGraceAndStopsAtTheCap() {
        // Charging finished 10:00, unplugged 11:07:30: 67 whole minutes, 52 after 15 minutes' grace.
        SessionUsage usage = SessionUsage.of(at("2026-03-10T09:00+08:00"), 0, at("2026-03-10T10:30+08:00"), 0)
                .withIdle(at("2026-03-10T10:00+08:00"), at("2026-03-10T11:07:30+08:00"));
        TariffTerms uncapped = TERMS.withIdleFee(new IdleFeeRule(new BigDecimal("0.25"), 15, null));
        TariffTerms capped = TERMS.withIdleFee(new IdleFeeRule(new BigDecimal("0.25"), 15, cny("10")));

        IdleCharge free = engine.bill(VERSION, SHANGHAI, HolidayCalendar.ALL_WORKDAYS, usage).idleFee();
        IdleCharge full = engine.bill(new TariffVersion(1, 1, Instant.EPOCH, uncapped), SHANGHAI,
                HolidayCalendar.ALL_WORKDAYS, usage).idleFee();
        Bill limited = engine.bill(new TariffVersion(1, 1, Instant.EPOCH, capped), SHANGHAI,
                HolidayCalendar.ALL_WORKDAYS, usage);

        assertThat(free).isEqualTo(new IdleCharge(67, 0, cny("0"), false));
        assertThat(full).isEqualTo(new IdleCharge(67, 52, cny("13.00"), false));
        assertThat(limited.idleFee()).isEqualTo(new IdleCharge(67, 52, cny("10.00"), true));
        assertThat(limited.total()).isEqualTo(cny("10.00"));
    }

    @Test
    void leftoverWattHoursGoToTheLargestRemaindersThenInBandOrder() {
        // 2 Wh over three equal half hours (SHARP, PEAK, FLAT): each share is 0.667 Wh; floors give 0,
        // the two missing Wh go to the tied remainders in band order.
        TariffTerms terms = TariffTerms.simple(Money.CNY,
                DaySchedule.parse("00:00-10:00 FLAT, 10:00-10:30 SHARP, 10:30-11:00 PEAK, 11:00-24:00 FLAT"),
                BandPrice.of(Band.SHARP, "1", "1"), BandPrice.of(Band.PEAK, "1", "1"),
                BandPrice.of(Band.FLAT, "1", "1"));
        SessionUsage usage = SessionUsage.of(at("2026-03-10T10:00+08:00"), 0, at("2026-03-10T11:30+08:00"), 2);

        Bill bill = engine.bill(new TariffVersion(1, 1, Instant.EPOCH, terms), SHANGHAI,
                HolidayCalendar.ALL_WORKDAYS, usage);

        assertThat(bill.lines()).extracting(BillLine::band, BillLine::energyWh).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Band.SHARP, 1L), org.assertj.core.groups.Tuple.tuple(Band.PEAK, 1L));
    }

    @Test
    void aSessionInsideOneBandHasOneLine() {
        SessionUsage usage = SessionUsage.of(at("2026-03-10T01:00+08:00"), 0, at("2026-03-10T07:59:59+08:00"), 42_123);

        Bill bill = engine.bill(VERSION, SHANGHAI, HolidayCalendar.ALL_WORKDAYS, usage);

        assertThat(bill.lines()).singleElement().extracting(BillLine::band, BillLine::energyWh)
                .containsExactly(Band.VALLEY, 42_123L);
    }

    @Test
    void billsWithTheVersionInForceAtTheStart() {
        Instant start = at("2026-03-10T21:30+08:00");
        Tariff tariff = Tariff.create(11, 1, "Standard", TERMS, Instant.EPOCH)
                .revise(TERMS.withSessionFee(cny("5")), start.plusSeconds(60), start);
        SessionUsage usage = SessionUsage.of(start, 0, start.plusSeconds(3600), 7_000);

        Bill bill = engine.bill(tariff, SHANGHAI, HolidayCalendar.ALL_WORKDAYS, usage);

        assertThat(bill.tariffVersion()).isEqualTo(1);
        assertThat(bill.sessionFee()).isEqualTo(cny("0"));
    }

    static Money cny(String amount) {
        return Money.of(amount, "CNY");
    }
}
