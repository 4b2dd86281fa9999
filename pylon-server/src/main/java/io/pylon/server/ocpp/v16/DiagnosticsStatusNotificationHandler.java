package io.pylon.server.ocpp.v16;

import io.pylon.domain.charger.ChargerService;
import io.pylon.ocpp.v16.DiagnosticsStatusNotification;
import io.pylon.ocpp.v16.Ocpp16Json;
import io.pylon.server.ocpp.Ocpp16Handler;
import io.pylon.server.ocpp.OcppSession;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** DiagnosticsStatusNotification: progress of a diagnostics upload, kept on the charger and in its log. */
@Component
public class DiagnosticsStatusNotificationHandler implements Ocpp16Handler {

    private final ChargerService chargers;

    public DiagnosticsStatusNotificationHandler(ChargerService chargers) {
        this.chargers = chargers;
    }

    @Override
    public String action() {
        return "DiagnosticsStatusNotification";
    }

    @Override
    public JsonNode handle(OcppSession session, JsonNode payload) {
        chargers.diagnosticsStatus(session.chargerId(), Ocpp16Json.read(payload, DiagnosticsStatusNotification.Request.class).status());
        return Ocpp16Json.write(new DiagnosticsStatusNotification.Response());
    }
}
