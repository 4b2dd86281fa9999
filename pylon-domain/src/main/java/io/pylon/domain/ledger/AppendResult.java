package io.pylon.domain.ledger;

/** What {@link LedgerRepository#append} did: recorded the entry, or found one under the same idempotency key. */
public sealed interface AppendResult {

    /** The entry that is in the books under the key: the new one, or the one recorded before. */
    JournalEntry entry();

    /** The entry was recorded. */
    record Appended(JournalEntry entry) implements AppendResult {}

    /** Nothing was recorded: the operator's books already hold {@code entry} under the same idempotency key. */
    record AlreadyRecorded(JournalEntry entry) implements AppendResult {}
}
