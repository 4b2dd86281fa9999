package io.pylon.server.conformance;

import eu.chargetime.ocpp.ClientEvents;
import eu.chargetime.ocpp.JSONClient;
import eu.chargetime.ocpp.feature.profile.ClientCoreEventHandler;
import eu.chargetime.ocpp.feature.profile.ClientCoreProfile;
import eu.chargetime.ocpp.feature.profile.ClientFirmwareManagementEventHandler;
import eu.chargetime.ocpp.feature.profile.ClientFirmwareManagementProfile;
import eu.chargetime.ocpp.feature.profile.ClientLocalAuthListEventHandler;
import eu.chargetime.ocpp.feature.profile.ClientLocalAuthListProfile;
import eu.chargetime.ocpp.feature.profile.ClientRemoteTriggerEventHandler;
import eu.chargetime.ocpp.feature.profile.ClientRemoteTriggerProfile;
import eu.chargetime.ocpp.feature.profile.ClientReservationEventHandler;
import eu.chargetime.ocpp.feature.profile.ClientReservationProfile;
import eu.chargetime.ocpp.feature.profile.ClientSmartChargingEventHandler;
import eu.chargetime.ocpp.feature.profile.ClientSmartChargingProfile;
import eu.chargetime.ocpp.model.Confirmation;
import eu.chargetime.ocpp.model.Request;
import eu.chargetime.ocpp.model.core.*;
import eu.chargetime.ocpp.model.core.ChargingRateUnitType;
import eu.chargetime.ocpp.model.firmware.*;
import eu.chargetime.ocpp.model.localauthlist.*;
import eu.chargetime.ocpp.model.remotetrigger.TriggerMessageConfirmation;
import eu.chargetime.ocpp.model.remotetrigger.TriggerMessageRequest;
import eu.chargetime.ocpp.model.remotetrigger.TriggerMessageStatus;
import eu.chargetime.ocpp.model.reservation.*;
import eu.chargetime.ocpp.model.smartcharging.*;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A charge point built on the third-party Java-OCA-OCPP library (eu.chargetime.ocpp), with every
 * OCPP 1.6 feature profile. Every CALL the central system sends is recorded (see {@link #await})
 * and answered with a sensible default that a test may replace with {@link #answer}.
 */
final class ThirdPartyChargePoint implements AutoCloseable {

    /** How long to wait for the central system (its call timeout in tests is 5 s). */
    static final long WAIT_SECONDS = 10;

    final String id;
    private final JSONClient client;
    private final ClientCoreProfile core;
    private final Map<Class<?>, BlockingQueue<Request>> received = new ConcurrentHashMap<>();
    private final Map<Class<?>, Function<Request, Confirmation>> answers = new ConcurrentHashMap<>();
    /** The charger's configuration: key → value; keys not here are unknown. */
    final Map<String, String> configuration = new ConcurrentHashMap<>(Map.of(
            "HeartbeatInterval", "60", "MeterValueSampleInterval", "30", "NumberOfConnectors", "2",
            "LocalAuthListEnabled", "true", "AuthorizeRemoteTxRequests", "false"));
    volatile int localListVersion = 0;
    private volatile CountDownLatch opened = new CountDownLatch(1);
    private volatile CountDownLatch closed = new CountDownLatch(1);

    ThirdPartyChargePoint(String id) {
        this.id = id;
        this.core = new ClientCoreProfile(new Core());
        this.client = new JSONClient(core, id);
        client.addFeatureProfile(new ClientFirmwareManagementProfile(new Firmware()));
        client.addFeatureProfile(new ClientLocalAuthListProfile(new LocalList()));
        client.addFeatureProfile(new ClientRemoteTriggerProfile(new Trigger()));
        client.addFeatureProfile(new ClientReservationProfile(new Reservations()));
        client.addFeatureProfile(new ClientSmartChargingProfile(new SmartCharging()));
    }

    /** Connects to {@code ocppUrl} (…/ocpp; the library appends /{id}) and waits for the socket to open. */
    ThirdPartyChargePoint connect(String ocppUrl) {
        opened = new CountDownLatch(1);
        closed = new CountDownLatch(1);
        client.connect(ocppUrl, new ClientEvents() {
            @Override
            public void connectionOpened() {
                opened.countDown();
            }

            @Override
            public void connectionClosed() {
                closed.countDown();
            }
        });
        awaitLatch(opened, "connection to open");
        return this;
    }

    /** Connects and boots; the boot must be accepted. */
    static ThirdPartyChargePoint booted(String ocppUrl, String id) {
        ThirdPartyChargePoint cp = new ThirdPartyChargePoint(id).connect(ocppUrl);
        BootNotificationConfirmation boot = cp.boot();
        if (boot.getStatus() != RegistrationStatus.Accepted) {
            cp.close();
            throw new AssertionError("boot of " + id + " not accepted: " + boot.getStatus());
        }
        return cp;
    }

    void disconnect() {
        client.disconnect();
        awaitLatch(closed, "connection to close");
    }

    @Override
    public void close() {
        if (!client.isClosed()) client.disconnect();
    }

    // ---- what the charger sends ----

    @SuppressWarnings("unchecked")
    <C extends Confirmation> C send(Request request) {
        try {
            return (C) client.send(request).toCompletableFuture().get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("sending " + request.getClass().getSimpleName() + " failed", e);
        }
    }

    BootNotificationConfirmation boot() {
        BootNotificationRequest r = core.createBootNotificationRequest("ChargeTime", "JavaOCA-CP");
        r.setFirmwareVersion("1.1.0");
        r.setChargePointSerialNumber("SN-" + id);
        return send(r);
    }

    StatusNotificationConfirmation status(int connectorId, ChargePointStatus status) {
        return status(connectorId, status, ChargePointErrorCode.NoError);
    }

    StatusNotificationConfirmation status(int connectorId, ChargePointStatus status, ChargePointErrorCode error) {
        return send(statusRequest(connectorId, status, error, now()));
    }

    StatusNotificationRequest statusRequest(int connectorId, ChargePointStatus status, ChargePointErrorCode error, ZonedDateTime at) {
        StatusNotificationRequest r = core.createStatusNotificationRequest(connectorId, error, status);
        r.setTimestamp(at);
        return r;
    }

    IdTagInfo authorize(String idTag) {
        AuthorizeConfirmation c = send(core.createAuthorizeRequest(idTag));
        return c.getIdTagInfo();
    }

    StartTransactionConfirmation start(int connectorId, String idTag, int meterStartWh, ZonedDateTime at) {
        return send(startRequest(connectorId, idTag, meterStartWh, at, null));
    }

    StartTransactionRequest startRequest(int connectorId, String idTag, int meterStartWh, ZonedDateTime at, Integer reservationId) {
        StartTransactionRequest r = core.createStartTransactionRequest(connectorId, idTag, meterStartWh, at);
        if (reservationId != null) r.setReservationId(reservationId);
        return r;
    }

    MeterValuesConfirmation meterValues(int connectorId, Integer transactionId, ZonedDateTime at, int energyWh, double powerW) {
        return send(meterValuesRequest(connectorId, transactionId, at, energyWh, powerW));
    }

    MeterValuesRequest meterValuesRequest(int connectorId, Integer transactionId, ZonedDateTime at, int energyWh, double powerW) {
        MeterValuesRequest r = core.createMeterValuesRequest(connectorId, meterValue(at, energyWh, powerW));
        r.setTransactionId(transactionId);
        return r;
    }

    static MeterValue meterValue(ZonedDateTime at, int energyWh, double powerW) {
        SampledValue energy = new SampledValue(Integer.toString(energyWh));
        energy.setMeasurand("Energy.Active.Import.Register");
        energy.setUnit("Wh");
        energy.setContext("Sample.Periodic");
        SampledValue power = new SampledValue(Double.toString(powerW));
        power.setMeasurand("Power.Active.Import");
        power.setUnit("W");
        power.setContext("Sample.Periodic");
        return new MeterValue(at, new SampledValue[]{energy, power});
    }

    StopTransactionConfirmation stop(int transactionId, int meterStopWh, ZonedDateTime at, Reason reason, String idTag) {
        return send(stopRequest(transactionId, meterStopWh, at, reason, idTag));
    }

    StopTransactionRequest stopRequest(int transactionId, int meterStopWh, ZonedDateTime at, Reason reason, String idTag) {
        StopTransactionRequest r = core.createStopTransactionRequest(meterStopWh, at, transactionId);
        r.setReason(reason);
        if (idTag != null) r.setIdTag(idTag);
        return r;
    }

    /** Now in UTC, to the millisecond, as chargers usually report it. */
    static ZonedDateTime now() {
        return ZonedDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
    }

    // ---- what the charger received ----

    /** The next CALL of this type the central system sent, waiting up to {@link #WAIT_SECONDS}. */
    @SuppressWarnings("unchecked")
    <T extends Request> T await(Class<T> type) {
        try {
            Request r = queue(type).poll(WAIT_SECONDS, TimeUnit.SECONDS);
            if (r == null) throw new AssertionError(id + " received no " + type.getSimpleName() + " within " + WAIT_SECONDS + " s");
            return (T) r;
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether no CALL of this type arrived (without waiting). */
    boolean noneReceived(Class<? extends Request> type) {
        return queue(type).isEmpty();
    }

    /** Replaces the default answer to CALLs of this type. */
    @SuppressWarnings("unchecked")
    <T extends Request> ThirdPartyChargePoint answer(Class<T> type, Function<T, ? extends Confirmation> answer) {
        answers.put(type, r -> answer.apply((T) r));
        return this;
    }

    private BlockingQueue<Request> queue(Class<?> type) {
        return received.computeIfAbsent(type, t -> new LinkedBlockingQueue<>());
    }

    @SuppressWarnings("unchecked")
    private <C extends Confirmation> C handle(Request request, Function<Request, C> defaultAnswer) {
        queue(request.getClass()).add(request);
        Function<Request, Confirmation> custom = answers.get(request.getClass());
        return custom != null ? (C) custom.apply(request) : defaultAnswer.apply(request);
    }

    private static void awaitLatch(CountDownLatch latch, String what) {
        try {
            if (!latch.await(WAIT_SECONDS, TimeUnit.SECONDS)) throw new AssertionError("timed out waiting for " + what);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- default answers ----

    private GetConfigurationConfirmation configuration(GetConfigurationRequest r) {
        List<KeyValueType> known = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        Map<String, String> sorted = new LinkedHashMap<>();
        configuration.keySet().stream().sorted().forEach(k -> sorted.put(k, configuration.get(k)));
        if (r.getKey() == null || r.getKey().length == 0) {
            sorted.forEach((k, v) -> known.add(keyValue(k, v)));
        } else {
            for (String key : r.getKey()) {
                if (configuration.containsKey(key)) known.add(keyValue(key, configuration.get(key)));
                else unknown.add(key);
            }
        }
        GetConfigurationConfirmation c = new GetConfigurationConfirmation();
        c.setConfigurationKey(known.toArray(KeyValueType[]::new));
        if (!unknown.isEmpty()) c.setUnknownKey(unknown.toArray(String[]::new));
        return c;
    }

    private static KeyValueType keyValue(String key, String value) {
        KeyValueType kv = new KeyValueType(key, "NumberOfConnectors".equals(key));
        kv.setValue(value);
        return kv;
    }

    private ChangeConfigurationConfirmation changeConfiguration(ChangeConfigurationRequest r) {
        if (!configuration.containsKey(r.getKey())) return new ChangeConfigurationConfirmation(ConfigurationStatus.NotSupported);
        if ("NumberOfConnectors".equals(r.getKey())) return new ChangeConfigurationConfirmation(ConfigurationStatus.Rejected);
        configuration.put(r.getKey(), r.getValue());
        return new ChangeConfigurationConfirmation(ConfigurationStatus.Accepted);
    }

    private final class Core implements ClientCoreEventHandler {
        @Override
        public ChangeAvailabilityConfirmation handleChangeAvailabilityRequest(ChangeAvailabilityRequest r) {
            return handle(r, x -> new ChangeAvailabilityConfirmation(AvailabilityStatus.Accepted));
        }

        @Override
        public GetConfigurationConfirmation handleGetConfigurationRequest(GetConfigurationRequest r) {
            return handle(r, x -> configuration(r));
        }

        @Override
        public ChangeConfigurationConfirmation handleChangeConfigurationRequest(ChangeConfigurationRequest r) {
            return handle(r, x -> changeConfiguration(r));
        }

        @Override
        public ClearCacheConfirmation handleClearCacheRequest(ClearCacheRequest r) {
            return handle(r, x -> new ClearCacheConfirmation(ClearCacheStatus.Accepted));
        }

        @Override
        public DataTransferConfirmation handleDataTransferRequest(DataTransferRequest r) {
            return handle(r, x -> new DataTransferConfirmation(DataTransferStatus.UnknownVendorId));
        }

        @Override
        public RemoteStartTransactionConfirmation handleRemoteStartTransactionRequest(RemoteStartTransactionRequest r) {
            return handle(r, x -> new RemoteStartTransactionConfirmation(RemoteStartStopStatus.Accepted));
        }

        @Override
        public RemoteStopTransactionConfirmation handleRemoteStopTransactionRequest(RemoteStopTransactionRequest r) {
            return handle(r, x -> new RemoteStopTransactionConfirmation(RemoteStartStopStatus.Accepted));
        }

        @Override
        public ResetConfirmation handleResetRequest(ResetRequest r) {
            return handle(r, x -> new ResetConfirmation(ResetStatus.Accepted));
        }

        @Override
        public UnlockConnectorConfirmation handleUnlockConnectorRequest(UnlockConnectorRequest r) {
            return handle(r, x -> new UnlockConnectorConfirmation(UnlockStatus.Unlocked));
        }
    }

    private final class Firmware implements ClientFirmwareManagementEventHandler {
        @Override
        public GetDiagnosticsConfirmation handleGetDiagnosticsRequest(GetDiagnosticsRequest r) {
            return handle(r, x -> {
                GetDiagnosticsConfirmation c = new GetDiagnosticsConfirmation();
                c.setFileName("diagnostics-" + id + ".zip");
                return c;
            });
        }

        @Override
        public UpdateFirmwareConfirmation handleUpdateFirmwareRequest(UpdateFirmwareRequest r) {
            return handle(r, x -> new UpdateFirmwareConfirmation());
        }
    }

    private final class LocalList implements ClientLocalAuthListEventHandler {
        @Override
        public GetLocalListVersionConfirmation handleGetLocalListVersionRequest(GetLocalListVersionRequest r) {
            return handle(r, x -> new GetLocalListVersionConfirmation(localListVersion));
        }

        @Override
        public SendLocalListConfirmation handleSendLocalListRequest(SendLocalListRequest r) {
            return handle(r, x -> {
                localListVersion = r.getListVersion();
                return new SendLocalListConfirmation(UpdateStatus.Accepted);
            });
        }
    }

    private final class Trigger implements ClientRemoteTriggerEventHandler {
        @Override
        public TriggerMessageConfirmation handleTriggerMessageRequest(TriggerMessageRequest r) {
            return handle(r, x -> new TriggerMessageConfirmation(TriggerMessageStatus.Accepted));
        }
    }

    private final class Reservations implements ClientReservationEventHandler {
        @Override
        public ReserveNowConfirmation handleReserveNowRequest(ReserveNowRequest r) {
            return handle(r, x -> new ReserveNowConfirmation(ReservationStatus.Accepted));
        }

        @Override
        public CancelReservationConfirmation handleCancelReservationRequest(CancelReservationRequest r) {
            return handle(r, x -> new CancelReservationConfirmation(CancelReservationStatus.Accepted));
        }
    }

    private final class SmartCharging implements ClientSmartChargingEventHandler {
        @Override
        public SetChargingProfileConfirmation handleSetChargingProfileRequest(SetChargingProfileRequest r) {
            return handle(r, x -> new SetChargingProfileConfirmation(ChargingProfileStatus.Accepted));
        }

        @Override
        public ClearChargingProfileConfirmation handleClearChargingProfileRequest(ClearChargingProfileRequest r) {
            return handle(r, x -> new ClearChargingProfileConfirmation(ClearChargingProfileStatus.Accepted));
        }

        @Override
        public GetCompositeScheduleConfirmation handleGetCompositeScheduleRequest(GetCompositeScheduleRequest r) {
            return handle(r, x -> {
                GetCompositeScheduleConfirmation c = new GetCompositeScheduleConfirmation(GetCompositeScheduleStatus.Accepted);
                c.setConnectorId(r.getConnectorId());
                c.setScheduleStart(now());
                ChargingSchedule schedule = new ChargingSchedule(ChargingRateUnitType.A,
                        new ChargingSchedulePeriod[]{new ChargingSchedulePeriod(0, 16.0), new ChargingSchedulePeriod(1800, 10.0)});
                schedule.setDuration(r.getDuration());
                c.setChargingSchedule(schedule);
                return c;
            });
        }
    }
}
