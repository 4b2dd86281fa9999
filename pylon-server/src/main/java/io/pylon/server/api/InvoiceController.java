package io.pylon.server.api;

import io.pylon.domain.common.PageRequest;
import io.pylon.domain.driver.Driver;
import io.pylon.domain.invoice.Invoice;
import io.pylon.domain.invoice.InvoiceFilter;
import io.pylon.domain.invoice.InvoiceOutcome;
import io.pylon.domain.invoice.InvoiceRepository;
import io.pylon.domain.invoice.InvoiceService;
import io.pylon.domain.invoice.InvoiceStatus;
import io.pylon.domain.invoice.InvoiceTitle;
import io.pylon.domain.money.Money;
import io.pylon.server.persistence.AuditLog;
import io.pylon.server.persistence.JooqDrivers;
import io.pylon.server.security.Callers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.*;

/**
 * Invoice requests (发票申请) as the operator's finance staff see them: drivers ask in the app, or staff record the
 * request for them; staff issue (with the invoice number) or reject. The amount is always computed from the orders.
 */
@Tag(name = "Invoices", description = "Drivers' invoice requests over settled orders: record, issue, reject, cancel")
@Validated
@RestController
@RequestMapping("/api/v1/invoices")
public class InvoiceController {

    public record InvoiceView(long id, long operatorId, long driverId, InvoiceTitle.Kind titleKind, String title,
                              String taxNumber, String email, Money amount, InvoiceStatus status, List<Long> orderIds,
                              String invoiceNumber, Instant issuedAt, String pdfUrl, String rejectReason,
                              String requestedBy, Instant createdAt, Instant updatedAt) {
        public static InvoiceView of(Invoice i) {
            return new InvoiceView(i.id(), i.operatorId(), i.driverId(), i.title().kind(), i.title().name(),
                    i.title().taxNumber(), i.email(), i.amount(), i.status(), i.orderIds(), i.invoiceNumber(), i.issuedAt(),
                    i.pdfUrl(), i.rejectReason(), i.requestedBy(), i.createdAt(), i.updatedAt());
        }
    }

    /** A request recorded by staff for a driver (e.g. at the counter or on the phone). */
    public record CreateRequest(@NotNull Long driverId, @NotEmpty @Size(max = InvoiceService.MAX_ORDERS) List<Long> orderIds,
                                @NotNull InvoiceTitle.Kind titleKind, @NotBlank @Size(max = 200) String title,
                                @Size(max = 20) String taxNumber, @NotBlank @Size(max = 200) String email) {}

    /** @param issuedAt when the invoice was issued; now when absent */
    public record InvoiceIssueRequest(@NotBlank @Size(max = 64) String invoiceNumber, Instant issuedAt,
                               @Size(max = 500) String pdfUrl) {}

    public record RejectRequest(@NotBlank @Size(max = 300) String reason) {}

    private final InvoiceService service;
    private final InvoiceRepository invoices;
    private final JooqDrivers drivers;
    private final Callers callers;
    private final AuditLog audit;

    public InvoiceController(InvoiceService service, InvoiceRepository invoices, JooqDrivers drivers, Callers callers,
                             AuditLog audit) {
        this.service = service;
        this.invoices = invoices;
        this.drivers = drivers;
        this.callers = callers;
        this.audit = audit;
    }

    @Operation(summary = "List invoice requests, newest first",
            description = "Filter by status, driver, an order they cover, and request time [from, to)")
    @GetMapping
    @PreAuthorize("hasAuthority('PERM_INVOICES_READ')")
    public PageResponse<InvoiceView> list(@RequestParam(required = false) InvoiceStatus status,
                                          @RequestParam(required = false) Long driverId,
                                          @RequestParam(required = false) Long orderId,
                                          @RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
                                          @RequestParam(defaultValue = "0") @Min(0) int page,
                                          @RequestParam(defaultValue = "50") @Min(1) @Max(PageRequest.MAX_SIZE) int size) {
        return PageResponse.of(invoices.list(callers.scope(), new InvoiceFilter(status, driverId, orderId, from, to),
                new PageRequest(page, size)), InvoiceView::of);
    }

    @Operation(summary = "An invoice request with the orders it covers")
    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('PERM_INVOICES_READ')")
    public InvoiceView get(@PathVariable long id) {
        return InvoiceView.of(find(id));
    }

    @Operation(summary = "Record an invoice request for a driver over their settled orders",
            description = "The amount is what the orders were paid minus refunds. 400 names an order that is missing, "
                    + "not settled, another driver's or has nothing paid; 409 when an order is already on a requested "
                    + "or issued invoice. A company title needs a tax number of 15, 18 or 20 letters and digits.")
    @PostMapping
    @PreAuthorize("hasAuthority('PERM_INVOICES_WRITE')")
    public ResponseEntity<InvoiceView> create(@Valid @RequestBody CreateRequest r) {
        Driver driver = drivers.find(callers.scope(), r.driverId())
                .orElseThrow(() -> new NoSuchElementException("Driver " + r.driverId()));
        String actor = callers.current().username();
        Invoice invoice = done(service.request(driver.operatorId(), driver.id(), r.orderIds(),
                new InvoiceTitle(r.titleKind(), r.title(), r.taxNumber()), r.email(), actor));
        audit.record(actor, invoice.operatorId(), AuditLog.Action.CREATE, "invoice", invoice.id(), null, InvoiceView.of(invoice));
        return ResponseEntity.status(HttpStatus.CREATED).body(InvoiceView.of(invoice));
    }

    @Operation(summary = "Record the invoice issued for a request: its number, time and (optionally) PDF address",
            description = "409 when the request is not REQUESTED, or when refunds changed the orders' amount since")
    @PostMapping("/{id}/issue")
    @PreAuthorize("hasAuthority('PERM_INVOICES_WRITE')")
    public InvoiceView issue(@PathVariable long id, @Valid @RequestBody InvoiceIssueRequest r) {
        return change(id, () -> service.issue(id, r.invoiceNumber(), r.issuedAt(), r.pdfUrl()));
    }

    @Operation(summary = "Refuse a request with a reason; its orders may be invoiced again")
    @PostMapping("/{id}/reject")
    @PreAuthorize("hasAuthority('PERM_INVOICES_WRITE')")
    public InvoiceView reject(@PathVariable long id, @Valid @RequestBody RejectRequest r) {
        return change(id, () -> service.reject(id, r.reason()));
    }

    @Operation(summary = "Withdraw a request not yet issued (for the driver who asked); its orders may be invoiced again")
    @PostMapping("/{id}/cancel")
    @PreAuthorize("hasAuthority('PERM_INVOICES_WRITE')")
    public InvoiceView cancel(@PathVariable long id) {
        return change(id, () -> service.cancel(id));
    }

    private InvoiceView change(long id, Supplier<InvoiceOutcome> work) {
        InvoiceView before = InvoiceView.of(find(id));
        InvoiceView after = InvoiceView.of(done(work.get()));
        audit.record(callers.current().username(), after.operatorId(), AuditLog.Action.UPDATE, "invoice", id, before, after);
        return after;
    }

    private Invoice find(long id) {
        var scope = callers.scope();
        return invoices.find(id).filter(i -> scope.includesOperator(i.operatorId()))
                .orElseThrow(() -> new NoSuchElementException("Invoice " + id));
    }

    /** The invoice of an outcome, or the error a refusal answers (400 naming orderIds, or 409). */
    public static Invoice done(InvoiceOutcome outcome) {
        return switch (outcome) {
            case InvoiceOutcome.Done done -> done.invoice();
            case InvoiceOutcome.Refused refused -> throw switch (refused.reason()) {
                case ORDER_NOT_FOUND, ORDER_NOT_SETTLED, OTHER_DRIVER, NOTHING_PAID ->
                        new IllegalArgumentException("orderIds: " + refused.detail());
                case ALREADY_INVOICED, WRONG_STATUS, AMOUNT_CHANGED -> new ConflictException(refused.detail());
            };
        };
    }
}
