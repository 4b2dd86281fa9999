package io.pylon.server.trust;

import static io.pylon.server.trust.TrustTables.*;
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
import java.util.concurrent.ConcurrentHashMap;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Row2;
import org.springframework.stereotype.Component;

/**
 * Reads the stored log: entries, signed tree heads and subtree hashes. Subtree hashes never change once written,
 * so those of the upper levels (at least {@link #CACHED_LEVEL}) are kept in memory: a proof then reads only the
 * few lower-level hashes, in at most two queries by primary key.
 */
@Component
public class LogStore {

    static final int CACHED_LEVEL = 8;
    /** Upper-level hashes kept; 10 million entries have ~78,000 of them. */
    static final int CACHE_LIMIT = 500_000;

    private final DSLContext db;
    private final Map<Subtree, byte[]> upper = new ConcurrentHashMap<>();

    public LogStore(DSLContext db) {
        this.db = db;
    }

    /** The hashes of these complete subtrees; IllegalStateException when one is missing (the log is damaged). */
    public Map<Subtree, byte[]> subtrees(Collection<Subtree> wanted) {
        Map<Subtree, byte[]> found = new HashMap<>();
        List<Long> leaves = new ArrayList<>();
        List<Row2<Integer, Long>> nodes = new ArrayList<>();
        for (Subtree s : wanted) {
            byte[] cached = s.level() >= CACHED_LEVEL ? upper.get(s) : null;
            if (cached != null) {
                found.put(s, cached);
            } else if (s.level() == 0) {
                leaves.add(s.index());
            } else {
                nodes.add(row(s.level(), s.index()));
            }
        }
        if (!leaves.isEmpty()) {
            db.select(ENTRY_INDEX, LEAF_HASH).from(ENTRY).where(ENTRY_INDEX.in(leaves))
                    .forEach(r -> found.put(new Subtree(0, r.value1()), r.value2()));
        }
        if (!nodes.isEmpty()) {
            db.select(NODE_LEVEL, NODE_INDEX, HASH).from(NODE).where(row(NODE_LEVEL, NODE_INDEX).in(nodes))
                    .forEach(r -> remember(found, new Subtree(r.value1(), r.value2()), r.value3()));
        }
        for (Subtree s : wanted) {
            if (!found.containsKey(s)) {
                throw new IllegalStateException("The log has no hash for subtree " + s);
            }
        }
        return found;
    }

    private void remember(Map<Subtree, byte[]> found, Subtree s, byte[] hash) {
        found.put(s, hash);
        if (s.level() >= CACHED_LEVEL) {
            if (upper.size() > CACHE_LIMIT) {
                upper.clear();
            }
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
        return db.select(HEAD_FIELDS).from(HEAD).orderBy(TREE_SIZE.desc()).limit(1).fetchOptional(LogStore::headOf);
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

    /** Forgets cached hashes (tests that damage the stored log on purpose). */
    void forgetCache() {
        upper.clear();
    }

    static String hex(byte[] hash) {
        return MerkleHash.hex(hash);
    }
}
