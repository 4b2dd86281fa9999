package io.pylon.server.ocpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pylon.server.support.PylonIT;
import io.pylon.server.support.RawOcppClient;
import org.junit.jupiter.api.Test;

/** Security profile 1 (HTTP Basic): right password only, no weaker profile than the charger's. */
class SecurityProfileIT extends PylonIT {

    private static final String BOOT = "{\"chargePointVendor\":\"Acme\",\"chargePointModel\":\"X1\"}";

    @Test
    void aProfileOneChargerNeedsItsPassword() {
        assertThat(api.post("/api/v1/chargers", "{\"id\":\"SP1-A\",\"password\":\"correct-horse\"}").status()).isEqualTo(201);
        assertThatThrownBy(() -> RawOcppClient.connect(ocppPort(), "SP1-A", null)).hasStackTraceContaining("401");
        assertThatThrownBy(() -> RawOcppClient.connect(ocppPort(), "SP1-A", "wrong-horse")).hasStackTraceContaining("401");
        try (RawOcppClient client = RawOcppClient.connect(ocppPort(), "SP1-A", "correct-horse")) {
            assertThat(client.call("1", "BootNotification", BOOT).get(2).get("status").asString()).isEqualTo("Accepted");
        }
    }

    @Test
    void thePasswordCanBeChangedAndTheOldOneStopsWorking() {
        api.post("/api/v1/chargers", "{\"id\":\"SP1-B\",\"password\":\"first-password\"}");
        api.patch("/api/v1/chargers/SP1-B", "{\"password\":\"second-password\"}");
        assertThatThrownBy(() -> RawOcppClient.connect(ocppPort(), "SP1-B", "first-password")).hasStackTraceContaining("401");
        try (RawOcppClient client = RawOcppClient.connect(ocppPort(), "SP1-B", "second-password")) {
            assertThat(client.isOpen()).isTrue();
        }
    }

    @Test
    void aProfileTwoChargerCannotConnectWithoutTls() {
        api.post("/api/v1/chargers", "{\"id\":\"SP2-A\",\"securityProfile\":2,\"password\":\"tls-only-pass\"}");
        assertThatThrownBy(() -> RawOcppClient.connect(ocppPort(), "SP2-A", "tls-only-pass")).hasStackTraceContaining("401");
    }

    @Test
    void credentialsForAnotherChargerAreRefused() {
        api.post("/api/v1/chargers", "{\"id\":\"SP1-C\",\"password\":\"charger-c-pass\"}");
        api.post("/api/v1/chargers", "{\"id\":\"SP1-D\",\"password\":\"charger-d-pass\"}");
        assertThatThrownBy(() -> RawOcppClient.connectAs(ocppPort(), "SP1-C", "SP1-D", "charger-d-pass"))
                .hasStackTraceContaining("401");
    }

    @Test
    void aRejectedChargerIsRefusedAtTheDoor() {
        api.post("/api/v1/chargers", "{\"id\":\"SP-REJ\",\"registration\":\"REJECTED\"}");
        assertThatThrownBy(() -> RawOcppClient.connect(ocppPort(), "SP-REJ", null)).hasStackTraceContaining("403");
    }

    @Test
    void aMissingSubprotocolOrPathIsRefused() {
        assertThatThrownBy(() -> RawOcppClient.connectWithSubprotocol(ocppPort(), "/ocpp/SP-NOPROTO", "ocpp2.0.1"))
                .hasStackTraceContaining("400");
        assertThatThrownBy(() -> RawOcppClient.connectWithSubprotocol(ocppPort(), "/other/SP-X", "ocpp1.6"))
                .hasStackTraceContaining("404");
    }
}
