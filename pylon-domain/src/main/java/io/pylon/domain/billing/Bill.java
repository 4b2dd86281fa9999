package io.pylon.domain.billing;

import io.pylon.domain.money.Money;
import io.pylon.domain.tariff.Band;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The bill of one session under one tariff version. Lines are per band with energy, in band order, each
 * amount already rounded; every total is a sum of those rounded amounts, so lines always add up:
 * {@code total = electricityTotal + serviceTotal + idle fee + session fee}. Discounts reduce the service
 * amount only and together never exceed it: {@code payable = total − serviceDiscount}.
 */
public record Bill(Currency currency, long tariffId, int tariffVersion, List<BillLine> lines, IdleCharge idleFee,
                   Money sessionFee, List<Discount> discounts, Set<BillFlag> flags) {

    public Bill {
        Objects.requireNonNull(currency, "currency");
        lines = List.copyOf(lines);
        discounts = List.copyOf(discounts);
        flags = flags.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(flags));
        Band previous = null;
        for (BillLine line : lines) {
            same(currency, line.electricityAmount());
            if (previous != null && line.band().compareTo(previous) <= 0) {
                throw new IllegalArgumentException("Bill lines must be one per band, in band order: " + lines);
            }
            previous = line.band();
        }
        same(currency, idleFee.amount());
        same(currency, sessionFee);
        Money discounted = Money.zero(currency);
        for (Discount discount : discounts) {
            discounted = discounted.plus(same(currency, discount.amount()));
        }
        if (discounted.compareTo(sum(lines, currency, false)) > 0) {
            throw new IllegalArgumentException("Discounts " + discounted + " exceed the service amount");
        }
    }

    private static Money same(Currency currency, Money money) {
        if (!money.currency().equals(currency)) {
            throw new IllegalArgumentException(money + " is not in the bill currency " + currency);
        }
        return money;
    }

    private static Money sum(List<BillLine> lines, Currency currency, boolean electricity) {
        Money sum = Money.zero(currency);
        for (BillLine line : lines) {
            sum = sum.plus(electricity ? line.electricityAmount() : line.serviceAmount());
        }
        return sum;
    }

    /** Energy billed, Wh: equals meter stop − meter start. */
    public long energyWh() {
        return lines.stream().mapToLong(BillLine::energyWh).sum();
    }

    public Optional<BillLine> line(Band band) {
        return lines.stream().filter(line -> line.band() == band).findFirst();
    }

    public Money electricityTotal() {
        return sum(lines, currency, true);
    }

    public Money serviceTotal() {
        return sum(lines, currency, false);
    }

    /** Everything before discounts: electricity + service + idle fee + session fee. */
    public Money total() {
        return electricityTotal().plus(serviceTotal()).plus(idleFee.amount()).plus(sessionFee);
    }

    public Money serviceDiscount() {
        return discounts.stream().map(Discount::amount).reduce(Money.zero(currency), Money::plus);
    }

    public Money payable() {
        return total().minus(serviceDiscount());
    }

    /** This bill with its discounts replaced. */
    public Bill withDiscounts(List<Discount> newDiscounts) {
        return new Bill(currency, tariffId, tariffVersion, lines, idleFee, sessionFee, newDiscounts, flags);
    }

    /** This bill with its idle fee replaced (the idle fee is known only once the vehicle has left). */
    public Bill withIdle(IdleCharge idle) {
        return new Bill(currency, tariffId, tariffVersion, lines, idle, sessionFee, discounts, flags);
    }

    public Bill withFlag(BillFlag flag) {
        Set<BillFlag> more = EnumSet.of(flag);
        more.addAll(flags);
        return new Bill(currency, tariffId, tariffVersion, lines, idleFee, sessionFee, discounts, more);
    }

    /** The same energy lines at zero prices, no fees and no discounts. */
    public Bill free() {
        List<BillLine> freeLines = new ArrayList<>();
        lines.forEach(line -> freeLines.add(line.free()));
        IdleCharge noIdle = new IdleCharge(idleFee.idleMinutes(), 0, Money.zero(currency), false);
        return new Bill(currency, tariffId, tariffVersion, freeLines, noIdle, Money.zero(currency), List.of(), flags);
    }
}
