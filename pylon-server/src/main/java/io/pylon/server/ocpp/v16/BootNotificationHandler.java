package io.pylon.server.ocpp.v16;

import io.pylon.domain.charger.BootInfo;
import io.pylon.domain.charger.BootOutcome;
import io.pylon.domain.charger.ChargerService;
import io.pylon.domain.charger.RegistrationStatus;
import io.pylon.ocpp.v16.BootNotification;
import io.pylon.ocpp.v16.Ocpp16Json;
import io.pylon.server.ocpp.Ocpp16Handler;
import io.pylon.server.ocpp.OcppSession;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** BootNotification: registers or recognises the charger, keeps its boot data, answers with the interval. */
@Component
public class BootNotificationHandler implements Ocpp16Handler {

    private final ChargerService chargers;

    public BootNotificationHandler(ChargerService chargers) {
        this.chargers = chargers;
    }

    @Override
    public String action() {
        return "BootNotification";
    }

    @Override
    public boolean allowedBeforeAccepted() {
        return true;
    }

    @Override
    public JsonNode handle(OcppSession session, JsonNode payload) {
        BootNotification.Request r = Ocpp16Json.read(payload, BootNotification.Request.class);
        BootOutcome outcome = chargers.boot(session.chargerId(), new BootInfo(r.chargePointVendor(), r.chargePointModel(),
                r.chargePointSerialNumber(), r.chargeBoxSerialNumber(), r.firmwareVersion(), r.iccid(), r.imsi(),
                r.meterType(), r.meterSerialNumber()));
        session.accepted(outcome.status() == RegistrationStatus.ACCEPTED);
        String status = switch (outcome.status()) {
            case ACCEPTED -> "Accepted";
            case PENDING -> "Pending";
            case REJECTED -> "Rejected";
        };
        return Ocpp16Json.write(new BootNotification.Response(status, outcome.serverTime(),
                (int) outcome.interval().toSeconds()));
    }
}
