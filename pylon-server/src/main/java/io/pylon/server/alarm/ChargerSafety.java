package io.pylon.server.alarm;

import io.pylon.domain.command.ChargerCommand;
import io.pylon.domain.command.CommandResult;
import io.pylon.domain.command.CommandService;
import io.pylon.server.persistence.JooqLive;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * The actions an alarm takes on chargers, through the same command path as the REST API (so they reach a charger held by
 * another node, and speak OCPP or YKC as the charger does): stop the sessions running at a connector (RemoteStop; YKC
 * 0x36) and make a connector unavailable (ChangeAvailability Inoperative). Each answers what the charger said, in words
 * for the alarm's history.
 */
@Component
public class ChargerSafety {

    private static final Duration ANSWER_WAIT = Duration.ofSeconds(35);

    private final CommandService commands;
    private final JooqLive live;

    public ChargerSafety(CommandService commands, JooqLive live) {
        this.commands = commands;
        this.live = live;
    }

    /** Sends RemoteStop for every session running at the connector (0: every connector); the outcomes once answered. */
    public CompletableFuture<List<String>> stopCharging(String chargerId, int connectorId) {
        List<CompletableFuture<String>> outcomes = new ArrayList<>();
        for (long session : live.activeSessionIds(chargerId, connectorId)) {
            outcomes.add(outcome("RemoteStop session " + session, commands.send(chargerId, new ChargerCommand.RemoteStop(session))));
        }
        if (outcomes.isEmpty()) {
            return CompletableFuture.completedFuture(List.of("no session running at " + where(chargerId, connectorId)));
        }
        return CompletableFuture.allOf(outcomes.toArray(CompletableFuture[]::new))
                .thenApply(v -> outcomes.stream().map(CompletableFuture::join).toList());
    }

    /** ChangeAvailability Inoperative for the connector (0: the whole charger); the outcome once answered. */
    public CompletableFuture<String> makeUnavailable(String chargerId, int connectorId) {
        return outcome("ChangeAvailability Inoperative " + where(chargerId, connectorId),
                commands.send(chargerId, new ChargerCommand.ChangeAvailability(connectorId, false)));
    }

    private static CompletableFuture<String> outcome(String what, CompletableFuture<CommandResult> sent) {
        return sent.orTimeout(ANSWER_WAIT.toSeconds(), TimeUnit.SECONDS)
                .handle((r, e) -> e == null ? what + ": " + r.status() : what + ": failed (" + rootMessage(e) + ")");
    }

    private static String where(String chargerId, int connectorId) {
        return connectorId == 0 ? chargerId : chargerId + " connector " + connectorId;
    }

    private static String rootMessage(Throwable e) {
        while (e.getCause() != null && e != e.getCause()) e = e.getCause();
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
