package io.pylon.simulator.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The charge point's configuration keys (OCPP 1.6 chapter 9) with their values, read-only flags and value
 * types. Thread-safe for reads so tests can inspect it.
 */
public final class Configuration {
    /** Value type used to validate ChangeConfiguration. */
    public enum Type { INT, BOOL, CSV, TEXT }

    /** One configuration key. */
    public record Entry(String key, String value, boolean readonly, Type type) {
    }

    /** Measurands the simulator can sample. */
    public static final Set<String> MEASURANDS = Set.of("Energy.Active.Import.Register", "Power.Active.Import",
            "Current.Import", "Voltage", "SoC", "Temperature", "Power.Offered", "Current.Offered");

    /** Feature profiles the simulator implements. */
    public static final String PROFILES =
            "Core,FirmwareManagement,LocalAuthListManagement,Reservation,SmartCharging,RemoteTrigger";

    private final Map<String, Entry> entries = Collections.synchronizedMap(new LinkedHashMap<>());

    /**
     * @param connectors         number of connectors
     * @param heartbeatSeconds   initial heartbeat interval
     * @param meterSampleSeconds initial MeterValueSampleInterval
     */
    public Configuration(int connectors, int heartbeatSeconds, int meterSampleSeconds) {
        rw("AllowOfflineTxForUnknownId", "true", Type.BOOL);
        rw("AuthorizationCacheEnabled", "true", Type.BOOL);
        rw("AuthorizeRemoteTxRequests", "false", Type.BOOL);
        ro("ChargeProfileMaxStackLevel", "10", Type.INT);
        ro("ChargingScheduleAllowedChargingRateUnit", "Current,Power", Type.CSV);
        ro("ChargingScheduleMaxPeriods", "24", Type.INT);
        rw("ClockAlignedDataInterval", "0", Type.INT);
        rw("ConnectionTimeOut", "60", Type.INT);
        rw("ConnectorPhaseRotation", "0.RST", Type.CSV);
        ro("GetConfigurationMaxKeys", "100", Type.INT);
        rw("HeartbeatInterval", Integer.toString(heartbeatSeconds), Type.INT);
        rw("LocalAuthListEnabled", "true", Type.BOOL);
        ro("LocalAuthListMaxLength", "1000", Type.INT);
        rw("LocalAuthorizeOffline", "true", Type.BOOL);
        rw("LocalPreAuthorize", "true", Type.BOOL);
        ro("MaxChargingProfilesInstalled", "20", Type.INT);
        rw("MeterValuesAlignedData", "Energy.Active.Import.Register", Type.CSV);
        rw("MeterValuesSampledData",
                "Energy.Active.Import.Register,Power.Active.Import,Current.Import,Voltage,SoC,Temperature", Type.CSV);
        ro("MeterValuesSampledDataMaxLength", "8", Type.INT);
        rw("MeterValueSampleInterval", Integer.toString(meterSampleSeconds), Type.INT);
        ro("NumberOfConnectors", Integer.toString(connectors), Type.INT);
        ro("ReserveConnectorZeroSupported", "false", Type.BOOL);
        rw("ResetRetries", "3", Type.INT);
        ro("SendLocalListMaxLength", "1000", Type.INT);
        rw("StopTransactionOnEVSideDisconnect", "true", Type.BOOL);
        rw("StopTransactionOnInvalidId", "true", Type.BOOL);
        rw("StopTxnAlignedData", "", Type.CSV);
        rw("StopTxnSampledData", "Energy.Active.Import.Register", Type.CSV);
        ro("SupportedFeatureProfiles", PROFILES, Type.CSV);
        rw("TransactionMessageAttempts", "3", Type.INT);
        rw("TransactionMessageRetryInterval", "10", Type.INT);
        rw("UnlockConnectorOnEVSideDisconnect", "true", Type.BOOL);
        rw("WebSocketPingInterval", "0", Type.INT);
    }

    private void rw(String key, String value, Type type) {
        entries.put(key, new Entry(key, value, false, type));
    }

    private void ro(String key, String value, Type type) {
        entries.put(key, new Entry(key, value, true, type));
    }

    /** @return the entry for a key (case-sensitive as in the spec), or null when unknown */
    public Entry get(String key) {
        return entries.get(key);
    }

    /** @return a snapshot of all entries in declaration order */
    public Map<String, Entry> all() {
        synchronized (entries) {
            return new LinkedHashMap<>(entries);
        }
    }

    /** @return the value of a key or null */
    public String value(String key) {
        Entry entry = entries.get(key);
        return entry == null ? null : entry.value();
    }

    /** @return an integer key's value, or the fallback when missing or unparsable */
    public int intValue(String key, int fallback) {
        try {
            return Integer.parseInt(value(key));
        } catch (NumberFormatException | NullPointerException e) {
            return fallback;
        }
    }

    /** @return a boolean key's value */
    public boolean boolValue(String key) {
        return Boolean.parseBoolean(value(key));
    }

    /** Sets a value without checks (used by the charger itself, e.g. for read-only keys it owns). */
    public void put(String key, String value) {
        entries.computeIfPresent(key, (k, e) -> new Entry(k, value, e.readonly(), e.type()));
    }

    /**
     * Applies ChangeConfiguration.
     *
     * @return Accepted, Rejected (read-only or invalid value) or NotSupported (unknown key)
     */
    public String change(String key, String value) {
        Entry entry = entries.get(key);
        if (entry == null) {
            return "NotSupported";
        }
        if (entry.readonly() || !valid(key, entry.type(), value)) {
            return "Rejected";
        }
        put(key, value.trim());
        return "Accepted";
    }

    private static boolean valid(String key, Type type, String value) {
        String v = value.trim();
        return switch (type) {
            case INT -> v.matches("\\d{1,9}");
            case BOOL -> v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false");
            case CSV -> !key.endsWith("SampledData") && !key.endsWith("AlignedData")
                    || v.isEmpty() || java.util.Arrays.stream(v.split(",")).map(String::trim).allMatch(MEASURANDS::contains);
            case TEXT -> true;
        };
    }
}
