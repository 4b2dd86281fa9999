package io.pylon.server.ocpp;

import io.pylon.domain.command.ChargerCommand;
import io.pylon.domain.command.ChargerGateway;
import io.pylon.domain.command.CommandFailure;
import io.pylon.domain.command.CommandResult;
import io.pylon.ocpp.schema.OcppSchemas;
import io.pylon.ocpp.schema.OcppSchemas.Kind;
import io.pylon.server.metrics.GatewayMetrics;
import io.pylon.server.ocpp.Ocpp16Commands.OcppCall;
import java.util.concurrent.CompletableFuture;
import org.springframework.stereotype.Component;

/**
 * Sends commands to chargers connected over OCPP 1.6. A command whose CALL would break the schema
 * (a bad value from the API) fails with {@link IllegalArgumentException} before anything is sent; the YKC pile
 * commands OCPP has no message for at all (card balance, offline card query, parallel start) fail with
 * {@link CommandFailure.Kind#NOT_SUPPORTED}, whether the charger is connected or not.
 */
@Component
public class OcppChargerGateway implements ChargerGateway {

    private final ConnectionRegistry registry;
    private final OcppSchemas schemas;
    private final GatewayMetrics metrics;

    public OcppChargerGateway(ConnectionRegistry registry, OcppSchemas schemas, GatewayMetrics metrics) {
        this.registry = registry;
        this.schemas = schemas;
        this.metrics = metrics;
        metrics.connections("ocpp1.6", registry::size);
    }

    @Override
    public CompletableFuture<CommandResult> send(String chargerId, ChargerCommand command) {
        if (command instanceof ChargerCommand.CardBalance || command instanceof ChargerCommand.QueryLocalList
                || command instanceof ChargerCommand.ParallelRemoteStart) {
            return CompletableFuture.failedFuture(new CommandFailure(CommandFailure.Kind.NOT_SUPPORTED, "Charger " + chargerId
                    + " speaks OCPP 1.6, which has no " + command.getClass().getSimpleName() + " (a YKC pile command)"));
        }
        OcppSession session = registry.find(chargerId).orElse(null);
        if (session == null) {
            return CompletableFuture.failedFuture(new CommandFailure(CommandFailure.Kind.OFFLINE, "Charger " + chargerId + " is offline"));
        }
        OcppCall call = Ocpp16Commands.toCall(command);
        if (call == null) {
            return CompletableFuture.completedFuture(new CommandResult("NotSupported", java.util.Map.of()));
        }
        schemas.validate(call.action(), Kind.REQUEST, call.payload()).ifPresent(v -> {
            throw new IllegalArgumentException(call.action() + " " + v.field() + ": " + v.description());
        });
        metrics.sent("ocpp1.6", call.action());
        return session.call(call.action(), call.payload()).thenApply(reply -> Ocpp16Commands.toResult(call.action(), reply));
    }

    @Override
    public boolean isConnected(String chargerId) {
        return registry.find(chargerId).isPresent();
    }

    @Override
    public boolean closeIfOpenedBefore(String chargerId, java.time.Instant before) {
        OcppSession session = registry.find(chargerId).filter(s -> s.openedAt().isBefore(before)).orElse(null);
        if (session == null) return false;
        session.close(io.netty.handler.codec.http.websocketx.WebSocketCloseStatus.ENDPOINT_UNAVAILABLE);
        return true;
    }
}
