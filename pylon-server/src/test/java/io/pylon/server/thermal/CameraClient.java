package io.pylon.server.thermal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A thermal camera posting frames over HTTP with its key (no user token), in any of the three forms. */
final class CameraClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String cameraId;
    private final String key;

    CameraClient(int port, String cameraId, String key) {
        this.base = "http://127.0.0.1:" + port;
        this.cameraId = cameraId;
        this.key = key;
    }

    record Reply(int status, JsonNode body, String raw) {
        /** The decision on one bay. */
        JsonNode bay(long bayId) {
            for (JsonNode b : body.get("bays")) if (b.get("bayId").asLong() == bayId) return b;
            throw new AssertionError("no bay " + bayId + " in " + raw);
        }
    }

    /** JSON to the camera's own path. */
    Reply json(String body) {
        return send("/api/v1/thermal/cameras/" + cameraId + "/frames", "application/json", body.getBytes(StandardCharsets.UTF_8), null);
    }

    /** JSON to the shared path, the camera named by the body. */
    Reply jsonShared(String body) {
        return send("/api/v1/thermal/frames", "application/json", body.getBytes(StandardCharsets.UTF_8), null);
    }

    Reply binary(byte[] body) {
        return send("/api/v1/thermal/cameras/" + cameraId + "/frames", "application/octet-stream", body, null);
    }

    /** A PNG to the shared path, the camera named by X-Camera-Id. */
    Reply png(byte[] body, String timestamp) {
        return send("/api/v1/thermal/frames", "image/png", body, timestamp);
    }

    Reply send(String path, String contentType, byte[] body, String timestamp) {
        var request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", contentType).header("X-Camera-Id", cameraId).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (key != null) request.header("X-Camera-Key", key);
        if (timestamp != null) request.header("X-Frame-Timestamp", timestamp);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = response.body() == null || response.body().isBlank() ? null : JSON.readTree(response.body());
            return new Reply(response.statusCode(), json, response.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
