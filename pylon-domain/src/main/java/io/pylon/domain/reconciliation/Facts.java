package io.pylon.domain.reconciliation;

import io.pylon.domain.ledger.EntryKind;
import io.pylon.domain.order.OrderState;
import io.pylon.domain.payment.PaymentStatus;
import java.util.List;
import java.util.Map;

/**
 * What each independent record says about one operator's day, read by a {@link Source}. Amounts are minor units of
 * the operator's currency. "In the window" means timestamped within the day; lookups ({@code ...ByX}) are not
 * bound to the day, so an entry written a moment after midnight for an order settled before it still matches.
 *
 * @param settledOrders    orders settled in the window (SETTLED or REFUNDED now)
 * @param settlements      SETTLE entries of those orders, by order id
 * @param entries          ledger entries written in the window
 * @param ordersById       the orders named by SETTLE entries in the window, by id
 * @param refunds          order refunds recorded in the window
 * @param refundEntries    REFUND entries by ledger key ({@code refund:<key>}), for those refunds and for the REFUND
 *                         entries in the window
 * @param recordedRefunds  ledger keys of the order refunds that exist for the REFUND entries in the window
 * @param paidPayments     provider payments marked PAID with a paid time in the window
 * @param topUps           TOP_UP entries of payments ({@code payment:<id>}), by payment id
 * @param paymentsById     the payments named by TOP_UP entries in the window, by id
 * @param rollups          report_daily rows of the day, per station
 * @param billedOrders     the same figures summed from the billed orders whose station-local start date is the day
 */
public record Facts(List<OrderFact> settledOrders, Map<Long, EntryFact> settlements, List<EntryFact> entries,
                    Map<Long, OrderFact> ordersById, List<RefundFact> refunds, Map<String, EntryFact> refundEntries,
                    java.util.Set<String> recordedRefunds, List<PaymentFact> paidPayments, Map<Long, EntryFact> topUps,
                    Map<Long, PaymentFact> paymentsById, List<StationDay> rollups, List<StationDay> billedOrders) {

    /** An order and what it is payable (the bill's payable amount). */
    public record OrderFact(long orderId, OrderState state, long payableMinor) {}

    /**
     * A ledger entry: {@code driverMinor} is the sum of its postings to drivers' accounts (wallet and holds): minus
     * the amount charged for a settlement, plus the amount for a refund or top-up; {@code sumMinor} of all postings
     * is zero for a balanced entry.
     */
    public record EntryFact(long seq, EntryKind kind, String reference, String key, long driverMinor, long sumMinor) {}

    /** An order refund as the order recorded it; {@code ledgerKey} is the key its REFUND entry is written under. */
    public record RefundFact(long orderId, String ledgerKey, long amountMinor) {}

    public record PaymentFact(long paymentId, PaymentStatus status, long amountMinor) {}

    /** One station's day: sessions, energy, payable amount and refunds. */
    public record StationDay(long stationId, long sessions, long energyWh, long payableMinor, long refundedMinor) {}

    /** Port: reads the facts of one operator's day from the records. */
    public interface Source {
        Facts read(long operatorId, java.time.LocalDate day, java.time.Instant from, java.time.Instant to);
    }

    public static List<EntryFact> ofKind(List<EntryFact> entries, EntryKind kind) {
        return entries.stream().filter(e -> e.kind() == kind).toList();
    }
}
