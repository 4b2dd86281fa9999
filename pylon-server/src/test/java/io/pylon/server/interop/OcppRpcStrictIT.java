package io.pylon.server.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.pylon.server.support.Api.Response;
import io.pylon.server.support.PylonIT;
import io.pylon.server.support.TestDatabase;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Interoperability with a client nobody on the team wrote: a charge point on the npm package
 * <a href="https://github.com/mikuso/ocpp-rpc">ocpp-rpc</a> 2.2.1 in strict mode, which checks every
 * message in both directions against the official OCPP 1.6 JSON schemas
 * ({@code src/test/node/ocpp-rpc-strict/charge-point.mjs}). It boots, runs a full session with meter
 * values, sends CALLs that break the schema (Pylon must answer the right CALLERROR), then answers every
 * CSMS→CP action of OCPP 1.6 that this test drives through the REST API. Any schema violation by Pylon,
 * in a request or in a reply, fails the charge point and so the test.
 *
 * <p>Needs {@code node} (18 or later) and {@code npm} on the PATH; the node project is copied to
 * {@code target/ocpp-rpc-strict/} and installed there with {@code npm ci} (from the lock file).
 */
class OcppRpcStrictIT extends PylonIT {

    private static final String CHARGER = "RPCJS-1";
    private static final String ID_TAG = "RPCJS-TAG-1";
    private static final Path SOURCE = Path.of("src", "test", "node", "ocpp-rpc-strict");
    private static final Path WORK = Path.of("target", "ocpp-rpc-strict");
    private static final List<String> PROJECT_FILES = List.of("package.json", "package-lock.json", "charge-point.mjs");
    private static final Duration PROCESS_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(15);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aStrictOcppRpcChargePointRunsASessionAndAnswersEveryCommand() throws Exception {
        Path project = prepareNodeProject();
        Response token = api.post("/api/v1/id-tokens", "{\"idTag\":\"" + ID_TAG + "\",\"description\":\"ocpp-rpc strict interop\"}");
        assertThat(token.status()).as(token.raw()).isEqualTo(201);

        try (ChargePoint cp = ChargePoint.start(project, ocppUrl(), CHARGER, ID_TAG)) {
            JsonNode ready = cp.await("the charge point's own script", line -> line.has("ready"));
            assertThat(cp.failures()).as("failed steps").isEmpty();
            assertThat(ready.get("ok").asBoolean()).as("script ok").isTrue();

            // --- what the charge point sent by itself
            assertThat(cp.step("connect").get("protocol").asString()).isEqualTo("ocpp1.6");
            assertThat(cp.step("BootNotification").get("reply").get("status").asString()).isEqualTo("Accepted");
            assertThat(cp.step("Authorize").get("reply").get("idTagInfo").get("status").asString()).isEqualTo("Accepted");
            assertThat(cp.step("Heartbeat").get("reply").get("currentTime").asString()).endsWith("Z");
            assertThat(cp.step("DataTransfer").get("reply").get("status").asString()).isEqualTo("UnknownVendorId");
            JsonNode started = cp.step("StartTransaction");
            JsonNode stopped = cp.step("StopTransaction");
            long localTx = started.get("transactionId").asLong();
            assertThat(stopped.get("transactionId").asLong()).isEqualTo(localTx);
            assertThat(cp.step("InvalidCall:StatusNotification").get("rpcError").get("code").asString())
                    .isEqualTo("PropertyConstraintViolation");
            assertThat(cp.step("InvalidCall:Authorize").get("rpcError").get("code").asString())
                    .isEqualTo("OccurenceConstraintViolation");
            assertThat(cp.step("InvalidCall:UnknownAction").get("rpcError").get("code").asString()).isEqualTo("NotImplemented");
            assertThat(cp.lines(line -> "strictValidationFailure".equals(text(line, "step")) && line.path("expected").asBoolean()))
                    .as("strict mode refused each invalid CALL locally first").hasSize(3);

            JsonNode charger = api.get("/api/v1/chargers/" + CHARGER).body();
            assertThat(charger.get("connected").asBoolean()).isTrue();
            assertThat(charger.get("boot").get("vendor").asString()).isEqualTo("ocpp-rpc");

            // --- the session it ran, with its meter values
            JsonNode local = session(localTx);
            assertThat(local.get("idTag").asString()).isEqualTo(ID_TAG);
            assertThat(local.get("meterStartWh").asLong()).isEqualTo(started.get("meterStart").asLong());
            assertThat(local.get("meterStopWh").asLong()).isEqualTo(stopped.get("meterStop").asLong());
            assertThat(local.get("energyWh").asLong())
                    .isEqualTo(stopped.get("meterStop").asLong() - started.get("meterStart").asLong()).isEqualTo(2400);
            JsonNode listed = listedSession(localTx);
            assertThat(listed.get("energyWh").asLong()).isEqualTo(local.get("energyWh").asLong());
            assertThat(listed.get("state").asString()).isEqualTo("COMPLETED");
            List<JsonNode> sentMeterValues = cp.lines(line -> "MeterValues".equals(text(line, "step")));
            assertThat(sentMeterValues).hasSize(3);
            for (JsonNode sent : sentMeterValues) {
                JsonNode meterValue = sent.get("meterValue");
                for (JsonNode sampled : meterValue.get("sampledValue")) {
                    assertThat(hasSample(local.get("meterValues"), meterValue.get("timestamp").asString(), sampled))
                            .as("session %d stores %s", localTx, sampled).isTrue();
                }
            }

            // --- every CSMS→CP action, through the REST API
            JsonNode remoteStart = command(cp, "remote-start", "{\"connectorId\":1,\"idTag\":\"" + ID_TAG + "\"}",
                    "RemoteStartTransaction", "Accepted");
            assertThat(text(remoteStart.get("request"), "idTag")).isEqualTo(ID_TAG);
            JsonNode remoteStarted = cp.step("RemoteStartTransaction:StartTransaction");
            cp.step("RemoteStartTransaction:StartTransaction:StatusNotification:Charging");
            long remoteTx = remoteStarted.get("transactionId").asLong();
            assertThat(remoteTx).isNotEqualTo(localTx);

            command(cp, "reset", "{\"type\":\"Hard\"}", "Reset", "Rejected");
            command(cp, "unlock-connector", "{\"connectorId\":1}", "UnlockConnector", "UnlockFailed");

            JsonNode profile = command(cp, "set-charging-profile", """
                    {"connectorId":1,"chargingProfile":{"chargingProfileId":7101,"transactionId":%d,"stackLevel":1,
                     "chargingProfilePurpose":"TxProfile","chargingProfileKind":"Relative",
                     "chargingSchedule":{"chargingRateUnit":"W","chargingSchedulePeriod":[
                       {"startPeriod":0,"limit":11000.0,"numberPhases":3},{"startPeriod":1800,"limit":7400.5}]}}}
                    """.formatted(remoteTx), "SetChargingProfile", "Accepted");
            assertThat(profile.get("request").get("csChargingProfiles").get("transactionId").asLong()).isEqualTo(remoteTx);
            JsonNode composite = command(cp, "get-composite-schedule", "{\"connectorId\":1,\"duration\":3600,\"chargingRateUnit\":\"W\"}",
                    "GetCompositeSchedule", "Accepted");
            assertThat(composite.get("reply").get("chargingSchedule").get("chargingSchedulePeriod")).hasSize(2);
            command(cp, "change-availability", "{\"connectorId\":1,\"type\":\"Inoperative\"}", "ChangeAvailability", "Scheduled");

            command(cp, "remote-stop", "{\"transactionId\":" + remoteTx + "}", "RemoteStopTransaction", "Accepted");
            JsonNode remoteStopped = cp.step("RemoteStopTransaction:StopTransaction");
            cp.step("RemoteStopTransaction:StopTransaction:StatusNotification:Available");

            command(cp, "clear-charging-profile", "{\"id\":7101}", "ClearChargingProfile", "Accepted");
            command(cp, "clear-charging-profile", "{\"id\":7101}", "ClearChargingProfile", "Unknown");
            command(cp, "change-availability", "{\"connectorId\":1,\"type\":\"Inoperative\"}", "ChangeAvailability", "Accepted");
            cp.step("ChangeAvailability:StatusNotification:Unavailable");
            command(cp, "change-availability", "{\"connectorId\":1,\"type\":\"Operative\"}", "ChangeAvailability", "Accepted");

            command(cp, "change-configuration", "{\"key\":\"MeterValueSampleInterval\",\"value\":\"30\"}", "ChangeConfiguration", "Accepted");
            command(cp, "change-configuration", "{\"key\":\"NumberOfConnectors\",\"value\":\"2\"}", "ChangeConfiguration", "Rejected");
            command(cp, "change-configuration", "{\"key\":\"HeartbeatInterval\",\"value\":\"120\"}", "ChangeConfiguration", "RebootRequired");
            command(cp, "change-configuration", "{\"key\":\"NoSuchKey\",\"value\":\"x\"}", "ChangeConfiguration", "NotSupported");
            JsonNode someKeys = command(cp, "get-configuration", "{\"keys\":[\"MeterValueSampleInterval\",\"NoSuchKey\"]}",
                    "GetConfiguration", "Accepted");
            assertThat(someKeys.get("reply").get("configurationKey").get(0).get("value").asString()).isEqualTo("30");
            assertThat(someKeys.get("reply").get("unknownKey").get(0).asString()).isEqualTo("NoSuchKey");
            JsonNode allKeys = command(cp, "get-configuration", "{}", "GetConfiguration", "Accepted");
            assertThat(allKeys.get("request").has("key")).isFalse();
            assertThat(allKeys.get("reply").get("configurationKey")).hasSize(6);

            command(cp, "clear-cache", null, "ClearCache", "Accepted");
            command(cp, "trigger-message", "{\"requestedMessage\":\"StatusNotification\",\"connectorId\":1}", "TriggerMessage", "Accepted");
            cp.step("TriggerMessage:StatusNotification:Available");
            command(cp, "trigger-message", "{\"requestedMessage\":\"MeterValues\",\"connectorId\":1}", "TriggerMessage", "Accepted");
            cp.step("TriggerMessage:MeterValues");
            command(cp, "trigger-message", "{\"requestedMessage\":\"DiagnosticsStatusNotification\"}", "TriggerMessage", "NotImplemented");

            JsonNode localList = command(cp, "send-local-list", "{\"updateType\":\"Full\",\"idTags\":[\"" + ID_TAG + "\"]}",
                    "SendLocalList", "Accepted");
            int listVersion = localList.get("request").get("listVersion").asInt();
            JsonNode entry = localList.get("request").get("localAuthorizationList").get(0);
            assertThat(entry.get("idTag").asString()).isEqualTo(ID_TAG);
            assertThat(entry.get("idTagInfo").get("status").asString()).isEqualTo("Accepted");
            JsonNode version = command(cp, "get-local-list-version", null, "GetLocalListVersion", "Accepted");
            assertThat(version.get("reply").get("listVersion").asInt()).isEqualTo(listVersion);

            String expiry = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
            Response reserved = api.post("/api/v1/chargers/" + CHARGER + "/commands/reserve-now",
                    "{\"connectorId\":1,\"idTag\":\"" + ID_TAG + "\",\"expiryDate\":\"" + expiry + "\"}");
            assertThat(reserved.status()).as("reserve-now: " + reserved.raw()).isEqualTo(200);
            JsonNode reserveNow = cp.csms("ReserveNow");
            assertThat(reserveNow.get("request").get("reservationId").asInt()).isEqualTo(reserved.body().get("id").asInt());
            assertThat(Instant.parse(reserveNow.get("request").get("expiryDate").asString())).isEqualTo(Instant.parse(expiry));
            assertThat(reserved.body().get("detail").asString()).isEqualTo(reserveNow.get("reply").get("status").asString())
                    .isEqualTo("Accepted");
            assertThat(reserved.body().get("status").asString()).isEqualTo("ACTIVE");
            command(cp, "cancel-reservation", "{\"reservationId\":" + reserved.body().get("id").asInt() + "}", "CancelReservation", "Accepted");
            command(cp, "cancel-reservation", "{\"reservationId\":" + reserved.body().get("id").asInt() + "}", "CancelReservation", "Rejected");

            JsonNode firmware = command(cp, "update-firmware",
                    "{\"location\":\"ftp://127.0.0.1/firmware/strict-js-1.1.bin\",\"retries\":2,\"retryInterval\":30}",
                    "UpdateFirmware", "Accepted");
            assertThat(firmware.get("request").get("retrieveDate").asString()).isNotBlank();
            cp.step("UpdateFirmware:FirmwareStatusNotification");
            String from = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
            JsonNode diagnostics = command(cp, "get-diagnostics",
                    "{\"location\":\"ftp://127.0.0.1/diagnostics/\",\"retries\":1,\"retryInterval\":60,\"startTime\":\"" + from + "\"}",
                    "GetDiagnostics", "Accepted");
            assertThat(diagnostics.get("reply").get("fileName").asString()).isEqualTo("diagnostics-" + CHARGER + ".zip");
            cp.step("GetDiagnostics:DiagnosticsStatusNotification");

            JsonNode echo = command(cp, "data-transfer", "{\"vendorId\":\"io.pylon.interop\",\"messageId\":\"Echo\",\"data\":\"ping\"}",
                    "DataTransfer", "Accepted");
            assertThat(echo.get("reply").get("data").asString()).isEqualTo("echo:ping");
            command(cp, "data-transfer", "{\"vendorId\":\"com.example.other\"}", "DataTransfer", "UnknownVendorId");

            // --- the remotely started session
            JsonNode remote = session(remoteTx);
            assertThat(remote.get("energyWh").asLong())
                    .isEqualTo(remoteStopped.get("meterStop").asLong() - remoteStarted.get("meterStart").asLong()).isEqualTo(500);
            assertThat(remote.get("stopReason").asString()).isEqualTo("Remote");
            assertThat(listedSession(remoteTx).get("state").asString()).isEqualTo("COMPLETED");

            // --- every CSMS→CP action of OCPP 1.6 was answered, then a clean end
            Set<String> answered = new HashSet<>();
            cp.lines(line -> "csms".equals(text(line, "step"))).forEach(line -> answered.add(text(line, "action")));
            assertThat(answered).containsExactlyInAnyOrder("RemoteStartTransaction", "RemoteStopTransaction", "Reset",
                    "UnlockConnector", "ChangeAvailability", "GetConfiguration", "ChangeConfiguration", "ClearCache",
                    "TriggerMessage", "SendLocalList", "GetLocalListVersion", "ReserveNow", "CancelReservation",
                    "SetChargingProfile", "ClearChargingProfile", "GetCompositeSchedule", "UpdateFirmware", "GetDiagnostics",
                    "DataTransfer");

            int exit = cp.finish();
            JsonNode done = cp.await("the final line", line -> line.has("done"));
            assertThat(cp.lines(line -> "strictValidationFailure".equals(text(line, "step")) && !line.path("expected").asBoolean()))
                    .as("strict-mode validation failures").isEmpty();
            assertThat(cp.failures()).as("failed steps").isEmpty();
            assertThat(done.get("ok").asBoolean()).as(done.toString()).isTrue();
            assertThat(exit).as("exit code of the charge point (log: %s)", cp.log).isZero();
        }
    }

    /**
     * A REST command, then the charge point's line for the CALL it received: the REST answer must carry
     * the status the charge point answered (Accepted where the reply has none) and the rest of its reply as data.
     */
    private JsonNode command(ChargePoint cp, String command, String body, String action, String expectedStatus)
            throws InterruptedException {
        Response r = api.post("/api/v1/chargers/" + CHARGER + "/commands/" + command, body == null ? "{}" : body);
        assertThat(r.status()).as(command + ": " + r.raw()).isEqualTo(200);
        JsonNode answered = cp.csms(action);
        JsonNode reply = answered.get("reply");
        String status = reply.has("status") ? reply.get("status").asString() : "Accepted";
        assertThat(r.body().get("status").asString()).as(command + " status").isEqualTo(status).isEqualTo(expectedStatus);
        ObjectNode data = (ObjectNode) reply.deepCopy();
        data.remove("status");
        assertThat(r.body().get("data")).as(command + " data").isEqualTo(data);
        return answered;
    }

    private JsonNode session(long id) {
        Response r = api.get("/api/v1/sessions/" + id);
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        assertThat(r.body().get("chargerId").asString()).isEqualTo(CHARGER);
        return r.body();
    }

    private JsonNode listedSession(long id) {
        Response r = api.get("/api/v1/sessions?chargerId=" + CHARGER);
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        for (JsonNode item : r.body().get("items")) {
            if (item.get("id").asLong() == id) return item;
        }
        return fail("session " + id + " is not listed for " + CHARGER + ": " + r.raw());
    }

    private static boolean hasSample(JsonNode stored, String timestamp, JsonNode sent) {
        for (JsonNode s : stored) {
            if (Instant.parse(s.get("timestamp").asString()).equals(Instant.parse(timestamp))
                    && text(s, "measurand").equals(text(sent, "measurand")) && text(s, "unit").equals(text(sent, "unit"))
                    && text(s, "value").equals(text(sent, "value"))) {
                return true;
            }
        }
        return false;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() ? "" : value.asString();
    }

    // ---------------------------------------------------------------- the node project

    /** Copies the node project to target/ (node_modules stays out of src) and installs it once with npm ci. */
    private static synchronized Path prepareNodeProject() throws IOException, InterruptedException {
        String node = version("node");
        String npm = version("npm");
        Files.createDirectories(WORK);
        Path lock = WORK.resolve("package-lock.json");
        boolean sameLock = Files.exists(lock) && Arrays.equals(Files.readAllBytes(lock), Files.readAllBytes(SOURCE.resolve("package-lock.json")));
        for (String file : PROJECT_FILES) {
            Files.copy(SOURCE.resolve(file), WORK.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        if (!sameLock || !Files.exists(WORK.resolve("node_modules/ocpp-rpc/package.json"))) {
            Path log = WORK.resolve("npm-ci.log");
            Process install = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(WORK.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!install.waitFor(5, TimeUnit.MINUTES)) {
                install.destroyForcibly();
                fail("npm ci (node " + node + ", npm " + npm + ") took more than 5 minutes; see " + log.toAbsolutePath());
            }
            if (install.exitValue() != 0) {
                fail("npm ci failed with " + install.exitValue() + ": " + Files.readString(log));
            }
        }
        return WORK;
    }

    private static String version(String tool) throws InterruptedException {
        try {
            Process p = new ProcessBuilder(tool, "--version").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                fail("'" + tool + " --version' failed: " + out);
            }
            return out;
        } catch (IOException e) {
            return fail("OcppRpcStrictIT needs '" + tool + "' (Node.js 18 or later with npm) on the PATH: " + e.getMessage());
        }
    }

    /** The running node charge point: its JSON lines as they come, its stdin to tell it to finish. */
    private static final class ChargePoint implements AutoCloseable {

        private final Process process;
        private final Path log;
        private final List<JsonNode> lines = new ArrayList<>();
        private final Set<Integer> taken = new HashSet<>();
        private final Thread reader;

        private ChargePoint(Process process, Path log) {
            this.process = process;
            this.log = log;
            this.reader = Thread.ofPlatform().daemon().name("ocpp-rpc-stdout").start(this::read);
        }

        static ChargePoint start(Path dir, String endpoint, String identity, String idTag) throws IOException {
            Path log = dir.resolve("charge-point-" + TestDatabase.KIND + ".log").toAbsolutePath();
            ProcessBuilder builder = new ProcessBuilder("node", "charge-point.mjs", endpoint, identity, idTag)
                    .directory(dir.toFile()).redirectError(log.toFile());
            builder.environment().put("TIMEOUT_MS", String.valueOf(PROCESS_TIMEOUT.toMillis()));
            return new ChargePoint(builder.start(), log);
        }

        /** Reads the JSON lines, keeping a copy beside the frame log (charge-point-DB.jsonl). */
        private void read() {
            Path copy = Path.of(log.toString().replaceFirst("\\.log$", ".jsonl"));
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                 BufferedWriter out = Files.newBufferedWriter(copy, StandardCharsets.UTF_8)) {
                String line;
                while ((line = in.readLine()) != null) {
                    out.write(line);
                    out.newLine();
                    out.flush();
                    JsonNode json;
                    try {
                        json = JSON.readTree(line);
                    } catch (RuntimeException e) {
                        json = JSON.createObjectNode().put("step", "stdout").put("ok", false).put("error", "not JSON: " + line);
                    }
                    synchronized (lines) {
                        lines.add(json);
                        lines.notifyAll();
                    }
                }
            } catch (IOException e) {
                // the process ended
            }
        }

        /** The first line not taken yet that matches, waiting for it at most {@link #STEP_TIMEOUT}. */
        JsonNode await(String what, Predicate<JsonNode> match) throws InterruptedException {
            long deadline = System.nanoTime() + STEP_TIMEOUT.toNanos();
            synchronized (lines) {
                while (true) {
                    for (int i = 0; i < lines.size(); i++) {
                        if (!taken.contains(i) && match.test(lines.get(i))) {
                            taken.add(i);
                            return lines.get(i);
                        }
                    }
                    long left = deadline - System.nanoTime();
                    if (left <= 0 || !process.isAlive() && !reader.isAlive()) {
                        return fail("no line for " + what + " within " + STEP_TIMEOUT.toSeconds() + " s (exit: "
                                + (process.isAlive() ? "running" : process.exitValue()) + "); lines so far:\n"
                                + String.join("\n", lines.stream().map(JsonNode::toString).toList()) + "\nlog: " + log);
                    }
                    lines.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                }
            }
        }

        /** The next CSMS call the charge point answered, which must be {@code action}. */
        JsonNode csms(String action) throws InterruptedException {
            JsonNode line = await(action + " at the charge point", l -> "csms".equals(text(l, "step")));
            assertThat(text(line, "action")).isEqualTo(action);
            return line;
        }

        /** The line of a step of the charge point's own script, which must have passed. */
        JsonNode step(String name) throws InterruptedException {
            JsonNode line = await(name, l -> name.equals(text(l, "step")));
            assertThat(line.path("ok").asBoolean()).as(line.toString()).isTrue();
            return line;
        }

        List<JsonNode> lines(Predicate<JsonNode> match) {
            synchronized (lines) {
                return lines.stream().filter(match).toList();
            }
        }

        List<JsonNode> failures() {
            return lines(line -> line.has("ok") && !line.get("ok").asBoolean() && !line.has("ready") && !line.has("done"));
        }

        /** Tells the charge point to close and waits for it to exit; its exit code. */
        int finish() throws IOException, InterruptedException {
            try (OutputStream stdin = process.getOutputStream()) {
                stdin.write("finish\n".getBytes(StandardCharsets.UTF_8));
                stdin.flush();
            }
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                fail("the charge point did not exit within 20 s after being told to finish; log: " + log);
            }
            reader.join(TimeUnit.SECONDS.toMillis(5));
            return process.exitValue();
        }

        @Override
        public void close() {
            if (process.isAlive()) {
                process.destroy();
                try {
                    if (!process.waitFor(5, TimeUnit.SECONDS)) process.destroyForcibly();
                } catch (InterruptedException e) {
                    process.destroyForcibly();
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
