package io.pylon.server.trust;

import static io.pylon.server.trust.TrustTables.*;

import io.pylon.domain.trust.CompactRange;
import io.pylon.domain.trust.MerkleHash;
import io.pylon.domain.trust.NewEntry;
import io.pylon.domain.trust.SignedTreeHead;
import io.pylon.domain.trust.Subtree;
import io.pylon.domain.trust.TreeHead;
import io.pylon.domain.trust.TreeHeadSigner;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.InsertValuesStepN;
import org.jooq.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Appends to the log in batches (group commit): callers queue entries and wait; one writer thread takes everything
 * queued (up to {@link #MAX_BATCH} entries), and in one transaction locks the log's state row, skips entries whose
 * kind and subject are logged already, writes the new entries with every subtree hash they complete, and signs
 * the new tree head. Locking the state row lets several nodes share one log; a node that finds the log grown by
 * another re-reads its right edge ({@link CompactRange}) before appending.
 */
@Component
public class LogAppender implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LogAppender.class);
    static final int MAX_BATCH = 4000;
    private static final int QUEUE_CAPACITY = 100_000;
    /** Rows per insert statement, well under every driver's bind limit. */
    private static final int ROWS_PER_INSERT = 1000;

    private static final List<Field<?>> ENTRY_COLUMNS =
            List.of(ENTRY_INDEX, KIND, SUBJECT, OPERATOR_ID, RECORD_BYTES, LEAF_HASH, APPENDED_AT);
    private static final List<Field<?>> NODE_COLUMNS = List.of(NODE_LEVEL, NODE_INDEX, HASH);

    private record Pending(List<NewEntry> entries, CompletableFuture<long[]> done) {}

    private final DSLContext db;
    private final LogStore store;
    private final TreeHeadSigner signer;
    private final Clock clock;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>(QUEUE_CAPACITY);
    private volatile boolean running;
    private Thread writer;
    private CompactRange range; // owned by the writer thread
    /** Upper subtrees completed by the last write, for the store's cache once committed (writer thread). */
    private final List<CompactRange.Completed> upperWritten = new ArrayList<>();

    public LogAppender(DSLContext db, LogStore store, TreeHeadSigner signer, Clock clock) {
        this.db = db;
        this.store = store;
        this.signer = signer;
        this.clock = clock;
    }

    /** Appends entries (in order) and returns their indexes once durable and signed. */
    public long[] append(List<NewEntry> entries) {
        if (!running) {
            throw new IllegalStateException("The transparency log is not running");
        }
        CompletableFuture<long[]> done = new CompletableFuture<>();
        try {
            queue.put(new Pending(List.copyOf(entries), done));
            return done.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while appending to the log", e);
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    private void run() {
        while (running || !queue.isEmpty()) {
            List<Pending> batch = new ArrayList<>();
            try {
                Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                int size = first.entries().size();
                Pending next;
                while (size < MAX_BATCH && (next = queue.poll()) != null) {
                    batch.add(next);
                    size += next.entries().size();
                }
                List<long[]> indexes = db.transactionResult(cfg -> write(cfg.dsl(), batch));
                store.signed(range.size());
                upperWritten.forEach(c -> store.written(c.subtree(), c.hash()));
                for (int i = 0; i < batch.size(); i++) {
                    batch.get(i).done().complete(indexes.get(i));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                batch.forEach(p -> p.done().completeExceptionally(e));
                return;
            } catch (RuntimeException e) {
                range = null; // the transaction rolled back: re-read the edge next time
                log.warn("Appending {} batch item(s) to the transparency log failed", batch.size(), e);
                batch.forEach(p -> p.done().completeExceptionally(e));
            }
        }
    }

    private List<long[]> write(DSLContext tx, List<Pending> batch) {
        long size = tx.select(TREE_SIZE).from(STATE).where(ID.eq(1)).forUpdate().fetchSingle(TREE_SIZE);
        if (range == null || range.size() != size) {
            Map<Subtree, byte[]> edge = store.subtrees(CompactRange.edge(size));
            range = CompactRange.of(size, edge::get);
        }
        Map<String, Long> known = existing(tx, batch);
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS); // tree heads sign milliseconds
        List<Object[]> entryRows = new ArrayList<>();
        List<Object[]> nodeRows = new ArrayList<>();
        List<long[]> result = new ArrayList<>();
        CompactRange working = range.copy(); // the committed range stays as it was if this transaction fails
        upperWritten.clear();
        for (Pending p : batch) {
            long[] indexes = new long[p.entries().size()];
            for (int i = 0; i < indexes.length; i++) {
                NewEntry e = p.entries().get(i);
                String key = e.kind() + "|" + e.subject();
                Long index = known.get(key);
                if (index == null) {
                    index = working.size();
                    byte[] record = e.record();
                    byte[] leaf = MerkleHash.leaf(record);
                    entryRows.add(new Object[] {index, e.kind().name(), e.subject(), e.operatorId(), record, leaf, now});
                    for (CompactRange.Completed c : working.append(leaf)) {
                        if (c.subtree().level() > 0) {
                            nodeRows.add(new Object[] {c.subtree().level(), c.subtree().index(), c.hash()});
                        }
                        if (c.subtree().level() >= LogStore.CACHED_LEVEL) {
                            upperWritten.add(c);
                        }
                    }
                    known.put(key, index);
                }
                indexes[i] = index;
            }
            result.add(indexes);
        }
        insert(tx, ENTRY, ENTRY_COLUMNS, entryRows);
        insert(tx, NODE, NODE_COLUMNS, nodeRows);
        if (working.size() != size) {
            tx.update(STATE).set(TREE_SIZE, working.size()).where(ID.eq(1)).execute();
            SignedTreeHead head = signer.sign(new TreeHead(working.size(), working.root(), now));
            insertHead(tx, head);
        }
        range = working;
        return result;
    }

    private static void insert(DSLContext tx, Table<Record> table, List<Field<?>> columns, List<Object[]> rows) {
        for (int from = 0; from < rows.size(); from += ROWS_PER_INSERT) {
            InsertValuesStepN<Record> insert = tx.insertInto(table, columns);
            for (Object[] row : rows.subList(from, Math.min(rows.size(), from + ROWS_PER_INSERT))) {
                insert = insert.values(row);
            }
            insert.execute();
        }
    }

    private Map<String, Long> existing(DSLContext tx, List<Pending> batch) {
        Map<String, List<String>> byKind = new LinkedHashMap<>();
        for (Pending p : batch) {
            for (NewEntry e : p.entries()) {
                byKind.computeIfAbsent(e.kind().name(), k -> new ArrayList<>()).add(e.subject());
            }
        }
        Map<String, Long> known = new HashMap<>();
        byKind.forEach((kind, subjects) -> {
            for (int from = 0; from < subjects.size(); from += ROWS_PER_INSERT) {
                List<String> chunk = subjects.subList(from, Math.min(subjects.size(), from + ROWS_PER_INSERT));
                // one array bind, not an IN list of binds: PostgreSQL's generic plan for 1,000 binds used the index for
                // the kind only and filtered every entry of that kind (5 s per batch at 200,000 entries)
                tx.select(SUBJECT, ENTRY_INDEX).from(ENTRY).where(KIND.eq(kind)).and(SUBJECT.eq(DSL.any(chunk.toArray(String[]::new))))
                        .forEach(r -> known.put(kind + "|" + r.value1(), r.value2()));
            }
        });
        return known;
    }

    static void insertHead(DSLContext tx, SignedTreeHead head) {
        tx.insertInto(HEAD, TREE_SIZE, ROOT_HASH, SIGNED_AT, KEY_ID, SIGNATURE)
                .values(head.head().treeSize(), head.head().rootHash(), head.head().timestamp(), head.keyId(), head.signature())
                .onConflict(key(HEAD, "tree_size")).doNothing().execute();
    }

    /** The empty tree's signed head, written once so a fresh log has a head to publish. */
    void signEmptyTreeOnce() {
        if (store.head(0).isEmpty()) {
            insertHead(db, signer.sign(new TreeHead(0, MerkleHash.emptyRoot(),
                    clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS))));
        }
    }

    @Override
    public void start() {
        signEmptyTreeOnce();
        store.preload();
        running = true;
        writer = Thread.ofPlatform().name("transparency-log-writer").daemon().start(this::run);
    }

    @Override
    public void stop() {
        running = false;
        if (writer != null) {
            try {
                writer.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /**
     * Starts before and stops after the device gateways (100) and the order listeners (0, which append final orders
     * after the charger's answer), so that appends queued at shutdown are still written.
     */
    @Override
    public int getPhase() {
        return -5;
    }
}
