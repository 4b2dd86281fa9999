package io.pylon.domain.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon.domain.ledger.EntryKind;
import io.pylon.domain.order.OrderState;
import io.pylon.domain.payment.PaymentStatus;
import io.pylon.domain.reconciliation.Discrepancy.Kind;
import io.pylon.domain.reconciliation.Facts.EntryFact;
import io.pylon.domain.reconciliation.Facts.OrderFact;
import io.pylon.domain.reconciliation.Facts.PaymentFact;
import io.pylon.domain.reconciliation.Facts.RefundFact;
import io.pylon.domain.reconciliation.Facts.StationDay;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReconcilerTest {

    private static final OrderFact ORDER = new OrderFact(1, OrderState.SETTLED, 1250);
    private static final EntryFact SETTLE = new EntryFact(10, EntryKind.SETTLE, "order:1", "settle:order:1", -1250, 0);
    private static final EntryFact REFUND = new EntryFact(11, EntryKind.REFUND, "order:1", "refund:r1", 300, 0);
    private static final EntryFact TOP_UP = new EntryFact(12, EntryKind.TOP_UP, "payment:5", "payment:5", 5000, 0);
    private static final EntryFact CASH = new EntryFact(13, EntryKind.TOP_UP, "manual:cash:R-1", "manual:k", 2000, 0);
    private static final PaymentFact PAYMENT = new PaymentFact(5, PaymentStatus.PAID, 5000);
    private static final StationDay STATION = new StationDay(3, 1, 12_000, 1250, 300);

    @Test
    void aDayWhereEveryRecordAgreesBalancesWithItsFigures() {
        var result = Reconciler.compare(day(List.of(ORDER), Map.of(1L, SETTLE), List.of(SETTLE, REFUND, TOP_UP, CASH),
                List.of(new RefundFact(1, "refund:r1", 300)), List.of(STATION), List.of(STATION)));
        assertThat(result.balanced()).as(result.discrepancies().toString()).isTrue();
        var f = result.figures();
        assertThat(List.of(f.ordersSettled(), f.ordersSettledMinor(), f.ledgerSettledMinor(), f.ordersRefundedMinor(),
                f.ledgerRefundedMinor(), f.paymentsPaidMinor(), f.ledgerPaymentTopUpsMinor(), f.ledgerManualTopUpsMinor(),
                f.rollupEnergyWh(), f.orderPayableMinor()))
                .containsExactly(1L, 1250L, 1250L, 300L, 300L, 5000L, 5000L, 2000L, 12_000L, 1250L);
    }

    @Test
    void eachDisagreementIsNamed() {
        var wrongSettle = new EntryFact(10, EntryKind.SETTLE, "order:1", "settle:order:1", -1200, 0);
        var orphanSettle = new EntryFact(14, EntryKind.SETTLE, "order:2", "settle:order:2", -100, 0);
        var orphanRefund = new EntryFact(15, EntryKind.REFUND, "order:1", "refund:r9", 50, 0);
        var unbalanced = new EntryFact(16, EntryKind.TOP_UP, "manual:cash:R-2", "manual:x", 100, 100);
        var orphanTopUp = new EntryFact(17, EntryKind.TOP_UP, "payment:6", "payment:6", 700, 0);
        var facts = new Facts(List.of(ORDER, new OrderFact(4, OrderState.SETTLED, 80)), Map.of(1L, wrongSettle),
                List.of(wrongSettle, orphanSettle, orphanRefund, unbalanced, orphanTopUp),
                Map.of(1L, ORDER, 2L, new OrderFact(2, OrderState.FINISHED, 100)), List.of(new RefundFact(1, "refund:r1", 300)),
                Map.of("refund:r9", orphanRefund), Set.of(), List.of(PAYMENT), Map.of(),
                Map.of(6L, new PaymentFact(6, PaymentStatus.FAILED, 700)),
                List.of(new StationDay(3, 2, 12_000, 1250, 300)), List.of(STATION));
        var kinds = Reconciler.compare(facts).discrepancies().stream().map(Discrepancy::kind).toList();
        assertThat(kinds).containsExactlyInAnyOrder(Kind.SETTLEMENT_AMOUNT, Kind.SETTLEMENT_MISSING,
                Kind.SETTLEMENT_WITHOUT_ORDER, Kind.REFUND_MISSING, Kind.REFUND_WITHOUT_ORDER, Kind.TOP_UP_MISSING,
                Kind.TOP_UP_WITHOUT_PAYMENT, Kind.ENTRY_UNBALANCED, Kind.ROLLUP_MISMATCH);
    }

    @Test
    void aFreeSessionNeedsNoSettlementEntry() {
        var free = new OrderFact(7, OrderState.SETTLED, 0);
        var result = Reconciler.compare(day(List.of(free), Map.of(), List.of(), List.of(), List.of(), List.of()));
        assertThat(result.balanced()).isTrue();
    }

    @Test
    void theParkingLineOfASettledOrderIsItsOwnSettlementOfThatOrder() {
        var parking = new EntryFact(18, EntryKind.SETTLE, "order:1:parking", "settle:order:1:parking", -500, 0);
        var result = Reconciler.compare(day(List.of(ORDER), Map.of(1L, SETTLE), List.of(SETTLE, REFUND, TOP_UP, CASH, parking),
                List.of(new RefundFact(1, "refund:r1", 300)), List.of(STATION), List.of(STATION)));
        assertThat(result.balanced()).as(result.discrepancies().toString()).isTrue();
        assertThat(Reconciler.orderId("order:1:parking")).isEqualTo(1L);
        assertThat(Reconciler.orderId("order:x:parking")).isNull();
        assertThat(Reconciler.orderId("payment:1")).isNull();
    }

    private static Facts day(List<OrderFact> settled, Map<Long, EntryFact> settlements, List<EntryFact> entries,
                             List<RefundFact> refunds, List<StationDay> rollups, List<StationDay> billed) {
        return new Facts(settled, settlements, entries, Map.of(1L, ORDER), refunds, Map.of("refund:r1", REFUND),
                Set.of("refund:r1"), List.of(PAYMENT), Map.of(5L, TOP_UP), Map.of(5L, PAYMENT), rollups, billed);
    }
}
