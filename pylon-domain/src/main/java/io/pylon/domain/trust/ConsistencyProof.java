package io.pylon.domain.trust;

import java.util.List;

/** RFC 9162 §2.1.4: proof that the tree of {@code firstSize} leaves is a prefix of the tree of {@code secondSize}. */
public record ConsistencyProof(long firstSize, long secondSize, List<byte[]> path) {

    public ConsistencyProof {
        path = List.copyOf(path);
    }
}
