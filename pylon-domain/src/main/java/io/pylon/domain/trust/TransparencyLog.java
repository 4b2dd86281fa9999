package io.pylon.domain.trust;

import java.util.List;
import java.util.Optional;

/**
 * Port: the append-only, tamper-evident log (RFC 9162 Merkle tree) of finished sessions, tariff changes and
 * meter seal events. Entries are never changed or removed; each is identified by its index and, within its
 * kind, by its subject.
 */
public interface TransparencyLog {

    /**
     * Appends an entry and returns its index once it is durable and covered by a signed tree head. An entry
     * whose kind and subject are already logged is not appended again: its existing index is returned.
     */
    long append(NewEntry entry);

    Optional<LogEntry> entry(long index);

    /** Entries {@code [from, from + count)} in index order (fewer at the end of the log). */
    List<LogEntry> entries(long from, int count);

    Optional<LogEntry> find(EntryKind kind, String subject);

    /** The newest signed tree head; the empty tree's before the first append. */
    SignedTreeHead latest();

    /** The signed tree head of exactly this size, if one was signed. */
    Optional<SignedTreeHead> head(long treeSize);

    /** PATH(index, D[treeSize]); treeSize must not exceed the latest signed size. */
    InclusionProof inclusion(long index, long treeSize);

    /** PROOF(first, D[second]); second must not exceed the latest signed size. */
    ConsistencyProof consistency(long first, long second);
}
