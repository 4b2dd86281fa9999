package io.pylon.server.api;

import io.pylon.domain.command.ChargingProfile;
import jakarta.validation.Valid;
import jakarta.validation.constraints.*;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Bodies of the charger command endpoints. Limits follow the OCPP 1.6 schemas. */
final class CommandRequests {
    private CommandRequests() {}

    record RemoteStart(@Min(1) Integer connectorId, @NotBlank @Size(max = 20) String idTag, @Valid Profile chargingProfile) {}

    /** OCPP 1.6 transaction ids are 32-bit integers; a larger number would be cut and stop another session. */
    record RemoteStop(@NotNull @Min(Integer.MIN_VALUE) @Max(Integer.MAX_VALUE) Long transactionId) {}

    record Reset(@NotNull @Pattern(regexp = "Soft|Hard", message = "must be Soft or Hard") String type) {}

    record Connector(@NotNull @Min(1) Integer connectorId) {}

    record ChangeAvailability(@NotNull @Min(0) Integer connectorId,
                              @NotNull @Pattern(regexp = "Operative|Inoperative", message = "must be Operative or Inoperative") String type) {}

    record GetConfiguration(List<@NotBlank @Size(max = 50) String> keys) {}

    record ChangeConfiguration(@NotBlank @Size(max = 50) String key, @NotNull @Size(max = 500) String value) {}

    record TriggerMessage(@NotNull @Pattern(regexp = "BootNotification|DiagnosticsStatusNotification|FirmwareStatusNotification|Heartbeat|MeterValues|StatusNotification",
            message = "must be BootNotification, DiagnosticsStatusNotification, FirmwareStatusNotification, Heartbeat, MeterValues or StatusNotification")
                          String requestedMessage, @Min(1) Integer connectorId) {}

    /** Full: the named id tags (all tokens when none); Differential: idTags to add or update, removals to delete. */
    record SendLocalList(@NotNull @Pattern(regexp = "Full|Differential", message = "must be Full or Differential") String updateType,
                         List<@NotBlank @Size(max = 20) String> idTags, List<@NotBlank @Size(max = 20) String> removals) {}

    record ReserveNow(@NotNull @Min(0) Integer connectorId, @NotBlank @Size(max = 20) String idTag,
                      @NotNull @Future Instant expiryDate) {}

    record CancelReservation(@NotNull Integer reservationId) {}

    record SetChargingProfile(@NotNull @Min(0) Integer connectorId, @NotNull @Valid Profile chargingProfile) {}

    record ClearChargingProfile(Integer id, @Min(0) Integer connectorId,
                                @Pattern(regexp = "ChargePointMaxProfile|TxDefaultProfile|TxProfile") String chargingProfilePurpose,
                                @Min(0) Integer stackLevel) {}

    record GetCompositeSchedule(@NotNull @Min(0) Integer connectorId, @NotNull @Min(1) @Max(31 * 86400) Integer duration,
                                @Pattern(regexp = "W|A", message = "must be W or A") String chargingRateUnit) {}

    record UpdateFirmware(@NotBlank @Size(max = 512) String location, Instant retrieveDate, @Min(0) Integer retries,
                          @Min(0) Integer retryInterval) {}

    record GetDiagnostics(@NotBlank @Size(max = 512) String location, @Min(0) Integer retries, @Min(0) Integer retryInterval,
                          Instant startTime, Instant stopTime) {}

    record ParkingLock(@NotNull @Min(1) Integer connectorId,
                       @NotNull @Pattern(regexp = "Raise|Lower", message = "must be Raise or Lower") String action) {}

    /** A card's id tag (its hex digits) and the gun it was used at (1 when omitted). */
    record CardBalance(@NotBlank @Size(max = 20) String idTag, @Min(1) Integer connectorId) {}

    record QueryLocalList(@NotEmpty @Size(max = 150) List<@NotBlank @Size(max = 20) String> idTags) {}

    record ParallelRemoteStart(@NotNull @Min(1) Integer connectorId, @NotNull @Min(1) Integer secondConnectorId,
                               @NotBlank @Size(max = 20) String idTag) {}

    record WorkParameters(@NotNull Boolean enabled, @NotNull @Min(30) @Max(100) Integer maxPowerPercent) {}

    record DataTransfer(@NotBlank @Size(max = 255) String vendorId, @Size(max = 50) String messageId, String data) {}

    record Profile(@NotNull Integer chargingProfileId, Integer transactionId, @NotNull @Min(0) Integer stackLevel,
                   @NotNull @Pattern(regexp = "ChargePointMaxProfile|TxDefaultProfile|TxProfile") String chargingProfilePurpose,
                   @NotNull @Pattern(regexp = "Absolute|Recurring|Relative") String chargingProfileKind,
                   @Pattern(regexp = "Daily|Weekly") String recurrencyKind, Instant validFrom, Instant validTo,
                   @NotNull @Valid Schedule chargingSchedule) {
        ChargingProfile toChargingProfile() {
            Schedule s = chargingSchedule;
            return new ChargingProfile(chargingProfileId, transactionId, stackLevel, chargingProfilePurpose,
                    chargingProfileKind, recurrencyKind, validFrom, validTo,
                    new ChargingProfile.Schedule(s.duration(), s.startSchedule(), s.chargingRateUnit(), s.minChargingRate(),
                            s.chargingSchedulePeriod().stream()
                                    .map(p -> new ChargingProfile.Period(p.startPeriod(), p.limit(), p.numberPhases())).toList()));
        }
    }

    record Schedule(@Min(0) Integer duration, Instant startSchedule,
                    @NotNull @Pattern(regexp = "W|A", message = "must be W or A") String chargingRateUnit,
                    @NotEmpty List<@Valid Period> chargingSchedulePeriod, @DecimalMin("0") BigDecimal minChargingRate) {}

    record Period(@NotNull @Min(0) Integer startPeriod, @NotNull @DecimalMin("0") BigDecimal limit,
                  @Min(1) @Max(3) Integer numberPhases) {}
}
