package io.pylon.domain.reconciliation;

import static io.pylon.domain.reconciliation.Discrepancy.Kind.*;

import io.pylon.domain.ledger.EntryKind;
import io.pylon.domain.order.OrderState;
import io.pylon.domain.payment.PaymentStatus;
import io.pylon.domain.reconciliation.Facts.EntryFact;
import io.pylon.domain.reconciliation.Facts.OrderFact;
import io.pylon.domain.reconciliation.Facts.PaymentFact;
import io.pylon.domain.reconciliation.Facts.RefundFact;
import io.pylon.domain.reconciliation.Facts.StationDay;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Compares one operator's day across the orders, the ledger, the payments and report_daily (plain Java, no I/O).
 * Every item is matched to its counterpart by identity (order id, ledger key, payment id, station), not by time, so
 * a record written a moment after midnight does not count as missing; each mismatch is one {@link Discrepancy}.
 * The day is BALANCED when there is none.
 */
public final class Reconciler {

    /** The figures and discrepancies of a day; {@code balanced} when nothing disagrees. */
    public record Result(Figures figures, List<Discrepancy> discrepancies) {
        public boolean balanced() {
            return discrepancies.isEmpty();
        }
    }

    private static final String PAYMENT_PREFIX = "payment:";
    private static final String MANUAL_PREFIX = "manual:";

    private Reconciler() {}

    public static Result compare(Facts facts) {
        List<Discrepancy> found = new ArrayList<>();
        settlements(facts, found);
        refunds(facts, found);
        topUps(facts, found);
        for (EntryFact e : facts.entries()) {
            if (e.sumMinor() != 0) {
                found.add(new Discrepancy(ENTRY_UNBALANCED, "entry:" + e.seq(), 0L, e.sumMinor(),
                        e.kind() + " " + e.reference() + ": postings sum to " + e.sumMinor() + " instead of 0"));
            }
        }
        rollups(facts, found);
        return new Result(figures(facts), List.copyOf(found));
    }

    private static void settlements(Facts facts, List<Discrepancy> found) {
        for (OrderFact order : facts.settledOrders()) {
            EntryFact entry = facts.settlements().get(order.orderId());
            String ref = "order:" + order.orderId();
            if (entry == null) {
                if (order.payableMinor() != 0) {
                    found.add(new Discrepancy(SETTLEMENT_MISSING, ref, order.payableMinor(), null,
                            "the order is settled but the ledger has no settlement for it"));
                }
            } else if (-entry.driverMinor() != order.payableMinor()) {
                found.add(new Discrepancy(SETTLEMENT_AMOUNT, ref, order.payableMinor(), -entry.driverMinor(),
                        "the ledger charged a different amount than the order's payable amount"));
            }
        }
        for (EntryFact entry : Facts.ofKind(facts.entries(), EntryKind.SETTLE)) {
            Long orderId = orderId(entry.reference());
            OrderFact order = orderId == null ? null : facts.ordersById().get(orderId);
            if (order == null || order.state() != OrderState.SETTLED && order.state() != OrderState.REFUNDED) {
                found.add(new Discrepancy(SETTLEMENT_WITHOUT_ORDER, entry.reference(), null, -entry.driverMinor(),
                        order == null ? "the ledger settled an order that does not exist"
                                : "the ledger settled an order that is " + order.state()));
            }
        }
    }

    private static void refunds(Facts facts, List<Discrepancy> found) {
        for (RefundFact refund : facts.refunds()) {
            EntryFact entry = facts.refundEntries().get(refund.ledgerKey());
            String ref = "order:" + refund.orderId();
            if (entry == null) {
                found.add(new Discrepancy(REFUND_MISSING, ref, refund.amountMinor(), null,
                        "the order recorded a refund (" + refund.ledgerKey() + ") that the ledger does not have"));
            } else if (entry.driverMinor() != refund.amountMinor()) {
                found.add(new Discrepancy(REFUND_AMOUNT, ref, refund.amountMinor(), entry.driverMinor(),
                        "the ledger refunded a different amount (" + refund.ledgerKey() + ")"));
            }
        }
        for (EntryFact entry : Facts.ofKind(facts.entries(), EntryKind.REFUND)) {
            if (!facts.recordedRefunds().contains(entry.key())) {
                found.add(new Discrepancy(REFUND_WITHOUT_ORDER, entry.reference(), null, entry.driverMinor(),
                        "the ledger refunded (" + entry.key() + ") but the order recorded no such refund"));
            }
        }
    }

    private static void topUps(Facts facts, List<Discrepancy> found) {
        for (PaymentFact payment : facts.paidPayments()) {
            EntryFact entry = facts.topUps().get(payment.paymentId());
            String ref = PAYMENT_PREFIX + payment.paymentId();
            if (entry == null) {
                found.add(new Discrepancy(TOP_UP_MISSING, ref, payment.amountMinor(), null,
                        "the provider confirmed the payment but the wallet was not credited"));
            } else if (entry.driverMinor() != payment.amountMinor()) {
                found.add(new Discrepancy(TOP_UP_AMOUNT, ref, payment.amountMinor(), entry.driverMinor(),
                        "the wallet was credited a different amount than was paid"));
            }
        }
        for (EntryFact entry : Facts.ofKind(facts.entries(), EntryKind.TOP_UP)) {
            if (!entry.reference().startsWith(PAYMENT_PREFIX)) continue;
            Long id = number(entry.reference().substring(PAYMENT_PREFIX.length()));
            PaymentFact payment = id == null ? null : facts.paymentsById().get(id);
            if (payment == null || payment.status() != PaymentStatus.PAID) {
                found.add(new Discrepancy(TOP_UP_WITHOUT_PAYMENT, entry.reference(), null, entry.driverMinor(),
                        payment == null ? "a top-up for a payment that does not exist"
                                : "a top-up for a payment that is " + payment.status()));
            }
        }
    }

    private static void rollups(Facts facts, List<Discrepancy> found) {
        Map<Long, StationDay> rollups = byStation(facts.rollups());
        Map<Long, StationDay> orders = byStation(facts.billedOrders());
        TreeSet<Long> stations = new TreeSet<>(rollups.keySet());
        stations.addAll(orders.keySet());
        StationDay none = new StationDay(0, 0, 0, 0, 0);
        for (long station : stations) {
            StationDay r = rollups.getOrDefault(station, none);
            StationDay o = orders.getOrDefault(station, none);
            List<String> differences = new ArrayList<>();
            if (r.sessions() != o.sessions()) differences.add("sessions " + r.sessions() + " vs " + o.sessions());
            if (r.energyWh() != o.energyWh()) differences.add("energy " + r.energyWh() + " vs " + o.energyWh() + " Wh");
            if (r.payableMinor() != o.payableMinor()) differences.add("payable " + r.payableMinor() + " vs " + o.payableMinor());
            if (r.refundedMinor() != o.refundedMinor()) differences.add("refunded " + r.refundedMinor() + " vs " + o.refundedMinor());
            if (!differences.isEmpty()) {
                found.add(new Discrepancy(ROLLUP_MISMATCH, "station:" + station, o.payableMinor(), r.payableMinor(),
                        "report_daily vs orders: " + String.join(", ", differences)));
            }
        }
    }

    private static Figures figures(Facts f) {
        long ordersSettled = f.settledOrders().stream().mapToLong(OrderFact::payableMinor).sum();
        long ledgerSettled = -sum(Facts.ofKind(f.entries(), EntryKind.SETTLE));
        long ordersRefunded = f.refunds().stream().mapToLong(RefundFact::amountMinor).sum();
        long ledgerRefunded = sum(Facts.ofKind(f.entries(), EntryKind.REFUND));
        long paid = f.paidPayments().stream().mapToLong(PaymentFact::amountMinor).sum();
        List<EntryFact> topUps = Facts.ofKind(f.entries(), EntryKind.TOP_UP);
        long providerTopUps = sum(topUps.stream().filter(e -> e.reference().startsWith(PAYMENT_PREFIX)).toList());
        long manualTopUps = sum(topUps.stream().filter(e -> e.reference().startsWith(MANUAL_PREFIX)).toList());
        return new Figures(f.settledOrders().size(), ordersSettled, ledgerSettled, ordersRefunded, ledgerRefunded, paid,
                providerTopUps, manualTopUps, total(f.rollups(), StationDay::sessions), total(f.billedOrders(), StationDay::sessions),
                total(f.rollups(), StationDay::energyWh), total(f.billedOrders(), StationDay::energyWh),
                total(f.rollups(), StationDay::payableMinor), total(f.billedOrders(), StationDay::payableMinor));
    }

    private static long sum(List<EntryFact> entries) {
        return entries.stream().mapToLong(EntryFact::driverMinor).sum();
    }

    private static long total(List<StationDay> days, java.util.function.ToLongFunction<StationDay> figure) {
        return days.stream().mapToLong(figure).sum();
    }

    private static Map<Long, StationDay> byStation(List<StationDay> days) {
        Map<Long, StationDay> result = new TreeMap<>();
        for (StationDay d : days) {
            result.merge(d.stationId(), d, (a, b) -> new StationDay(a.stationId(), a.sessions() + b.sessions(),
                    a.energyWh() + b.energyWh(), a.payableMinor() + b.payableMinor(), a.refundedMinor() + b.refundedMinor()));
        }
        return result;
    }

    /**
     * The order id an {@code order:<id>} reference names — or {@code order:<id>:<part>}, a part of the order settled on its
     * own after the order's bill (the parking line, {@code order:<id>:parking}); null for anything else.
     */
    public static Long orderId(String reference) {
        if (!reference.startsWith("order:")) return null;
        String rest = reference.substring("order:".length());
        int part = rest.indexOf(':');
        return number(part < 0 ? rest : rest.substring(0, part));
    }

    private static Long number(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
