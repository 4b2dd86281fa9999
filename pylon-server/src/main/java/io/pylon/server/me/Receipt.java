package io.pylon.server.me;

import io.pylon.domain.billing.BillFlag;
import io.pylon.domain.billing.Discount;
import io.pylon.domain.money.Money;
import io.pylon.domain.order.OrderState;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The receipt of a billed order. Amounts add up as on the bill: {@code total} = electricity + service + idle fee +
 * session fee; {@code payable} = total − discount. {@code paid} and {@code refunds} are read from the wallet ledger
 * (what the driver's wallet actually paid for this order, and got back); {@code netPaid} = paid − refunded.
 *
 * @param paymentMethod WALLET (the driver's prepaid wallet; the only method of orders with a driver)
 * @param timeZone      the station's, in which the times are meant to be shown
 */
public record Receipt(long orderId, long sessionId, OrderState state, String operatorName, Place station, String chargerId,
                      int connectorId, String connectorCode, Instant startedAt, Instant stoppedAt, long durationSeconds,
                      String timeZone, long energyWh, BigDecimal energyKwh, String currency, long tariffId, int tariffVersion,
                      List<ReceiptLine> lines, Money electricity, Money service, IdleFee idleFee, Money sessionFee,
                      List<DiscountLine> discounts, Money discount, Money total, Money payable, Money paid,
                      List<RefundLine> refunds, Money refunded, Money netPaid, String paymentMethod, long points,
                      BigDecimal carbonSavedKg, Set<BillFlag> flags) {

    public record Place(Long id, String name, String address) {}

    /** Idle minutes billed after charging ended, and their fee. */
    public record IdleFee(long minutes, Money amount) {}

    /** A reduction of the service amount: a membership plan or a coupon, named by {@code reference}. */
    public record DiscountLine(Discount.Source source, String reference, Money amount) {}

    public record RefundLine(Instant at, Money amount, String reason) {}
}
