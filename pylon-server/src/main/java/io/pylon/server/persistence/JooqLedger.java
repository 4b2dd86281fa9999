package io.pylon.server.persistence;

import static io.pylon.server.persistence.Db.*;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import io.pylon.domain.common.Page;
import io.pylon.domain.common.PageRequest;
import io.pylon.domain.ledger.AccountRef;
import io.pylon.domain.ledger.AccountType;
import io.pylon.domain.ledger.AppendResult;
import io.pylon.domain.ledger.EntryKind;
import io.pylon.domain.ledger.JournalEntry;
import io.pylon.domain.ledger.LedgerRepository;
import io.pylon.domain.ledger.Posting;
import io.pylon.domain.money.Money;
import io.pylon.domain.tenant.TenantScope;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.exception.IntegrityConstraintViolationException;
import org.jooq.impl.DSL;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The operators' books in {@code ledger_entry} / {@code ledger_posting}, amounts as minor units ({@code amount_minor}).
 *
 * <p>Writes that may collide with a racing transaction (an entry under a taken idempotency key, a wallet row created
 * twice) run inside a savepoint ({@link TransactionDefinition#PROPAGATION_NESTED}): on PostgreSQL a failed statement
 * aborts the whole transaction, so the unique violation is rolled back to the savepoint and the transaction goes on
 * to read the entry the other one recorded.
 */
@Repository
public class JooqLedger implements LedgerRepository {

    static final Table<Record> LEDGER_WALLET = table(name("ledger_wallet"));
    static final Table<Record> LEDGER_ENTRY = table(name("ledger_entry"));
    static final Table<Record> LEDGER_POSTING = table(name("ledger_posting"));

    private static final Field<Long> SEQ = bigint("seq");
    private static final Field<String> KIND = str("kind");
    private static final Field<String> REFERENCE = str("reference");
    private static final Field<String> IDEMPOTENCY_KEY = str("idempotency_key");
    private static final Field<String> ACTOR = str("actor");
    private static final Field<String> NOTE = str("note");
    private static final Field<String> CURRENCY = str("currency");
    private static final Field<Long> ENTRY_SEQ = bigint("entry_seq");
    private static final Field<Integer> LINE = integer("line");
    private static final Field<String> ACCOUNT_TYPE = str("account_type");
    private static final Field<Long> OWNER_ID = bigint("owner_id");
    private static final Field<Long> AMOUNT_MINOR = bigint("amount_minor");
    private static final List<Field<?>> ENTRY_COLUMNS =
            List.of(SEQ, ID, OPERATOR_ID, KIND, REFERENCE, IDEMPOTENCY_KEY, CREATED_AT, ACTOR, NOTE, CURRENCY);
    private static final List<Field<?>> POSTING_COLUMNS =
            List.of(ENTRY_SEQ, LINE, OPERATOR_ID, ACCOUNT_TYPE, OWNER_ID, AMOUNT_MINOR, CURRENCY);
    private final DSLContext db;
    private final TransactionTemplate savepoint;
    private final Clock clock;
    private final RacingInserts racing;

    public JooqLedger(DSLContext db, PlatformTransactionManager transactions, Clock clock, RacingInserts racing) {
        this.db = db;
        this.clock = clock;
        this.racing = racing;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    @Override
    public AppendResult append(JournalEntry entry) {
        Optional<JournalEntry> earlier = findByIdempotencyKey(entry.operatorId(), entry.idempotencyKey());
        if (earlier.isPresent()) return new AppendResult.AlreadyRecorded(earlier.get());
        // Stored at the databases' precision (microseconds), so the answer equals what a later read gives.
        JournalEntry stored = new JournalEntry(entry.id(), entry.operatorId(), entry.kind(), entry.reference(),
                entry.idempotencyKey(), entry.createdAt().truncatedTo(ChronoUnit.MICROS), entry.actor(), entry.note(),
                entry.postings());
        try {
            savepoint.executeWithoutResult(status -> insert(stored));
            return new AppendResult.Appended(stored);
        } catch (DataIntegrityViolationException | IntegrityConstraintViolationException e) {
            // A racing transaction recorded the key between the check above and the insert.
            return findByIdempotencyKey(entry.operatorId(), entry.idempotencyKey())
                    .<AppendResult>map(AppendResult.AlreadyRecorded::new).orElseThrow(() -> e);
        }
    }

    private void insert(JournalEntry e) {
        long seq = db.insertInto(LEDGER_ENTRY).set(ID, e.id().toString()).set(OPERATOR_ID, e.operatorId())
                .set(KIND, e.kind().name()).set(REFERENCE, e.reference()).set(IDEMPOTENCY_KEY, e.idempotencyKey())
                .set(CREATED_AT, e.createdAt()).set(ACTOR, e.actor()).set(NOTE, e.note())
                .set(CURRENCY, e.currency().getCurrencyCode()).returningResult(SEQ).fetchOne().value1();
        var insert = db.insertInto(LEDGER_POSTING, ENTRY_SEQ, LINE, OPERATOR_ID, ACCOUNT_TYPE, OWNER_ID, AMOUNT_MINOR, CURRENCY);
        for (int line = 0; line < e.postings().size(); line++) {
            Posting p = e.postings().get(line);
            insert = insert.values(seq, line + 1, p.account().operatorId(), p.account().type().name(), p.account().ownerId(),
                    p.amount().minorUnits(), p.amount().currency().getCurrencyCode());
        }
        insert.execute();
    }

    @Override
    public Optional<JournalEntry> findByIdempotencyKey(long operatorId, String idempotencyKey) {
        return entries(OPERATOR_ID.eq(operatorId).and(IDEMPOTENCY_KEY.eq(idempotencyKey)), new PageRequest(0, 1), true)
                .stream().findFirst();
    }

    @Override
    public Money balance(AccountRef account, Currency currency) {
        BigDecimal sum = db.select(DSL.sum(AMOUNT_MINOR)).from(LEDGER_POSTING).where(ofAccount(account))
                .and(CURRENCY.eq(currency.getCurrencyCode())).fetchOne().value1();
        return Money.ofMinor(sum == null ? 0 : sum.longValueExact(), currency);
    }

    @Override
    public Page<JournalEntry> entriesByReference(long operatorId, String reference, PageRequest page) {
        return page(OPERATOR_ID.eq(operatorId).and(REFERENCE.eq(reference)), page, true);
    }

    @Override
    public Page<JournalEntry> entriesByAccount(AccountRef account, PageRequest page) {
        return page(OPERATOR_ID.eq(account.operatorId()).and(SEQ.in(
                DSL.select(ENTRY_SEQ).from(LEDGER_POSTING).where(ofAccount(account)))), page, true);
    }

    /** Entries with a posting to any of the driver's accounts (wallet, holds), newest first: the driver's statement. */
    public Page<JournalEntry> statement(long operatorId, long driverId, PageRequest page) {
        return page(OPERATOR_ID.eq(operatorId).and(SEQ.in(DSL.select(ENTRY_SEQ).from(LEDGER_POSTING)
                .where(OPERATOR_ID.eq(operatorId)).and(OWNER_ID.eq(driverId)))), page, false);
    }

    /**
     * Takes the wallet row's lock until the transaction ends, creating the row on first use. Both databases block a
     * second {@code SELECT ... FOR UPDATE} of a locked row until the holder commits or rolls back; the caller then
     * reads the committed state (READ COMMITTED), so balances checked under the lock are current.
     */
    @Override
    public void lockWallet(long operatorId, long driverId) {
        Condition wallet = OPERATOR_ID.eq(operatorId).and(DRIVER_ID.eq(driverId));
        if (db.select(OPERATOR_ID).from(LEDGER_WALLET).where(wallet).forUpdate().fetchOptional().isPresent()) return;
        racing.run(() -> db.insertInto(LEDGER_WALLET).set(OPERATOR_ID, operatorId).set(DRIVER_ID, driverId)
                .set(CREATED_AT, clock.instant()).onConflict(key(LEDGER_WALLET, "operator_id", "driver_id")).doNothing().execute());
        db.select(OPERATOR_ID).from(LEDGER_WALLET).where(wallet).forUpdate().fetchOptional().orElseThrow();
    }

    /** One row of the trial balance: the sum of one account type's postings in one operator's books. */
    public record TrialBalanceLine(long operatorId, String currency, AccountType accountType, long sumMinor) {}

    /** Per operator, currency and account type, the sum of all postings (each operator's lines add up to zero). */
    public List<TrialBalanceLine> trialBalance(TenantScope scope) {
        Field<BigDecimal> sum = DSL.sum(AMOUNT_MINOR).as("sum_minor");
        return db.select(OPERATOR_ID, CURRENCY, ACCOUNT_TYPE, sum).from(LEDGER_POSTING)
                .where(scoped(scope, OPERATOR_ID, null)).groupBy(OPERATOR_ID, CURRENCY, ACCOUNT_TYPE)
                .orderBy(OPERATOR_ID, CURRENCY, ACCOUNT_TYPE)
                .fetch(r -> new TrialBalanceLine(r.get(OPERATOR_ID), r.get(CURRENCY), AccountType.valueOf(r.get(ACCOUNT_TYPE)),
                        r.get(sum).longValueExact()));
    }

    /**
     * The platform money flow journal: entries in scope, newest first. {@code accountType} and {@code driverId} keep
     * entries with a posting to that account type / to that driver's accounts; times bound {@code created_at} [from, to).
     */
    public record JournalFilter(Long operatorId, AccountType accountType, Long driverId, EntryKind kind, String reference,
                                java.time.Instant from, java.time.Instant to) {}

    public Page<JournalEntry> journal(TenantScope scope, JournalFilter f, PageRequest page) {
        Condition where = scoped(scope, OPERATOR_ID, null);
        if (f.operatorId() != null) where = where.and(OPERATOR_ID.eq(f.operatorId()));
        if (f.kind() != null) where = where.and(KIND.eq(f.kind().name()));
        if (f.reference() != null) where = where.and(REFERENCE.eq(f.reference()));
        if (f.from() != null) where = where.and(CREATED_AT.ge(f.from()));
        if (f.to() != null) where = where.and(CREATED_AT.lt(f.to()));
        if (f.accountType() != null || f.driverId() != null) {
            Condition posting = DSL.noCondition();
            if (f.accountType() != null) posting = posting.and(ACCOUNT_TYPE.eq(f.accountType().name()));
            if (f.driverId() != null) posting = posting.and(OWNER_ID.eq(f.driverId()));
            where = where.and(SEQ.in(DSL.select(ENTRY_SEQ).from(LEDGER_POSTING).where(posting)));
        }
        return page(where, page, false);
    }

    private static Condition ofAccount(AccountRef account) {
        return OPERATOR_ID.eq(account.operatorId())
                .and(account.ownerId() == null ? OWNER_ID.isNull() : OWNER_ID.eq(account.ownerId()))
                .and(ACCOUNT_TYPE.eq(account.type().name()));
    }

    private Page<JournalEntry> page(Condition where, PageRequest page, boolean oldestFirst) {
        long total = db.fetchCount(LEDGER_ENTRY, where);
        return new Page<>(entries(where, page, oldestFirst), page.page(), page.size(), total);
    }

    /** The entries matching, with their postings (read in one more query for the whole page). */
    private List<JournalEntry> entries(Condition where, PageRequest page, boolean oldestFirst) {
        List<Record> rows = db.select(ENTRY_COLUMNS).from(LEDGER_ENTRY).where(where)
                .orderBy(oldestFirst ? SEQ.asc() : SEQ.desc()).limit(page.size()).offset(page.offset()).fetch();
        if (rows.isEmpty()) return List.of();
        Map<Long, List<Posting>> postings = db.select(POSTING_COLUMNS).from(LEDGER_POSTING)
                .where(ENTRY_SEQ.in(rows.stream().map(r -> r.get(SEQ)).toList())).orderBy(ENTRY_SEQ, LINE)
                .fetch().stream().collect(Collectors.groupingBy(r -> r.get(ENTRY_SEQ),
                        Collectors.mapping(JooqLedger::toPosting, Collectors.toList())));
        List<JournalEntry> result = new ArrayList<>(rows.size());
        for (Record r : rows) {
            result.add(new JournalEntry(UUID.fromString(r.get(ID)), r.get(OPERATOR_ID), EntryKind.valueOf(r.get(KIND)),
                    r.get(REFERENCE), r.get(IDEMPOTENCY_KEY), r.get(CREATED_AT), r.get(ACTOR), r.get(NOTE),
                    postings.getOrDefault(r.get(SEQ), List.of())));
        }
        return result;
    }

    private static Posting toPosting(Record r) {
        Currency currency = Currency.getInstance(r.get(CURRENCY));
        return new Posting(new AccountRef(r.get(OPERATOR_ID), AccountType.valueOf(r.get(ACCOUNT_TYPE)), r.get(OWNER_ID)),
                Money.ofMinor(r.get(AMOUNT_MINOR), currency));
    }
}
