package io.pylon.server.thermal;

import io.pylon.domain.common.PageRequest;
import io.pylon.server.api.ConflictException;
import io.pylon.server.api.PageResponse;
import io.pylon.server.persistence.AuditLog;
import io.pylon.server.persistence.JooqThermal;
import io.pylon.server.persistence.JooqThermal.Bay;
import io.pylon.server.security.Callers;
import io.pylon.server.thermal.ThermalViews.BayRequest;
import io.pylon.server.thermal.ThermalViews.BayView;
import io.pylon.server.thermal.ThermalViews.VehicleTypeRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Clock;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.*;

@Tag(name = "Thermal bays", description = "Charging bays seen by a thermal camera, each mapped to one connector, with neighbours")
@Validated
@RestController
@RequestMapping("/api/v1/thermal/bays")
public class ThermalBayController {

    private final JooqThermal thermal;
    private final ThermalRegistry registry;
    private final Callers callers;
    private final AuditLog audit;
    private final Clock clock;

    public ThermalBayController(JooqThermal thermal, ThermalRegistry registry, Callers callers, AuditLog audit, Clock clock) {
        this.thermal = thermal;
        this.registry = registry;
        this.callers = callers;
        this.audit = audit;
        this.clock = clock;
    }

    @Operation(summary = "Bays in your scope", description = "stationId / cameraId narrow the list")
    @GetMapping
    @PreAuthorize("hasAuthority('PERM_ALARMS_READ')")
    public PageResponse<BayView> list(@RequestParam(required = false) Long stationId, @RequestParam(required = false) String cameraId,
                                      @RequestParam(defaultValue = "0") @Min(0) int page,
                                      @RequestParam(defaultValue = "50") @Min(1) @Max(PageRequest.MAX_SIZE) int size) {
        return PageResponse.of(thermal.bays(callers.scope(), stationId, cameraId, new PageRequest(page, size)), registry::view);
    }

    @Operation(summary = "A bay with its zones, the bays an evacuation here stops too, and this node's latest reading")
    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('PERM_ALARMS_READ')")
    public BayView get(@PathVariable long id) {
        return registry.view(registry.bay(id));
    }

    @Operation(summary = "Add a bay: a rectangle of a camera's frame over one connector's parking space")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('PERM_SAFETY_CONFIGURE')")
    public BayView create(@Valid @RequestBody BayRequest r) {
        Bay bay = registry.checked(0, r, null);
        long id;
        try {
            id = thermal.insertBay(bay, clock.instant());
        } catch (DuplicateKeyException e) {
            throw new ConflictException("A bay named " + bay.name() + " exists at station " + bay.stationId() + " already");
        }
        BayView view = registry.view(registry.bay(id));
        audit.record(callers.current().username(), bay.operatorId(), AuditLog.Action.CREATE, "thermal_bay", id, null, view);
        registry.changed(id);
        return view;
    }

    @Operation(summary = "Replace a bay (its zones stay and must still lie inside its area)")
    @PutMapping("/{id}")
    @PreAuthorize("hasAuthority('PERM_SAFETY_CONFIGURE')")
    public BayView update(@PathVariable long id, @Valid @RequestBody BayRequest r) {
        Bay before = registry.bay(id);
        BayView beforeView = registry.view(before);
        Bay bay = registry.checked(id, r, before);
        try {
            thermal.updateBay(bay, clock.instant());
        } catch (DuplicateKeyException e) {
            throw new ConflictException("A bay named " + bay.name() + " exists at station " + bay.stationId() + " already");
        }
        registry.changed(id);
        BayView after = registry.view(registry.bay(id));
        audit.record(callers.current().username(), before.operatorId(), AuditLog.Action.UPDATE, "thermal_bay", id, beforeView, after);
        return after;
    }

    @Operation(summary = "Set the type of the vehicle now in the bay (sedan, suv, bus …; null: unknown)",
            description = "Selects the zones' threshold overrides for that type from the next frame on.")
    @PutMapping("/{id}/vehicle-type")
    @PreAuthorize("hasAnyAuthority('PERM_SAFETY_CONFIGURE', 'PERM_ALARMS_HANDLE')")
    public BayView vehicleType(@PathVariable long id, @Valid @RequestBody VehicleTypeRequest r) {
        Bay before = registry.bay(id);
        thermal.setVehicleType(id, r.vehicleType(), clock.instant());
        registry.changed(null);
        BayView after = registry.view(registry.bay(id));
        audit.record(callers.current().username(), before.operatorId(), AuditLog.Action.UPDATE, "thermal_bay", id,
                java.util.Collections.singletonMap("vehicleType", before.vehicleType()), java.util.Collections.singletonMap("vehicleType", r.vehicleType()));
        return after;
    }

    @Operation(summary = "Remove a bay with its zones")
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAuthority('PERM_SAFETY_CONFIGURE')")
    public void delete(@PathVariable long id) {
        Bay before = registry.bay(id);
        BayView view = registry.view(before);
        thermal.deleteBay(id);
        registry.changed(id);
        audit.record(callers.current().username(), before.operatorId(), AuditLog.Action.DELETE, "thermal_bay", id, view, null);
    }
}
