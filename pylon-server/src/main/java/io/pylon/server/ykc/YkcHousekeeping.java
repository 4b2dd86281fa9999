package io.pylon.server.ykc;

import io.pylon.domain.command.ChargerCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Timed rules of the YKC gateway: remote and card starts the pile never confirmed by charging are closed, and
 * each connected pile whose station's tariff (version in force, today's schedule) differs from the billing model
 * it was last sent gets the new model pushed (0x58) — so a tariff change reaches every affected pile within
 * {@code pylon.ykc.tariff-check-interval}.
 */
@Component
public class YkcHousekeeping {

    private static final Logger log = LoggerFactory.getLogger(YkcHousekeeping.class);
    private final YkcSessions sessions;
    private final YkcConnections connections;
    private final BillingModels models;
    private final YkcCommands commands;

    public YkcHousekeeping(YkcSessions sessions, YkcConnections connections, BillingModels models, YkcCommands commands) {
        this.sessions = sessions;
        this.connections = connections;
        this.models = models;
        this.commands = commands;
    }

    @Scheduled(fixedDelayString = "${pylon.ykc.start-check-interval:5s}")
    public void expireUnconfirmedStarts() {
        sessions.expireUnconfirmed();
    }

    @Scheduled(fixedDelayString = "${pylon.ykc.tariff-check-interval:60s}")
    public void pushChangedTariffs() {
        for (YkcConnection connection : connections.all()) {
            pushIfChanged(connection);
        }
    }

    /** Pushes the pile's current model if it changed; returns whether a push was sent. */
    boolean pushIfChanged(YkcConnection connection) {
        String pile = connection.pile();
        try {
            if (!connection.isOpen() || !models.changed(pile) || !connection.startPush()) return false;
            commands.send(connection, new ChargerCommand.PushTariff()).whenComplete((result, error) -> {
                connection.pushDone();
                if (error != null) log.info("Pile {}: billing model push failed: {}", pile, error.toString());
                else log.info("Pile {}: billing model pushed: {}", pile, result.status());
            });
            return true;
        } catch (RuntimeException e) {
            log.warn("Pile {}: could not check its billing model", pile, e);
            return false;
        }
    }
}
