package io.pylon.domain.invoice;

import io.pylon.domain.common.Page;
import io.pylon.domain.common.PageRequest;
import io.pylon.domain.tenant.TenantScope;
import java.time.Instant;
import java.util.Optional;

/** Port: where invoice requests are kept. The store guarantees that an order is on at most one open invoice. */
public interface InvoiceRepository {

    /**
     * Stores a REQUESTED invoice with its orders; empty when one of the orders is already on an open invoice
     * (also when a racing request took it first), in which case nothing is stored.
     */
    Optional<Invoice> insert(NewInvoice invoice);

    Optional<Invoice> find(long id);

    /**
     * Moves an invoice from one status to another, guarded by the status it must have; leaving the open statuses
     * frees its orders. False when the invoice was not in {@code from} (nothing changed).
     *
     * @param details for ISSUED the number, issue time and PDF address; for REJECTED the reason
     */
    boolean transition(long id, InvoiceStatus from, InvoiceStatus to, Details details, Instant now);

    Page<Invoice> list(TenantScope scope, InvoiceFilter filter, PageRequest page);

    /** What an issue or rejection adds to the invoice; fields that do not apply are null. */
    record Details(String invoiceNumber, Instant issuedAt, String pdfUrl, String rejectReason) {
        public static final Details NONE = new Details(null, null, null, null);
    }
}
