package io.pylon.server.ocpp.v16;

import io.pylon.domain.charger.ChargerService;
import io.pylon.ocpp.v16.DataTransfer;
import io.pylon.ocpp.v16.Ocpp16Json;
import io.pylon.server.ocpp.Ocpp16Handler;
import io.pylon.server.ocpp.OcppSession;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * DataTransfer from a charger: kept in the charger's event log. The platform knows no vendor
 * extensions yet, so it answers UnknownVendorId as OCPP 1.6 §4.3 asks.
 */
@Component
public class DataTransferHandler implements Ocpp16Handler {

    private final ChargerService chargers;

    public DataTransferHandler(ChargerService chargers) {
        this.chargers = chargers;
    }

    @Override
    public String action() {
        return "DataTransfer";
    }

    @Override
    public JsonNode handle(OcppSession session, JsonNode payload) {
        DataTransfer.Request r = Ocpp16Json.read(payload, DataTransfer.Request.class);
        chargers.event(session.chargerId(), "DataTransfer",
                r.vendorId() + (r.messageId() == null ? "" : "/" + r.messageId()) + (r.data() == null ? "" : ": " + r.data()), null);
        return Ocpp16Json.write(new DataTransfer.Response("UnknownVendorId", null));
    }
}
