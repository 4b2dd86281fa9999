package io.pylon.domain.ledger;

import io.pylon.domain.money.Money;
import java.util.Objects;

/**
 * The lines of a session's bill, each already rounded: electricity, service and idle fee charged, and the discount
 * granted on them. All are zero or more, in one currency, and the discount never exceeds the gross. The driver is
 * charged {@link #charged()} = gross − discount. Also used for the part of a bill a refund reverses.
 */
public record BillAmounts(Money electricity, Money service, Money idleFee, Money discount) {

    public BillAmounts {
        Objects.requireNonNull(electricity, "electricity");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(idleFee, "idleFee");
        Objects.requireNonNull(discount, "discount");
        for (Money line : new Money[] {electricity, service, idleFee, discount}) {
            if (!line.currency().equals(electricity.currency())) throw new IllegalArgumentException("mixed currencies");
            if (line.isNegative()) throw new IllegalArgumentException("negative bill line " + line);
        }
        if (discount.compareTo(electricity.plus(service).plus(idleFee)) > 0) {
            throw new IllegalArgumentException("discount " + discount + " exceeds the gross");
        }
    }

    /** Electricity, service and idle fee together, before the discount. */
    public Money gross() {
        return electricity.plus(service).plus(idleFee);
    }

    /** What the driver pays: gross − discount. */
    public Money charged() {
        return gross().minus(discount);
    }
}
