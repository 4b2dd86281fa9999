package io.pylon.server.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import eu.chargetime.ocpp.model.core.ChargePointStatus;
import eu.chargetime.ocpp.model.reservation.ReserveNowRequest;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * TC_047_CSMS Reservation of a connector – expire: the charger gets the expiry, lets the reservation
 * lapse and reports the connector Available again.
 */
class Tc047ReservationExpireIT extends ConformanceBase {

    @Test
    void theChargerReceivesTheExpiryAndTheConnectorIsAvailableAfterIt() throws InterruptedException {
        String id = "TC047-CP";
        Instant expiry = reserveBriefly(id, "TC047-TAG");
        Thread.sleep(Math.max(0, expiry.toEpochMilli() - System.currentTimeMillis() + 100));
        cp.status(1, ChargePointStatus.Available);
        assertThat(connectorStatus(id, 1)).isEqualTo("AVAILABLE");
        JsonNode reservation = reservations(id).getFirst();
        assertThat(Instant.parse(reservation.get("expiry").asString())).isBefore(Instant.now());
    }

    @Test
    void aReservationPastItsExpiryShowsExpired() throws InterruptedException {
        String id = "TC047-CP2";
        Instant expiry = reserveBriefly(id, "TC047-TAG2");
        Thread.sleep(Math.max(0, expiry.toEpochMilli() - System.currentTimeMillis() + 100));
        assertThat(reservations(id).getFirst().get("status").asString()).isEqualTo("EXPIRED");
    }

    private ThirdPartyChargePoint cp;

    /** Reserves connector 1 for 1.5 s; returns the expiry the charger received. */
    private Instant reserveBriefly(String id, String tag) {
        idToken(tag, "ACCEPTED");
        cp = chargePoint(id);
        Instant expiry = Instant.now().plusMillis(1500);
        JsonNode reservation = command(id, "reserve-now",
                "{\"connectorId\":1,\"idTag\":\"" + tag + "\",\"expiryDate\":\"" + expiry + "\"}");
        assertThat(reservation.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(cp.await(ReserveNowRequest.class).getExpiryDate().toInstant()).isEqualTo(expiry);
        cp.status(1, ChargePointStatus.Reserved);
        return expiry;
    }
}
