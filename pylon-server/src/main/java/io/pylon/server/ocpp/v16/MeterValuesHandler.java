package io.pylon.server.ocpp.v16;

import io.pylon.domain.session.SessionService;
import io.pylon.ocpp.v16.MeterValues;
import io.pylon.ocpp.v16.Ocpp16Json;
import io.pylon.server.ocpp.Ocpp16Handler;
import io.pylon.server.ocpp.OcppSession;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** MeterValues: every sampled value stored durably (batched) before the answer goes out. */
@Component
public class MeterValuesHandler implements Ocpp16Handler {

    private final SessionService sessions;

    public MeterValuesHandler(SessionService sessions) {
        this.sessions = sessions;
    }

    @Override
    public String action() {
        return "MeterValues";
    }

    @Override
    public JsonNode handle(OcppSession session, JsonNode payload) {
        // schema-checked: connectorId and meterValue present, transactionId an integer if present
        JsonNode tx = payload.get("transactionId");
        Long transactionId = tx == null || tx.isNull() ? null : tx.asLong();
        sessions.meterValues(session.chargerId(), payload.get("connectorId").asInt(), transactionId,
                MeterSamples.of(payload.get("meterValue")));
        return Ocpp16Json.write(new MeterValues.Response());
    }
}
