package io.pylon.server.ocpp.v16;

import io.pylon.domain.charger.ChargerService;
import io.pylon.ocpp.v16.Ocpp16Json;
import io.pylon.ocpp.v16.SecurityEventNotification;
import io.pylon.server.ocpp.Ocpp16Handler;
import io.pylon.server.ocpp.OcppSession;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** SecurityEventNotification (1.6 security extension): kept in the charger's event log with its own time. */
@Component
public class SecurityEventNotificationHandler implements Ocpp16Handler {

    private final ChargerService chargers;

    public SecurityEventNotificationHandler(ChargerService chargers) {
        this.chargers = chargers;
    }

    @Override
    public String action() {
        return "SecurityEventNotification";
    }

    @Override
    public JsonNode handle(OcppSession session, JsonNode payload) {
        SecurityEventNotification.Request r = Ocpp16Json.read(payload, SecurityEventNotification.Request.class);
        chargers.event(session.chargerId(), "Security:" + r.type(), r.techInfo(), r.timestamp());
        return Ocpp16Json.write(new SecurityEventNotification.Response());
    }
}
