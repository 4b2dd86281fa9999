package io.pylon.server.api;

import io.pylon.domain.common.PageRequest;
import io.pylon.domain.money.Money;
import io.pylon.domain.reconciliation.Discrepancy;
import io.pylon.domain.reconciliation.Figures;
import io.pylon.server.finance.Reconciliations;
import io.pylon.server.persistence.AuditLog;
import io.pylon.server.persistence.JooqOperators;
import io.pylon.server.persistence.JooqReconciliations;
import io.pylon.server.persistence.JooqReconciliations.Status;
import io.pylon.server.persistence.JooqReconciliations.Stored;
import io.pylon.server.security.Callers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.NoSuchElementException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.*;

/**
 * Daily reconciliation per operator (日对账): the day's orders, ledger, payments and report_daily compared, with
 * every disagreement listed. It runs by itself after each operator's midnight; finance may re-run a day.
 */
@Tag(name = "Reconciliation", description = "Each operator's day compared across orders, ledger, payments and reports")
@Validated
@RestController
@RequestMapping("/api/v1/reconciliations")
public class ReconciliationController {

    /** The day's totals per record, side by side (see ADR 0005). */
    public record FiguresView(long ordersSettledCount, Money ordersSettled, Money ledgerSettled, Money ordersRefunded,
                              Money ledgerRefunded, Money paymentsPaid, Money ledgerPaymentTopUps, Money ledgerManualTopUps,
                              long rollupSessions, long orderSessions, long rollupEnergyWh, long orderEnergyWh,
                              Money rollupPayable, Money orderPayable) {}

    /** {@code expected} is what the first record says (orders, payment, orders for a station), {@code actual} the other. */
    public record DiscrepancyView(Discrepancy.Kind kind, String reference, Money expected, Money actual, String detail) {}

    public record PostingSumView(String entryKind, String accountType, Money amount) {}

    public record ReconciliationView(long id, long operatorId, LocalDate date, String timeZone, Instant windowStart,
                                     Instant windowEnd, Status status, Instant computedAt, String computedBy,
                                     FiguresView figures, List<DiscrepancyView> discrepancies,
                                     List<PostingSumView> postings) {
        static ReconciliationView of(Stored s) {
            Currency c = Currency.getInstance(s.currency());
            Figures f = s.figures();
            FiguresView figures = new FiguresView(f.ordersSettled(), money(f.ordersSettledMinor(), c), money(f.ledgerSettledMinor(), c),
                    money(f.ordersRefundedMinor(), c), money(f.ledgerRefundedMinor(), c), money(f.paymentsPaidMinor(), c),
                    money(f.ledgerPaymentTopUpsMinor(), c), money(f.ledgerManualTopUpsMinor(), c), f.rollupSessions(),
                    f.orderSessions(), f.rollupEnergyWh(), f.orderEnergyWh(), money(f.rollupPayableMinor(), c),
                    money(f.orderPayableMinor(), c));
            return new ReconciliationView(s.id(), s.operatorId(), s.date(), s.timeZone(), s.windowStart(), s.windowEnd(),
                    s.status(), s.computedAt(), s.computedBy(), figures,
                    s.discrepancies().stream().map(d -> new DiscrepancyView(d.kind(), d.reference(), money(d.expectedMinor(), c),
                            money(d.actualMinor(), c), d.detail())).toList(),
                    s.postings().stream().map(p -> new PostingSumView(p.entryKind(), p.accountType(), money(p.amountMinor(), c))).toList());
        }

        private static Money money(Long minor, Currency currency) {
            return minor == null ? null : Money.ofMinor(minor, currency);
        }
    }

    private final Reconciliations reconciliations;
    private final JooqReconciliations store;
    private final JooqOperators operators;
    private final ActingOperator acting;
    private final Callers callers;
    private final AuditLog audit;

    public ReconciliationController(Reconciliations reconciliations, JooqReconciliations store, JooqOperators operators,
                                    ActingOperator acting, Callers callers, AuditLog audit) {
        this.reconciliations = reconciliations;
        this.store = store;
        this.operators = operators;
        this.acting = acting;
        this.callers = callers;
        this.audit = audit;
    }

    @Operation(summary = "Reconcile an operator's day now (re-running replaces the day's result)",
            description = "date is the operator's local date; today or earlier. Platform admins name the operator.")
    @PostMapping
    @PreAuthorize("hasAuthority('PERM_RECONCILE')")
    public ReconciliationView run(@RequestParam LocalDate date, @RequestParam(required = false) Long operatorId) {
        long op = acting.resolve(operatorId);
        var operator = operators.find(op).orElseThrow();
        if (date.isAfter(reconciliations.yesterday(operator).plusDays(1))) {
            throw new IllegalArgumentException("date: not after today in " + operator.timeZone());
        }
        String actor = callers.current().username();
        var before = store.list(io.pylon.domain.tenant.TenantScope.operator(op),
                new JooqReconciliations.Filter(op, null, date, date), new PageRequest(0, 1)).items().stream().findFirst();
        long id = reconciliations.run(op, date, actor);
        ReconciliationView after = ReconciliationView.of(store.find(id).orElseThrow());
        audit.record(actor, op, before.isPresent() ? AuditLog.Action.UPDATE : AuditLog.Action.CREATE, "reconciliation", id,
                before.map(ReconciliationView::of).orElse(null), after);
        return after;
    }

    @Operation(summary = "List daily reconciliations, newest day first",
            description = "Filter by operator (platform roles), status and date range [from, to], inclusive")
    @GetMapping
    @PreAuthorize("hasAuthority('PERM_REPORTS_READ')")
    public PageResponse<ReconciliationView> list(@RequestParam(required = false) Long operatorId,
                                                 @RequestParam(required = false) Status status,
                                                 @RequestParam(required = false) LocalDate from,
                                                 @RequestParam(required = false) LocalDate to,
                                                 @RequestParam(defaultValue = "0") @Min(0) int page,
                                                 @RequestParam(defaultValue = "50") @Min(1) @Max(PageRequest.MAX_SIZE) int size) {
        return PageResponse.of(store.list(callers.scope(), new JooqReconciliations.Filter(operatorId, status, from, to),
                new PageRequest(page, size)), ReconciliationView::of);
    }

    @Operation(summary = "One day's reconciliation with its figures, discrepancies and ledger sums by account type")
    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('PERM_REPORTS_READ')")
    public ReconciliationView get(@PathVariable long id) {
        var scope = callers.scope();
        return store.find(id).filter(s -> scope.includesOperator(s.operatorId())).map(ReconciliationView::of)
                .orElseThrow(() -> new NoSuchElementException("Reconciliation " + id));
    }
}
