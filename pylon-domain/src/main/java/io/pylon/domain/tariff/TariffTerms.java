package io.pylon.domain.tariff;

import io.pylon.domain.money.Money;
import java.util.Currency;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What one version of a tariff charges. Prices are per kWh in {@code currency}; every band the
 * schedules use must have a price (prices for unused bands are allowed and ignored, as YKC piles always
 * carry four). {@code holidaySchedule} may be null: holidays then follow the workday schedule.
 * {@code sessionFee} (per session, may be null: none) and the idle fee cap are in {@code currency}.
 */
public record TariffTerms(Currency currency, Map<Band, BandPrice> prices, DaySchedule workdaySchedule,
                          DaySchedule holidaySchedule, IdleFeeRule idleFee, Money sessionFee) {

    public TariffTerms {
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(workdaySchedule, "workdaySchedule");
        Map<Band, BandPrice> copy = new EnumMap<>(Band.class);
        copy.putAll(Objects.requireNonNull(prices, "prices"));
        prices = java.util.Collections.unmodifiableMap(copy);
        idleFee = idleFee == null ? IdleFeeRule.NONE : idleFee;
        idleFee.requireCurrency(currency);
        sessionFee = sessionFee == null ? Money.zero(currency) : sessionFee;
        if (!sessionFee.currency().equals(currency) || sessionFee.isNegative()) {
            throw new IllegalArgumentException("Session fee must be a non-negative amount in " + currency);
        }
        prices.forEach((band, price) -> {
            if (price.band() != band) {
                throw new IllegalArgumentException("Price for " + price.band() + " filed under " + band);
            }
        });
        Set<Band> used = EnumSet.copyOf(workdaySchedule.bandsUsed());
        if (holidaySchedule != null) {
            used.addAll(holidaySchedule.bandsUsed());
        }
        used.removeAll(prices.keySet());
        if (!used.isEmpty()) {
            throw new IllegalArgumentException("No price for band(s) " + used + " used by the schedules");
        }
    }

    /** Terms with one schedule for every day, no idle fee and no session fee. */
    public static TariffTerms simple(Currency currency, DaySchedule schedule, BandPrice... prices) {
        Map<Band, BandPrice> byBand = new EnumMap<>(Band.class);
        for (BandPrice price : prices) {
            if (byBand.put(price.band(), price) != null) {
                throw new IllegalArgumentException("Two prices for " + price.band());
            }
        }
        return new TariffTerms(currency, byBand, schedule, null, null, null);
    }

    public TariffTerms withHolidaySchedule(DaySchedule schedule) {
        return new TariffTerms(currency, prices, workdaySchedule, schedule, idleFee, sessionFee);
    }

    public TariffTerms withIdleFee(IdleFeeRule rule) {
        return new TariffTerms(currency, prices, workdaySchedule, holidaySchedule, rule, sessionFee);
    }

    public TariffTerms withSessionFee(Money fee) {
        return new TariffTerms(currency, prices, workdaySchedule, holidaySchedule, idleFee, fee);
    }

    /** The schedule for a type of day; holidays fall back to the workday schedule. */
    public DaySchedule scheduleFor(DayType dayType) {
        return dayType == DayType.HOLIDAY && holidaySchedule != null ? holidaySchedule : workdaySchedule;
    }

    public BandPrice priceOf(Band band) {
        BandPrice price = prices.get(band);
        if (price == null) {
            throw new IllegalArgumentException("No price for " + band);
        }
        return price;
    }
}
