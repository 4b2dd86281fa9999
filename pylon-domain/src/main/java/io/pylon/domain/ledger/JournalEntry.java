package io.pylon.domain.ledger;

import io.pylon.domain.money.Money;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One balanced movement of money within one operator's books.
 *
 * <p><b>Sign convention.</b> Postings are signed: a posting's amount is what it adds to its account's balance, and
 * an account's balance is the sum of its postings. Every entry's postings sum to exactly zero in one currency, so
 * money only moves between accounts and the sum over all accounts is always zero. In normal operation wallets,
 * holds, revenue and payouts are positive; the source accounts {@link AccountType#PAYMENT_CLEARING} (money
 * received) and {@link AccountType#DISCOUNTS} (discounts granted) run negative. A negative wallet means the
 * driver owes the operator. (For accountants: a positive posting is a credit to a driver or revenue account.)
 *
 * @param id             derived from operator and idempotency key ({@link #idFor}), so a retry names the same entry
 * @param reference      what the entry is about: {@code order:123}, {@code payment:42}, {@code manual:cash:R-7}
 * @param idempotencyKey unique within the operator's books; a second entry with the same key is never recorded
 * @param actor          who caused it: {@code system}, {@code provider:<name>}, an operator user
 * @param note           free text (a refund's reason); empty when there is none
 */
public record JournalEntry(UUID id, long operatorId, EntryKind kind, String reference, String idempotencyKey,
                           Instant createdAt, String actor, String note, List<Posting> postings) {

    public JournalEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(createdAt, "createdAt");
        requireText(reference, "reference");
        requireText(idempotencyKey, "idempotencyKey");
        requireText(actor, "actor");
        note = note == null ? "" : note;
        postings = List.copyOf(postings);
        requireBalanced(operatorId, postings);
    }

    /** The id of the entry recorded under this key: a name-based UUID, the same for every retry. */
    public static UUID idFor(long operatorId, String idempotencyKey) {
        return UUID.nameUUIDFromBytes((operatorId + "\n" + idempotencyKey).getBytes(StandardCharsets.UTF_8));
    }

    /** The one currency of all postings. */
    public Currency currency() {
        return postings.getFirst().amount().currency();
    }

    /** The sum of this entry's postings to one account (zero if it has none). */
    public Money amountTo(AccountRef account) {
        return postings.stream().filter(p -> p.account().equals(account)).map(Posting::amount)
                .reduce(Money.zero(currency()), Money::plus);
    }

    /** The sum of this entry's postings to all accounts of one type (zero if it has none). */
    public Money amountTo(AccountType type) {
        return postings.stream().filter(p -> p.account().type() == type).map(Posting::amount)
                .reduce(Money.zero(currency()), Money::plus);
    }

    /** Whether every per-driver posting of this entry belongs to this driver. */
    public boolean onlyTouchesDriver(long driverId) {
        return postings.stream().map(Posting::account)
                .allMatch(a -> !a.type().perDriver() || a.ownerId() == driverId);
    }

    private static void requireBalanced(long operatorId, List<Posting> postings) {
        if (postings.isEmpty()) {
            throw new IllegalArgumentException("a journal entry needs postings");
        }
        Currency currency = postings.getFirst().amount().currency();
        BigDecimal sum = BigDecimal.ZERO;
        for (Posting p : postings) {
            if (p.amount().isZero()) throw new IllegalArgumentException("zero posting to " + p.account());
            if (!p.amount().currency().equals(currency)) throw new IllegalArgumentException("mixed currencies: " + postings);
            if (p.account().operatorId() != operatorId) {
                throw new IllegalArgumentException(p.account() + " is not in operator " + operatorId + "'s books");
            }
            sum = sum.add(p.amount().amount());
        }
        if (sum.signum() != 0) {
            throw new IllegalArgumentException("postings do not balance (sum " + sum.toPlainString() + "): " + postings);
        }
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) throw new IllegalArgumentException(name + " must not be blank");
    }
}
