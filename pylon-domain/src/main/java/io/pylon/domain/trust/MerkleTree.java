package io.pylon.domain.trust;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The RFC 9162 §2.1 algorithms over a log whose complete subtrees are known ({@link SubtreeHashes}): the tree
 * head MTH(D[n]), the inclusion path PATH(m, D[n]) and the consistency proof PROOF(m, D[n]). Each range the
 * recursion meets is either a complete aligned subtree (read by key) or split at the largest power of two
 * below its size, so a proof needs O(log n) subtree hashes. {@code subtreesFor…} name those hashes in advance,
 * so a store can fetch them in one round trip.
 */
public final class MerkleTree {

    private MerkleTree() {}

    /** MTH(D[size]); the empty tree's root for size 0. */
    public static byte[] root(long size, SubtreeHashes hashes) {
        if (size < 0) {
            throw new IllegalArgumentException("Negative tree size " + size);
        }
        return size == 0 ? MerkleHash.emptyRoot() : range(0, size, hashes);
    }

    /** PATH(index, D[size]). */
    public static InclusionProof inclusion(long index, long size, SubtreeHashes hashes) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("Leaf " + index + " is not in a tree of " + size);
        }
        List<byte[]> path = new ArrayList<>();
        path(index, 0, size, hashes, path);
        return new InclusionProof(index, size, path);
    }

    /** PROOF(first, D[second]) for 0 < first ≤ second (empty when first = second). */
    public static ConsistencyProof consistency(long first, long second, SubtreeHashes hashes) {
        if (first <= 0 || first > second) {
            throw new IllegalArgumentException("No consistency proof from " + first + " to " + second);
        }
        List<byte[]> proof = new ArrayList<>();
        subproof(first, 0, second, true, hashes, proof);
        return new ConsistencyProof(first, second, proof);
    }

    public static Set<Subtree> subtreesForRoot(long size) {
        Recorder recorder = new Recorder();
        root(size, recorder);
        return recorder.seen;
    }

    public static Set<Subtree> subtreesForInclusion(long index, long size) {
        Recorder recorder = new Recorder();
        inclusion(index, size, recorder);
        return recorder.seen;
    }

    public static Set<Subtree> subtreesForConsistency(long first, long second) {
        Recorder recorder = new Recorder();
        consistency(first, second, recorder);
        return recorder.seen;
    }

    /** MTH(D[start : start + n]), n ≥ 1; {@code start} is always a multiple of the subtree sizes met. */
    static byte[] range(long start, long n, SubtreeHashes hashes) {
        if (Long.bitCount(n) == 1) {
            int level = Long.numberOfTrailingZeros(n);
            return hashes.hash(new Subtree(level, start >>> level));
        }
        long k = splitPoint(n);
        return MerkleHash.node(range(start, k, hashes), range(start + k, n - k, hashes));
    }

    private static void path(long m, long start, long n, SubtreeHashes hashes, List<byte[]> out) {
        if (n == 1) {
            return;
        }
        long k = splitPoint(n);
        if (m < k) {
            path(m, start, k, hashes, out);
            out.add(range(start + k, n - k, hashes));
        } else {
            path(m - k, start + k, n - k, hashes, out);
            out.add(range(start, k, hashes));
        }
    }

    private static void subproof(long m, long start, long n, boolean whole, SubtreeHashes hashes, List<byte[]> out) {
        if (m == n) {
            if (!whole) {
                out.add(range(start, n, hashes));
            }
            return;
        }
        long k = splitPoint(n);
        if (m <= k) {
            subproof(m, start, k, whole, hashes, out);
            out.add(range(start + k, n - k, hashes));
        } else {
            subproof(m - k, start + k, n - k, false, hashes, out);
            out.add(range(start, k, hashes));
        }
    }

    /** The largest power of two smaller than n (n ≥ 2). */
    static long splitPoint(long n) {
        return Long.highestOneBit(n - 1);
    }

    private static final class Recorder implements SubtreeHashes {
        private static final byte[] ANY = new byte[MerkleHash.SIZE];
        final Set<Subtree> seen = new LinkedHashSet<>();

        @Override
        public byte[] hash(Subtree subtree) {
            seen.add(subtree);
            return ANY;
        }
    }
}
