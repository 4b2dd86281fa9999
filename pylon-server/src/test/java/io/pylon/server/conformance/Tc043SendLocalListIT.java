package io.pylon.server.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import eu.chargetime.ocpp.model.core.AuthorizationStatus;
import eu.chargetime.ocpp.model.localauthlist.AuthorizationData;
import eu.chargetime.ocpp.model.localauthlist.SendLocalListConfirmation;
import eu.chargetime.ocpp.model.localauthlist.SendLocalListRequest;
import eu.chargetime.ocpp.model.localauthlist.UpdateStatus;
import eu.chargetime.ocpp.model.localauthlist.UpdateType;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** TC_043_CSMS Send local authorisation list: full, then differential; the version advances only on Accepted. */
class Tc043SendLocalListIT extends ConformanceBase {

    @Test
    void fullThenDifferentialListsAdvanceTheVersionTheChargerHolds() {
        String id = "TC043-CP";
        idToken("TC043-A", "ACCEPTED");
        idToken("TC043-B", "BLOCKED");
        idToken("TC043-C", "ACCEPTED");
        ThirdPartyChargePoint cp = chargePoint(id);

        assertThat(command(id, "send-local-list", "{\"updateType\":\"Full\",\"idTags\":[\"TC043-A\",\"TC043-B\"]}")
                .get("status").asString()).isEqualTo("Accepted");
        SendLocalListRequest full = cp.await(SendLocalListRequest.class);
        assertThat(full.getUpdateType()).isEqualTo(UpdateType.Full);
        assertThat(full.getListVersion()).isEqualTo(1);
        assertThat(statuses(full)).containsOnly(Map.entry("TC043-A", "Accepted"), Map.entry("TC043-B", "Blocked"));
        assertThat(charger(id).get("localListVersion").asInt()).isEqualTo(1);

        assertThat(command(id, "send-local-list",
                "{\"updateType\":\"Differential\",\"idTags\":[\"TC043-C\"],\"removals\":[\"TC043-A\"]}")
                .get("status").asString()).isEqualTo("Accepted");
        SendLocalListRequest diff = cp.await(SendLocalListRequest.class);
        assertThat(diff.getUpdateType()).isEqualTo(UpdateType.Differential);
        assertThat(diff.getListVersion()).isEqualTo(2);
        assertThat(statuses(diff)).containsOnly(Map.entry("TC043-C", "Accepted"), Map.entry("TC043-A", "removed"));
        assertThat(charger(id).get("localListVersion").asInt()).isEqualTo(2);
        assertThat(command(id, "get-local-list-version", "").get("data").get("listVersion").asInt()).isEqualTo(2);

        cp.answer(SendLocalListRequest.class, r -> new SendLocalListConfirmation(UpdateStatus.VersionMismatch));
        assertThat(command(id, "send-local-list", "{\"updateType\":\"Differential\",\"idTags\":[\"TC043-B\"]}")
                .get("status").asString()).isEqualTo("VersionMismatch");
        assertThat(cp.await(SendLocalListRequest.class).getListVersion()).isEqualTo(3);
        assertThat(charger(id).get("localListVersion").asInt()).isEqualTo(2);
    }

    /** idTag → IdTagInfo status, or "removed" for an entry without IdTagInfo. */
    private static Map<String, String> statuses(SendLocalListRequest r) {
        return Arrays.stream(r.getLocalAuthorizationList()).collect(Collectors.toMap(AuthorizationData::getIdTag,
                d -> d.getIdTagInfo() == null ? "removed" : statusName(d.getIdTagInfo().getStatus())));
    }

    private static String statusName(AuthorizationStatus status) {
        return status.name();
    }
}
