package io.pylon.domain.billing;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon.domain.money.Money;
import io.pylon.domain.tariff.Band;
import java.math.BigDecimal;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties of {@link BillingEngine} over random sessions ({@link RandomSessions}): six time zones
 * (Berlin, New York and Lord Howe with DST), one minute to three days, random schedules, holidays, prices
 * and messy samples. Every message names the seed: {@code RandomSessions.of(seed)} replays a failure.
 */
class BillingPropertiesTest {

    private final BillingEngine engine = new BillingEngine();

    static LongStream seeds() {
        return LongStream.range(0, 600);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void bandEnergyAddsUpToTheMeter(long seed) {
        RandomSessions.Case c = RandomSessions.of(seed);
        Bill bill = bill(c);

        assertThat(bill.energyWh()).as("seed %d", seed).isEqualTo(c.usage().meteredWh());
        assertThat(bill.lines()).as("seed %d: no empty lines", seed).allMatch(line -> line.energyWh() > 0);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void linesAddUpToTotalsWithinHalfAMinorUnitPerAmount(long seed) {
        RandomSessions.Case c = RandomSessions.of(seed);
        Bill bill = bill(c);
        Money electricity = Money.zero(bill.currency());
        Money service = Money.zero(bill.currency());
        BigDecimal unrounded = BigDecimal.ZERO;
        for (BillLine line : bill.lines()) {
            electricity = electricity.plus(line.electricityAmount());
            service = service.plus(line.serviceAmount());
            unrounded = unrounded.add(line.kwh().multiply(line.electricityPrice().add(line.servicePrice())));
        }
        assertThat(bill.electricityTotal()).as("seed %d", seed).isEqualTo(electricity);
        assertThat(bill.serviceTotal()).as("seed %d", seed).isEqualTo(service);
        assertThat(bill.total()).as("seed %d", seed)
                .isEqualTo(electricity.plus(service).plus(bill.idleFee().amount()).plus(bill.sessionFee()));
        BigDecimal drift = electricity.plus(service).amount().subtract(unrounded).abs();
        BigDecimal halfMinor = BigDecimal.ONE.movePointLeft(bill.currency().getDefaultFractionDigits()).divide(
                BigDecimal.TWO);
        assertThat(drift).as("seed %d: rounding drift", seed)
                .isLessThanOrEqualTo(halfMinor.multiply(BigDecimal.valueOf(2L * bill.lines().size())));
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void eachBandGetsTheEnergyDeliveredInItsWallClockIntervals(long seed) {
        RandomSessions.Case c = RandomSessions.of(seed);
        Bill bill = bill(c);
        Map<Band, Double> reference = BruteForce.energyByBand(c.version().terms(), c.zone(), c.calendar(),
                c.usage());

        for (Band band : Band.values()) {
            long billed = bill.line(band).map(BillLine::energyWh).orElse(0L);
            double delivered = reference.getOrDefault(band, 0.0);
            assertThat(Math.abs(billed - delivered)).as("seed %d, %s: billed %d Wh, delivered %.3f Wh",
                    seed, band, billed, delivered).isLessThanOrEqualTo(1.0 + 1e-6);
        }
        if (reference.size() == 1 && c.usage().meteredWh() > 0) {
            assertThat(bill.lines()).as("seed %d: one band, one line", seed).hasSize(1);
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void samplesAreCleanedAsDocumented(long seed) {
        RandomSessions.Case c = RandomSessions.of(seed);

        assertThat(MeterCurve.of(c.usage()).points()).as("seed %d", seed)
                .isEqualTo(BruteForce.cleaned(c.usage()));
        assertThat(bill(c)).as("seed %d: deterministic", seed).isEqualTo(bill(c));
    }

    private Bill bill(RandomSessions.Case c) {
        return engine.bill(c.version(), c.zone(), c.calendar(), c.usage());
    }
}
