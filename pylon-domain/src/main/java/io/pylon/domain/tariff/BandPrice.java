package io.pylon.domain.tariff;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The unit prices of one band, per kWh in the tariff's currency (yuan/kWh for CNY): electricity
 * (电费) and service (服务费). Prices are non-negative with at most {@link #SCALE} decimals (YKC carries
 * prices in 0.00001 yuan) and are kept at exactly that scale, so equal prices are equal values.
 */
public record BandPrice(Band band, BigDecimal electricityPerKwh, BigDecimal servicePerKwh) {

    /** Decimals a unit price may carry. */
    public static final int SCALE = 5;

    public BandPrice {
        Objects.requireNonNull(band, "band");
        electricityPerKwh = unitPrice(electricityPerKwh, band + " electricity price");
        servicePerKwh = unitPrice(servicePerKwh, band + " service price");
    }

    public static BandPrice of(Band band, String electricityPerKwh, String servicePerKwh) {
        return new BandPrice(band, new BigDecimal(electricityPerKwh), new BigDecimal(servicePerKwh));
    }

    /** A price with at most {@link #SCALE} decimals, not negative, at scale {@link #SCALE}. */
    static BigDecimal unitPrice(BigDecimal price, String what) {
        Objects.requireNonNull(price, what);
        if (price.signum() < 0) {
            throw new IllegalArgumentException(what + " must not be negative: " + price.toPlainString());
        }
        if (price.stripTrailingZeros().scale() > SCALE) {
            throw new IllegalArgumentException(what + " has more than " + SCALE + " decimals: " + price.toPlainString());
        }
        return price.setScale(SCALE);
    }
}
