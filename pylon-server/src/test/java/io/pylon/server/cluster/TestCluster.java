package io.pylon.server.cluster;

import io.pylon.server.PylonApplication;
import io.pylon.server.support.PylonIT;
import io.pylon.server.support.TestDatabase;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.h2.tools.Server;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A little cluster for tests: an in-JVM KRaft Kafka broker, one database shared by every node (H2 served over
 * TCP on loopback so that a second JVM can reach it, or a fresh PostgreSQL database), nodes started in this JVM
 * (Spring contexts) and nodes started as separate JVMs — the only kind that can be killed with SIGKILL.
 */
final class TestCluster implements AutoCloseable {

    static final Duration HEARTBEAT = Duration.ofSeconds(1);
    static final Duration NODE_TIMEOUT = Duration.ofSeconds(5);
    /** Holds the secrets every node must share (token key, payment secret), provisioned before any node starts. */
    static final Path SHARED_DATA_DIR = Path.of("target/cluster-it/shared");

    private final EmbeddedKafkaKraftBroker kafka;
    private final Server h2;
    private final String dbUrl;
    private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();
    private final List<Process> processes = new ArrayList<>();

    TestCluster() {
        provisionSecrets();
        kafka = new EmbeddedKafkaKraftBroker(1, 3);
        kafka.afterPropertiesSet();
        String url = TestDatabase.newDatabaseUrl();
        if (url.startsWith("jdbc:h2:mem:")) {
            try {
                h2 = Server.createTcpServer("-tcpPort", "0", "-ifNotExists").start();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            url = url.replace("jdbc:h2:mem:", "jdbc:h2:tcp://127.0.0.1:" + h2.getPort() + "/mem:");
        } else {
            h2 = null;
        }
        dbUrl = url;
    }

    /** As an operator would: one token key and one payment secret, the same on every node. */
    private static void provisionSecrets() {
        try {
            Files.createDirectories(SHARED_DATA_DIR);
            for (String file : List.of("jwt.key", "payment-hmac.secret")) {
                byte[] random = new byte[32];
                new java.security.SecureRandom().nextBytes(random);
                Files.writeString(SHARED_DATA_DIR.resolve(file), java.util.Base64.getEncoder().encodeToString(random));
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    String kafkaBootstrap() {
        return kafka.getBrokersAsString();
    }

    Connection sql() throws SQLException {
        return DriverManager.getConnection(dbUrl, TestDatabase.user(), "");
    }

    /** The settings of a node; ports 0 = any free one. */
    private Map<String, String> settings(String nodeId, int httpPort, int ocppPort, int ykcPort) {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("server.port", Integer.toString(httpPort));
        s.put("spring.datasource.url", dbUrl);
        s.put("spring.datasource.username", TestDatabase.user());
        s.put("spring.datasource.password", "");
        s.put("pylon.node-id", nodeId);
        s.put("pylon.bus", "kafka");
        s.put("pylon.kafka.bootstrap", kafkaBootstrap());
        s.put("pylon.kafka.partitions", "3");
        s.put("pylon.cluster.heartbeat-interval", HEARTBEAT.toMillis() + "ms");
        s.put("pylon.cluster.node-timeout", NODE_TIMEOUT.toMillis() + "ms");
        s.put("pylon.ocpp.port", Integer.toString(ocppPort));
        s.put("pylon.ykc.port", Integer.toString(ykcPort));
        s.put("pylon.ocpp.unknown-chargers", "accept");
        s.put("pylon.ocpp.call-timeout", "5s");
        s.put("pylon.ocpp.heartbeat-interval", "60s");
        s.put("pylon.tenancy.mode", "multi");
        s.put("pylon.admin-password", PylonIT.ADMIN_PASSWORD);
        s.put("pylon.data-dir", SHARED_DATA_DIR.toString());
        return s;
    }

    /** Waits until the shared database is migrated (by the first node) up to the newest migration. */
    void awaitSchema(Duration limit) {
        await(limit, () -> {
            try (Connection c = sql(); var s = c.createStatement();
                 var r = s.executeQuery("select count(*) from flyway_schema_history where version = '16' and success")) {
                return r.next() && r.getLong(1) == 1;
            } catch (SQLException e) {
                return false; // not created yet
            }
        }, "the shared database migrated");
    }

    /** A node in this JVM. */
    ConfigurableApplicationContext startInProcess(String nodeId) {
        // As command-line arguments: they win over application.yml (builder "properties" would not).
        String[] args = settings(nodeId, 0, 0, 0).entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(PylonApplication.class).run(args);
        contexts.add(context);
        return context;
    }

    /** A node in a JVM of its own (same class path), ready to serve when this returns. */
    Process startProcess(String nodeId, int httpPort, int ocppPort, int ykcPort) throws IOException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx384m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                PylonApplication.class.getName()));
        settings(nodeId, httpPort, ocppPort, ykcPort).forEach((k, v) -> command.add("--" + k + "=" + v));
        Path log = Path.of("target/cluster-it/" + nodeId + "-" + TestDatabase.KIND + ".log");
        Files.createDirectories(log.getParent());
        Files.writeString(Path.of("target/cluster-it/" + nodeId + "-" + TestDatabase.KIND + ".cmd"), String.join(" ", command));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        processes.add(process);
        HttpClient http = HttpClient.newHttpClient();
        // Generous: on a shared 2-core machine under load a second Spring Boot JVM may take minutes to start.
        await(Duration.ofSeconds(300), () -> {
            if (!process.isAlive()) throw new IllegalStateException("Node " + nodeId + " died; see " + log.toAbsolutePath());
            try {
                return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/actuator/health/readiness")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }, "node " + nodeId + " ready");
        return process;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Polls until the condition holds; fails with {@code what} after {@code limit}. */
    static void await(Duration limit, BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("Timed out waiting for " + what);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted waiting for " + what);
            }
        }
    }

    @Override
    public void close() {
        for (Process p : processes) {
            try {
                p.destroyForcibly().waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        contexts.forEach(ConfigurableApplicationContext::close);
        if (h2 != null) h2.stop();
        kafka.destroy();
    }
}
