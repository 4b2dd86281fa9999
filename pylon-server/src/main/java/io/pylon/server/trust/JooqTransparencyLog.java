package io.pylon.server.trust;

import io.pylon.domain.trust.ConsistencyProof;
import io.pylon.domain.trust.EntryKind;
import io.pylon.domain.trust.InclusionProof;
import io.pylon.domain.trust.LogEntry;
import io.pylon.domain.trust.MerkleTree;
import io.pylon.domain.trust.NewEntry;
import io.pylon.domain.trust.SignedTreeHead;
import io.pylon.domain.trust.Subtree;
import io.pylon.domain.trust.TransparencyLog;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The transparency log on the database: appends through {@link LogAppender}, reads and proofs through {@link LogStore}. */
@Component
public class JooqTransparencyLog implements TransparencyLog {

    private final LogAppender appender;
    private final LogStore store;

    public JooqTransparencyLog(LogAppender appender, LogStore store) {
        this.appender = appender;
        this.store = store;
    }

    @Override
    public long append(NewEntry entry) {
        return appender.append(List.of(entry))[0];
    }

    /** Appends several entries in one go (imports, benchmarks); indexes in the same order. */
    public long[] appendAll(List<NewEntry> entries) {
        return appender.append(entries);
    }

    @Override
    public Optional<LogEntry> entry(long index) {
        return store.entry(index);
    }

    @Override
    public List<LogEntry> entries(long from, int count) {
        return store.entries(from, count);
    }

    @Override
    public Optional<LogEntry> find(EntryKind kind, String subject) {
        return store.find(kind, subject);
    }

    @Override
    public SignedTreeHead latest() {
        return store.latestHead().orElseThrow(() -> new IllegalStateException("The log has no signed tree head yet"));
    }

    @Override
    public Optional<SignedTreeHead> head(long treeSize) {
        return store.head(treeSize);
    }

    @Override
    public InclusionProof inclusion(long index, long treeSize) {
        checkSigned(treeSize);
        if (index < 0 || index >= treeSize) {
            throw new IllegalArgumentException("index: entry " + index + " is not in a tree of " + treeSize);
        }
        Map<Subtree, byte[]> hashes = store.subtrees(MerkleTree.subtreesForInclusion(index, treeSize));
        return MerkleTree.inclusion(index, treeSize, hashes::get);
    }

    @Override
    public ConsistencyProof consistency(long first, long second) {
        checkSigned(second);
        if (first <= 0 || first > second) {
            throw new IllegalArgumentException("first: must be between 1 and second (" + second + ")");
        }
        Map<Subtree, byte[]> hashes = store.subtrees(MerkleTree.subtreesForConsistency(first, second));
        return MerkleTree.consistency(first, second, hashes::get);
    }

    private void checkSigned(long treeSize) {
        if (!store.isSigned(treeSize)) {
            long latest = latest().head().treeSize();
            throw new NoSuchElementException("No signed tree head covers size " + treeSize + " yet (latest " + latest + ")");
        }
    }
}
