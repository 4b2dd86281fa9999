package io.pylon.server.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import eu.chargetime.ocpp.model.core.AuthorizationStatus;
import eu.chargetime.ocpp.model.core.ChargePointStatus;
import eu.chargetime.ocpp.model.core.MeterValue;
import eu.chargetime.ocpp.model.core.Reason;
import eu.chargetime.ocpp.model.core.StartTransactionConfirmation;
import eu.chargetime.ocpp.model.core.StartTransactionRequest;
import eu.chargetime.ocpp.model.core.StopTransactionConfirmation;
import eu.chargetime.ocpp.model.core.StopTransactionRequest;
import eu.chargetime.ocpp.model.core.ChargePointErrorCode;
import eu.chargetime.ocpp.model.Request;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A whole session driven by the third-party Java-OCA-OCPP charge point: the connection drops mid-session,
 * the charger queues its messages and sends them after reconnecting with their original timestamps, and
 * retransmitted StartTransaction / StopTransaction / MeterValues frames (the same payload again) change nothing.
 */
class ThirdPartyFullSessionIT extends ConformanceBase {

    @Test
    void aSessionWithAnOfflinePeriodAndRetransmissionsIsRecordedOnceWithTheChargersTimes() {
        String id = "TPFS-CP";
        String tag = "TPFS-TAG";
        idToken(tag, "ACCEPTED");
        ThirdPartyChargePoint cp = chargePoint(id);
        ZonedDateTime t0 = ThirdPartyChargePoint.now().minusHours(2);
        cp.send(cp.statusRequest(1, ChargePointStatus.Available, ChargePointErrorCode.NoError, t0.minusMinutes(1)));

        assertThat(cp.authorize(tag).getStatus()).isEqualTo(AuthorizationStatus.Accepted);
        StartTransactionRequest start = cp.startRequest(1, tag, 5_000, t0, null);
        StartTransactionConfirmation started = cp.send(start);
        int tx = started.getTransactionId();
        // the reply was "lost": the charger sends the same StartTransaction again
        StartTransactionConfirmation again = cp.send(cp.startRequest(1, tag, 5_000, t0, null));
        assertThat(again.getTransactionId()).isEqualTo(tx);
        assertThat(again.getIdTagInfo().getStatus()).isEqualTo(AuthorizationStatus.Accepted);
        cp.send(cp.statusRequest(1, ChargePointStatus.Charging, ChargePointErrorCode.NoError, t0));
        cp.meterValues(1, tx, t0.plusMinutes(10), 6_000, 7_200);

        // the connection drops; the charger goes on charging and queues what it has to send
        cp.disconnect();
        eventually(() -> charger(id), c -> !c.get("connected").asBoolean());
        List<Request> queued = new ArrayList<>();
        queued.add(cp.meterValuesRequest(1, tx, t0.plusMinutes(20), 7_000, 7_200));
        queued.add(cp.meterValuesRequest(1, tx, t0.plusMinutes(30), 8_000, 7_200));
        StopTransactionRequest stop = cp.stopRequest(tx, 8_750, t0.plusMinutes(40), Reason.EVDisconnected, tag);
        stop.setTransactionData(new MeterValue[]{ThirdPartyChargePoint.meterValue(t0.plusMinutes(40), 8_750, 0)});
        queued.add(stop);
        queued.add(cp.statusRequest(1, ChargePointStatus.Finishing, ChargePointErrorCode.NoError, t0.plusMinutes(40)));

        // back online (a new connection, no reboot): the queue is emptied in order
        ThirdPartyChargePoint reconnected = connectedOnly(id);
        for (Request r : queued) reconnected.send(r);
        assertThat(charger(id).get("connected").asBoolean()).isTrue();

        JsonNode s = eventually(() -> session(tx), v -> v.get("meterValues").size() == 8);
        assertThat(s.get("state").asString()).isEqualTo("COMPLETED");
        assertThat(s.get("startedAt").asString()).isEqualTo(t0.toInstant().toString());
        assertThat(s.get("stoppedAt").asString()).isEqualTo(t0.plusMinutes(40).toInstant().toString());
        assertThat(s.get("meterStartWh").asLong()).isEqualTo(5_000);
        assertThat(s.get("meterStopWh").asLong()).isEqualTo(8_750);
        assertThat(s.get("energyWh").asLong()).isEqualTo(3_750);
        assertThat(s.get("stopReason").asString()).isEqualTo("EVDisconnected");
        assertThat(energyReadings(s)).containsExactly(
                t0.plusMinutes(10).toInstant() + "=6000", t0.plusMinutes(20).toInstant() + "=7000",
                t0.plusMinutes(30).toInstant() + "=8000", t0.plusMinutes(40).toInstant() + "=8750");
        JsonNode connector = charger(id).get("connectors").get(0);
        assertThat(connector.get("status").asString()).isEqualTo("FINISHING");
        assertThat(connector.get("since").asString()).isEqualTo(t0.plusMinutes(40).toInstant().toString());

        // the StopTransaction reply was "lost" too: the same stop again changes nothing
        StopTransactionConfirmation stopAgain = reconnected.send(stop);
        assertThat(stopAgain.getIdTagInfo().getStatus()).isEqualTo(AuthorizationStatus.Accepted);
        StartTransactionConfirmation lateStart = reconnected.send(start);
        reconnected.send(queued.getFirst()); // and a meter value sent twice is kept once
        assertThat(lateStart.getTransactionId()).isEqualTo(tx);

        List<JsonNode> all = sessions(id);
        assertThat(all).hasSize(1);
        JsonNode after = session(tx);
        assertThat(after.get("state").asString()).isEqualTo("COMPLETED");
        assertThat(after.get("energyWh").asLong()).isEqualTo(3_750);
        assertThat(after.get("stoppedAt").asString()).isEqualTo(t0.plusMinutes(40).toInstant().toString());
        assertThat(after.get("meterValues").size()).isEqualTo(8);
    }

    /** "timestamp=value" of the energy register readings, in the order the API gives them. */
    private static List<String> energyReadings(JsonNode session) {
        return session.get("meterValues").valueStream()
                .filter(v -> v.get("measurand").asString().equals("Energy.Active.Import.Register"))
                .map(v -> java.time.Instant.parse(v.get("timestamp").asString()) + "=" + v.get("value").asString()).toList();
    }
}
