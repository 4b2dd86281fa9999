package io.pylon.domain.command;

import java.time.Instant;
import java.util.List;

/**
 * What the platform can ask a charger to do, whatever protocol it speaks. Each protocol adapter maps
 * these to its own messages and answers with a {@link CommandResult}; a charger that cannot do one
 * answers NotSupported.
 */
public sealed interface ChargerCommand {

    /** @param connectorId null = the charger picks */
    record RemoteStart(Integer connectorId, String idTag, ChargingProfile chargingProfile) implements ChargerCommand {}

    record RemoteStop(long transactionId) implements ChargerCommand {}

    record Reset(boolean hard) implements ChargerCommand {}

    record UnlockConnector(int connectorId) implements ChargerCommand {}

    /** @param connectorId 0 = the whole charger */
    record ChangeAvailability(int connectorId, boolean operative) implements ChargerCommand {}

    /** @param keys empty = all */
    record GetConfiguration(List<String> keys) implements ChargerCommand {}

    record ChangeConfiguration(String key, String value) implements ChargerCommand {}

    record ClearCache() implements ChargerCommand {}

    /** @param message BootNotification, DiagnosticsStatusNotification, FirmwareStatusNotification, Heartbeat, MeterValues, StatusNotification */
    record TriggerMessage(String message, Integer connectorId) implements ChargerCommand {}

    record SendLocalList(int listVersion, boolean full, List<LocalListEntry> entries) implements ChargerCommand {}

    record GetLocalListVersion() implements ChargerCommand {}

    record ReserveNow(int connectorId, Instant expiry, String idTag, String parentIdTag, int reservationId)
            implements ChargerCommand {}

    record CancelReservation(int reservationId) implements ChargerCommand {}

    record SetChargingProfile(int connectorId, ChargingProfile profile) implements ChargerCommand {}

    /** Every field null = clear all profiles. */
    record ClearChargingProfile(Integer id, Integer connectorId, String purpose, Integer stackLevel)
            implements ChargerCommand {}

    /** @param durationSeconds length of the schedule asked for; rateUnit W or A (null = charger's choice) */
    record GetCompositeSchedule(int connectorId, int durationSeconds, String rateUnit) implements ChargerCommand {}

    record UpdateFirmware(String location, Instant retrieveDate, Integer retries, Integer retryIntervalSeconds)
            implements ChargerCommand {}

    record GetDiagnostics(String location, Integer retries, Integer retryIntervalSeconds, Instant startTime,
                          Instant stopTime) implements ChargerCommand {}

    record DataTransfer(String vendorId, String messageId, String data) implements ChargerCommand {}

    /** Sets the charger's clock to the platform's (YKC 0x56; OCPP has no such command). */
    record ClockSync() implements ChargerCommand {}

    /** Sends the charger its station's current tariff (YKC billing model 0x58). */
    record PushTariff() implements ChargerCommand {}

    /** Raises or lowers the parking lock of a connector's bay (YKC 0x62). */
    record ParkingLock(int connectorId, boolean raise) implements ChargerCommand {}

    /**
     * Enables or locks the charger and caps its output (YKC work parameters 0x52).
     *
     * @param maxPowerPercent 30..100 % of the rated power
     */
    record WorkParameters(boolean enabled, int maxPowerPercent) implements ChargerCommand {}

    /**
     * Tells the charger the balance of a card: the money the card's driver has available at the charger's operator
     * (YKC card balance update 0x42). Chargers of protocols without such a message fail with
     * {@link CommandFailure.Kind#NOT_SUPPORTED}.
     *
     * @param connectorId the connector the card was used at; null = 1
     */
    record CardBalance(String idTag, Integer connectorId) implements ChargerCommand {}

    /**
     * Asks which of these id tags the charger's own offline list holds (YKC offline card query 0x48); the answer's
     * data lists each with whether it is present. Protocols without it fail with {@link CommandFailure.Kind#NOT_SUPPORTED}.
     */
    record QueryLocalList(List<String> idTags) implements ChargerCommand {}

    /**
     * Starts one session that charges a vehicle through two connectors of the charger at once (YKC V1.6 parallel
     * charging 0xA3): {@code connectorId} leads, {@code secondConnectorId} follows; the session, its meter values
     * and its order are the leading connector's. Protocols without it fail with {@link CommandFailure.Kind#NOT_SUPPORTED}.
     */
    record ParallelRemoteStart(String idTag, int connectorId, int secondConnectorId) implements ChargerCommand {}
}
