package io.pylon.server.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import eu.chargetime.ocpp.model.reservation.ReservationStatus;
import eu.chargetime.ocpp.model.reservation.ReserveNowConfirmation;
import eu.chargetime.ocpp.model.reservation.ReserveNowRequest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** TC_048_1/2/3/4_CSMS Reservation of a connector – Faulted, Occupied, Unavailable, Rejected. */
class Tc048ReservationRefusedIT extends ConformanceBase {

    @Test
    void eachRefusalIsKeptAsARejectedReservationWithTheChargersAnswer() {
        String id = "TC048-CP";
        String tag = "TC048-TAG";
        idToken(tag, "ACCEPTED");
        ThirdPartyChargePoint cp = chargePoint(id);
        Instant expiry = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);

        for (ReservationStatus answer : new ReservationStatus[]{ReservationStatus.Faulted, ReservationStatus.Occupied,
                ReservationStatus.Unavailable, ReservationStatus.Rejected}) {
            cp.answer(ReserveNowRequest.class, r -> new ReserveNowConfirmation(answer));
            JsonNode reservation = command(id, "reserve-now",
                    "{\"connectorId\":1,\"idTag\":\"" + tag + "\",\"expiryDate\":\"" + expiry + "\"}");
            assertThat(reservation.get("status").asString()).as(answer.name()).isEqualTo("REJECTED");
            assertThat(reservation.get("detail").asString()).isEqualTo(answer.name());
            assertThat(cp.await(ReserveNowRequest.class).getReservationId()).isEqualTo(reservation.get("id").asInt());
        }
        assertThat(reservations(id)).hasSize(4).allSatisfy(r -> assertThat(r.get("status").asString()).isEqualTo("REJECTED"));
        assertThat(reservations(id).stream().map(r -> r.get("detail").asString()))
                .containsExactlyInAnyOrder("Faulted", "Occupied", "Unavailable", "Rejected");
    }
}
