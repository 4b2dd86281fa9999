package io.pylon.domain.invoice;

import io.pylon.domain.money.Money;
import java.time.Instant;
import java.util.Map;

/** An invoice to store as REQUESTED, with what each order contributes to its amount (order id → amount). */
public record NewInvoice(long operatorId, long driverId, InvoiceTitle title, String email, Money amount,
                         Map<Long, Money> orders, String requestedBy, Instant createdAt) {

    public NewInvoice {
        orders = Map.copyOf(orders);
    }
}
