package io.pylon.simulator;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Load mode "command fan-out": every {@code every}, a share of the connected chargers each get a command through the
 * platform's REST API ({@code POST /api/v1/chargers/{id}/commands/trigger-message}, Heartbeat), as an operator's
 * tool would send them; the time from the API call to the charger's answer is recorded per command as
 * {@code API TriggerMessage} next to the OCPP actions. At most {@code MAX_IN_FLIGHT} requests are open at once
 * (each is a socket, and the process already holds one per charger).
 */
final class CommandFanOut {
    static final String ACTION = "API TriggerMessage";
    private static final Logger log = LoggerFactory.getLogger(CommandFanOut.class);
    private static final int MAX_IN_FLIGHT = 200;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final URI api;
    private final String user;
    private final String password;
    private final double share;
    private final Duration every;
    private final SimulatedFleet fleet;
    private final LatencyRecorder recorder;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    private final Random random = new Random(42);
    private volatile boolean running = true;

    CommandFanOut(URI api, String user, String password, double share, Duration every, SimulatedFleet fleet, LatencyRecorder recorder) {
        if (share <= 0 || share > 1) throw new IllegalArgumentException("--fan-out must be in (0, 1]");
        this.api = api;
        this.user = user;
        this.password = password;
        this.share = share;
        this.every = every;
        this.fleet = fleet;
        this.recorder = recorder;
    }

    void start() {
        Thread.ofVirtual().name("pylon-sim-fan-out").start(this::run);
    }

    void stop() {
        running = false;
    }

    private void run() {
        try {
            String token = login();
            while (running && !fleet.done().isDone()) {
                Thread.sleep(every);
                if (running) round(token);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.error("command fan-out stopped: {}", e.getMessage());
        }
    }

    private String login() {
        String body = JSON.writeValueAsString(JSON.createObjectNode().put("username", user).put("password", password));
        HttpResponse<String> r = send(HttpRequest.newBuilder(api.resolve("/api/v1/auth/token"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("login as " + user + " failed: HTTP " + r.statusCode() + " " + r.body());
        }
        return JSON.readTree(r.body()).get("token").asString();
    }

    /** One round: the chosen chargers' commands sent as fast as the in-flight limit allows; waits for all answers. */
    private void round(String token) throws InterruptedException {
        List<SimulatedCharger> connected = new ArrayList<>(fleet.chargers().stream().filter(SimulatedCharger::isConnected).toList());
        Collections.shuffle(connected, random);
        List<SimulatedCharger> chosen = connected.subList(0, (int) Math.round(connected.size() * share));
        Semaphore slots = new Semaphore(MAX_IN_FLIGHT);
        List<CompletableFuture<?>> answers = new ArrayList<>();
        for (SimulatedCharger charger : chosen) {
            slots.acquire();
            long sent = System.nanoTime();
            HttpRequest request = HttpRequest.newBuilder(api.resolve("/api/v1/chargers/" + charger.id() + "/commands/trigger-message"))
                    .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"requestedMessage\":\"Heartbeat\"}")).build();
            answers.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((r, error) -> {
                slots.release();
                long nanos = System.nanoTime() - sent;
                recorder.answered(ACTION, nanos, error != null || r.statusCode() != 200 || !accepted(r.body()));
            }));
        }
        try {
            CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).get(2, TimeUnit.MINUTES);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            log.warn("fan-out round of {} commands incomplete: {}", chosen.size(), e.toString());
        }
    }

    private static boolean accepted(String body) {
        try {
            JsonNode reply = JSON.readTree(body);
            return "Accepted".equals(reply.path("status").asString(""));
        } catch (RuntimeException e) {
            return false;
        }
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("platform API at " + api + " unreachable: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
