package io.pylon.domain.trust;

import static io.pylon.domain.trust.MerkleHash.unhex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The well-known Certificate Transparency test vectors for the 8-leaf tree (RFC 6962 hashing, unchanged in
 * RFC 9162 §2.1), as published in transparency-dev/merkle {@code testonly/constants.go} (leaf inputs, roots, node
 * hashes) and {@code proof/verify_test.go} (inclusion and consistency proofs), Apache-2.0. The proofs there
 * number leaves from 1; here indexes start at 0.
 */
class MerkleTreeTest {

    static final List<byte[]> LEAVES = List.of(unhex(""), unhex("00"), unhex("10"), unhex("2021"), unhex("3031"),
            unhex("40414243"), unhex("5051525354555657"), unhex("606162636465666768696a6b6c6d6e6f"));

    static final String[] ROOTS = {
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"};

    @Test
    void rootsOfEverySizeMatchTheVectors() {
        Tree tree = Tree.of(LEAVES);
        for (int n = 0; n <= 8; n++) {
            assertThat(MerkleHash.hex(MerkleTree.root(n, tree))).as("size %d", n).isEqualTo(ROOTS[n]);
        }
    }

    @Test
    void leafAndNodeHashesMatchTheVectors() {
        assertThat(MerkleHash.hex(MerkleHash.leaf(LEAVES.get(1))))
                .isEqualTo("96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7");
        Tree tree = Tree.of(LEAVES);
        assertThat(MerkleHash.hex(tree.hash(new Subtree(1, 2))))
                .isEqualTo("0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a");
        assertThat(MerkleHash.hex(tree.hash(new Subtree(2, 1))))
                .isEqualTo("6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
    }

    @Test
    void inclusionProofsMatchTheVectors() {
        Tree tree = Tree.of(LEAVES);
        assertProof(MerkleTree.inclusion(0, 8, tree).path(), "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
        assertProof(MerkleTree.inclusion(5, 8, tree).path(), "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
        assertProof(MerkleTree.inclusion(2, 3, tree).path(), "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125");
        assertProof(MerkleTree.inclusion(1, 5, tree).path(), "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b");
        assertThat(MerkleTree.inclusion(0, 1, tree).path()).isEmpty();
    }

    @Test
    void consistencyProofsMatchTheVectors() {
        Tree tree = Tree.of(LEAVES);
        assertThat(MerkleTree.consistency(1, 1, tree).path()).isEmpty();
        assertProof(MerkleTree.consistency(1, 8, tree).path(), "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
        assertProof(MerkleTree.consistency(6, 8, tree).path(), "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
        assertProof(MerkleTree.consistency(2, 5, tree).path(), "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b");
        assertProof(MerkleTree.consistency(6, 7, tree).path(), "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
    }

    @Test
    void everyProofOfEveryTreeUpTo70LeavesVerifiesAndATamperedOneDoesNot() {
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < 70; i++) {
            leaves.add(new byte[] {(byte) i, (byte) (i * 7), 42});
        }
        Tree tree = Tree.of(leaves);
        for (int n = 1; n <= leaves.size(); n++) {
            byte[] root = reference(tree.leafHashes.subList(0, n));
            assertThat(MerkleTree.root(n, tree)).isEqualTo(root);
            for (int m = 0; m < n; m++) {
                InclusionProof proof = MerkleTree.inclusion(m, n, tree);
                byte[] leaf = tree.leafHashes.get(m);
                assertThat(ProofVerifier.verifyInclusion(leaf, proof, root)).as("leaf %d of %d", m, n).isTrue();
                assertThat(MerkleTree.subtreesForInclusion(m, n)).hasSizeLessThanOrEqualTo(2 * 7 + 1);
                assertThat(ProofVerifier.verifyInclusion(tree.leafHashes.get((m + 1) % n), proof, root)).isEqualTo(n == 1);
                if (!proof.path().isEmpty()) {
                    List<byte[]> bad = new ArrayList<>(proof.path());
                    byte[] flipped = bad.getLast().clone();
                    flipped[0] ^= 8;
                    bad.set(bad.size() - 1, flipped);
                    assertThat(ProofVerifier.verifyInclusion(leaf, new InclusionProof(m, n, bad), root)).isFalse();
                }
            }
            for (int m = 1; m <= n; m++) {
                ConsistencyProof proof = MerkleTree.consistency(m, n, tree);
                byte[] old = reference(tree.leafHashes.subList(0, m));
                assertThat(ProofVerifier.verifyConsistency(proof, old, root)).as("%d → %d", m, n).isTrue();
                if (m < n) {
                    assertThat(ProofVerifier.verifyConsistency(proof, root, old)).isFalse();
                    assertThat(ProofVerifier.verifyConsistency(new ConsistencyProof(m, n, List.of()), old, root)).isFalse();
                }
            }
        }
    }

    @Test
    void compactRangeGrowsToTheSameRootsAndReportsEveryCompletedSubtree() {
        Tree tree = Tree.of(LEAVES);
        CompactRange range = CompactRange.empty();
        Map<Subtree, byte[]> stored = new HashMap<>();
        assertThat(MerkleHash.hex(range.root())).isEqualTo(ROOTS[0]);
        for (int i = 0; i < LEAVES.size(); i++) {
            range.append(tree.leafHashes.get(i)).forEach(c -> stored.put(c.subtree(), c.hash()));
            assertThat(MerkleHash.hex(range.root())).isEqualTo(ROOTS[i + 1]);
            CompactRange reloaded = CompactRange.of(i + 1, stored::get);
            assertThat(reloaded.root()).isEqualTo(range.root());
        }
        assertThat(stored).hasSize(15); // 8 leaves + 4 + 2 + 1
        stored.forEach((s, h) -> assertThat(h).isEqualTo(tree.hash(s)));
    }

    @Test
    void impossibleRequestsAreRefused() {
        Tree tree = Tree.of(LEAVES);
        assertThatThrownBy(() -> MerkleTree.inclusion(8, 8, tree)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MerkleTree.consistency(0, 8, tree)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MerkleTree.consistency(5, 4, tree)).isInstanceOf(IllegalArgumentException.class);
        assertThat(ProofVerifier.verifyInclusion(new byte[3], new InclusionProof(0, 1, List.of()), new byte[3])).isFalse();
        assertThat(ProofVerifier.verifyInclusion(tree.leafHashes.get(0), new InclusionProof(-1, 1, List.of()),
                tree.leafHashes.get(0))).isFalse();
    }

    private static void assertProof(List<byte[]> path, String... hex) {
        assertThat(path.stream().map(MerkleHash::hex).toList()).containsExactly(hex);
    }

    /** MTH computed straight from RFC 9162 §2.1.1's definition, independent of {@link MerkleTree}. */
    static byte[] reference(List<byte[]> leafHashes) {
        if (leafHashes.isEmpty()) {
            return MerkleHash.emptyRoot();
        }
        if (leafHashes.size() == 1) {
            return leafHashes.getFirst();
        }
        int k = Integer.highestOneBit(leafHashes.size() - 1);
        return MerkleHash.node(reference(leafHashes.subList(0, k)), reference(leafHashes.subList(k, leafHashes.size())));
    }

    /** An in-memory log: complete subtree hashes computed from the leaves by the reference definition. */
    record Tree(List<byte[]> leafHashes) implements SubtreeHashes {
        static Tree of(List<byte[]> entries) {
            return new Tree(entries.stream().map(MerkleHash::leaf).toList());
        }

        @Override
        public byte[] hash(Subtree s) {
            int from = Math.toIntExact(s.first());
            return reference(leafHashes.subList(from, Math.toIntExact(from + s.size())));
        }
    }

}
