package io.pylon.domain.anomaly;

import io.pylon.domain.tariff.BandPrice;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the anomaly rules look at for one finished session.
 *
 * @param registerWh   energy register readings (time, Wh) as reported, in time order
 * @param powerW       active power readings (time, W) as reported, in time order
 * @param ratedPowerKw the connector's rated power, or null when unknown
 * @param tariffPrices prices per band of the tariff version the bill names, or null when the bill names none
 */
public record SessionFacts(List<Reading> registerWh, List<Reading> powerW, BigDecimal ratedPowerKw,
                           Map<io.pylon.domain.tariff.Band, BandPrice> tariffPrices) {

    public record Reading(Instant at, BigDecimal value) {}

    public SessionFacts {
        registerWh = List.copyOf(registerWh);
        powerW = List.copyOf(powerW);
    }

    /** Port: reads the facts of a session. */
    public interface Source {
        SessionFacts of(io.pylon.domain.order.Order order);
    }
}
