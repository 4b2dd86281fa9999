package io.pylon.server.ocpp.v16;

import io.pylon.domain.session.SessionService;
import io.pylon.domain.session.StopOutcome;
import io.pylon.domain.session.StopRequest;
import io.pylon.ocpp.v16.IdTagInfo;
import io.pylon.ocpp.v16.Ocpp16Json;
import io.pylon.ocpp.v16.StopTransaction;
import io.pylon.server.ocpp.Ocpp16Handler;
import io.pylon.server.ocpp.OcppSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * StopTransaction: closes the session and stores its transaction data. A retransmission changes
 * nothing; a stop for a transaction the platform never issued is answered (the charger must be
 * able to empty its queue) but stores nothing.
 */
@Component
public class StopTransactionHandler implements Ocpp16Handler {

    private static final Logger log = LoggerFactory.getLogger(StopTransactionHandler.class);
    private final SessionService sessions;

    public StopTransactionHandler(SessionService sessions) {
        this.sessions = sessions;
    }

    @Override
    public String action() {
        return "StopTransaction";
    }

    @Override
    public JsonNode handle(OcppSession session, JsonNode payload) {
        StopTransaction.Request r = Ocpp16Json.read(payload, StopTransaction.Request.class);
        StopOutcome outcome = sessions.stop(new StopRequest(session.chargerId(), r.transactionId(), r.meterStop(),
                r.timestamp(), r.reason() == null ? "Local" : r.reason(), r.idTag(), MeterSamples.of(r.transactionData())));
        if (outcome.result() == StopOutcome.Result.UNKNOWN_SESSION) {
            log.warn("Charger {}: StopTransaction for unknown transaction {}", session.chargerId(), r.transactionId());
        }
        IdTagInfo info = outcome.authorization() == null ? null : IdTagInfos.of(outcome.authorization());
        return Ocpp16Json.write(new StopTransaction.Response(info));
    }
}
