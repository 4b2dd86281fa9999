package io.pylon.server.alarm;

import io.pylon.domain.charger.ChargerService;
import io.pylon.domain.charger.StatusListener;
import io.pylon.domain.charger.StatusReport;
import io.pylon.domain.command.ChargerCommand;
import io.pylon.domain.command.CommandFailure;
import io.pylon.domain.command.CommandResult;
import io.pylon.domain.command.CommandService;
import io.pylon.server.persistence.JooqLive;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
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
 * <p>
 * A charger that cannot be made unavailable because it is offline (or does not answer) is not forgotten: the command
 * is sent again as soon as it reports a status on this node, until it takes it, and the later outcome is reported to
 * whoever asked. (A charger that reconnects to another node of a cluster is not covered: the wish is kept in memory.)
 */
@Component
public class ChargerSafety implements StatusListener {

    private static final Duration ANSWER_WAIT = Duration.ofSeconds(35);

    private final CommandService commands;
    private final JooqLive live;

    /** Chargers to make unavailable when they next report in: charger → connector → who hears the outcome. */
    private final Map<String, Map<Integer, Consumer<String>>> pendingCuts = new ConcurrentHashMap<>();

    public ChargerSafety(CommandService commands, JooqLive live, ChargerService chargers) {
        this.commands = commands;
        this.live = live;
        chargers.listen(this);
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
        return makeUnavailable(chargerId, connectorId, outcome -> { });
    }

    /**
     * As {@link #makeUnavailable(String, int)}; if the charger cannot be reached it is tried again when it reports in,
     * and {@code later} hears that attempt's outcome.
     */
    public CompletableFuture<String> makeUnavailable(String chargerId, int connectorId, Consumer<String> later) {
        String what = "ChangeAvailability Inoperative " + where(chargerId, connectorId);
        return commands.send(chargerId, new ChargerCommand.ChangeAvailability(connectorId, false))
                .orTimeout(ANSWER_WAIT.toSeconds(), TimeUnit.SECONDS)
                .handle((r, e) -> {
                    if (e == null) return what + ": " + r.status();
                    if (unreachable(e)) {
                        pendingCuts.computeIfAbsent(chargerId, k -> new ConcurrentHashMap<>()).put(connectorId, later);
                        return what + ": failed (" + rootMessage(e) + "); sent again when the charger reports in";
                    }
                    return what + ": failed (" + rootMessage(e) + ")";
                });
    }

    /** A charger reported a status, so it is connected here: what could not reach it is sent now. */
    @Override
    public void status(String chargerId, StatusReport report, Instant at) {
        Map<Integer, Consumer<String>> cuts = pendingCuts.remove(chargerId);
        if (cuts == null) return;
        cuts.forEach((connector, later) -> makeUnavailable(chargerId, connector, later).thenAccept(later));
    }

    /** Whether a cut waits for this charger to report in. */
    public boolean cutPending(String chargerId) {
        return pendingCuts.containsKey(chargerId);
    }

    private static boolean unreachable(Throwable e) {
        while (e.getCause() != null && e != e.getCause() && !(e instanceof CommandFailure)) e = e.getCause();
        return e instanceof java.util.concurrent.TimeoutException
                || e instanceof CommandFailure f && f.kind() != CommandFailure.Kind.CHARGER_ERROR;
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
