package io.pylon.server.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import eu.chargetime.ocpp.model.reservation.CancelReservationConfirmation;
import eu.chargetime.ocpp.model.reservation.CancelReservationRequest;
import eu.chargetime.ocpp.model.reservation.CancelReservationStatus;
import eu.chargetime.ocpp.model.reservation.ReserveNowRequest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** TC_052_CSMS Cancel reservation – rejected: the operator sees Rejected and the reservation stays active. */
class Tc052CancelReservationRejectedIT extends ConformanceBase {

    @Test
    void aRejectedCancellationLeavesTheReservationActive() {
        String id = "TC052-CP";
        String tag = "TC052-TAG";
        idToken(tag, "ACCEPTED");
        ThirdPartyChargePoint cp = chargePoint(id)
                .answer(CancelReservationRequest.class, r -> new CancelReservationConfirmation(CancelReservationStatus.Rejected));
        Instant expiry = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        int reservationId = command(id, "reserve-now",
                "{\"connectorId\":1,\"idTag\":\"" + tag + "\",\"expiryDate\":\"" + expiry + "\"}").get("id").asInt();
        cp.await(ReserveNowRequest.class);

        JsonNode reply = command(id, "cancel-reservation", "{\"reservationId\":" + reservationId + "}");
        assertThat(reply.get("status").asString()).isEqualTo("Rejected");
        assertThat(cp.await(CancelReservationRequest.class).getReservationId()).isEqualTo(reservationId);
        assertThat(reservations(id).getFirst().get("status").asString()).isEqualTo("ACTIVE");
    }
}
