package io.pylon.server.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import eu.chargetime.ocpp.model.core.AuthorizationStatus;
import eu.chargetime.ocpp.model.core.ChargePointStatus;
import eu.chargetime.ocpp.model.core.RemoteStartTransactionRequest;
import eu.chargetime.ocpp.model.core.StartTransactionConfirmation;
import eu.chargetime.ocpp.model.reservation.ReserveNowRequest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** TC_050_CSMS Reservation of a connector – remote start transaction for the reserved id tag. */
class Tc050ReservationRemoteStartIT extends ConformanceBase {

    @Test
    void aRemoteStartForTheReservedTagUsesTheReservation() {
        String id = "TC050-CP";
        String tag = "TC050-TAG";
        idToken(tag, "ACCEPTED");
        ThirdPartyChargePoint cp = chargePoint(id);
        Instant expiry = Instant.now().plus(30, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        int reservationId = command(id, "reserve-now",
                "{\"connectorId\":2,\"idTag\":\"" + tag + "\",\"expiryDate\":\"" + expiry + "\"}").get("id").asInt();
        assertThat(cp.await(ReserveNowRequest.class).getConnectorId()).isEqualTo(2);
        cp.status(2, ChargePointStatus.Reserved);

        assertThat(command(id, "remote-start", "{\"connectorId\":2,\"idTag\":\"" + tag + "\"}").get("status").asString())
                .isEqualTo("Accepted");
        RemoteStartTransactionRequest remote = cp.await(RemoteStartTransactionRequest.class);
        assertThat(remote.getConnectorId()).isEqualTo(2);
        assertThat(remote.getIdTag()).isEqualTo(tag);

        StartTransactionConfirmation started = cp.send(cp.startRequest(2, tag, 0, ThirdPartyChargePoint.now(), reservationId));
        assertThat(started.getIdTagInfo().getStatus()).isEqualTo(AuthorizationStatus.Accepted);
        int tx = started.getTransactionId();
        cp.status(2, ChargePointStatus.Charging);
        JsonNode reservation = reservations(id).getFirst();
        assertThat(reservation.get("status").asString()).isEqualTo("USED");
        assertThat(session(tx).get("reservationId").asInt()).isEqualTo(reservationId);
    }
}
