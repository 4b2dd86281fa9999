package io.pylon.server.api;

import io.pylon.domain.charger.ChargerRepository;
import io.pylon.domain.command.ChargerCommand;
import io.pylon.domain.command.CommandResult;
import io.pylon.domain.command.CommandService;
import io.pylon.domain.reservation.Reservation;
import io.pylon.server.api.CommandRequests.*;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.time.Clock;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import org.springframework.web.bind.annotation.*;

/**
 * Remote commands. Each call waits for the charger's answer and returns it ({@code status} plus any
 * data); an offline charger fails at once with 409, a silent one with 504 after the call timeout, a
 * CALLERROR with 502.
 */
@Tag(name = "Commands", description = "Remote control of a charger; each answers with the charger's reply")
@RestController
@RequestMapping("/api/v1/chargers/{id}/commands")
@org.springframework.security.access.prepost.PreAuthorize("hasAuthority('PERM_CHARGERS_COMMAND')")
public class CommandController {

    private final CommandService commands;
    private final ChargerAccess access;
    private final Clock clock;
    private final io.pylon.server.persistence.AuditLog audit;
    private final io.pylon.server.security.Callers callers;

    public CommandController(CommandService commands, ChargerAccess access, Clock clock,
                             io.pylon.server.persistence.AuditLog audit, io.pylon.server.security.Callers callers) {
        this.commands = commands;
        this.access = access;
        this.clock = clock;
        this.audit = audit;
        this.callers = callers;
    }

    @Operation(summary = "Start a session for an id tag")
    @PostMapping("/remote-start")
    public CommandResult remoteStart(@PathVariable String id, @Valid @RequestBody RemoteStart r) {
        return send(id, new ChargerCommand.RemoteStart(r.connectorId(), r.idTag(),
                r.chargingProfile() == null ? null : r.chargingProfile().toChargingProfile()));
    }

    @Operation(summary = "Stop a session")
    @PostMapping("/remote-stop")
    public CommandResult remoteStop(@PathVariable String id, @Valid @RequestBody RemoteStop r) {
        return send(id, new ChargerCommand.RemoteStop(r.transactionId()));
    }

    @PostMapping("/reset")
    public CommandResult reset(@PathVariable String id, @Valid @RequestBody Reset r) {
        return send(id, new ChargerCommand.Reset("Hard".equals(r.type())));
    }

    @PostMapping("/unlock-connector")
    public CommandResult unlock(@PathVariable String id, @Valid @RequestBody Connector r) {
        return send(id, new ChargerCommand.UnlockConnector(r.connectorId()));
    }

    @PostMapping("/change-availability")
    public CommandResult changeAvailability(@PathVariable String id, @Valid @RequestBody ChangeAvailability r) {
        return send(id, new ChargerCommand.ChangeAvailability(r.connectorId(), "Operative".equals(r.type())));
    }

    @Operation(summary = "Read configuration keys (all when none named)")
    @PostMapping("/get-configuration")
    public CommandResult getConfiguration(@PathVariable String id, @Valid @RequestBody(required = false) GetConfiguration r) {
        return send(id, new ChargerCommand.GetConfiguration(r == null || r.keys() == null ? List.of() : r.keys()));
    }

    @PostMapping("/change-configuration")
    public CommandResult changeConfiguration(@PathVariable String id, @Valid @RequestBody ChangeConfiguration r) {
        return send(id, new ChargerCommand.ChangeConfiguration(r.key(), r.value()));
    }

    @PostMapping("/clear-cache")
    public CommandResult clearCache(@PathVariable String id) {
        return send(id, new ChargerCommand.ClearCache());
    }

    @PostMapping("/trigger-message")
    public CommandResult triggerMessage(@PathVariable String id, @Valid @RequestBody TriggerMessage r) {
        return send(id, new ChargerCommand.TriggerMessage(r.requestedMessage(), r.connectorId()));
    }

    @Operation(summary = "Send the local authorisation list (full or differential); the version advances on Accepted",
            description = "YKC piles: cards with an authorisation are synced to the offline card list (0x44), removals "
                    + "cleared (0x46); data.added and data.removed give the pile's answer per card.")
    @PostMapping("/send-local-list")
    public CommandResult sendLocalList(@PathVariable String id, @Valid @RequestBody SendLocalList r) {
        known(id);
        return commands.sendLocalList(id, "Full".equals(r.updateType()), r.idTags(), r.removals()).join();
    }

    @PostMapping("/get-local-list-version")
    public CommandResult getLocalListVersion(@PathVariable String id) {
        known(id);
        return commands.getLocalListVersion(id).join();
    }

    @Operation(summary = "Reserve a connector; answers the reservation with the charger's reply")
    @PostMapping("/reserve-now")
    public Reservation reserveNow(@PathVariable String id, @Valid @RequestBody ReserveNow r) {
        known(id);
        return commands.reserve(id, r.connectorId(), r.idTag(), r.expiryDate()).join();
    }

    @PostMapping("/cancel-reservation")
    public CommandResult cancelReservation(@PathVariable String id, @Valid @RequestBody CancelReservation r) {
        known(id);
        return commands.cancelReservation(r.reservationId()).join();
    }

    @PostMapping("/set-charging-profile")
    public CommandResult setChargingProfile(@PathVariable String id, @Valid @RequestBody SetChargingProfile r) {
        return send(id, new ChargerCommand.SetChargingProfile(r.connectorId(), r.chargingProfile().toChargingProfile()));
    }

    @PostMapping("/clear-charging-profile")
    public CommandResult clearChargingProfile(@PathVariable String id, @Valid @RequestBody(required = false) ClearChargingProfile r) {
        ClearChargingProfile c = r == null ? new ClearChargingProfile(null, null, null, null) : r;
        return send(id, new ChargerCommand.ClearChargingProfile(c.id(), c.connectorId(), c.chargingProfilePurpose(), c.stackLevel()));
    }

    @PostMapping("/get-composite-schedule")
    public CommandResult getCompositeSchedule(@PathVariable String id, @Valid @RequestBody GetCompositeSchedule r) {
        return send(id, new ChargerCommand.GetCompositeSchedule(r.connectorId(), r.duration(), r.chargingRateUnit()));
    }

    @Operation(summary = "Update firmware from a URL (now, unless retrieveDate is given)")
    @PostMapping("/update-firmware")
    public CommandResult updateFirmware(@PathVariable String id, @Valid @RequestBody UpdateFirmware r) {
        return send(id, new ChargerCommand.UpdateFirmware(r.location(),
                r.retrieveDate() == null ? clock.instant() : r.retrieveDate(), r.retries(), r.retryInterval()));
    }

    @PostMapping("/get-diagnostics")
    public CommandResult getDiagnostics(@PathVariable String id, @Valid @RequestBody GetDiagnostics r) {
        return send(id, new ChargerCommand.GetDiagnostics(r.location(), r.retries(), r.retryInterval(), r.startTime(), r.stopTime()));
    }

    @PostMapping("/data-transfer")
    public CommandResult dataTransfer(@PathVariable String id, @Valid @RequestBody DataTransfer r) {
        return send(id, new ChargerCommand.DataTransfer(r.vendorId(), r.messageId(), r.data()));
    }

    @Operation(summary = "Set the charger's clock to the platform's (YKC piles; OCPP chargers answer NotSupported)")
    @PostMapping("/clock-sync")
    public CommandResult clockSync(@PathVariable String id) {
        return send(id, new ChargerCommand.ClockSync());
    }

    @Operation(summary = "Send the charger its station's current tariff (YKC billing model; OCPP chargers answer NotSupported)")
    @PostMapping("/set-tariff")
    public CommandResult setTariff(@PathVariable String id) {
        return send(id, new ChargerCommand.PushTariff());
    }

    @Operation(summary = "Raise or lower a connector's parking lock (YKC piles)")
    @PostMapping("/parking-lock")
    public CommandResult parkingLock(@PathVariable String id, @Valid @RequestBody ParkingLock r) {
        return send(id, new ChargerCommand.ParkingLock(r.connectorId(), "Raise".equals(r.action())));
    }

    @Operation(summary = "Enable or lock the charger and cap its output, 30..100 % (YKC piles)")
    @PostMapping("/work-parameters")
    public CommandResult workParameters(@PathVariable String id, @Valid @RequestBody WorkParameters r) {
        return send(id, new ChargerCommand.WorkParameters(r.enabled(), r.maxPowerPercent()));
    }

    @Operation(summary = "Send the pile a card's wallet balance (YKC 0x42; OCPP chargers: 422)",
            description = "The balance is the money the card's driver has available at the charger's operator; data holds "
                    + "the balance sent and the pile's result (0 = stored).")
    @PostMapping("/card-balance")
    public CommandResult cardBalance(@PathVariable String id, @Valid @RequestBody CardBalance r) {
        return send(id, new ChargerCommand.CardBalance(r.idTag(), r.connectorId()));
    }

    @Operation(summary = "Ask which cards the pile's offline list holds (YKC 0x48; OCPP chargers: 422)",
            description = "data.cards lists each card named with present = true or false, as the pile answered.")
    @PostMapping("/query-local-list")
    public CommandResult queryLocalList(@PathVariable String id, @Valid @RequestBody QueryLocalList r) {
        return send(id, new ChargerCommand.QueryLocalList(r.idTags()));
    }

    @Operation(summary = "Start one session charged through two guns at once (YKC V1.6 parallel charging 0xA3; OCPP chargers: 422)",
            description = "connectorId leads (the session, its meter values and order are its), secondConnectorId follows; "
                    + "Accepted only when both guns started.")
    @PostMapping("/parallel-remote-start")
    public CommandResult parallelRemoteStart(@PathVariable String id, @Valid @RequestBody ParallelRemoteStart r) {
        return send(id, new ChargerCommand.ParallelRemoteStart(r.idTag(), r.connectorId(), r.secondConnectorId()));
    }

    private CommandResult send(String id, ChargerCommand command) {
        known(id);
        CompletableFuture<CommandResult> reply = commands.send(id, command);
        return reply.join();
    }

    /** Checks the caller may see the charger, and records who sent which command (audit log). */
    private void known(String id) {
        var charger = access.visible(id);
        var caller = callers.current();
        audit.record(caller.username(), charger.operatorId(), io.pylon.server.persistence.AuditLog.Action.COMMAND,
                "charger", id, null, java.util.Map.of("command", commandName()));
    }

    private static String commandName() {
        var request = ((org.springframework.web.context.request.ServletRequestAttributes)
                org.springframework.web.context.request.RequestContextHolder.currentRequestAttributes()).getRequest();
        String uri = request.getRequestURI();
        return uri.substring(uri.lastIndexOf('/') + 1);
    }
}
