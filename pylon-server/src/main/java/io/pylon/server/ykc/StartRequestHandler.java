package io.pylon.server.ykc;

import io.pylon.domain.auth.Authorization;
import io.pylon.ykc.message.ParallelCharging;
import io.pylon.ykc.message.StartRequest;
import io.pylon.ykc.message.YkcMessage;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * 0x31 (and V1.6 parallel 0xA1): a driver at the pile presents a card, an account or the car's VIN. The id tag
 * is authorised and the session opened on the same path as any other start (order, wallet hold); the answer
 * (0x32 / 0xA2) carries the platform's transaction serial, or a refusal with its reason.
 */
@Component("ykcStartRequestHandler")
public class StartRequestHandler implements YkcHandler {

    /** Refusal reasons on the wire. */
    static final int UNKNOWN = 1, FROZEN = 2, NO_CREDIT = 3, IN_USE = 5, BAD_REQUEST = 6;

    private final YkcSessions sessions;
    private final YkcCards cards;
    private final YkcClock clock;

    public StartRequestHandler(YkcSessions sessions, YkcCards cards, YkcClock clock) {
        this.sessions = sessions;
        this.cards = cards;
        this.clock = clock;
    }

    @Override
    public Set<Integer> types() {
        return Set.of(StartRequest.REQUEST, ParallelCharging.REQUEST);
    }

    @Override
    public void handle(YkcConnection connection, int sequence, YkcMessage message) {
        StartRequest.Request request = message instanceof ParallelCharging.Request p ? p.single() : (StartRequest.Request) message;
        if (!Piles.ours(connection, request.pile(), message.type())) return;
        StartRequest.Authorisation answer = authorise(connection.pile(), request);
        if (message instanceof ParallelCharging.Request p) {
            connection.reply(sequence, new ParallelCharging.Authorisation(answer, p.master(), p.parallelSerial()));
        } else {
            connection.reply(sequence, answer);
        }
    }

    private StartRequest.Authorisation authorise(String pile, StartRequest.Request request) {
        Optional<String> idTag = request.mode() == StartRequest.VIN
                ? Optional.of(request.vin()).filter(v -> v.length() == 17) : YkcCards.idTag(request.card());
        String none = "0".repeat(32);
        if (idTag.isEmpty() || request.gun() < 1) {
            return refusal(none, pile, request.gun(), BAD_REQUEST);
        }
        String serial = sessions.newSerial(pile, request.gun(), idTag.get(), YkcStore.Origin.PILE_START);
        YkcSessions.Opened opened = sessions.open(serial, pile, request.gun(), idTag.get(), clock.now(), true);
        if (!opened.accepted()) {
            return refusal(serial, pile, request.gun(), reason(opened.authorization()));
        }
        return new StartRequest.Authorisation(serial, pile, request.gun(), cards.logicalCard(idTag.get()),
                cards.balance(pile, idTag.get()), true, 0);
    }

    private static StartRequest.Authorisation refusal(String serial, String pile, int gun, int reason) {
        return new StartRequest.Authorisation(serial, pile, Math.max(gun, 0), "0", BigDecimal.ZERO, false, reason);
    }

    static int reason(Authorization authorization) {
        return switch (authorization.status()) {
            case ACCEPTED -> 0;
            case BLOCKED -> NO_CREDIT;
            case EXPIRED -> FROZEN;
            case INVALID -> UNKNOWN;
            case CONCURRENT_TX -> IN_USE;
        };
    }
}
