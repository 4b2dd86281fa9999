package io.pylon.server.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * API keys of devices (cameras, edge-AI boxes, thermal cameras): 32 random bytes, URL-safe Base64, shown once when
 * made; only their SHA-256 is kept. A key has 256 bits of entropy, so a fast hash is enough (a slow password hash would
 * only slow ingestion). Compared in constant time.
 */
public final class DeviceKeys {

    private static final SecureRandom RANDOM = new SecureRandom();

    private DeviceKeys() {}

    public static String newKey() {
        return newKey("");
    }

    /** A key that starts with {@code prefix} (e.g. "thk_"), so people can tell keys of different devices apart. */
    public static String newKey(String prefix) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String hash(String key) {
        return HexFormat.of().formatHex(sha256(key));
    }

    /** Compares in constant time. */
    public static boolean matches(String key, String storedHash) {
        if (key == null || key.isEmpty() || key.length() > 200 || storedHash == null) return false;
        return MessageDigest.isEqual(sha256(key), HexFormat.of().parseHex(storedHash));
    }

    private static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
