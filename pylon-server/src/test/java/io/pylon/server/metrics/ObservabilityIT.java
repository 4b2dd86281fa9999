package io.pylon.server.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon.server.support.Api;
import io.pylon.server.support.PylonIT;
import io.pylon.server.support.RawOcppClient;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Prometheus metrics and health probes, fed by a real charger's messages. */
class ObservabilityIT extends PylonIT {
    private static final String BOOT = "{\"chargePointVendor\":\"Acme\",\"chargePointModel\":\"X1\"}";

    @Test
    void gatewayMessagesErrorsAndMeterWritesAreExportedForPrometheus() {
        try (RawOcppClient cp = RawOcppClient.connect(ocppPort(), "OBS-1", null)) {
            cp.call("1", "BootNotification", BOOT);
            cp.call("2", "MeterValues", "{\"connectorId\":1,\"meterValue\":[{\"timestamp\":\"2026-11-21T10:00:00Z\","
                    + "\"sampledValue\":[{\"value\":\"1000\"}]}]}");
            cp.call("3", "Heartbeat", "{\"unexpected\":1}"); // FormationViolation
            cp.sendText("not json at all");
            cp.next();

            String metrics = api.get("/actuator/prometheus").raw();

            assertThat(value(metrics, "pylon_gateway_connections\\{protocol=\"ocpp1.6\"}")).isGreaterThanOrEqualTo(1);
            assertThat(value(metrics, "pylon_gateway_messages_total\\{action=\"MeterValues\",direction=\"in\",protocol=\"ocpp1.6\"}"))
                    .isGreaterThanOrEqualTo(1);
            assertThat(value(metrics, "pylon_gateway_handling_seconds_count\\{action=\"BootNotification\",protocol=\"ocpp1.6\"}"))
                    .isGreaterThanOrEqualTo(1);
            assertThat(metrics).containsPattern("pylon_gateway_handling_seconds_bucket\\{action=\"MeterValues\",protocol=\"ocpp1.6\",le=\"0.05\"}");
            assertThat(value(metrics, "pylon_gateway_call_errors_total\\{action=\"Heartbeat\",code=\"FORMATION_VIOLATION\",protocol=\"ocpp1.6\"}"))
                    .isGreaterThanOrEqualTo(1);
            assertThat(value(metrics, "pylon_gateway_decode_failures_total\\{protocol=\"ocpp1.6\",reason=\"[A-Z_]+\"}")).isGreaterThanOrEqualTo(1);
            assertThat(value(metrics, "pylon_meter_batch_rows_count")).isGreaterThanOrEqualTo(1);
            assertThat(metrics).contains("pylon_meter_queue ").contains("pylon_meter_batch_write_seconds_bucket");
        }
    }

    @Test
    void metricsNeedAnOperatorLoginWhileHealthProbesAreOpen() {
        Api anonymous = new Api(httpPort);
        assertThat(anonymous.get("/actuator/prometheus").status()).isEqualTo(401);
        assertThat(anonymous.get("/actuator/health/readiness").raw()).contains("\"UP\"");
        assertThat(anonymous.get("/actuator/health/liveness").raw()).contains("\"UP\"");
    }

    private static double value(String metrics, String series) {
        Matcher m = Pattern.compile("(?m)^" + series + " ([0-9.eE+-]+)$").matcher(metrics);
        assertThat(m.find()).as("series %s in%n%s", series, metrics.lines().filter(l -> l.startsWith("pylon")).toList()).isTrue();
        return Double.parseDouble(m.group(1));
    }
}
