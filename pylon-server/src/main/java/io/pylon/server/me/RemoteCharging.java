package io.pylon.server.me;

import static io.pylon.server.me.Refusal.Reason.*;

import io.pylon.domain.command.ChargerCommand;
import io.pylon.domain.command.CommandFailure;
import io.pylon.domain.command.CommandResult;
import io.pylon.domain.command.CommandService;
import io.pylon.domain.driver.Driver;
import io.pylon.server.persistence.AuditLog;
import java.util.Currency;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Starts and stops a driver's charging through the charger (RemoteStartTransaction with the driver's app token,
 * RemoteStopTransaction), waiting for the charger's answer. The session itself begins when the charger sends
 * StartTransaction (the wallet hold is placed then) and ends with its StopTransaction (billed and paid then).
 */
@Component
public class RemoteCharging {

    private final StartChecks checks;
    private final AppTokens appTokens;
    private final CommandService commands;
    private final AuditLog audit;

    public RemoteCharging(StartChecks checks, AppTokens appTokens, CommandService commands, AuditLog audit) {
        this.checks = checks;
        this.appTokens = appTokens;
        this.commands = commands;
        this.audit = audit;
    }

    /** Checks, then asks the charger to start; answers the id tag the session will carry. */
    String start(Driver driver, ConnectorFinder.Found target, String field, Currency currency) {
        String idTag = appTokens.of(driver);
        checks.check(driver, target, field, idTag, currency);
        String chargerId = target.charger().id();
        audit.record(Me.actor(driver), driver.operatorId(), AuditLog.Action.COMMAND, "charger", chargerId,
                null, Map.of("command", "remote-start", "connectorId", target.connectorId(), "via", "driver app"));
        CommandResult result = send(chargerId, new ChargerCommand.RemoteStart(target.connectorId(), idTag, null), field);
        if (!result.accepted()) {
            throw Refusal.of(HttpStatus.CONFLICT, CHARGER_REJECTED, field, "the charger refused to start (" + result.status() + ")",
                    Map.of("chargerStatus", result.status()));
        }
        return idTag;
    }

    /** Asks the charger to stop a session of the driver's that is still running. */
    void stop(Driver driver, DriverSessions.Owned owned) {
        var session = owned.session();
        if (session.state() != io.pylon.domain.session.SessionState.ACTIVE) {
            throw Refusal.of(HttpStatus.CONFLICT, SESSION_NOT_ACTIVE, "id", "session " + session.id() + " has already stopped");
        }
        audit.record(Me.actor(driver), driver.operatorId(), AuditLog.Action.COMMAND, "charger", session.chargerId(),
                null, Map.of("command", "remote-stop", "transactionId", session.id(), "via", "driver app"));
        CommandResult result = send(session.chargerId(), new ChargerCommand.RemoteStop(session.id()), "id");
        if (!result.accepted()) {
            throw Refusal.of(HttpStatus.CONFLICT, CHARGER_REJECTED, "id", "the charger refused to stop (" + result.status() + ")",
                    Map.of("chargerStatus", result.status()));
        }
    }

    private CommandResult send(String chargerId, ChargerCommand command, String field) {
        try {
            return commands.send(chargerId, command).join();
        } catch (CompletionException e) {
            if (!(e.getCause() instanceof CommandFailure failure)) throw e;
            throw switch (failure.kind()) {
                case OFFLINE, NOT_ACCEPTED -> Refusal.of(HttpStatus.CONFLICT, CHARGER_OFFLINE, field, "the charger is offline");
                case TIMEOUT -> Refusal.of(HttpStatus.GATEWAY_TIMEOUT, CHARGER_NOT_ANSWERING, field, "the charger did not answer");
                case CHARGER_ERROR -> Refusal.of(HttpStatus.BAD_GATEWAY, CHARGER_REJECTED, field, "the charger answered with an error");
                case NOT_SUPPORTED -> Refusal.of(HttpStatus.UNPROCESSABLE_CONTENT, CHARGER_REJECTED, field, "the charger cannot do this");
            };
        }
    }
}
