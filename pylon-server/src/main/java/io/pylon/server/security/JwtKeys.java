package io.pylon.server.security;

import io.pylon.server.config.PylonProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * The HMAC-SHA256 key that signs API tokens: 256 random bits created on first start in
 * {@code <data dir>/jwt.key} (owner-readable only), so tokens survive restarts and no secret lives in source.
 */
@Component
public class JwtKeys {

    private final SecretKey key;

    public JwtKeys(PylonProperties properties) {
        this.key = new SecretKeySpec(loadOrCreate(properties.dataDir().resolve("jwt.key")), "HmacSHA256");
    }

    public SecretKey key() {
        return key;
    }

    private static byte[] loadOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                return Base64.getDecoder().decode(Files.readString(file).trim());
            }
            Files.createDirectories(file.toAbsolutePath().getParent());
            byte[] secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            Files.writeString(file, Base64.getEncoder().encodeToString(secret));
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system
            }
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the token key " + file, e);
        }
    }
}
