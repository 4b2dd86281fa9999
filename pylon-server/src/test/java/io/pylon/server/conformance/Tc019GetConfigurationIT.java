package io.pylon.server.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import eu.chargetime.ocpp.model.core.GetConfigurationRequest;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** TC_019_1/TC_019_2_CSMS Retrieve all / specific configuration keys. */
class Tc019GetConfigurationIT extends ConformanceBase {

    @Test
    void allKeysAreListedWithValuesAndReadonlyFlags() {
        String id = "TC019-ALL";
        ThirdPartyChargePoint cp = chargePoint(id);

        JsonNode reply = command(id, "get-configuration", "{}");
        assertThat(reply.get("status").asString()).isEqualTo("Accepted");
        GetConfigurationRequest received = cp.await(GetConfigurationRequest.class);
        assertThat(received.getKey() == null || received.getKey().length == 0).isTrue();

        Map<String, JsonNode> keys = keys(reply);
        assertThat(keys).containsOnlyKeys(cp.configuration.keySet());
        assertThat(keys.get("HeartbeatInterval").get("value").asString()).isEqualTo("60");
        assertThat(keys.get("HeartbeatInterval").get("readonly").asBoolean()).isFalse();
        assertThat(keys.get("NumberOfConnectors").get("readonly").asBoolean()).isTrue();
    }

    @Test
    void specificKeysAreAskedForAndUnknownOnesAreReportedAsSuch() {
        String id = "TC019-SOME";
        ThirdPartyChargePoint cp = chargePoint(id);

        JsonNode reply = command(id, "get-configuration", "{\"keys\":[\"MeterValueSampleInterval\",\"NoSuchKey\"]}");
        assertThat(cp.await(GetConfigurationRequest.class).getKey()).containsExactly("MeterValueSampleInterval", "NoSuchKey");
        assertThat(keys(reply)).containsOnlyKeys("MeterValueSampleInterval");
        assertThat(keys(reply).get("MeterValueSampleInterval").get("value").asString()).isEqualTo("30");
        assertThat(reply.get("data").get("unknownKey").valueStream().map(JsonNode::asString)).containsExactly("NoSuchKey");
    }

    static Map<String, JsonNode> keys(JsonNode reply) {
        Map<String, JsonNode> keys = new HashMap<>();
        JsonNode list = reply.get("data").get("configurationKey");
        if (list != null) list.forEach(k -> keys.put(k.get("key").asString(), k));
        return keys;
    }
}
