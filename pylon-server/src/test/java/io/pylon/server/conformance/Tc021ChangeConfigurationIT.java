package io.pylon.server.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import eu.chargetime.ocpp.model.core.ChangeConfigurationRequest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** TC_021_CSMS Change/set configuration: accepted, read back, rejected (read-only) and not supported (unknown). */
class Tc021ChangeConfigurationIT extends ConformanceBase {

    @Test
    void aKeyIsChangedAndReadBackWhileReadOnlyAndUnknownKeysAreRefused() {
        String id = "TC021-CP";
        ThirdPartyChargePoint cp = chargePoint(id);

        JsonNode changed = command(id, "change-configuration", "{\"key\":\"MeterValueSampleInterval\",\"value\":\"15\"}");
        assertThat(changed.get("status").asString()).isEqualTo("Accepted");
        ChangeConfigurationRequest received = cp.await(ChangeConfigurationRequest.class);
        assertThat(received.getKey()).isEqualTo("MeterValueSampleInterval");
        assertThat(received.getValue()).isEqualTo("15");

        JsonNode read = command(id, "get-configuration", "{\"keys\":[\"MeterValueSampleInterval\"]}");
        assertThat(Tc019GetConfigurationIT.keys(read).get("MeterValueSampleInterval").get("value").asString()).isEqualTo("15");

        assertThat(command(id, "change-configuration", "{\"key\":\"NumberOfConnectors\",\"value\":\"4\"}")
                .get("status").asString()).isEqualTo("Rejected");
        assertThat(command(id, "change-configuration", "{\"key\":\"NoSuchKey\",\"value\":\"x\"}")
                .get("status").asString()).isEqualTo("NotSupported");
        assertThat(cp.configuration).containsEntry("NumberOfConnectors", "2").doesNotContainKey("NoSuchKey");
    }
}
