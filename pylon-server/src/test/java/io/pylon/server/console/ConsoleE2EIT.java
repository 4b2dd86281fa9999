package io.pylon.server.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.pylon.domain.alarm.Alarms;
import io.pylon.server.support.Charging;
import io.pylon.server.support.PylonIT;
import io.pylon.server.support.RawOcppClient;
import io.pylon.server.support.Tenants;
import io.pylon.server.support.Tenants.Tenant;
import io.pylon.simulator.FleetConfig;
import io.pylon.simulator.SimulatedCharger;
import io.pylon.simulator.SimulatedFleet;
import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import io.pylon.domain.payment.HmacPaymentProvider;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The web app in a real browser against the real platform: Debian's Chromium driven by playwright-core
 * ({@code pylon-console/e2e/console.e2e.mjs}) while simulated chargers ({@link SimulatedFleet}) are connected. The
 * script logs in, watches a charger change status live, starts a session from the console and watches it charge,
 * reads the configuration, switches language, previews a tariff, checks the big-screen, and as a driver on a phone
 * starts and stops by connector code; it sees a charger's fault alarm arrive live with the console's banner, reads its
 * history and evidence and acknowledges it, and writes an alarm rule; it registers a sensor, and a camera whose key,
 * shown once, then sends an event the events list shows; a driver tops up through the payment hand-off (the harness
 * sends the gateway's signed callback) and sees the new balance; a maintenance user sees only their role's menus and a
 * "no permission" page for the others. Screenshots go to {@code target/e2e-screenshots/}.
 *
 * <p>Needs {@code node} and {@code /usr/bin/chromium} (Debian's package; {@code .ci/run} installs it when missing) and
 * pylon-console's node_modules (installed by that module's build, which runs before this one). It fails, never
 * skips, when they are missing: a browser test that silently does not run proves nothing.
 */
class ConsoleE2EIT extends PylonIT {

    static final Path CONSOLE = Path.of("..", "pylon-console");
    static final Path SCRIPT = Path.of("e2e", "console.e2e.mjs");
    static final Path SHOTS = Path.of("target", "e2e-screenshots").toAbsolutePath();
    static final Path CHROMIUM = Path.of(System.getProperty("pylon.e2e.chromium", "/usr/bin/chromium"));
    static final Duration TIMEOUT = Duration.ofMinutes(9);
    /** Chargers of the large station whose list the browser scrolls through (server paging, virtual scrolling). */
    static final int BIG_FLEET = Integer.getInteger("pylon.e2e.big-fleet", 20_000);

    @Autowired
    DSLContext db;

    @Autowired
    Alarms alarms;

    @Autowired
    HmacPaymentProvider gateway;

    @Test
    void theConsoleBigScreenAndDriverAppWorkInABrowser() throws Exception {
        assertThat(CHROMIUM).as("Debian's chromium (apt-get install chromium)").isExecutable();
        assertThat(CONSOLE.resolve("node_modules").resolve("playwright-core")).as("pylon-console's npm ci").isDirectory();

        Tenant op = Tenants.create(api, httpPort, "CNY");
        long station = op.station("E2E Station");
        Charging.flatTariff(op, station);
        String prefix = op.code().toUpperCase().replaceAll("[^A-Z0-9]", "") + "-E2E-";
        FleetConfig config = FleetConfig.defaults(URI.create(ocppUrl())).withIdPrefix(prefix).withCount(2)
                .withConnectorsPerCharger(2).withChargingShare(0).withConnectsPerSecond(0).withDcShare(0)
                .withMeterInterval(Duration.ofSeconds(2)).withReconnectDelay(Duration.ofMillis(500))
                .withCallTimeout(Duration.ofSeconds(10));
        String chargerA = config.chargerId(1);
        String chargerB = config.chargerId(2);
        int connectors = 0;
        for (String id : List.of(chargerA, chargerB)) {
            op.charger(id, station);
            for (int n = 1; n <= 2; n++, connectors++) {
                var spec = op.admin().put("/api/v1/chargers/" + id + "/connectors/" + n + "/spec",
                        "{\"standard\":\"GBT_AC\",\"maxPowerKw\":7,\"code\":\"" + id + "-" + n + "\"}");
                assertThat(spec.status()).as(spec.raw()).isEqualTo(200);
            }
        }
        long bigStation = op.station("E2E Fleet " + BIG_FLEET);
        insertChargers(op.operatorId(), bigStation, prefix + "BIG-", BIG_FLEET);
        Charging.driverWithBalance(op, "13911110001", "500", prefix + "TAG1"); // the driver on the phone
        Charging.driverWithBalance(op, "13911110002", "500", prefix + "TAG2"); // remote start from the console
        Charging.driverWithBalance(op, "13911110003", "500", prefix + "TAG3"); // a card swiped at a charger
        String faulty = op.charger(prefix + "ALARM", station); // reports a fault when the script asks
        List<RawOcppClient> raw = new ArrayList<>();

        try (SimulatedFleet fleet = SimulatedFleet.start(config)) {
            fleet.chargers().forEach(c -> c.connect().orTimeout(20, TimeUnit.SECONDS).join());
            Files.createDirectories(SHOTS);
            Map<String, String> env = Map.ofEntries(
                    Map.entry("E2E_BASE_URL", "http://127.0.0.1:" + httpPort),
                    Map.entry("E2E_SHOTS", SHOTS.toString()),
                    Map.entry("E2E_CHROMIUM", CHROMIUM.toString()),
                    Map.entry("E2E_ADMIN_USER", op.code() + "-admin"),
                    Map.entry("E2E_ADMIN_PASSWORD", Tenants.PASSWORD),
                    Map.entry("E2E_OPERATOR", op.code()),
                    Map.entry("E2E_DRIVER_LOGIN", "13911110001"),
                    Map.entry("E2E_DRIVER_PASSWORD", Tenants.DRIVER_PASSWORD),
                    Map.entry("E2E_CHARGER_A", chargerA),
                    Map.entry("E2E_CHARGER_B", chargerB),
                    Map.entry("E2E_REMOTE_TAG", prefix + "TAG2"),
                    Map.entry("E2E_CONNECTOR_CODE", chargerB + "-2"),
                    Map.entry("E2E_STATION", String.valueOf(station)),
                    Map.entry("E2E_STATION_NAME", "E2E Station"),
                    Map.entry("E2E_CONNECTORS", String.valueOf(connectors)),
                    Map.entry("E2E_BIG_STATION", String.valueOf(bigStation)),
                    Map.entry("E2E_BIG_COUNT", String.valueOf(BIG_FLEET)),
                    Map.entry("E2E_ALARM_CHARGER", faulty));
            List<String> output = run(env, request -> request.equals("fault " + faulty) ? fault(op, faulty, raw)
                    : request.startsWith("pay ") ? pay(request) : answer(fleet, request, prefix + "TAG3"));
            assertThat(output).contains("8 passed, 0 failed".replace("8", String.valueOf(countSteps())));
        } finally {
            raw.forEach(RawOcppClient::close);
        }
    }

    /**
     * A charger reports a ground fault (AlarmWatch raises a CRITICAL alarm) while the console watches; a heat-map image
     * is kept with the alarm as a thermal camera's would be. Answers "alarm <id>".
     */
    private String fault(Tenant op, String charger, List<RawOcppClient> open) {
        var cp = RawOcppClient.connect(ocppPort(), charger, null);
        open.add(cp);
        cp.call("b", "BootNotification", "{\"chargePointVendor\":\"E2E\",\"chargePointModel\":\"Faulty\"}");
        cp.call("s", "StatusNotification", "{\"connectorId\":1,\"status\":\"Faulted\",\"errorCode\":\"GroundFailure\","
                + "\"info\":\"earth leakage\",\"timestamp\":\"" + Instant.now() + "\"}");
        for (int i = 0; i < 100; i++) {
            var items = op.admin().get("/api/v1/alarms?state=OPEN&chargerId=" + charger).body().get("items");
            if (items != null && !items.isEmpty()) {
                long id = items.get(0).get("id").asLong();
                alarms.attach(id, "image/png", heatMap());
                return "alarm " + id;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return "no alarm for " + charger;
    }

    /** The payment gateway pays a top-up: its signed callback for "pay <merchant order id> <amount>"; answers "paid". */
    private String pay(String request) {
        String[] words = request.split(" ");
        String order = words[1];
        byte[] body = ("merchant_order_id=" + order + "&provider_reference=gw-" + order + "&amount=" + words[2]
                + "&currency=CNY&status=PAID&paid_at=" + Instant.now()).getBytes(StandardCharsets.UTF_8);
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        var callback = java.net.http.HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/api/v1/payments/callbacks/hmac"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header(HmacPaymentProvider.TIMESTAMP_HEADER, timestamp)
                .header(HmacPaymentProvider.SIGNATURE_HEADER, gateway.sign(timestamp, body))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body)).build();
        try (var http = java.net.http.HttpClient.newHttpClient()) {
            var answer = http.send(callback, java.net.http.HttpResponse.BodyHandlers.ofString());
            return answer.statusCode() == 200 && answer.body().contains("CREDITED") ? "paid" : "refused " + answer.body();
        } catch (Exception e) {
            return "failed " + e;
        }
    }

    /** A small false-colour picture, cool blue to a hot spot. */
    private static byte[] heatMap() {
        var image = new BufferedImage(96, 72, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 72; y++) {
            for (int x = 0; x < 96; x++) {
                double heat = Math.max(0, 1 - Math.hypot(x - 60, y - 30) / 50);
                image.setRGB(x, y, ((int) (255 * heat) << 16) | ((int) (80 * heat) << 8) | (int) (200 * (1 - heat)));
            }
        }
        try (var out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A large station written straight into the database (two connectors each), as a fleet that exists already. */
    private void insertChargers(long operatorId, long stationId, String prefix, int count) {
        var now = java.time.Instant.now();
        var id = DSL.field(DSL.name("id"), SQLDataType.VARCHAR);
        var registration = DSL.field(DSL.name("registration_status"), SQLDataType.VARCHAR);
        var vendor = DSL.field(DSL.name("vendor"), SQLDataType.VARCHAR);
        var model = DSL.field(DSL.name("model"), SQLDataType.VARCHAR);
        var online = DSL.field(DSL.name("online"), SQLDataType.BOOLEAN);
        var operator = DSL.field(DSL.name("operator_id"), SQLDataType.BIGINT);
        var station = DSL.field(DSL.name("station_id"), SQLDataType.BIGINT);
        var created = DSL.field(DSL.name("created_at"), SQLDataType.INSTANT);
        var updated = DSL.field(DSL.name("updated_at"), SQLDataType.INSTANT);
        var chargerId = DSL.field(DSL.name("charger_id"), SQLDataType.VARCHAR);
        var connectorId = DSL.field(DSL.name("connector_id"), SQLDataType.INTEGER);
        var status = DSL.field(DSL.name("status"), SQLDataType.VARCHAR);
        var errorCode = DSL.field(DSL.name("error_code"), SQLDataType.VARCHAR);
        var statusAt = DSL.field(DSL.name("status_at"), SQLDataType.INSTANT);
        db.transaction(tx -> {
            var sql = tx.dsl();
            for (int from = 0; from < count; from += 1000) {
                var chargers = sql.batch(sql.insertInto(DSL.table(DSL.name("charger")), id, registration, vendor, model, online,
                        operator, station, created, updated).values((String) null, null, null, null, null, null, null, null, null));
                var connectors = sql.batch(sql.insertInto(DSL.table(DSL.name("connector")), chargerId, connectorId, status, errorCode,
                        statusAt).values((String) null, null, null, null, null));
                for (int i = from; i < Math.min(count, from + 1000); i++) {
                    String charger = prefix + String.format("%05d", i + 1);
                    chargers.bind(charger, "ACCEPTED", "Bulk", "B-" + (i % 7), i % 3 != 0, operatorId, stationId, now, now);
                    connectors.bind(charger, 1, i % 5 == 0 ? "CHARGING" : "AVAILABLE", "NoError", now);
                    connectors.bind(charger, 2, i % 50 == 0 ? "FAULTED" : "AVAILABLE", "NoError", now);
                }
                chargers.execute();
                connectors.execute();
            }
        });
    }

    /** Carries out what the script asks of the simulated chargers. */
    private static String answer(SimulatedFleet fleet, String request, String swipedCard) {
        String[] words = request.split(" ");
        if (words.length == 3 && words[0].equals("local-start")) {
            SimulatedCharger charger = fleet.charger(words[1]);
            boolean ok = charger.startSession(Integer.parseInt(words[2]), swipedCard).orTimeout(20, TimeUnit.SECONDS).join();
            return ok ? "started" : "refused";
        }
        return "unknown request";
    }

    private static long countSteps() throws Exception {
        return Files.readAllLines(CONSOLE.resolve(SCRIPT)).stream().filter(l -> l.strip().startsWith("await step(")).count();
    }

    private static List<String> run(Map<String, String> env, java.util.function.Function<String, String> onRequest) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("node", SCRIPT.toString()).directory(CONSOLE.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process process = pb.start();
        List<String> lines = new ArrayList<>();
        Thread reader = Thread.ofPlatform().daemon().start(() -> {
            try (var out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                 Writer in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8)) {
                for (String line; (line = out.readLine()) != null; ) {
                    System.out.println("[e2e] " + line);
                    synchronized (lines) {
                        lines.add(line);
                    }
                    if (line.startsWith("REQUEST ")) {
                        String reply;
                        try {
                            reply = onRequest.apply(line.substring(8));
                        } catch (RuntimeException e) {
                            reply = "failed: " + e;
                        }
                        in.write(reply + "\n");
                        in.flush();
                    }
                }
            } catch (java.io.IOException e) {
                System.out.println("[e2e] output closed: " + e);
            }
        });
        if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("the browser test did not finish within " + TIMEOUT);
        }
        reader.join(5_000);
        synchronized (lines) {
            assertThat(process.exitValue()).as(String.join("\n", lines)).isZero();
            return List.copyOf(lines);
        }
    }
}
