package io.pylon.domain.trust;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The log's state at one size: {@code rootHash} = MTH of the first {@code treeSize} entries.
 * The signature covers {@link #signedBytes()}: the UTF-8 text
 * {@code "pylon-tree-head-v1\n" + treeSize + "\n" + hex(rootHash) + "\n" + timestamp epoch milliseconds + "\n"}.
 */
public record TreeHead(long treeSize, byte[] rootHash, Instant timestamp) {

    public static final String FORMAT = "pylon-tree-head-v1";

    public TreeHead {
        if (treeSize < 0 || rootHash == null || rootHash.length != MerkleHash.SIZE || timestamp == null) {
            throw new IllegalArgumentException("A tree head needs a size ≥ 0, a 32-byte root and a time");
        }
        rootHash = rootHash.clone();
    }

    @Override
    public byte[] rootHash() {
        return rootHash.clone();
    }

    public byte[] signedBytes() {
        return (FORMAT + "\n" + treeSize + "\n" + MerkleHash.hex(rootHash) + "\n" + timestamp.toEpochMilli() + "\n")
                .getBytes(StandardCharsets.UTF_8);
    }
}
