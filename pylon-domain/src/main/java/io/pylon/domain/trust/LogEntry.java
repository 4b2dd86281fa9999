package io.pylon.domain.trust;

import java.time.Instant;

/**
 * One entry of the transparency log. {@code record} is the canonical JSON ({@link CanonicalJson}) exactly as
 * hashed: the leaf hash is {@code SHA-256(0x00 ‖ record)}.
 *
 * @param subject what it is about, unique per kind (e.g. {@code order:42}, {@code tariff:7:v3})
 * @param operatorId whose data it is (null = platform-wide)
 */
public record LogEntry(long index, EntryKind kind, String subject, Long operatorId, byte[] record, byte[] leafHash,
                       Instant appendedAt) {

    /** Whether the stored leaf hash is the hash of the stored record. */
    public boolean intact() {
        return java.security.MessageDigest.isEqual(MerkleHash.leaf(record), leafHash);
    }

    public String recordText() {
        return new String(record, java.nio.charset.StandardCharsets.UTF_8);
    }
}
