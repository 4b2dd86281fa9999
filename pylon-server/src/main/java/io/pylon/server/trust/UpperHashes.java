package io.pylon.server.trust;

import io.pylon.domain.trust.Subtree;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Hashes of complete subtrees kept in memory, by level and index, in chunks of {@value #CHUNK} references: about 52
 * bytes a hash (a map of subtree keys to arrays costs twice that). Hashes of complete subtrees never change, so a
 * cached one is never stale. Holds at most {@code limit} hashes; past it, new ones are not kept (callers then read
 * them from the database, as on a miss).
 */
final class UpperHashes {
    private static final int CHUNK_BITS = 10;
    private static final int CHUNK = 1 << CHUNK_BITS;

    private final int limit;
    private final AtomicInteger count = new AtomicInteger();
    private final ConcurrentHashMap<Long, AtomicReferenceArray<byte[]>> chunks = new ConcurrentHashMap<>();

    UpperHashes(int limit) {
        this.limit = limit;
    }

    private static long chunkKey(Subtree s) {
        return (long) s.level() << 56 | s.index() >>> CHUNK_BITS;
    }

    byte[] get(Subtree s) {
        AtomicReferenceArray<byte[]> chunk = chunks.get(chunkKey(s));
        return chunk == null ? null : chunk.get((int) (s.index() & (CHUNK - 1)));
    }

    void put(Subtree s, byte[] hash) {
        if (count.get() >= limit) {
            return;
        }
        AtomicReferenceArray<byte[]> chunk = chunks.computeIfAbsent(chunkKey(s), k -> new AtomicReferenceArray<>(CHUNK));
        if (chunk.getAndSet((int) (s.index() & (CHUNK - 1)), hash) == null) {
            count.incrementAndGet();
        }
    }

    int size() {
        return count.get();
    }
}
