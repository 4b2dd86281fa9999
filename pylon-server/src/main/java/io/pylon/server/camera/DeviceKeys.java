package io.pylon.server.camera;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * API keys of cameras and edge-AI boxes: 32 random bytes, URL-safe Base64, shown once when made; only their SHA-256
 * is kept. A key has 256 bits of entropy, so a fast hash is enough (a slow password hash would only slow ingestion).
 */
final class DeviceKeys {

    private static final SecureRandom RANDOM = new SecureRandom();

    private DeviceKeys() {}

    static String newKey() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String key) {
        return HexFormat.of().formatHex(sha256(key));
    }

    /** Compares in constant time. */
    static boolean matches(String key, String storedHash) {
        if (key == null || key.isEmpty() || storedHash == null) return false;
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
