package io.pylon.domain.trust;

/**
 * A complete, aligned subtree of the log: the {@code 2^level} leaves starting at {@code index × 2^level}.
 * Level 0 is a single leaf. Its hash never changes once the log holds all its leaves, so it can be stored
 * once and read by key.
 */
public record Subtree(int level, long index) {

    public Subtree {
        if (level < 0 || level > 62 || index < 0) {
            throw new IllegalArgumentException("No subtree at level " + level + ", index " + index);
        }
    }

    /** Index of its first leaf. */
    public long first() {
        return index << level;
    }

    /** How many leaves it covers. */
    public long size() {
        return 1L << level;
    }
}
