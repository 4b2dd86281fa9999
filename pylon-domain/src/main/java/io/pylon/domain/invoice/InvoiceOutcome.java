package io.pylon.domain.invoice;

/** What an invoice operation did: done (with the invoice as it is now), or refused with the reason. */
public sealed interface InvoiceOutcome {

    record Done(Invoice invoice) implements InvoiceOutcome {}

    /** @param detail names the order or field concerned, for the person who asked */
    record Refused(Reason reason, String detail) implements InvoiceOutcome {}

    enum Reason {
        /** An order does not exist or belongs to another operator (answered like a missing one). */
        ORDER_NOT_FOUND,
        /** An order is not SETTLED (still charging, unpaid, abnormal or fully refunded). */
        ORDER_NOT_SETTLED,
        /** An order was paid by another driver. */
        OTHER_DRIVER,
        /** Nothing was paid for an order (free session, or refunded down to zero). */
        NOTHING_PAID,
        /** An order is already on a requested or issued invoice. */
        ALREADY_INVOICED,
        /** The invoice is not in a status that allows this (issuing a rejected one, cancelling an issued one). */
        WRONG_STATUS,
        /** An order was refunded after the request: the amount no longer matches; reject and request again. */
        AMOUNT_CHANGED
    }
}
