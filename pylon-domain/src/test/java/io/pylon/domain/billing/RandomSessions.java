package io.pylon.domain.billing;

import io.pylon.domain.money.Money;
import io.pylon.domain.tariff.Band;
import io.pylon.domain.tariff.BandPrice;
import io.pylon.domain.tariff.DaySchedule;
import io.pylon.domain.tariff.RandomSchedules;
import io.pylon.domain.tariff.HolidayCalendar;
import io.pylon.domain.tariff.IdleFeeRule;
import io.pylon.domain.tariff.ListedHolidayCalendar;
import io.pylon.domain.tariff.TariffTerms;
import io.pylon.domain.tariff.TariffVersion;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/** Random but replayable billing inputs: everything derives from one seed. */
final class RandomSessions {

    static final List<ZoneId> ZONES = List.of(ZoneId.of("Asia/Shanghai"), ZoneId.of("Europe/Berlin"),
            ZoneId.of("America/New_York"), ZoneId.of("UTC"), ZoneId.of("Asia/Kathmandu"),
            ZoneId.of("Australia/Lord_Howe"));
    static final List<Currency> CURRENCIES = List.of(Money.CNY, Currency.getInstance("EUR"),
            Currency.getInstance("JPY"));
    static final Instant EPOCH = Instant.parse("2025-01-01T00:00:00Z");

    record Case(long seed, ZoneId zone, HolidayCalendar calendar, TariffVersion version, SessionUsage usage) {}

    private RandomSessions() {
    }

    static Case of(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        ZoneId zone = ZONES.get(random.nextInt(ZONES.size()));
        Instant start = start(random, zone);
        long seconds = duration(random);
        Instant stop = start.plusSeconds(seconds).plusNanos(random.nextInt(1_000_000_000));
        long meterStart = random.nextLong(10_000_000L);
        long energy = random.nextInt(4) == 0 ? random.nextLong(3) : random.nextLong(1 + seconds * 40);
        List<EnergyPoint> samples = messy(random, clean(random, start, stop, meterStart, energy), start, stop);
        SessionUsage usage = new SessionUsage(start, meterStart, stop, meterStart + energy, samples, null, null);
        return new Case(seed, zone, calendar(random, zone, start, stop), version(random), usage);
    }

    private static Instant start(SplittableRandom random, ZoneId zone) {
        Instant anywhere = EPOCH.plusSeconds(random.nextLong(2L * 365 * 86_400));
        ZoneOffsetTransition dst = zone.getRules().nextTransition(anywhere);
        if (dst != null && random.nextInt(3) == 0) {
            return dst.getInstant().minusSeconds(random.nextLong(2L * 86_400));
        }
        return anywhere;
    }

    /** From one minute to three days, most often a few hours. */
    private static long duration(SplittableRandom random) {
        return switch (random.nextInt(4)) {
            case 0 -> 60 + random.nextInt(3600);
            case 1, 2 -> 60 + random.nextInt(12 * 3600);
            default -> 60 + random.nextLong(3L * 86_400 - 59);
        };
    }

    /** Monotone samples strictly inside the session, some flat stretches. */
    private static List<EnergyPoint> clean(SplittableRandom random, Instant start, Instant stop, long meterStart,
                                           long energy) {
        long span = java.time.Duration.between(start, stop).toNanos();
        int count = random.nextInt(4) == 0 ? 0 : random.nextInt(random.nextBoolean() ? 5 : 300);
        List<Long> offsets = new ArrayList<>();
        double[] weights = new double[count + 1];
        double sum = 0;
        for (int i = 0; i < count; i++) {
            offsets.add(1 + random.nextLong(Math.max(1, span - 1)));
        }
        for (int i = 0; i <= count; i++) {
            weights[i] = random.nextInt(5) == 0 ? 0 : random.nextDouble();
            sum += weights[i];
        }
        Collections.sort(offsets);
        List<EnergyPoint> points = new ArrayList<>();
        double cumulative = 0;
        for (int i = 0; i < count; i++) {
            cumulative += sum == 0 ? 0 : weights[i] / sum;
            points.add(new EnergyPoint(start.plusNanos(offsets.get(i)), meterStart + (long) (energy * cumulative)));
        }
        return points;
    }

    /** Shuffled, some duplicated, some going backwards or beyond the stop, some outside the session. */
    private static List<EnergyPoint> messy(SplittableRandom random, List<EnergyPoint> clean, Instant start,
                                           Instant stop) {
        List<EnergyPoint> points = new ArrayList<>(clean);
        for (EnergyPoint point : clean) {
            switch (random.nextInt(12)) {
                case 0 -> points.add(point);
                case 1 -> points.add(new EnergyPoint(point.at().plusMillis(1), point.registerWh() - 500));
                case 2 -> points.add(new EnergyPoint(point.at(), point.registerWh() - 1));
                case 3 -> points.add(new EnergyPoint(stop.plusSeconds(random.nextInt(600)), 1));
                case 4 -> points.add(new EnergyPoint(start, point.registerWh() + 99_999));
                default -> { }
            }
        }
        Collections.shuffle(points, new java.util.Random(random.nextLong()));
        return points;
    }

    private static HolidayCalendar calendar(SplittableRandom random, ZoneId zone, Instant start, Instant stop) {
        Set<LocalDate> holidays = new HashSet<>();
        Set<LocalDate> makeUp = new HashSet<>();
        LocalDate last = LocalDate.ofInstant(stop, zone).plusDays(1);
        for (LocalDate d = LocalDate.ofInstant(start, zone).minusDays(1); !d.isAfter(last); d = d.plusDays(1)) {
            int pick = random.nextInt(6);
            if (pick == 0) {
                holidays.add(d);
            } else if (pick == 1) {
                makeUp.add(d);
            }
        }
        return new ListedHolidayCalendar(holidays, makeUp);
    }

    private static TariffVersion version(SplittableRandom random) {
        Currency currency = CURRENCIES.get(random.nextInt(CURRENCIES.size()));
        Map<Band, BandPrice> prices = new EnumMap<>(Band.class);
        for (Band band : Band.values()) {
            prices.put(band, new BandPrice(band, price(random), price(random)));
        }
        DaySchedule holiday = random.nextBoolean() ? null : RandomSchedules.of(random);
        TariffTerms terms = new TariffTerms(currency, prices, RandomSchedules.of(random), holiday,
                IdleFeeRule.NONE, Money.ofMinor(random.nextInt(300), currency));
        return new TariffVersion(random.nextLong(1000), 1 + random.nextInt(9), EPOCH, terms);
    }

    private static BigDecimal price(SplittableRandom random) {
        return BigDecimal.valueOf(random.nextLong(300_000), 5);
    }
}
