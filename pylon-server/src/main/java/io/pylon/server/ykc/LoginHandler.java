package io.pylon.server.ykc;

import io.pylon.domain.charger.BootInfo;
import io.pylon.domain.charger.BootOutcome;
import io.pylon.domain.charger.ChargerService;
import io.pylon.domain.charger.ConnectOutcome;
import io.pylon.domain.charger.RegistrationStatus;
import io.pylon.server.ocpp.LastSeenTracker;
import io.pylon.ykc.message.ClockSync;
import io.pylon.ykc.message.Login;
import io.pylon.ykc.message.YkcMessage;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * 0x01 login: the pile must be known and accepted, or be accepted by the unknown-charger policy
 * ({@code PYLON_UNKNOWN_CHARGERS}); a pending or rejected pile is answered "rejected" and disconnected (it
 * tries again later). An accepted pile is registered on this node, marked online, and its clock set (0x56).
 */
@Component("ykcLoginHandler")
public class LoginHandler implements YkcHandler {

    private static final Logger log = LoggerFactory.getLogger(LoginHandler.class);
    private final ChargerService chargers;
    private final YkcConnections connections;
    private final YkcStore store;
    private final YkcClock clock;
    private final LastSeenTracker lastSeen;

    public LoginHandler(ChargerService chargers, YkcConnections connections, YkcStore store, YkcClock clock,
                        LastSeenTracker lastSeen) {
        this.chargers = chargers;
        this.connections = connections;
        this.store = store;
        this.clock = clock;
        this.lastSeen = lastSeen;
    }

    @Override
    public Set<Integer> types() {
        return Set.of(Login.REQUEST);
    }

    @Override
    public void handle(YkcConnection connection, int sequence, YkcMessage message) {
        Login.Request login = (Login.Request) message;
        String pile = login.pile();
        if (!Piles.valid(pile) || connection.pile() != null && !connection.pile().equals(pile)) {
            refuse(connection, sequence, pile, "bad pile code or another pile on this connection");
            return;
        }
        if (chargers.mayConnect(pile, null, 0) instanceof ConnectOutcome.Denied denied) {
            refuse(connection, sequence, pile, denied.reason().name());
            return;
        }
        BootOutcome boot = chargers.boot(pile, new BootInfo("YKC", login.pileType() == 0 ? "DC" : "AC", null, null,
                "V" + login.protocolVersion() / 10 + "." + login.protocolVersion() % 10 + " " + login.softwareVersion(),
                login.iccid(), null, null, null));
        if (boot.status() != RegistrationStatus.ACCEPTED) {
            refuse(connection, sequence, pile, boot.status().name());
            return;
        }
        store.loggedIn(pile, login.protocolVersion(), login.pileType(), login.guns(), clock.now());
        boolean first = connection.pile() == null;
        connection.loggedIn(pile);
        connection.reply(sequence, new Login.Reply(pile, true));
        lastSeen.seen(pile);
        if (first) {
            connections.register(connection);
            chargers.connected(pile);
            log.info("Pile {} logged in from {} (protocol 0x{}, {} gun(s))", pile, connection.channel().remoteAddress(),
                    Integer.toHexString(login.protocolVersion()), login.guns());
        }
        connection.send(ClockSync.set(pile, clock.localNow()));
    }

    private static void refuse(YkcConnection connection, int sequence, String pile, String why) {
        log.info("Pile {}: login refused ({})", pile, why);
        connection.reply(sequence, new Login.Reply(pile, false));
        connection.channel().eventLoop().execute(connection::close);
    }
}
