package io.pylon.domain.trust;

import java.util.List;

/** RFC 9162 §2.1.3: the audit path from leaf {@code leafIndex} to the root of the tree of {@code treeSize} leaves. */
public record InclusionProof(long leafIndex, long treeSize, List<byte[]> path) {

    public InclusionProof {
        path = List.copyOf(path);
    }
}
