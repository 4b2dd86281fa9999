package io.pylon.domain.trust;

/** Port: the hash of a complete subtree (for level 0, the leaf hash) of a log that holds all its leaves. */
@FunctionalInterface
public interface SubtreeHashes {

    byte[] hash(Subtree subtree);
}
