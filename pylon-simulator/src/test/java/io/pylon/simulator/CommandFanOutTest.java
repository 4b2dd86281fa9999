package io.pylon.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Fan-out load: logs in, sends a share of the connected chargers a command each round, records answers and refusals. */
class CommandFanOutTest {
    private FakeCsms csms;
    private HttpServer api;
    private SimulatedFleet fleet;
    private final Set<String> commanded = ConcurrentHashMap.newKeySet();

    @AfterEach
    void tearDown() {
        if (fleet != null) fleet.close();
        if (api != null) api.stop(0);
        if (csms != null) csms.close();
    }

    @Test
    void aShareOfTheFleetIsCommandedThroughTheApiEachRound() throws Exception {
        csms = new FakeCsms();
        api = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        api.createContext("/api/v1/auth/token", x -> {
            String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            reply(x, body.contains("\"s3cret\"") ? 200 : 401, "{\"token\":\"T1\"}");
        });
        api.createContext("/api/v1/chargers/", x -> {
            String charger = x.getRequestURI().getPath().split("/")[4];
            if (!"Bearer T1".equals(x.getRequestHeaders().getFirst("Authorization"))) {
                reply(x, 401, "{}");
                return;
            }
            commanded.add(charger);
            reply(x, 200, charger.endsWith("1") ? "{\"status\":\"Rejected\"}" : "{\"status\":\"Accepted\"}");
        });
        api.start();
        fleet = SimulatedFleet.start(BootAndSessionTest.testConfig(csms).withCount(10));
        CommandFanOut fanOut = new CommandFanOut(URI.create("http://127.0.0.1:" + api.getAddress().getPort()), "admin", "s3cret",
                0.5, Duration.ofMillis(300), fleet, fleet.recorder());
        FakeCsms.sleep(1_000); // all ten connected
        fanOut.start();

        long deadline = System.currentTimeMillis() + 10_000;
        while (answered() < 15 && System.currentTimeMillis() < deadline) {
            FakeCsms.sleep(100);
        }
        fanOut.stop();

        var stats = fleet.report().action(CommandFanOut.ACTION);
        assertThat(stats.count()).isGreaterThanOrEqualTo(15);
        assertThat(commanded).hasSizeGreaterThan(5).allMatch(id -> id.startsWith("SIM-000"));
        if (commanded.contains("SIM-00001")) {
            assertThat(stats.errors()).isPositive(); // a Rejected answer is an error of the round
        }
    }

    private long answered() {
        var stats = fleet.report().action(CommandFanOut.ACTION);
        return stats == null ? 0 : stats.count();
    }

    private static void reply(HttpExchange x, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", "application/json");
        x.sendResponseHeaders(status, bytes.length);
        try (var out = x.getResponseBody()) {
            out.write(bytes);
        }
    }
}
