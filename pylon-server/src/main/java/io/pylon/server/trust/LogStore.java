package io.pylon.server.trust;

import static io.pylon.server.trust.TrustTables.*;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.row;

import io.pylon.domain.trust.EntryKind;
import io.pylon.domain.trust.LogEntry;
import io.pylon.domain.trust.MerkleHash;
import io.pylon.domain.trust.SignedTreeHead;
import io.pylon.domain.trust.Subtree;
import io.pylon.domain.trust.TreeHead;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Record3;
import org.jooq.Select;
import org.jooq.Row2;
import org.springframework.stereotype.Component;

/**
 * Reads the stored log: entries, signed tree heads and subtree hashes, for proofs and for the appender's right edge.
 * A proof's latency is mostly database round trips and pages touched, so:
 * <ul>
 *   <li>hashes of complete subtrees never change once written: those at level {@link #CACHED_LEVEL} and above are
 *       kept in memory ({@link UpperHashes}, loaded at start by {@link #preload()}, ~10 MB at 10 million entries);</li>
 *   <li>those below are computed from the leaf hashes of their block of {@code 2^CACHED_LEVEL} entries, read as one
 *       index range (entries are stored in index order, so a handful of adjacent pages) rather than looked up one by
 *       one in the node table;</li>
 *   <li>leaves and any uncached upper hash come in one round trip;</li>
 *   <li>signed tree heads never shrink, so the largest size known to be signed is kept too and checking that a
 *       proof's tree size is signed costs no query.</li>
 * </ul>
 */
@Component
public class LogStore {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(LogStore.class);
    static final int CACHED_LEVEL = 6;
    /** Upper-level hashes kept (≈ 52 bytes each): 10 million entries have ~312,000, so this covers ~64 million. */
    static final int CACHE_LIMIT = 2_000_000;
    /** Leaf ranges this close together are read as one. */
    private static final long RANGE_GAP = 1L << CACHED_LEVEL;

    private final DSLContext db;
    private final UpperHashes upper = new UpperHashes(CACHE_LIMIT);
    private final AtomicLong signedSize = new AtomicLong(-1);

    public LogStore(DSLContext db) {
        this.db = db;
    }

    /** The hashes of these complete subtrees; IllegalStateException when one is missing (the log is damaged). */
    public Map<Subtree, byte[]> subtrees(Collection<Subtree> wanted) {
        Map<Subtree, byte[]> found = new HashMap<>();
        List<Subtree> lower = new ArrayList<>();
        List<Row2<Integer, Long>> nodes = new ArrayList<>();
        for (Subtree s : wanted) {
            byte[] cached = s.level() >= CACHED_LEVEL ? upper.get(s) : null;
            if (cached != null) {
                found.put(s, cached);
            } else if (s.level() < CACHED_LEVEL) {
                lower.add(s);
            } else {
                nodes.add(row(s.level(), s.index()));
            }
        }
        List<long[]> ranges = leafRanges(lower);
        Map<Long, byte[]> leaves = new HashMap<>();
        // a range per block (one, or two at the log's right edge), each its own select: a single range condition is
        // estimated from the index, where an OR of ranges was misjudged while the table had no statistics
        Select<Record3<Integer, Long, byte[]>> leafQuery = null;
        for (long[] r : ranges) {
            Select<Record3<Integer, Long, byte[]>> range = db.select(inline(0).as(NODE_LEVEL.getName()), ENTRY_INDEX, LEAF_HASH)
                    .from(ENTRY).where(ENTRY_INDEX.between(r[0], r[1] - 1));
            leafQuery = leafQuery == null ? range : leafQuery.unionAll(range);
        }
        Select<Record3<Integer, Long, byte[]>> nodeQuery = nodes.isEmpty() ? null
                : db.select(NODE_LEVEL, NODE_INDEX, HASH).from(NODE).where(row(NODE_LEVEL, NODE_INDEX).in(nodes));
        Select<Record3<Integer, Long, byte[]>> query =
                leafQuery == null ? nodeQuery : nodeQuery == null ? leafQuery : leafQuery.unionAll(nodeQuery);
        if (query != null) {
            for (Record3<Integer, Long, byte[]> r : db.fetch(query)) {
                if (r.value1() == 0) {
                    leaves.put(r.value2(), r.value3());
                } else {
                    Subtree s = new Subtree(r.value1(), r.value2());
                    found.put(s, r.value3());
                    upper.put(s, r.value3());
                }
            }
        }
        for (Subtree s : lower) {
            byte[] hash = fromLeaves(s.first(), s.level(), leaves);
            if (hash != null) {
                found.put(s, hash);
            }
        }
        for (Subtree s : wanted) {
            if (!found.containsKey(s)) {
                throw new IllegalStateException("The log has no hash for subtree " + s);
            }
        }
        return found;
    }

    /** The leaf index ranges [from, to) the lower subtrees cover, sorted, with near neighbours joined. */
    private static List<long[]> leafRanges(List<Subtree> lower) {
        List<long[]> ranges = new ArrayList<>();
        lower.stream().map(s -> new long[] {s.first(), s.first() + s.size()}).sorted(java.util.Comparator.comparingLong(r -> r[0]))
                .forEach(r -> {
                    long[] last = ranges.isEmpty() ? null : ranges.getLast();
                    if (last != null && r[0] <= last[1] + RANGE_GAP) {
                        last[1] = Math.max(last[1], r[1]);
                    } else {
                        ranges.add(r);
                    }
                });
        return ranges;
    }

    /** The hash of the complete subtree of {@code 2^level} leaves from {@code first}; null when a leaf is missing. */
    private static byte[] fromLeaves(long first, int level, Map<Long, byte[]> leaves) {
        if (level == 0) {
            return leaves.get(first);
        }
        byte[] left = fromLeaves(first, level - 1, leaves);
        byte[] right = left == null ? null : fromLeaves(first + (1L << (level - 1)), level - 1, leaves);
        return right == null ? null : MerkleHash.node(left, right);
    }

    /** Keeps the hashes of upper subtrees just written (the appender, after its transaction committed). */
    void written(Subtree s, byte[] hash) {
        if (s.level() >= CACHED_LEVEL) {
            upper.put(s, hash);
        }
    }

    public Optional<LogEntry> entry(long index) {
        return db.select(ENTRY_FIELDS).from(ENTRY).where(ENTRY_INDEX.eq(index)).fetchOptional(LogStore::entryOf);
    }

    public List<LogEntry> entries(long from, int count) {
        return db.select(ENTRY_FIELDS).from(ENTRY).where(ENTRY_INDEX.ge(from)).orderBy(ENTRY_INDEX).limit(count).fetch(LogStore::entryOf);
    }

    public Optional<LogEntry> find(EntryKind kind, String subject) {
        return db.select(ENTRY_FIELDS).from(ENTRY).where(KIND.eq(kind.name())).and(SUBJECT.eq(subject)).fetchOptional(LogStore::entryOf);
    }

    public Optional<SignedTreeHead> latestHead() {
        Optional<SignedTreeHead> head = db.select(HEAD_FIELDS).from(HEAD).orderBy(TREE_SIZE.desc()).limit(1)
                .fetchOptional(LogStore::headOf);
        head.ifPresent(h -> signed(h.head().treeSize()));
        return head;
    }

    /**
     * Whether a tree of this size has a signed head: answered from memory when a head at least this large was seen
     * (heads only grow, on every node), otherwise from the latest stored head (another node may have appended).
     */
    public boolean isSigned(long treeSize) {
        if (treeSize <= signedSize.get()) {
            return true;
        }
        return latestHead().map(h -> h.head().treeSize() >= treeSize).orElse(false);
    }

    /** Notes that a tree of this size has a signed head (the appender, after its transaction committed). */
    void signed(long treeSize) {
        signedSize.accumulateAndGet(treeSize, Math::max);
    }

    /**
     * Loads the cached upper-level hashes (at most {@link #CACHE_LIMIT}, highest levels first), so that the first
     * proofs after a start cost what later ones do: 10 million entries have ~312,000 such hashes, about a second to
     * read.
     */
    public void preload() {
        long t0 = System.nanoTime();
        try (Cursor<Record3<Integer, Long, byte[]>> rows = db.select(NODE_LEVEL, NODE_INDEX, HASH).from(NODE)
                .where(NODE_LEVEL.ge(CACHED_LEVEL)).orderBy(NODE_LEVEL.desc(), NODE_INDEX).limit(CACHE_LIMIT).fetchLazy()) {
            rows.forEach(r -> upper.put(new Subtree(r.value1(), r.value2()), r.value3()));
        }
        if (upper.size() > 0) {
            log.info("Transparency log: {} upper-level subtree hashes loaded in {} ms", upper.size(), (System.nanoTime() - t0) / 1_000_000);
        }
    }


    public Optional<SignedTreeHead> head(long treeSize) {
        return db.select(HEAD_FIELDS).from(HEAD).where(TREE_SIZE.eq(treeSize)).fetchOptional(LogStore::headOf);
    }

    static LogEntry entryOf(Record r) {
        return new LogEntry(r.get(ENTRY_INDEX), EntryKind.valueOf(r.get(KIND)), r.get(SUBJECT), r.get(OPERATOR_ID),
                r.get(RECORD_BYTES), r.get(LEAF_HASH), r.get(APPENDED_AT));
    }

    static SignedTreeHead headOf(Record r) {
        return new SignedTreeHead(new TreeHead(r.get(TREE_SIZE), r.get(ROOT_HASH), r.get(SIGNED_AT)), r.get(KEY_ID),
                r.get(SIGNATURE));
    }


    static String hex(byte[] hash) {
        return MerkleHash.hex(hash);
    }
}
