package io.pylon.server.api;

import io.pylon.domain.charger.Charger;
import io.pylon.domain.charger.ChargerEvent;
import io.pylon.domain.charger.ChargerFilter;
import io.pylon.domain.charger.ChargerRepository;
import io.pylon.domain.charger.ChargerService;
import io.pylon.domain.charger.ConnectorStatus;
import io.pylon.domain.charger.RegistrationStatus;
import io.pylon.domain.charger.StatusReport;
import io.pylon.domain.common.PageRequest;
import io.pylon.domain.reservation.Reservation;
import io.pylon.domain.reservation.ReservationRepository;
import io.pylon.server.api.ChargerViews.ChargerDetail;
import io.pylon.server.api.ChargerViews.ChargerSummary;
import io.pylon.server.ocpp.ConnectionRegistry;
import io.pylon.domain.station.ConnectorSpec;
import io.pylon.domain.station.ConnectorStandard;
import io.pylon.domain.station.CurrentType;
import io.pylon.domain.station.Equipment;
import io.pylon.server.persistence.AuditLog;
import io.pylon.server.persistence.JooqEquipment;
import io.pylon.server.persistence.JooqStations;
import io.pylon.server.security.Callers;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import org.springframework.security.access.prepost.PreAuthorize;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.*;

@Tag(name = "Chargers")
@Validated
@RestController
@RequestMapping("/api/v1/chargers")
public class ChargerController {

    /** A charger created by an operator before it first connects. */
    public record CreateCharger(
            @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._:*+\\-|@]+", message = "letters, digits and ._:*+-|@ only") String id,
            @Size(max = 200) String description,
            @Min(0) @Max(2) Integer securityProfile,
            @Size(min = 8, max = 64) String password,
            RegistrationStatus registration,
            @Schema(description = "owning operator; platform admins only, others create in their own") Long operatorId,
            Long stationId) {}

    /** Fields to change; absent fields keep their value. */
    public record UpdateCharger(@Size(max = 200) String description, @Min(0) @Max(2) Integer securityProfile,
                                @Size(min = 8, max = 64) String password, RegistrationStatus registration) {}

    private final ChargerService service;
    private final ChargerRepository chargers;
    private final ReservationRepository reservations;
    private final ConnectionRegistry connections;
    /** Chargers connected to other nodes of the cluster count as connected too. */
    private final io.pylon.server.cluster.ClusterPresence presence;
    private final Clock clock;
    private final ChargerAccess access;
    private final JooqEquipment equipment;
    private final Callers callers;
    private final AuditLog audit;
    private final JooqStations stations;
    private final io.pylon.server.ykc.YkcConnections piles;

    public ChargerController(ChargerService service, ChargerRepository chargers, ReservationRepository reservations,
                             ConnectionRegistry connections, Clock clock, ChargerAccess access, JooqEquipment equipment,
                             Callers callers, AuditLog audit, JooqStations stations,
                             io.pylon.server.ykc.YkcConnections piles, io.pylon.server.cluster.ClusterPresence presence) {
        this.stations = stations;
        this.piles = piles;
        this.presence = presence;
        this.clock = clock;
        this.service = service;
        this.chargers = chargers;
        this.reservations = reservations;
        this.connections = connections;
        this.access = access;
        this.equipment = equipment;
        this.callers = callers;
        this.audit = audit;
    }

    @Operation(summary = "List chargers", description = "Filter by registration status, online, or any connector in a status")
    @GetMapping
    @PreAuthorize("hasAuthority('PERM_CHARGERS_READ')")
    public PageResponse<ChargerSummary> list(@RequestParam(required = false) Long stationId,
                                             @RequestParam(required = false) RegistrationStatus registration,
                                             @RequestParam(required = false) Boolean online,
                                             @RequestParam(required = false) ConnectorStatus connectorStatus,
                                             @RequestParam(defaultValue = "0") @Min(0) int page,
                                             @RequestParam(defaultValue = "50") @Min(1) @Max(PageRequest.MAX_SIZE) int size) {
        return PageResponse.of(chargers.list(new ChargerFilter(callers.scope(), stationId, registration, online, connectorStatus), new PageRequest(page, size)),
                ChargerSummary::of);
    }

    @Operation(summary = "A charger with its connectors and live status")
    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('PERM_CHARGERS_READ')")
    public ChargerDetail get(@PathVariable String id) {
        return detail(find(id));
    }

    private ChargerDetail detail(Charger charger) {
        String id = charger.id();
        return ChargerDetail.of(charger, equipment.find(id).orElse(Equipment.none()), chargers.connectors(id),
                equipment.specs(id), connections.find(id).isPresent() || piles.find(id).isPresent() || presence.elsewhere(id));
    }

    @Operation(summary = "Create a charger before it connects (with its security profile and password)")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('PERM_CHARGERS_WRITE')")
    public ChargerDetail create(@Valid @RequestBody CreateCharger request) {
        var caller = callers.current();
        Long operatorId = caller.operatorId() != null ? caller.operatorId() : request.operatorId();
        if (caller.operatorId() != null && request.operatorId() != null && !request.operatorId().equals(caller.operatorId())) {
            throw new IllegalArgumentException("operatorId: you may only create chargers of your own operator");
        }
        placeable(operatorId, request.stationId());
        int profile = request.securityProfile() == null ? (request.password() == null ? 0 : 1) : request.securityProfile();
        if (profile >= 1 && request.password() == null) {
            throw new IllegalArgumentException("password: required for security profile " + profile);
        }
        Charger created = service.create(request.id(), request.description(), profile, request.password(),
                        request.registration() == null ? RegistrationStatus.ACCEPTED : request.registration(), operatorId,
                        request.stationId())
                .orElseThrow(() -> new ConflictException("Charger " + request.id() + " already exists"));
        equipment.forget(created.id());
        ChargerDetail view = detail(chargers.find(created.id()).orElseThrow());
        audit.record(caller.username(), view.equipment().operatorId(), AuditLog.Action.CREATE, "charger", created.id(), null, view);
        return view;
    }

    @Operation(summary = "Change a charger's description, security profile, password or registration")
    @PatchMapping("/{id}")
    @PreAuthorize("hasAuthority('PERM_CHARGERS_WRITE')")
    public ChargerDetail update(@PathVariable String id, @Valid @RequestBody UpdateCharger request) {
        Charger current = find(id);
        ChargerDetail before = detail(current);
        int profile = request.securityProfile() == null ? current.securityProfile() : request.securityProfile();
        if (profile >= 1 && request.password() == null && current.passwordHash() == null) {
            throw new IllegalArgumentException("password: required for security profile " + profile);
        }
        service.update(id, request.registration(), request.description(), request.securityProfile(), request.password());
        return audited(before, AuditLog.Action.UPDATE);
    }

    private ChargerDetail audited(ChargerDetail before, AuditLog.Action action) {
        ChargerDetail after = detail(chargers.find(before.id()).orElseThrow());
        audit.record(callers.current().username(), after.equipment().operatorId(), action, "charger", before.id(), before, after);
        return after;
    }

    @Operation(summary = "Accept a pending charger")
    @PostMapping("/{id}/approve")
    @PreAuthorize("hasAuthority('PERM_CHARGERS_WRITE')")
    public ChargerDetail approve(@PathVariable String id) {
        ChargerDetail before = detail(find(id));
        service.update(id, RegistrationStatus.ACCEPTED, null, null, null);
        return audited(before, AuditLog.Action.UPDATE);
    }

    /** Owner, station, model, AC/DC, power and offline billing mode of a charger. */
    public record EquipmentRequest(
            @Schema(description = "platform admins only: move the charger to another operator") Long operatorId,
            Long stationId, @Size(max = 50) String productModel, CurrentType currentType,
            @DecimalMin("0") @Digits(integer = 6, fraction = 2) BigDecimal ratedPowerKw,
            @Pattern(regexp = "ONLINE_BILLING|OFFLINE_FREE|OFFLINE_BILLING", message = "ONLINE_BILLING, OFFLINE_FREE or OFFLINE_BILLING") String offlineBilling) {}

    @Operation(summary = "Set what the operator says about a charger: station, model, AC/DC, rated power, offline billing")
    @PutMapping("/{id}/equipment")
    @PreAuthorize("hasAuthority('PERM_CHARGERS_WRITE')")
    public ChargerDetail setEquipment(@PathVariable String id, @Valid @RequestBody EquipmentRequest r) {
        Charger charger = find(id);
        ChargerDetail before = detail(charger);
        Long operatorId = charger.operatorId();
        if (r.operatorId() != null && !r.operatorId().equals(operatorId)) {
            if (!callers.current().role().allOperators() || !callers.current().can(io.pylon.domain.tenant.Permission.OPERATORS_MANAGE)) {
                throw new IllegalArgumentException("operatorId: only platform admins move chargers between operators");
            }
            operatorId = r.operatorId();
        }
        placeable(operatorId, r.stationId());
        equipment.update(id, new Equipment(operatorId, r.stationId(), r.productModel(), r.currentType(), r.ratedPowerKw(),
                r.offlineBilling() == null ? "ONLINE_BILLING" : r.offlineBilling()));
        service.forget(id);
        return audited(before, AuditLog.Action.UPDATE);
    }

    /** A connector's plug standard, maximum power and the code drivers type or scan to start. */
    public record ConnectorSpecRequest(@NotNull ConnectorStandard standard,
                                       @DecimalMin("0") @Digits(integer = 6, fraction = 2) BigDecimal maxPowerKw,
                                       @NotBlank @Size(max = 32) @Pattern(regexp = "[A-Za-z0-9-]+", message = "letters, digits and - only") String code) {}

    @Operation(summary = "Describe a connector (gun): standard, max power, human-readable code")
    @PutMapping("/{id}/connectors/{connectorId}/spec")
    @PreAuthorize("hasAuthority('PERM_CHARGERS_WRITE')")
    public ChargerDetail setConnectorSpec(@PathVariable String id, @PathVariable @Min(1) @Max(99) int connectorId,
                                          @Valid @RequestBody ConnectorSpecRequest r) {
        ChargerDetail before = detail(find(id));
        if (!equipment.saveSpec(new ConnectorSpec(id, connectorId, r.standard(), r.maxPowerKw(), r.code()))) {
            throw new ConflictException("Connector code " + r.code() + " is already used");
        }
        return audited(before, AuditLog.Action.UPDATE);
    }

    @Operation(summary = "Forget a connector's description")
    @DeleteMapping("/{id}/connectors/{connectorId}/spec")
    @PreAuthorize("hasAuthority('PERM_CHARGERS_WRITE')")
    public ChargerDetail deleteConnectorSpec(@PathVariable String id, @PathVariable int connectorId) {
        ChargerDetail before = detail(find(id));
        if (!equipment.deleteSpec(id, connectorId)) throw new NoSuchElementException("Connector " + connectorId + " of " + id);
        return audited(before, AuditLog.Action.UPDATE);
    }

    /** A station must exist, be visible to the caller, and belong to the charger's operator. */
    private void placeable(Long operatorId, Long stationId) {
        if (stationId == null) return;
        var station = stations.find(callers.scope(), stationId)
                .orElseThrow(() -> new IllegalArgumentException("stationId: no station " + stationId));
        if (!Long.valueOf(station.operatorId()).equals(operatorId)) {
            throw new IllegalArgumentException("stationId: station " + stationId + " belongs to another operator");
        }
    }

    @Operation(summary = "Delete a charger (its sessions and meter values are kept)")
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAuthority('PERM_CHARGERS_WRITE')")
    public void delete(@PathVariable String id) {
        ChargerDetail before = detail(find(id));
        if (!chargers.delete(id)) throw new NoSuchElementException("Charger " + id);
        audit.record(callers.current().username(), before.equipment().operatorId(), AuditLog.Action.DELETE, "charger", id, before, null);
        service.forget(id);
        equipment.forget(id);
        connections.find(id).ifPresent(s -> s.close(io.netty.handler.codec.http.websocketx.WebSocketCloseStatus.POLICY_VIOLATION));
        piles.find(id).ifPresent(io.pylon.server.ykc.YkcConnection::close);
    }

    @Operation(summary = "Status history of a connector (0 = the charger itself), newest first")
    @GetMapping("/{id}/connectors/{connectorId}/history")
    @PreAuthorize("hasAuthority('PERM_CHARGERS_READ')")
    public List<StatusReport> history(@PathVariable String id, @PathVariable int connectorId,
                                      @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        find(id);
        return chargers.statusHistory(id, connectorId, limit);
    }

    @Operation(summary = "Events the charger reported: firmware, diagnostics, security, data transfer")
    @GetMapping("/{id}/events")
    @PreAuthorize("hasAuthority('PERM_CHARGERS_READ')")
    public List<ChargerEvent> events(@PathVariable String id, @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        find(id);
        return chargers.events(id, limit);
    }

    @Operation(summary = "Reservations on this charger, newest first")
    @GetMapping("/{id}/reservations")
    @PreAuthorize("hasAuthority('PERM_CHARGERS_READ')")
    public List<Reservation> reservations(@PathVariable String id) {
        find(id);
        Instant now = clock.instant();
        return reservations.forCharger(id, 100).stream().map(r -> r.asOf(now)).toList();
    }

    private Charger find(String id) {
        return access.visible(id);
    }
}
