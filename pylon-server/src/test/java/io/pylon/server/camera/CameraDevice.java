package io.pylon.server.camera;

import io.pylon.server.support.Api;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A camera or edge-AI box posting events with its id and API key, as a device would (no user token). */
public record CameraDevice(int port, String id, String key) {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final AtomicInteger SEQ = new AtomicInteger();

    /** Posts a body with the given headers (null: left out). */
    public static Api.Response post(int port, String deviceId, String key, String body) {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/camera-events"))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (deviceId != null) request.header("X-Device-Id", deviceId);
        if (key != null) request.header("X-Device-Key", key);
        try {
            HttpResponse<String> r = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = r.body() == null || r.body().isBlank() ? null : JSON.readTree(r.body());
            return new Api.Response(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), json, r.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public Api.Response send(String body) {
        return post(port, id, key, body);
    }

    /** A fresh event id. */
    public static String eventId() {
        return "ev-" + SEQ.incrementAndGet() + "-" + System.nanoTime();
    }

    /** A plate read at a bay (bay null: the camera's one bay, or its gate). */
    public Api.Response plate(String eventId, String plate, String colour, String direction, Instant at, String bay) {
        return send("{\"eventId\":\"" + eventId + "\",\"type\":\"plate_read\",\"time\":\"" + at + "\",\"plate\":\"" + plate
                + "\",\"plateColour\":\"" + colour + "\",\"direction\":\"" + direction + "\""
                + (bay == null ? "" : ",\"bay\":\"" + bay + "\"") + ",\"snapshot\":\"https://nvr.local/snap/" + eventId + ".jpg\"}");
    }

    /** An event of another type at a bay (bay null: the camera's bays). */
    public Api.Response event(String eventId, String type, Instant at, String bay) {
        return send("{\"eventId\":\"" + eventId + "\",\"type\":\"" + type + "\",\"time\":\"" + at + "\""
                + (bay == null ? "" : ",\"bay\":\"" + bay + "\"") + ",\"snapshot\":\"https://nvr.local/snap/" + eventId + ".jpg\"}");
    }
}
