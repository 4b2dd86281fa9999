package io.pylon.server.ocpp.v16;

import io.pylon.domain.session.SessionService;
import io.pylon.domain.session.StartOutcome;
import io.pylon.domain.session.StartRequest;
import io.pylon.ocpp.v16.Ocpp16Json;
import io.pylon.ocpp.v16.StartTransaction;
import io.pylon.server.ocpp.Ocpp16Handler;
import io.pylon.server.ocpp.OcppSession;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * StartTransaction: opens a session with the charger's own timestamp and answers its transaction id.
 * A retransmission (same connector and start time) gets the same id and creates nothing.
 */
@Component
public class StartTransactionHandler implements Ocpp16Handler {

    private final SessionService sessions;

    public StartTransactionHandler(SessionService sessions) {
        this.sessions = sessions;
    }

    @Override
    public String action() {
        return "StartTransaction";
    }

    @Override
    public JsonNode handle(OcppSession session, JsonNode payload) {
        StartTransaction.Request r = Ocpp16Json.read(payload, StartTransaction.Request.class);
        StartOutcome outcome = sessions.start(new StartRequest(session.chargerId(), r.connectorId(), r.idTag(),
                r.meterStart(), r.reservationId(), r.timestamp()));
        return Ocpp16Json.write(new StartTransaction.Response(IdTagInfos.of(outcome.authorization()),
                (int) outcome.sessionId()));
    }
}
