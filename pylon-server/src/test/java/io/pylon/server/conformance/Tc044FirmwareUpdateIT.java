package io.pylon.server.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import eu.chargetime.ocpp.model.firmware.FirmwareStatus;
import eu.chargetime.ocpp.model.firmware.FirmwareStatusNotificationRequest;
import eu.chargetime.ocpp.model.firmware.UpdateFirmwareRequest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** TC_044_1/2/3_CSMS Firmware update: download and install, download failed, installation failed. */
class Tc044FirmwareUpdateIT extends ConformanceBase {

    @Test
    void theChargerReceivesTheUpdateAndItsProgressIsShownAndLogged() {
        String id = "TC044-CP";
        ThirdPartyChargePoint cp = chargePoint(id);
        Instant retrieve = Instant.now().plus(1, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);

        JsonNode reply = command(id, "update-firmware", "{\"location\":\"https://fw.example.com/cp-2.0.bin\",\"retrieveDate\":\""
                + retrieve + "\",\"retries\":3,\"retryInterval\":60}");
        assertThat(reply.get("status").asString()).isEqualTo("Accepted");
        UpdateFirmwareRequest received = cp.await(UpdateFirmwareRequest.class);
        assertThat(received.getLocation()).isEqualTo("https://fw.example.com/cp-2.0.bin");
        assertThat(received.getRetrieveDate().toInstant()).isEqualTo(retrieve);
        assertThat(received.getRetries()).isEqualTo(3);
        assertThat(received.getRetryInterval()).isEqualTo(60);

        for (FirmwareStatus s : List.of(FirmwareStatus.Downloading, FirmwareStatus.Downloaded, FirmwareStatus.Installing,
                FirmwareStatus.Installed)) {
            cp.send(new FirmwareStatusNotificationRequest(s));
        }
        assertThat(charger(id).get("firmwareStatus").asString()).isEqualTo("Installed");
        assertThat(firmwareEvents(id)).containsExactlyInAnyOrder("Downloading", "Downloaded", "Installing", "Installed");
    }

    @Test
    void aFailedDownloadAndAFailedInstallationAreShown() {
        String id = "TC044-FAIL";
        ThirdPartyChargePoint cp = chargePoint(id);

        command(id, "update-firmware", "{\"location\":\"ftp://fw.example.com/broken.bin\"}");
        assertThat(cp.await(UpdateFirmwareRequest.class).getRetrieveDate()).isNotNull();
        cp.send(new FirmwareStatusNotificationRequest(FirmwareStatus.Downloading));
        cp.send(new FirmwareStatusNotificationRequest(FirmwareStatus.DownloadFailed));
        assertThat(charger(id).get("firmwareStatus").asString()).isEqualTo("DownloadFailed");

        command(id, "update-firmware", "{\"location\":\"ftp://fw.example.com/bad-image.bin\"}");
        cp.await(UpdateFirmwareRequest.class);
        cp.send(new FirmwareStatusNotificationRequest(FirmwareStatus.Downloaded));
        cp.send(new FirmwareStatusNotificationRequest(FirmwareStatus.Installing));
        cp.send(new FirmwareStatusNotificationRequest(FirmwareStatus.InstallationFailed));
        assertThat(charger(id).get("firmwareStatus").asString()).isEqualTo("InstallationFailed");
        assertThat(firmwareEvents(id)).contains("DownloadFailed", "InstallationFailed").hasSize(5);
    }

    private List<String> firmwareEvents(String id) {
        return events(id).stream().filter(e -> e.get("kind").asString().equals("FirmwareStatus"))
                .map(e -> e.get("detail").asString()).toList();
    }
}
