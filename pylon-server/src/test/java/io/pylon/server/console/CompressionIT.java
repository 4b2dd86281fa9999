package io.pylon.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon.server.support.Api;
import io.pylon.server.support.PylonIT;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The platform compresses what the browser downloads — the console's scripts and the API's JSON — for clients that
 * accept gzip, and never the live event streams, whose events must reach the screen the moment they are sent.
 */
class CompressionIT extends PylonIT {

    private static final Pattern MAIN_SCRIPT = Pattern.compile("src=\"(/assets/index-[^\"]+\\.js)\"");

    private HttpResponse<byte[]> get(String path, String token, String acceptEncoding) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path)).GET();
        if (token != null) request.header("Authorization", "Bearer " + token);
        if (acceptEncoding != null) request.header("Accept-Encoding", acceptEncoding);
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        }
    }

    private static byte[] gunzip(byte[] body) throws Exception {
        try (var in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return in.readAllBytes();
        }
    }

    @Test
    void theConsolesMainScriptComesGzippedToBrowsersThatAcceptIt() throws Exception {
        String index = new String(get("/", null, null).body(), StandardCharsets.UTF_8);
        var script = MAIN_SCRIPT.matcher(index);
        assertThat(script.find()).as("index.html names its main script: " + index).isTrue();

        var plain = get(script.group(1), null, null);
        assertThat(plain.statusCode()).isEqualTo(200);
        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();

        var gzipped = get(script.group(1), null, "gzip, deflate, br");
        assertThat(gzipped.statusCode()).isEqualTo(200);
        assertThat(gzipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(gzipped.headers().firstValue("Content-Type").orElse("")).contains("javascript");
        assertThat(gzipped.body().length).isLessThan(plain.body().length / 2);
        assertThat(gunzip(gzipped.body())).isEqualTo(plain.body());
    }

    @Test
    void jsonAnswersOfTheApiComeGzipped() throws Exception {
        String token = new Api(httpPort).login("admin", ADMIN_PASSWORD).token();
        var op = io.pylon.server.support.Tenants.create(api, httpPort, "CNY");
        for (int i = 0; i < 10; i++) op.station("Compressed station " + i);
        var r = get("/api/v1/stations?size=50", op.admin().token(), "gzip");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(r.headers().firstValue("Content-Encoding")).hasValue("gzip");
        var stations = JsonMapper.builder().build().readTree(gunzip(r.body()));
        assertThat(stations.get("items").size()).isEqualTo(10);
        assertThat(get("/api/v1/stations?size=50", op.admin().token(), null).headers().firstValue("Content-Encoding")).isEmpty();

        // an answer under the 1 KB threshold is not worth compressing
        var small = get("/api/v1/auth/whoami", token, "gzip");
        assertThat(small.statusCode()).isEqualTo(200);
        assertThat(small.headers().firstValue("Content-Encoding")).isEmpty();

        var docs = get("/v3/api-docs", null, "gzip");
        assertThat(docs.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(JsonMapper.builder().build().readTree(gunzip(docs.body())).has("paths")).isTrue();
    }

    @Test
    void theLiveStreamIsNeverCompressedAndItsEventsArriveAtOnce() throws Exception {
        String token = new Api(httpPort).login("admin", ADMIN_PASSWORD).token();
        try (var live = SseStream.open(httpPort, token, "/api/v1/live", "Accept-Encoding", "gzip")) {
            assertThat(live.status()).isEqualTo(200);
            assertThat(live.headers().firstValue("Content-Encoding")).isEmpty();
            assertThat(live.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
            // the first events are sent on connect; a buffering (compressing) response would hold them back
            assertThat(live.await(e -> e.name().equals("counters"), Duration.ofSeconds(20)).data().has("connectors")).isTrue();
        }
    }
}
