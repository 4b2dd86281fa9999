package io.pylon.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon.server.support.PylonIT;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The web app's API types are generated from {@code pylon-console/openapi.json} (ADR 0008). This test keeps that file
 * equal to what the server documents at {@code /v3/api-docs}: a changed API fails the build until the file is
 * regenerated, so the console's types never drift from the API. Regenerate with
 * {@code mvn verify -pl pylon-server -am -Dit.test=OpenApiContractIT -Dpylon.openapi.update=true ...}, then rebuild
 * the console (its type check shows what the change breaks).
 */
class OpenApiContractIT extends PylonIT {

    static final Path CHECKED_IN = Path.of("..", "pylon-console", "openapi.json");
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    @Test
    void theConsolesOpenApiDocumentIsTheServers() throws Exception {
        var r = api.get("/v3/api-docs");
        assertThat(r.status()).isEqualTo(200);
        ObjectNode served = (ObjectNode) r.body();
        served.remove("servers"); // the random port of this test run
        if (Boolean.getBoolean("pylon.openapi.update")) {
            Files.writeString(CHECKED_IN, JSON.writeValueAsString(served) + "\n", StandardCharsets.UTF_8);
        }
        JsonNode checkedIn = JSON.readTree(Files.readString(CHECKED_IN, StandardCharsets.UTF_8));
        assertThat(checkedIn)
                .as("pylon-console/openapi.json differs from /v3/api-docs: regenerate it (-Dpylon.openapi.update=true, see this test)")
                .isEqualTo(served);
    }

    @Test
    void theLiveAndConsoleEndpointsAreDocumented() {
        JsonNode paths = api.get("/v3/api-docs").body().get("paths");
        assertThat(paths.has("/api/v1/live")).isTrue();
        assertThat(paths.has("/api/v1/dashboard")).isTrue();
        assertThat(paths.has("/api/v1/alarms")).isTrue();
        assertThat(paths.has("/api/v1/me/stations")).isTrue();
        JsonNode schemas = api.get("/v3/api-docs").body().get("components").get("schemas");
        assertThat(schemas.has("ConnectorEvent")).isTrue();
        assertThat(schemas.has("SessionsEvent")).isTrue();
        assertThat(schemas.has("Dashboard")).isTrue();
        assertThat(schemas.has("AlarmView")).isTrue();
    }
}
