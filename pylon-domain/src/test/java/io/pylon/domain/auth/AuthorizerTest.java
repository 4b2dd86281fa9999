package io.pylon.domain.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon.domain.support.InMemoryTokens;
import io.pylon.domain.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AuthorizerTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-06-01T10:00:00Z"));
    private final InMemoryTokens tokens = new InMemoryTokens();
    private final Authorizer authorizer = new Authorizer(tokens, charger -> "CP-B".equals(charger) ? 2L : 1L, clock);

    @Test
    void anUnknownTokenIsInvalid() {
        assertThat(authorizer.authorize("CP-A", "NOBODY").status()).isEqualTo(AuthorizationStatus.INVALID);
    }

    @Test
    void theOperatorsStatusIsTheAnswer() {
        tokens.with("OK", IdTokenStatus.ACCEPTED, null, null).with("LOST", IdTokenStatus.BLOCKED, null, null)
                .with("OLD", IdTokenStatus.EXPIRED, null, null).with("BAD", IdTokenStatus.INVALID, null, null);
        assertThat(authorizer.authorize("CP-A", "OK").status()).isEqualTo(AuthorizationStatus.ACCEPTED);
        assertThat(authorizer.authorize("CP-A", "LOST").status()).isEqualTo(AuthorizationStatus.BLOCKED);
        assertThat(authorizer.authorize("CP-A", "OLD").status()).isEqualTo(AuthorizationStatus.EXPIRED);
        assertThat(authorizer.authorize("CP-A", "BAD").status()).isEqualTo(AuthorizationStatus.INVALID);
    }

    @Test
    void anAcceptedTokenExpiresAtItsExpiryAndSaysWhen() {
        Instant expiry = clock.instant().plus(Duration.ofHours(1));
        tokens.with("CARD", IdTokenStatus.ACCEPTED, expiry, null);
        Authorization before = authorizer.authorize("CP-A", "CARD");
        assertThat(before.status()).isEqualTo(AuthorizationStatus.ACCEPTED);
        assertThat(before.expiry()).isEqualTo(expiry);
        clock.advance(Duration.ofHours(1));
        assertThat(authorizer.authorize("CP-A", "CARD").status()).isEqualTo(AuthorizationStatus.EXPIRED);
    }

    @Test
    void aBlockedOrExpiredParentBlocksItsChildren() {
        tokens.with("FLEET", IdTokenStatus.BLOCKED, null, null).with("DRIVER1", IdTokenStatus.ACCEPTED, null, "FLEET")
                .with("GROUP", IdTokenStatus.ACCEPTED, clock.instant().minusSeconds(1), null)
                .with("DRIVER2", IdTokenStatus.ACCEPTED, null, "GROUP")
                .with("TEAM", IdTokenStatus.ACCEPTED, null, null).with("DRIVER3", IdTokenStatus.ACCEPTED, null, "TEAM");
        assertThat(authorizer.authorize("CP-A", "DRIVER1").status()).isEqualTo(AuthorizationStatus.BLOCKED);
        assertThat(authorizer.authorize("CP-A", "DRIVER2").status()).isEqualTo(AuthorizationStatus.BLOCKED);
        Authorization ok = authorizer.authorize("CP-A", "DRIVER3");
        assertThat(ok.status()).isEqualTo(AuthorizationStatus.ACCEPTED);
        assertThat(ok.parentIdTag()).isEqualTo("TEAM");
    }

    @Test
    void anotherOperatorsCardIsInvalid() {
        tokens.insert(new IdToken("OWN", IdTokenStatus.ACCEPTED, null, null, null, Instant.EPOCH, Instant.EPOCH, 1L));
        assertThat(authorizer.authorize("CP-A", "OWN").status()).isEqualTo(AuthorizationStatus.ACCEPTED);
        assertThat(authorizer.authorize("CP-B", "OWN").status()).isEqualTo(AuthorizationStatus.INVALID);
    }

    @Test
    void aBlockedDriversCardsAreBlocked() {
        tokens.insert(new IdToken("DRV", IdTokenStatus.ACCEPTED, null, null, null, Instant.EPOCH, Instant.EPOCH, 1L, 7L,
                TokenKind.RFID, "0001", null, true));
        assertThat(authorizer.authorize("CP-A", "DRV").status()).isEqualTo(AuthorizationStatus.BLOCKED);
    }
}
