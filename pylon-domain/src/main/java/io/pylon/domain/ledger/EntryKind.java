package io.pylon.domain.ledger;

/** Why a journal entry was written. */
public enum EntryKind {
    /** Money came in for a driver (payment provider or operator-recorded cash/bank). */
    TOP_UP,
    /** Available balance reserved for a session. */
    HOLD,
    /** A hold given back to the available balance (the session never charged). */
    RELEASE,
    /** A session's bill charged: the hold (and, above it, the available balance) moved to revenue. */
    SETTLE,
    /** Part or all of a settled order given back to the wallet, reversing revenue. */
    REFUND,
    /** Available balance paid back out to the driver. */
    PAYOUT,
    /** A correction entered by hand. */
    ADJUSTMENT
}
