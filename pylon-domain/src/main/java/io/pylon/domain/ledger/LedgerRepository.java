package io.pylon.domain.ledger;

import io.pylon.domain.common.Page;
import io.pylon.domain.common.PageRequest;
import io.pylon.domain.money.Money;
import java.util.Currency;
import java.util.Optional;

/**
 * Port: the operators' books. Entries are append-only and immutable; listings are in the order entries were
 * appended (oldest first). Idempotency keys are unique per operator.
 */
public interface LedgerRepository {

    /**
     * Records the entry with all its postings atomically, unless the operator's books already hold an entry with
     * the same idempotency key: then nothing is written and the earlier entry is answered.
     */
    AppendResult append(JournalEntry entry);

    Optional<JournalEntry> findByIdempotencyKey(long operatorId, String idempotencyKey);

    /** The sum of the account's postings in this currency; zero when it has none. */
    Money balance(AccountRef account, Currency currency);

    /** Entries with this reference (e.g. all of one order's hold, settlement and refunds). */
    Page<JournalEntry> entriesByReference(long operatorId, String reference, PageRequest page);

    /** Entries with a posting to this account (a driver's statement, an account's history). */
    Page<JournalEntry> entriesByAccount(AccountRef account, PageRequest page);

    /**
     * Locks the driver's wallet until the current transaction ends, so that two operations on one wallet run one
     * after the other (SELECT ... FOR UPDATE on a per-wallet row). Must be called inside a transaction.
     */
    void lockWallet(long operatorId, long driverId);
}
