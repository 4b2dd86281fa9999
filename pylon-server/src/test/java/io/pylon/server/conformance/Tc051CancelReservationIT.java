package io.pylon.server.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import eu.chargetime.ocpp.model.core.ChargePointStatus;
import eu.chargetime.ocpp.model.reservation.CancelReservationRequest;
import eu.chargetime.ocpp.model.reservation.ReserveNowRequest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** TC_051_CSMS Cancel reservation: the charger receives the reservation id and the reservation shows cancelled. */
class Tc051CancelReservationIT extends ConformanceBase {

    @Test
    void anActiveReservationIsCancelled() {
        String id = "TC051-CP";
        String tag = "TC051-TAG";
        idToken(tag, "ACCEPTED");
        ThirdPartyChargePoint cp = chargePoint(id);
        Instant expiry = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        int reservationId = command(id, "reserve-now",
                "{\"connectorId\":1,\"idTag\":\"" + tag + "\",\"expiryDate\":\"" + expiry + "\"}").get("id").asInt();
        cp.await(ReserveNowRequest.class);
        cp.status(1, ChargePointStatus.Reserved);

        JsonNode reply = command(id, "cancel-reservation", "{\"reservationId\":" + reservationId + "}");
        assertThat(reply.get("status").asString()).isEqualTo("Accepted");
        assertThat(cp.await(CancelReservationRequest.class).getReservationId()).isEqualTo(reservationId);
        cp.status(1, ChargePointStatus.Available);

        JsonNode reservation = reservations(id).getFirst();
        assertThat(reservation.get("id").asInt()).isEqualTo(reservationId);
        assertThat(reservation.get("status").asString()).isEqualTo("CANCELLED");
        assertThat(connectorStatus(id, 1)).isEqualTo("AVAILABLE");
    }
}
