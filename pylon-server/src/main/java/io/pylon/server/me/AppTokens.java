package io.pylon.server.me;

import io.pylon.domain.auth.IdToken;
import io.pylon.domain.auth.IdTokenFilter;
import io.pylon.domain.auth.IdTokenRepository;
import io.pylon.domain.auth.IdTokenStatus;
import io.pylon.domain.auth.TokenKind;
import io.pylon.domain.common.PageRequest;
import io.pylon.domain.driver.Driver;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * The id token the driver app starts sessions with: one per driver (kind APP, bound to them), made on first use.
 * Its id tag is {@code APP} + 17 random characters (20 in all, the OCPP 1.6 limit), so no one can guess another
 * driver's tag. Staff may block it like any token; the driver app then refuses to start.
 */
@Component
public class AppTokens {

    static final String PREFIX = "APP";
    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final int RANDOM_CHARS = IdToken.MAX_LENGTH - PREFIX.length();

    private final IdTokenRepository tokens;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public AppTokens(IdTokenRepository tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    /** The driver's app token, created when they have none (two racing first starts may make two; both work). */
    public String of(Driver driver) {
        var existing = tokens.list(Me.scope(driver), new IdTokenFilter(null, driver.id(), TokenKind.APP), new PageRequest(0, 1));
        if (!existing.items().isEmpty()) return existing.items().getFirst().idTag();
        Instant now = clock.instant();
        while (true) {
            String idTag = PREFIX + randomChars();
            if (tokens.insert(new IdToken(idTag, IdTokenStatus.ACCEPTED, null, null, "Driver app", now, now,
                    driver.operatorId(), driver.id(), TokenKind.APP, null, null, false))) {
                return idTag;
            }
        }
    }

    private String randomChars() {
        StringBuilder text = new StringBuilder(RANDOM_CHARS);
        for (int i = 0; i < RANDOM_CHARS; i++) text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        return text.toString();
    }
}
