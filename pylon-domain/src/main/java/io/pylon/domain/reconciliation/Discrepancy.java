package io.pylon.domain.reconciliation;

/**
 * One thing two records disagree on. {@code reference} names it ({@code order:12}, {@code payment:4},
 * {@code station:3}, {@code entry:77}); amounts are minor units, null where the record is missing altogether.
 */
public record Discrepancy(Kind kind, String reference, Long expectedMinor, Long actualMinor, String detail) {

    public enum Kind {
        /** An order settled but the ledger has no settlement entry for it. */
        SETTLEMENT_MISSING,
        /** The ledger settled a different amount than the order's payable amount. */
        SETTLEMENT_AMOUNT,
        /** The ledger settled an order that is not settled (or does not exist). */
        SETTLEMENT_WITHOUT_ORDER,
        /** An order refund without its ledger entry. */
        REFUND_MISSING,
        /** The ledger refunded a different amount than the order recorded. */
        REFUND_AMOUNT,
        /** A ledger refund that no order recorded. */
        REFUND_WITHOUT_ORDER,
        /** A provider confirmed a payment but the wallet was not credited. */
        TOP_UP_MISSING,
        /** The wallet was credited a different amount than the payment. */
        TOP_UP_AMOUNT,
        /** A top-up for a provider payment that is not PAID (or does not exist). */
        TOP_UP_WITHOUT_PAYMENT,
        /** A journal entry whose postings do not sum to zero. */
        ENTRY_UNBALANCED,
        /** A station's report_daily figures differ from its orders'. */
        ROLLUP_MISMATCH
    }
}
