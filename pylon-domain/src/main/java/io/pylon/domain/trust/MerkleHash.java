package io.pylon.domain.trust;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * RFC 9162 §2.1.1 hashing with SHA-256: a leaf is {@code SHA-256(0x00 ‖ entry)}, an interior node
 * {@code SHA-256(0x01 ‖ left ‖ right)}, the empty tree {@code SHA-256("")}. Hashes are 32 bytes.
 */
public final class MerkleHash {

    public static final int SIZE = 32;
    private static final byte LEAF_PREFIX = 0x00;
    private static final byte NODE_PREFIX = 0x01;
    private static final HexFormat HEX = HexFormat.of();

    private MerkleHash() {}

    public static byte[] leaf(byte[] entry) {
        MessageDigest sha = sha256();
        sha.update(LEAF_PREFIX);
        sha.update(entry);
        return sha.digest();
    }

    public static byte[] node(byte[] left, byte[] right) {
        MessageDigest sha = sha256();
        sha.update(NODE_PREFIX);
        sha.update(left);
        sha.update(right);
        return sha.digest();
    }

    /** The root of the tree with no leaves. */
    public static byte[] emptyRoot() {
        return sha256().digest();
    }

    public static String hex(byte[] hash) {
        return HEX.formatHex(hash);
    }

    /** Lower- or upper-case hex as bytes; IllegalArgumentException when it is not hex. */
    public static byte[] unhex(String hex) {
        return HEX.parseHex(hex.toLowerCase(java.util.Locale.ROOT));
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }
}
