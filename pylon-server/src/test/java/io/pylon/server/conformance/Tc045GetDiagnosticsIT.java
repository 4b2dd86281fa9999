package io.pylon.server.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import eu.chargetime.ocpp.model.firmware.DiagnosticsStatus;
import eu.chargetime.ocpp.model.firmware.DiagnosticsStatusNotificationRequest;
import eu.chargetime.ocpp.model.firmware.GetDiagnosticsRequest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** TC_045_1/2_CSMS Get diagnostics: uploaded, and upload failed. */
class Tc045GetDiagnosticsIT extends ConformanceBase {

    @Test
    void theChargerReceivesTheRequestAnswersAFileNameAndItsUploadIsShownAndLogged() {
        String id = "TC045-CP";
        ThirdPartyChargePoint cp = chargePoint(id);
        Instant from = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        Instant to = from.plus(12, ChronoUnit.HOURS);

        JsonNode reply = command(id, "get-diagnostics", "{\"location\":\"ftp://diag.example.com/upload/\",\"retries\":2,"
                + "\"retryInterval\":30,\"startTime\":\"" + from + "\",\"stopTime\":\"" + to + "\"}");
        assertThat(reply.get("status").asString()).isEqualTo("Accepted");
        assertThat(reply.get("data").get("fileName").asString()).isEqualTo("diagnostics-TC045-CP.zip");
        GetDiagnosticsRequest received = cp.await(GetDiagnosticsRequest.class);
        assertThat(received.getLocation()).isEqualTo("ftp://diag.example.com/upload/");
        assertThat(received.getRetries()).isEqualTo(2);
        assertThat(received.getRetryInterval()).isEqualTo(30);
        assertThat(received.getStartTime().toInstant()).isEqualTo(from);
        assertThat(received.getStopTime().toInstant()).isEqualTo(to);

        cp.send(new DiagnosticsStatusNotificationRequest(DiagnosticsStatus.Uploading));
        cp.send(new DiagnosticsStatusNotificationRequest(DiagnosticsStatus.Uploaded));
        assertThat(charger(id).get("diagnosticsStatus").asString()).isEqualTo("Uploaded");
        assertThat(diagnosticsEvents(id)).containsExactlyInAnyOrder("Uploading", "Uploaded");
    }

    @Test
    void aFailedUploadIsShown() {
        String id = "TC045-FAIL";
        ThirdPartyChargePoint cp = chargePoint(id);
        command(id, "get-diagnostics", "{\"location\":\"ftp://unreachable.example.com/\"}");
        cp.await(GetDiagnosticsRequest.class);
        cp.send(new DiagnosticsStatusNotificationRequest(DiagnosticsStatus.Uploading));
        cp.send(new DiagnosticsStatusNotificationRequest(DiagnosticsStatus.UploadFailed));
        assertThat(charger(id).get("diagnosticsStatus").asString()).isEqualTo("UploadFailed");
        assertThat(diagnosticsEvents(id)).contains("UploadFailed");
    }

    private List<String> diagnosticsEvents(String id) {
        return events(id).stream().filter(e -> e.get("kind").asString().equals("DiagnosticsStatus"))
                .map(e -> e.get("detail").asString()).toList();
    }
}
