package io.pylon.server.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small REST client for tests: JSON in, {@link Response} out. */
public final class Api {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private String token;

    public Api(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    public record Response(int status, String contentType, JsonNode body, String raw) {}

    /** Logs in and keeps the token for later calls. */
    public Api login(String user, String password) {
        Response r = post("/api/v1/auth/token", "{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}");
        if (r.status() != 200) throw new IllegalStateException("login failed: " + r.raw());
        token = r.body().get("token").asString();
        return this;
    }

    /** Signs in as a driver of an operator (driver app) and keeps the token for later calls. */
    public Api loginDriver(String operatorCode, String login, String password) {
        Response r = post("/api/v1/auth/driver-token", "{\"operator\":\"" + operatorCode + "\",\"login\":\"" + login
                + "\",\"password\":\"" + password + "\"}");
        if (r.status() != 200) throw new IllegalStateException("driver login failed: " + r.raw());
        token = r.body().get("token").asString();
        return this;
    }

    /** The bearer token in use (null before logging in). */
    public String token() {
        return token;
    }

    public Api withToken(String value) {
        token = value;
        return this;
    }

    public Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    public Response post(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Response put(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Response patch(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
    }

    /** Any method; a null body sends none. */
    public Response call(String method, String path, String json) {
        var builder = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json");
        return send(builder.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)));
    }

    public Response delete(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE());
    }

    private Response send(HttpRequest.Builder request) {
        if (token != null) request.header("Authorization", "Bearer " + token);
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            JsonNode json = body == null || body.isBlank() ? null : parse(body);
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), json, body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
