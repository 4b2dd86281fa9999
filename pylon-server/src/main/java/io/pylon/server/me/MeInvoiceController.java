package io.pylon.server.me;

import io.pylon.domain.common.PageRequest;
import io.pylon.domain.driver.Driver;
import io.pylon.domain.invoice.Invoice;
import io.pylon.domain.invoice.InvoiceFilter;
import io.pylon.domain.invoice.InvoiceRepository;
import io.pylon.domain.invoice.InvoiceService;
import io.pylon.domain.invoice.InvoiceStatus;
import io.pylon.domain.invoice.InvoiceTitle;
import io.pylon.server.api.InvoiceController;
import io.pylon.server.api.InvoiceController.InvoiceView;
import io.pylon.server.api.PageResponse;
import io.pylon.server.persistence.AuditLog;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.NoSuchElementException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.*;

/**
 * My invoice requests (发票申请): over my settled orders, for a personal or company title; the operator's finance
 * staff issue or reject them (ADR 0005). I may withdraw one that is not issued yet.
 */
@Tag(name = "Driver app")
@Validated
@RestController
@RequestMapping("/api/v1/me/invoices")
public class MeInvoiceController {

    /** A request over some of my settled orders; a company title needs its tax number (15, 18 or 20 characters). */
    public record MyInvoiceRequest(@NotEmpty @Size(max = InvoiceService.MAX_ORDERS) List<Long> orderIds,
                                   @NotNull InvoiceTitle.Kind titleKind, @NotBlank @Size(max = 200) String title,
                                   @Size(max = 20) String taxNumber, @NotBlank @Size(max = 200) String email) {}

    private final Me me;
    private final InvoiceService service;
    private final InvoiceRepository invoices;
    private final AuditLog audit;

    public MeInvoiceController(Me me, InvoiceService service, InvoiceRepository invoices, AuditLog audit) {
        this.me = me;
        this.service = service;
        this.invoices = invoices;
        this.audit = audit;
    }

    @Operation(summary = "My invoice requests, newest first")
    @GetMapping
    public PageResponse<InvoiceView> list(@RequestParam(required = false) InvoiceStatus status,
                                          @RequestParam(defaultValue = "0") @Min(0) int page,
                                          @RequestParam(defaultValue = "20") @Min(1) @Max(PageRequest.MAX_SIZE) int size) {
        Driver driver = me.driver();
        return PageResponse.of(invoices.list(Me.scope(driver), new InvoiceFilter(status, driver.id(), null, null, null),
                new PageRequest(page, size)), InvoiceView::of);
    }

    @Operation(summary = "One of my invoice requests")
    @GetMapping("/{id}")
    public InvoiceView get(@PathVariable long id) {
        return InvoiceView.of(own(me.driver(), id));
    }

    @Operation(summary = "Ask for an invoice over some of my settled orders",
            description = "The amount is what the orders were paid minus refunds. 400 names an order that is not mine, "
                    + "not settled or has nothing paid; 409 when an order is already on a requested or issued invoice.")
    @PostMapping
    public ResponseEntity<InvoiceView> request(@Valid @RequestBody MyInvoiceRequest r) {
        Driver driver = me.driver();
        Invoice invoice = InvoiceController.done(service.request(driver.operatorId(), driver.id(), r.orderIds(),
                new InvoiceTitle(r.titleKind(), r.title(), r.taxNumber()), r.email(), Me.actor(driver)));
        audit.record(Me.actor(driver), driver.operatorId(), AuditLog.Action.CREATE, "invoice", invoice.id(), null,
                InvoiceView.of(invoice));
        return ResponseEntity.status(HttpStatus.CREATED).body(InvoiceView.of(invoice));
    }

    @Operation(summary = "Withdraw my invoice request while it is not issued; its orders may be invoiced again")
    @PostMapping("/{id}/cancel")
    public InvoiceView cancel(@PathVariable long id) {
        Driver driver = me.driver();
        InvoiceView before = InvoiceView.of(own(driver, id));
        InvoiceView after = InvoiceView.of(InvoiceController.done(service.cancelByDriver(driver.id(), id)));
        audit.record(Me.actor(driver), driver.operatorId(), AuditLog.Action.UPDATE, "invoice", id, before, after);
        return after;
    }

    private Invoice own(Driver driver, long id) {
        return invoices.find(id).filter(i -> i.driverId() == driver.id() && i.operatorId() == driver.operatorId())
                .orElseThrow(() -> new NoSuchElementException("Invoice " + id));
    }
}
