package io.pylon.ocpp.schema;

import java.util.Set;

/** OCPP 1.6 action names, by who sends the CALL. */
public final class Ocpp16Actions {

    /** Sent by the charge point. */
    public static final Set<String> FROM_CHARGER = Set.of(
            "Authorize", "BootNotification", "DataTransfer", "DiagnosticsStatusNotification",
            "FirmwareStatusNotification", "Heartbeat", "MeterValues", "StartTransaction",
            "StatusNotification", "StopTransaction",
            // security whitepaper extension
            "LogStatusNotification", "SecurityEventNotification", "SignCertificate",
            "SignedFirmwareStatusNotification");

    /** Sent by the central system. */
    public static final Set<String> FROM_CSMS = Set.of(
            "CancelReservation", "ChangeAvailability", "ChangeConfiguration", "ClearCache",
            "ClearChargingProfile", "DataTransfer", "GetCompositeSchedule", "GetConfiguration",
            "GetDiagnostics", "GetLocalListVersion", "RemoteStartTransaction", "RemoteStopTransaction",
            "ReserveNow", "Reset", "SendLocalList", "SetChargingProfile", "TriggerMessage",
            "UnlockConnector", "UpdateFirmware",
            // security whitepaper extension
            "CertificateSigned", "DeleteCertificate", "ExtendedTriggerMessage", "GetInstalledCertificateIds",
            "GetLog", "InstallCertificate", "SignedUpdateFirmware");

    /** Every action with a schema. */
    public static final Set<String> ALL;

    static {
        var all = new java.util.HashSet<>(FROM_CHARGER);
        all.addAll(FROM_CSMS);
        ALL = Set.copyOf(all);
    }

    private Ocpp16Actions() {}
}
