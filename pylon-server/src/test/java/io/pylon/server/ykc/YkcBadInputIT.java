package io.pylon.server.ykc;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon.server.support.PylonIT;
import io.pylon.server.support.RawYkcPile;
import io.pylon.server.support.Tenants;
import io.pylon.server.support.Tenants.Tenant;
import io.pylon.server.support.YkcFrames;
import io.pylon.ykc.message.Heartbeat;
import io.pylon.ykc.message.Login;
import io.pylon.ykc.message.TransactionRecord;
import java.time.Duration;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/** What a pile must not be able to do: log in unknown or rejected, talk before login, send garbage, bill an unknown transaction. */
class YkcBadInputIT extends PylonIT {

    @Test
    void aRejectedPileIsToldSoAndDisconnected() {
        Tenant op = Tenants.create(api, httpPort, "CNY");
        String pile = YkcFrames.newPile();
        var created = op.admin().post("/api/v1/chargers", "{\"id\":\"" + pile + "\",\"registration\":\"REJECTED\"}");
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        try (RawYkcPile p = RawYkcPile.connect(ykcPort())) {
            p.send(new Login.Request(pile, 0, 1, Login.V15, "X", 1, "0".repeat(20), 4));
            assertThat(((Login.Reply) p.expect(Login.REPLY).message()).accepted()).isFalse();
            assertThat(p.closedWithin(Duration.ofSeconds(5))).isTrue();
        }
    }

    @Test
    void aPileCodeThatIsNotFourteenDigitsIsRefused() {
        try (RawYkcPile p = RawYkcPile.connect(ykcPort())) {
            p.send(new Login.Request("1234567890ABCD", 0, 1, Login.V16, "X", 1, "0".repeat(20), 4));
            assertThat(((Login.Reply) p.expect(Login.REPLY).message()).accepted()).isFalse();
            assertThat(p.closedWithin(Duration.ofSeconds(5))).isTrue();
        }
    }

    @Test
    void framesBeforeLoginAreSkippedThenTheConnectionIsClosed() {
        String pile = YkcFrames.newPile();
        try (RawYkcPile p = RawYkcPile.connect(ykcPort())) {
            for (int i = 0; i < 3; i++) p.send(new Heartbeat.Ping(pile, 1, false));
            assertThat(p.closedWithin(Duration.ofSeconds(5))).isTrue();
            assertThat(p.unread()).isEmpty();
        }
    }

    @Test
    void aFrameWithAWrongCrcIsDroppedAndTheConnectionLivesOn() {
        String pile = YkcFrames.newPile(); // unknown: accepted by the test policy (PYLON_UNKNOWN_CHARGERS=accept)
        byte[] bad = RawYkcPile.bytes(io.pylon.ykc.message.YkcMessages.frame(7, new Heartbeat.Ping(pile, 1, false)));
        bad[bad.length - 1] ^= 0x5A;
        try (RawYkcPile p = RawYkcPile.loggedIn(ykcPort(), pile, 1)) {
            p.raw(bad);
            // A stray start byte whose header claims a 240-byte frame: the heartbeat behind it must not wait for it.
            p.raw(new byte[] {0x00, 0x13, 0x37, 0x68, (byte) 0xF0, 0x00, 0x01, 0x00, 0x03});
            int seq = p.send(new Heartbeat.Ping(pile, 1, false));
            RawYkcPile.Received pong = p.expect(Heartbeat.PONG);
            assertThat(pong.sequence()).isEqualTo(seq);
            assertThat(p.unread().stream().filter(r -> r.message().type() == Heartbeat.PONG)).isEmpty();
        }
    }

    @Test
    void aPileThatSendsOnlyGarbageIsDisconnected() {
        try (RawYkcPile p = RawYkcPile.connect(ykcPort())) {
            byte[] junk = new byte[2048];
            java.util.Arrays.fill(junk, (byte) 0x20);
            p.raw(junk);
            assertThat(p.closedWithin(Duration.ofSeconds(5))).isTrue();
        }
    }

    @Test
    void aRecordForATransactionThePlatformNeverIssuedIsRefusedAndStoresNothing() {
        Tenant op = Tenants.create(api, httpPort, "CNY");
        long station = op.station("YKC bad input");
        String pile = op.charger(YkcFrames.newPile(), station);
        try (RawYkcPile p = RawYkcPile.loggedIn(ykcPort(), pile, 1)) {
            LocalDateTime now = LocalDateTime.now().withNano(0);
            String serial = pile + "01" + "250101000000" + "9999";
            p.send(YkcFrames.record(serial, pile, 1, now.minusMinutes(10), now, "1.0000", "1.0000", TransactionRecord.APP, "0"));
            assertThat(p.expect(TransactionRecord.CONFIRMATION).message())
                    .isEqualTo(new TransactionRecord.Confirmation(serial, false));
            // a record naming another pile is refused too
            p.send(YkcFrames.record(serial, "12345678901234", 1, now.minusMinutes(10), now, "1.0000", "1.0000",
                    TransactionRecord.CARD, "ABCDEF"));
            assertThat(((TransactionRecord.Confirmation) p.expect(TransactionRecord.CONFIRMATION).message()).accepted()).isFalse();
            int seq = p.send(new Heartbeat.Ping(pile, 1, false));
            assertThat(p.expect(Heartbeat.PONG).sequence()).isEqualTo(seq);
        }
        assertThat(op.admin().get("/api/v1/orders?chargerId=" + pile).body().get("items")).isEmpty();
        assertThat(op.admin().get("/api/v1/sessions?chargerId=" + pile).body().get("items")).isEmpty();
    }
}
