package io.pylon.server.command;

import io.pylon.domain.command.ChargerCommand;
import io.pylon.domain.command.ChargerGateway;
import io.pylon.domain.command.CommandResult;
import io.pylon.server.ocpp.OcppChargerGateway;
import io.pylon.server.ykc.YkcChargerGateway;
import io.pylon.server.ykc.YkcStore;
import java.util.concurrent.CompletableFuture;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

/**
 * The {@link ChargerGateway} the domain sees: each command goes to the gateway of the protocol its charger
 * speaks — the one it is connected on, else YKC for a charger that has logged in over YKC before, else OCPP —
 * so the REST command endpoints work the same for OCPP chargers and YKC piles.
 */
@Primary
@Component
public class ProtocolRoutingGateway implements ChargerGateway {

    private final OcppChargerGateway ocpp;
    private final YkcChargerGateway ykc;
    private final YkcStore piles;

    public ProtocolRoutingGateway(OcppChargerGateway ocpp, YkcChargerGateway ykc, YkcStore piles) {
        this.ocpp = ocpp;
        this.ykc = ykc;
        this.piles = piles;
    }

    @Override
    public CompletableFuture<CommandResult> send(String chargerId, ChargerCommand command) {
        return gateway(chargerId).send(chargerId, command);
    }

    @Override
    public boolean isConnected(String chargerId) {
        return ykc.isConnected(chargerId) || ocpp.isConnected(chargerId);
    }

    @Override
    public boolean closeIfOpenedBefore(String chargerId, java.time.Instant before) {
        return ykc.closeIfOpenedBefore(chargerId, before) | ocpp.closeIfOpenedBefore(chargerId, before);
    }

    private ChargerGateway gateway(String chargerId) {
        if (ykc.isConnected(chargerId)) return ykc;
        if (ocpp.isConnected(chargerId)) return ocpp;
        return piles.isPile(chargerId) ? ykc : ocpp;
    }
}
