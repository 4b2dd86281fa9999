package io.pylon.domain.trust;

import java.security.MessageDigest;
import java.util.List;

/**
 * Checks proofs with the RFC 9162 verification algorithms (§2.1.3.2 inclusion, §2.1.4.2 consistency), using
 * nothing but the proof, the sizes and the hashes: what a driver's or regulator's verifier runs.
 */
public final class ProofVerifier {

    private ProofVerifier() {}

    /** Whether {@code leafHash} is leaf {@code proof.leafIndex()} of the tree of {@code proof.treeSize()} with this root. */
    public static boolean verifyInclusion(byte[] leafHash, InclusionProof proof, byte[] root) {
        byte[] computed = rootFromInclusion(leafHash, proof);
        return computed != null && root != null && MessageDigest.isEqual(computed, root);
    }

    /** The root the proof leads to, or null when the proof cannot belong to that index and size. */
    public static byte[] rootFromInclusion(byte[] leafHash, InclusionProof proof) {
        long fn = proof.leafIndex();
        long sn = proof.treeSize() - 1;
        if (fn < 0 || fn > sn || !wellFormed(leafHash) || !wellFormed(proof.path())) {
            return null;
        }
        byte[] r = leafHash;
        for (byte[] p : proof.path()) {
            if (sn == 0) {
                return null;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = MerkleHash.node(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>>= 1;
                    sn >>>= 1;
                }
            } else {
                r = MerkleHash.node(r, p);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        return sn == 0 ? r : null;
    }

    /** Whether the tree with {@code firstRoot} is a prefix of the tree with {@code secondRoot}. */
    public static boolean verifyConsistency(ConsistencyProof proof, byte[] firstRoot, byte[] secondRoot) {
        long first = proof.firstSize();
        long second = proof.secondSize();
        List<byte[]> path = proof.path();
        if (first < 0 || second < first || !wellFormed(firstRoot) || !wellFormed(secondRoot) || !wellFormed(path)) {
            return false;
        }
        if (first == second) {
            return path.isEmpty() && MessageDigest.isEqual(firstRoot, secondRoot);
        }
        if (first == 0) {
            return path.isEmpty(); // the empty tree is a prefix of every tree
        }
        if (path.isEmpty()) {
            return false;
        }
        java.util.ArrayList<byte[]> nodes = new java.util.ArrayList<>(path);
        if (Long.bitCount(first) == 1) {
            nodes.addFirst(firstRoot);
        }
        long fn = first - 1;
        long sn = second - 1;
        while ((fn & 1) == 1) {
            fn >>>= 1;
            sn >>>= 1;
        }
        byte[] fr = nodes.getFirst();
        byte[] sr = nodes.getFirst();
        for (byte[] c : nodes.subList(1, nodes.size())) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = MerkleHash.node(c, fr);
                sr = MerkleHash.node(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>>= 1;
                    sn >>>= 1;
                }
            } else {
                sr = MerkleHash.node(sr, c);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(fr, firstRoot) && MessageDigest.isEqual(sr, secondRoot);
    }

    private static boolean wellFormed(byte[] hash) {
        return hash != null && hash.length == MerkleHash.SIZE;
    }

    private static boolean wellFormed(List<byte[]> path) {
        return path.stream().allMatch(ProofVerifier::wellFormed);
    }
}
