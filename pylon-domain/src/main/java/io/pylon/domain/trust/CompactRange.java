package io.pylon.domain.trust;

import java.util.ArrayList;
import java.util.List;

/**
 * The right edge of a growing log: the hashes of the complete subtrees that make up the first {@code size}
 * leaves, one per set bit of {@code size}, largest first. Appending a leaf merges equal-sized neighbours and
 * reports each subtree it completes, so a store can keep every complete subtree hash as it is made and never
 * recompute one. Not thread-safe: one writer owns it.
 */
public final class CompactRange {

    /** A subtree completed by an append, with its hash. */
    public record Completed(Subtree subtree, byte[] hash) {}

    private long size;
    private final List<byte[]> hashes = new ArrayList<>(); // largest subtree first

    private CompactRange(long size, List<byte[]> hashes) {
        this.size = size;
        this.hashes.addAll(hashes);
    }

    public static CompactRange empty() {
        return new CompactRange(0, List.of());
    }

    /** The range of a log of {@code size} leaves, read from its stored subtrees. */
    public static CompactRange of(long size, SubtreeHashes stored) {
        List<byte[]> hashes = new ArrayList<>();
        for (Subtree s : edge(size)) {
            hashes.add(stored.hash(s));
        }
        return new CompactRange(size, hashes);
    }

    /** The complete subtrees that make up the first {@code size} leaves, largest first. */
    public static List<Subtree> edge(long size) {
        List<Subtree> edge = new ArrayList<>();
        long start = 0;
        for (int level = 62; level >= 0; level--) {
            if ((size & (1L << level)) != 0) {
                edge.add(new Subtree(level, start >>> level));
                start += 1L << level;
            }
        }
        return edge;
    }

    /** An independent copy: appends to it leave this range unchanged. */
    public CompactRange copy() {
        return new CompactRange(size, hashes);
    }

    public long size() {
        return size;
    }

    /** Appends one leaf; answers the subtrees it completed, the leaf itself first. */
    public List<Completed> append(byte[] leafHash) {
        List<Completed> completed = new ArrayList<>();
        long index = size;
        completed.add(new Completed(new Subtree(0, index), leafHash));
        byte[] hash = leafHash;
        int level = 0;
        while ((index & 1) == 1) {
            hash = MerkleHash.node(hashes.removeLast(), hash);
            level++;
            index >>>= 1;
            completed.add(new Completed(new Subtree(level, index), hash));
        }
        hashes.add(hash);
        size++;
        return completed;
    }

    /** MTH of the first {@code size} leaves. */
    public byte[] root() {
        if (hashes.isEmpty()) {
            return MerkleHash.emptyRoot();
        }
        byte[] root = hashes.getLast();
        for (int i = hashes.size() - 2; i >= 0; i--) {
            root = MerkleHash.node(hashes.get(i), root);
        }
        return root;
    }
}
