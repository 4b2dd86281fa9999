package io.pylon.server.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import eu.chargetime.ocpp.model.core.AuthorizationStatus;
import eu.chargetime.ocpp.model.core.ChargePointStatus;
import eu.chargetime.ocpp.model.core.StartTransactionConfirmation;
import eu.chargetime.ocpp.model.reservation.ReserveNowRequest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** TC_046_CSMS Reservation of a connector – local start transaction with the reservation id. */
class Tc046ReservationLocalStartIT extends ConformanceBase {

    @Test
    void anAcceptedReservationIsActiveAndIsUsedByTheSessionThatCarriesItsId() {
        String id = "TC046-CP";
        String tag = "TC046-TAG";
        idToken(tag, "ACCEPTED");
        ThirdPartyChargePoint cp = chargePoint(id);
        cp.status(1, ChargePointStatus.Available);
        Instant expiry = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);

        JsonNode reservation = command(id, "reserve-now",
                "{\"connectorId\":1,\"idTag\":\"" + tag + "\",\"expiryDate\":\"" + expiry + "\"}");
        assertThat(reservation.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(reservation.get("detail").asString()).isEqualTo("Accepted");
        int reservationId = reservation.get("id").asInt();

        ReserveNowRequest received = cp.await(ReserveNowRequest.class);
        assertThat(received.getReservationId()).isEqualTo(reservationId);
        assertThat(received.getConnectorId()).isEqualTo(1);
        assertThat(received.getIdTag()).isEqualTo(tag);
        assertThat(received.getExpiryDate().toInstant()).isEqualTo(expiry);
        cp.status(1, ChargePointStatus.Reserved);
        assertThat(connectorStatus(id, 1)).isEqualTo("RESERVED");
        assertThat(reservations(id).getFirst().get("status").asString()).isEqualTo("ACTIVE");

        assertThat(cp.authorize(tag).getStatus()).isEqualTo(AuthorizationStatus.Accepted);
        cp.status(1, ChargePointStatus.Preparing);
        StartTransactionConfirmation started = cp.send(cp.startRequest(1, tag, 100, ThirdPartyChargePoint.now(), reservationId));
        assertThat(started.getIdTagInfo().getStatus()).isEqualTo(AuthorizationStatus.Accepted);
        cp.status(1, ChargePointStatus.Charging);

        assertThat(session(started.getTransactionId()).get("reservationId").asInt()).isEqualTo(reservationId);
        JsonNode used = reservations(id).getFirst();
        assertThat(used.get("id").asInt()).isEqualTo(reservationId);
        assertThat(used.get("status").asString()).isEqualTo("USED");
    }

    @Test
    void theWholeChargePointCanBeReservedWithConnectorZero() {
        String id = "TC046-CP0";
        String tag = "TC046-TAG0";
        idToken(tag, "ACCEPTED");
        ThirdPartyChargePoint cp = chargePoint(id);
        Instant expiry = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);

        JsonNode reservation = command(id, "reserve-now",
                "{\"connectorId\":0,\"idTag\":\"" + tag + "\",\"expiryDate\":\"" + expiry + "\"}");
        assertThat(reservation.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(reservation.get("connectorId").asInt()).isZero();
        assertThat(cp.await(ReserveNowRequest.class).getConnectorId()).isZero();
    }
}
