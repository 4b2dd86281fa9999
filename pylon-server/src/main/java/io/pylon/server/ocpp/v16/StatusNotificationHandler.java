package io.pylon.server.ocpp.v16;

import io.pylon.domain.charger.ChargerService;
import io.pylon.domain.charger.ConnectorStatus;
import io.pylon.domain.charger.StatusReport;
import io.pylon.ocpp.v16.Ocpp16Json;
import io.pylon.ocpp.v16.StatusNotification;
import io.pylon.server.ocpp.Ocpp16Handler;
import io.pylon.server.ocpp.OcppSession;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** StatusNotification: connector status and error code, kept with history. */
@Component
public class StatusNotificationHandler implements Ocpp16Handler {

    private final ChargerService chargers;

    public StatusNotificationHandler(ChargerService chargers) {
        this.chargers = chargers;
    }

    @Override
    public String action() {
        return "StatusNotification";
    }

    @Override
    public JsonNode handle(OcppSession session, JsonNode payload) {
        StatusNotification.Request r = Ocpp16Json.read(payload, StatusNotification.Request.class);
        chargers.status(session.chargerId(), new StatusReport(r.connectorId(), status(r.status()), r.errorCode(), r.info(),
                r.vendorId(), r.vendorErrorCode(), r.timestamp()));
        return Ocpp16Json.write(new StatusNotification.Response());
    }

    static ConnectorStatus status(String ocpp) {
        return switch (ocpp) {
            case "Available" -> ConnectorStatus.AVAILABLE;
            case "Preparing" -> ConnectorStatus.PREPARING;
            case "Charging" -> ConnectorStatus.CHARGING;
            case "SuspendedEVSE" -> ConnectorStatus.SUSPENDED_EVSE;
            case "SuspendedEV" -> ConnectorStatus.SUSPENDED_EV;
            case "Finishing" -> ConnectorStatus.FINISHING;
            case "Reserved" -> ConnectorStatus.RESERVED;
            case "Unavailable" -> ConnectorStatus.UNAVAILABLE;
            case "Faulted" -> ConnectorStatus.FAULTED;
            default -> throw new IllegalArgumentException("status " + ocpp);
        };
    }
}
