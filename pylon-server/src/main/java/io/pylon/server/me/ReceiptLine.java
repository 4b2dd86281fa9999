package io.pylon.server.me;

import io.pylon.domain.billing.BillLine;
import io.pylon.domain.money.Money;
import io.pylon.domain.tariff.Band;
import java.math.BigDecimal;

/** One band of a bill: energy (Wh and kWh), unit prices per kWh, and amounts (each rounded half-up). */
public record ReceiptLine(Band band, long energyWh, BigDecimal kwh, BigDecimal electricityPrice, BigDecimal servicePrice,
                          Money electricityAmount, Money serviceAmount, Money amount) {

    static ReceiptLine of(BillLine l) {
        return new ReceiptLine(l.band(), l.energyWh(), l.kwh(), l.electricityPrice(), l.servicePrice(),
                l.electricityAmount(), l.serviceAmount(), l.amount());
    }
}
