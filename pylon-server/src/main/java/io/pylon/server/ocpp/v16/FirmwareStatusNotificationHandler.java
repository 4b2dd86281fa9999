package io.pylon.server.ocpp.v16;

import io.pylon.domain.charger.ChargerService;
import io.pylon.ocpp.v16.FirmwareStatusNotification;
import io.pylon.ocpp.v16.Ocpp16Json;
import io.pylon.server.ocpp.Ocpp16Handler;
import io.pylon.server.ocpp.OcppSession;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** FirmwareStatusNotification: progress of a firmware update, kept on the charger and in its log. */
@Component
public class FirmwareStatusNotificationHandler implements Ocpp16Handler {

    private final ChargerService chargers;

    public FirmwareStatusNotificationHandler(ChargerService chargers) {
        this.chargers = chargers;
    }

    @Override
    public String action() {
        return "FirmwareStatusNotification";
    }

    @Override
    public JsonNode handle(OcppSession session, JsonNode payload) {
        chargers.firmwareStatus(session.chargerId(), Ocpp16Json.read(payload, FirmwareStatusNotification.Request.class).status());
        return Ocpp16Json.write(new FirmwareStatusNotification.Response());
    }
}
