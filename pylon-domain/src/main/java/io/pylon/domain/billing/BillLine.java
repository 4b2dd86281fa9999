package io.pylon.domain.billing;

import io.pylon.domain.money.Money;
import io.pylon.domain.tariff.Band;
import io.pylon.domain.tariff.BandPrice;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;

/**
 * The energy of one band and what it costs, as a YKC transaction record carries it per band. Unit prices
 * are per kWh (5 decimals); each amount is {@code round_half_up(kWh × unit price)} to the currency's
 * minor unit, and the constructor refuses amounts that are not exactly that.
 */
public record BillLine(Band band, long energyWh, BigDecimal electricityPrice, BigDecimal servicePrice,
                       Money electricityAmount, Money serviceAmount) {

    public BillLine {
        Objects.requireNonNull(band, "band");
        BandPrice price = new BandPrice(band, electricityPrice, servicePrice);
        electricityPrice = price.electricityPerKwh();
        servicePrice = price.servicePerKwh();
        if (energyWh < 0) {
            throw new IllegalArgumentException("Negative energy for " + band + ": " + energyWh + " Wh");
        }
        Currency currency = electricityAmount.currency();
        if (!electricityAmount.equals(amount(energyWh, electricityPrice, currency))
                || !serviceAmount.equals(amount(energyWh, servicePrice, currency))) {
            throw new IllegalArgumentException("Amounts of " + band + " are not kWh × unit price rounded half-up");
        }
    }

    /** The line for {@code energyWh} at a band's prices. */
    public static BillLine of(BandPrice price, long energyWh, Currency currency) {
        return new BillLine(price.band(), energyWh, price.electricityPerKwh(), price.servicePerKwh(),
                amount(energyWh, price.electricityPerKwh(), currency),
                amount(energyWh, price.servicePerKwh(), currency));
    }

    /** {@code round_half_up(wh / 1000 × unitPrice)} in the currency's minor unit. */
    public static Money amount(long energyWh, BigDecimal unitPrice, Currency currency) {
        return Money.rounded(kwh(energyWh).multiply(unitPrice), currency);
    }

    static BigDecimal kwh(long energyWh) {
        return BigDecimal.valueOf(energyWh, 3);
    }

    /** Energy in kWh, exact (3 decimals). */
    public BigDecimal kwh() {
        return kwh(energyWh);
    }

    public Money amount() {
        return electricityAmount.plus(serviceAmount);
    }

    /** The same energy at zero prices (offline-free sessions). */
    public BillLine free() {
        return of(new BandPrice(band, BigDecimal.ZERO, BigDecimal.ZERO), energyWh, electricityAmount.currency());
    }
}
