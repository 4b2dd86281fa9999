package io.pylon.simulator;

import io.pylon.simulator.model.ChargingProfile;
import io.pylon.simulator.model.LocalAuthList.IdTagInfo;
import io.pylon.simulator.ocpp.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Session behaviour of a charger: authorization, StartTransaction / StopTransaction, periodic MeterValues,
 * StatusNotifications and the automatic session driver. Confined to the charger's event loop.
 */
final class Sessions {
    private final SimulatedCharger charger;
    private SessionDriver driver;

    Sessions(SimulatedCharger charger) {
        this.charger = charger;
    }

    void startDriver(double share, Duration meanSession) {
        driver = new SessionDriver(charger, share, meanSession);
        driver.start();
    }

    void stopDriver() {
        if (driver != null) {
            driver.stop();
            driver = null;
        }
    }

    // ---------------------------------------------------------------- start

    /** @return whether a new session may start on the connector for this tag (ignoring authorization) */
    boolean canStart(ConnectorState c, String idTag) {
        if (c.session != null || c.preparing || c.inoperative || charger.connectors[0].inoperative) {
            return false;
        }
        if (c.status == ConnectorStatus.Faulted || c.status == ConnectorStatus.Finishing) {
            return false;
        }
        if (c.reservation != null) {
            IdTagInfo info = charger.authList.lookup(idTag);
            return c.reservation.matches(idTag, info == null ? null : info.parentIdTag());
        }
        return true;
    }

    CompletableFuture<Boolean> start(int connectorId, String idTag, boolean remote) {
        return start(connectorId, idTag, remote, null);
    }

    CompletableFuture<Boolean> start(int connectorId, String idTag, boolean remote, ChargingProfile txProfile) {
        if (!charger.validConnector(connectorId)) {
            return CompletableFuture.completedFuture(false);
        }
        ConnectorState c = charger.connectors[connectorId];
        if (!canStart(c, idTag)) {
            return CompletableFuture.completedFuture(false);
        }
        c.preparing = true;
        setStatus(c, ConnectorStatus.Preparing);
        CompletableFuture<Boolean> result = new CompletableFuture<>();
        authorize(idTag, remote).whenComplete((ok, error) -> charger.loop.execute(() -> {
            c.preparing = false;
            if (error != null || !ok || !canStart(c, idTag)) {
                charger.profiles.clearTxProfiles(connectorId);
                setStatus(c, c.idleStatus());
                result.complete(false);
                return;
            }
            if (txProfile != null) {
                charger.profiles.install(txProfile);
            }
            begin(c, idTag);
            result.complete(true);
        }));
        return result;
    }

    private CompletableFuture<Boolean> authorize(String idTag, boolean remote) {
        if (remote && !charger.configuration.boolValue("AuthorizeRemoteTxRequests")) {
            return CompletableFuture.completedFuture(true);
        }
        Instant now = charger.clock.instant();
        IdTagInfo known = known(idTag);
        if (known != null && charger.configuration.boolValue("LocalPreAuthorize") && known.acceptedAt(now)) {
            return CompletableFuture.completedFuture(true);
        }
        if (!charger.online()) {
            return CompletableFuture.completedFuture(offlineDecision(known, now));
        }
        CompletableFuture<Boolean> result = new CompletableFuture<>();
        charger.calls.send("Authorize", Json.object().put("idTag", idTag)).whenComplete((reply, error) -> {
            if (error != null) {
                result.complete(offlineDecision(known(idTag), charger.clock.instant()));
                return;
            }
            IdTagInfo info = IdTagInfo.parse(reply.path("idTagInfo"));
            if (charger.configuration.boolValue("AuthorizationCacheEnabled")) {
                charger.authList.cache(idTag, info);
            }
            result.complete(info.acceptedAt(charger.clock.instant()));
        });
        return result;
    }

    private IdTagInfo known(String idTag) {
        IdTagInfo listed = charger.configuration.boolValue("LocalAuthListEnabled") ? charger.authList.listEntry(idTag) : null;
        if (listed != null) {
            return listed;
        }
        return charger.configuration.boolValue("AuthorizationCacheEnabled") ? charger.authList.lookup(idTag) : null;
    }

    private boolean offlineDecision(IdTagInfo known, Instant now) {
        if (known != null) {
            return charger.configuration.boolValue("LocalAuthorizeOffline") && known.acceptedAt(now);
        }
        return charger.configuration.boolValue("AllowOfflineTxForUnknownId");
    }

    private void begin(ConnectorState c, String idTag) {
        Instant now = charger.clock.instant();
        Integer reservationId = null;
        if (c.reservation != null) {
            reservationId = c.reservation.id;
            c.reservation.cancelTimer();
            c.reservation = null;
        }
        double capacity = charger.power.kind() == ChargerKind.DC ? 50_000 + charger.random.nextInt(50_000)
                : 40_000 + charger.random.nextInt(40_000);
        double soc = 10 + charger.random.nextInt(50);
        Session s = new Session(c.id, idTag, reservationId, now, (long) Math.floor(c.registerWh), capacity, soc);
        c.session = s;
        s.advance(now, charger.power, c, t -> limitW(c, s, t));
        ObjectNode start = Json.object().put("connectorId", c.id).put("idTag", idTag).put("meterStart", s.meterStart)
                .put("timestamp", Json.time(now));
        if (reservationId != null) {
            start.put("reservationId", reservationId);
        }
        // completes on the event loop before the next queued CALL is sent, so later messages see the transactionId
        charger.calls.sendTransactional("StartTransaction", start, p -> p)
                .whenComplete((reply, error) -> started(c, s, reply, error));
        s.beginSample = MeterSampler.sample(now, c, charger.power, txMeasurands(), "Transaction.Begin");
        sendMeterValues(c, s, s.beginSample);
        setStatus(c, ConnectorStatus.Charging);
        scheduleMeterValues(c, s);
    }

    private void started(ConnectorState c, Session s, JsonNode reply, Throwable error) {
        if (error != null || reply == null) {
            return;
        }
        JsonNode txId = reply.get("transactionId");
        if (txId != null && txId.isIntegralNumber()) {
            s.transactionId = txId.intValue();
        }
        IdTagInfo info = IdTagInfo.parse(reply.path("idTagInfo"));
        if (charger.configuration.boolValue("AuthorizationCacheEnabled")) {
            charger.authList.cache(s.idTag, info);
        }
        if (!"Accepted".equals(info.status()) && c.session == s
                && charger.configuration.boolValue("StopTransactionOnInvalidId")) {
            stop(c.id, "DeAuthorized");
        }
    }

    /** See {@link SimulatedCharger#replaySession}. */
    CompletableFuture<Integer> replay(int connectorId, String idTag, Instant start, Instant end, long energyWh) {
        if (!charger.validConnector(connectorId) || connectorId == 0 || charger.connectors[connectorId].session != null) {
            return CompletableFuture.failedFuture(new IllegalStateException("connector " + connectorId + " is not free"));
        }
        if (!end.isAfter(start) || energyWh < 0) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("a session ends after it starts, energy ≥ 0"));
        }
        ConnectorState c = charger.connectors[connectorId];
        long meterStart = (long) Math.floor(c.registerWh);
        c.registerWh = meterStart + energyWh;
        java.util.concurrent.atomic.AtomicReference<Integer> txId = new java.util.concurrent.atomic.AtomicReference<>();
        charger.calls.sendTransactional("StartTransaction", Json.object().put("connectorId", connectorId).put("idTag", idTag)
                .put("meterStart", meterStart).put("timestamp", Json.time(start)), p -> p)
                .thenAccept(reply -> {
                    JsonNode id = reply == null ? null : reply.get("transactionId");
                    if (id != null && id.isIntegralNumber()) txId.set(id.intValue());
                });
        // queued behind the start, so it is sent once the start's answer gave the transaction id
        return charger.calls.sendTransactional("StopTransaction", Json.object().put("meterStop", meterStart + energyWh)
                        .put("timestamp", Json.time(end)).put("reason", "Local").put("idTag", idTag),
                p -> txId.get() == null ? null : p.put("transactionId", txId.get()))
                .thenApply(reply -> txId.get());
    }

    // ---------------------------------------------------------------- stop

    boolean stop(int connectorId, String reason) {
        if (!charger.validConnector(connectorId)) {
            return false;
        }
        ConnectorState c = charger.connectors[connectorId];
        Session s = c.session;
        if (s == null || s.stopping) {
            return false;
        }
        Instant now = charger.clock.instant();
        s.advance(now, charger.power, c, t -> limitW(c, s, t));
        s.stopping = true;
        s.cancelTimers();
        ObjectNode end = MeterSampler.sample(now, c, charger.power, txMeasurands(), "Transaction.End");
        ObjectNode stop = Json.object().put("meterStop", (long) Math.floor(c.registerWh))
                .put("timestamp", Json.time(now)).put("reason", reason).put("idTag", s.idTag);
        var data = stop.putArray("transactionData");
        data.add(s.beginSample);
        data.add(end);
        charger.calls.sendTransactional("StopTransaction", stop, p -> {
            Integer txId = s.transactionId;
            return txId == null ? null : p.put("transactionId", txId);
        });
        c.session = null;
        charger.profiles.clearTxProfiles(c.id);
        setStatus(c, ConnectorStatus.Finishing);
        charger.loop.schedule(() -> {
            if (c.session == null && !c.preparing && c.status == ConnectorStatus.Finishing) {
                if (c.inoperativeScheduled) {
                    c.inoperativeScheduled = false;
                    c.inoperative = true;
                }
                setStatus(c, c.idleStatus());
            }
        }, 1, TimeUnit.SECONDS);
        return true;
    }

    // ---------------------------------------------------------------- meter values

    double limitW(ConnectorState c, Session s, Instant t) {
        return charger.profiles.limitW(c.id, t, s.start, (profile, period) -> "W".equals(profile.unit())
                ? period.limit() : charger.power.ampsToWatts(period.limit(), period.numberPhases(), s.soc));
    }

    private Set<String> txMeasurands() {
        Set<String> set = MeterSampler.measurands(charger.configuration.value("StopTxnSampledData"));
        return set.isEmpty() ? Set.of("Energy.Active.Import.Register") : set;
    }

    private void scheduleMeterValues(ConnectorState c, Session s) {
        long millis = meterIntervalMillis();
        if (millis <= 0) {
            return;
        }
        s.meterTimer = charger.loop.schedule(() -> {
            if (c.session == s && !s.stopping) {
                sampleNow(c, "Sample.Periodic");
                scheduleMeterValues(c, s);
            }
        }, millis, TimeUnit.MILLISECONDS);
    }

    private long meterIntervalMillis() {
        int seconds = charger.configuration.intValue("MeterValueSampleInterval", 60);
        long configured = charger.config.meterInterval().toMillis();
        return seconds == (int) Math.ceil(configured / 1000.0) ? configured : seconds * 1000L;
    }

    /** Restarts the meter timers after MeterValueSampleInterval changed. */
    void restartMeterTimers() {
        for (int i = 1; i < charger.connectors.length; i++) {
            ConnectorState c = charger.connectors[i];
            Session s = c.session;
            if (s != null && !s.stopping) {
                s.cancelTimers();
                scheduleMeterValues(c, s);
            }
        }
    }

    /** Integrates up to now and sends a MeterValues with the given context (Sample.Periodic or Trigger). */
    void sampleNow(ConnectorState c, String context) {
        Instant now = charger.clock.instant();
        Session s = c.session;
        if (s != null) {
            s.advance(now, charger.power, c, t -> limitW(c, s, t));
            updateStatusForPower(c, s);
        }
        double target = 25.0 + (s == null ? 0 : 20.0 * s.powerW / charger.power.ratedW());
        c.temperature += (target - c.temperature) * 0.3;
        Set<String> measurands = MeterSampler.measurands(charger.configuration.value("MeterValuesSampledData"));
        ObjectNode mv = MeterSampler.sample(now, c, charger.power, measurands, context);
        if (s != null) {
            sendMeterValues(c, s, mv);
        } else if (charger.online()) {
            ObjectNode payload = Json.object().put("connectorId", c.id);
            payload.putArray("meterValue").add(mv);
            charger.calls.send("MeterValues", payload);
        }
    }

    private void updateStatusForPower(ConnectorState c, Session s) {
        if (s.powerW <= 0 && s.soc >= 100 && c.status == ConnectorStatus.Charging) {
            setStatus(c, ConnectorStatus.SuspendedEV);
        } else if (s.powerW > 0 && c.status == ConnectorStatus.SuspendedEV) {
            setStatus(c, ConnectorStatus.Charging);
        }
    }

    private void sendMeterValues(ConnectorState c, Session s, ObjectNode meterValue) {
        ObjectNode payload = Json.object().put("connectorId", c.id);
        payload.putArray("meterValue").add(meterValue);
        charger.calls.sendTransactional("MeterValues", payload, p -> {
            Integer txId = s.transactionId;
            return txId == null ? p : p.put("transactionId", txId);
        });
    }

    // ---------------------------------------------------------------- status

    void setStatus(ConnectorState c, ConnectorStatus status) {
        c.status = status;
        if (charger.online() && c.lastReported != status) {
            sendStatus(c);
        }
    }

    void sendStatus(ConnectorState c) {
        c.lastReported = c.status;
        charger.calls.send("StatusNotification", Json.object().put("connectorId", c.id).put("errorCode", "NoError")
                .put("status", c.status.name()).put("timestamp", Json.time(charger.clock.instant())));
    }

    void reportAllStatuses() {
        for (ConnectorState c : charger.connectors) {
            sendStatus(c);
        }
        if (MeterFaults.brokenSeal()) { // --broken-seal
            charger.calls.send("SecurityEventNotification", Json.object().put("type", "TamperDetectionActivated")
                    .put("timestamp", Json.time(charger.clock.instant())).put("techInfo", "meter seal broken"));
        }
    }

    void resyncStatuses() {
        for (ConnectorState c : charger.connectors) {
            if (c.lastReported != c.status) {
                sendStatus(c);
            }
        }
    }

    /** Volatile state after a reboot: reservations are gone, statuses fall back to their idle value. */
    void resetAfterReboot() {
        for (ConnectorState c : charger.connectors) {
            if (c.reservation != null) {
                c.reservation.cancelTimer();
                c.reservation = null;
            }
            if (c.session == null) {
                c.status = c.idleStatus();
            }
            c.lastReported = null;
        }
    }
}
