package io.pylon.server.security;

import io.pylon.server.config.PylonProperties;
import io.pylon.server.config.SecretFiles;
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
        this.key = new SecretKeySpec(Base64.getDecoder().decode(
                SecretFiles.loadOrCreate(properties.dataDir().resolve("jwt.key"), "token key")), "HmacSHA256");
    }

    public SecretKey key() {
        return key;
    }
}
