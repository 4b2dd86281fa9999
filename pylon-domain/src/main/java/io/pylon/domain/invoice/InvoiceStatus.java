package io.pylon.domain.invoice;

/**
 * Lifecycle of an invoice request (发票申请):
 * <pre>
 *   REQUESTED ──issue──▶ ISSUED
 *       ├──────reject──▶ REJECTED
 *       └──────cancel──▶ CANCELLED
 * </pre>
 * REQUESTED and ISSUED are open: their orders cannot be on another invoice. REJECTED and CANCELLED free them.
 */
public enum InvoiceStatus {
    REQUESTED, ISSUED, REJECTED, CANCELLED;

    /** Whether the invoice still holds its orders. */
    public boolean open() {
        return this == REQUESTED || this == ISSUED;
    }
}
