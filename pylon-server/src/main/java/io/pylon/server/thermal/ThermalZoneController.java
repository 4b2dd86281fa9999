package io.pylon.server.thermal;

import io.pylon.domain.thermal.Thresholds;
import io.pylon.server.api.ConflictException;
import io.pylon.server.persistence.AuditLog;
import io.pylon.server.persistence.JooqThermal;
import io.pylon.server.persistence.JooqThermal.Bay;
import io.pylon.server.persistence.JooqThermal.Zone;
import io.pylon.server.security.Callers;
import io.pylon.server.thermal.ThermalViews.ZoneRequest;
import io.pylon.server.thermal.ThermalViews.ZoneView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.*;

@Tag(name = "Thermal zones", description = "Where the battery sits in a bay (front, middle, rear …), with thresholds per vehicle type")
@Validated
@RestController
@RequestMapping("/api/v1/thermal/bays/{bayId}/zones")
public class ThermalZoneController {

    private final JooqThermal thermal;
    private final ThermalRegistry registry;
    private final Callers callers;
    private final AuditLog audit;
    private final Clock clock;

    public ThermalZoneController(JooqThermal thermal, ThermalRegistry registry, Callers callers, AuditLog audit, Clock clock) {
        this.thermal = thermal;
        this.registry = registry;
        this.callers = callers;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('PERM_ALARMS_READ')")
    public List<ZoneView> list(@PathVariable long bayId) {
        Bay bay = registry.bay(bayId);
        return thermal.zones(bayId).stream().map(z -> ZoneView.of(z, bay.vehicleType())).toList();
    }

    @Operation(summary = "Add a zone inside the bay's area",
            description = "thresholds: fields left out keep the platform defaults (docs/thermal.md); overrides: per vehicle type, "
                    + "fields left out keep the zone's")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('PERM_SAFETY_CONFIGURE')")
    public ZoneView create(@PathVariable long bayId, @Valid @RequestBody ZoneRequest r) {
        Bay bay = registry.bay(bayId);
        Zone zone = checked(0, bay, r);
        long id;
        try {
            id = thermal.insertZone(zone, clock.instant());
        } catch (DuplicateKeyException e) {
            throw new ConflictException("Bay " + bayId + " has a zone named " + zone.name() + " already");
        }
        ZoneView view = ZoneView.of(registry.zone(bay, id), bay.vehicleType());
        audit.record(callers.current().username(), bay.operatorId(), AuditLog.Action.CREATE, "thermal_zone", id, null, view);
        registry.changed(bayId);
        return view;
    }

    @Operation(summary = "Replace a zone (thresholds left out return to the platform defaults)")
    @PutMapping("/{zoneId}")
    @PreAuthorize("hasAuthority('PERM_SAFETY_CONFIGURE')")
    public ZoneView update(@PathVariable long bayId, @PathVariable long zoneId, @Valid @RequestBody ZoneRequest r) {
        Bay bay = registry.bay(bayId);
        ZoneView before = ZoneView.of(registry.zone(bay, zoneId), bay.vehicleType());
        Zone zone = checked(zoneId, bay, r);
        try {
            thermal.updateZone(zone, clock.instant());
        } catch (DuplicateKeyException e) {
            throw new ConflictException("Bay " + bayId + " has a zone named " + zone.name() + " already");
        }
        ZoneView after = ZoneView.of(registry.zone(bay, zoneId), bay.vehicleType());
        audit.record(callers.current().username(), bay.operatorId(), AuditLog.Action.UPDATE, "thermal_zone", zoneId, before, after);
        registry.changed(bayId);
        return after;
    }

    @DeleteMapping("/{zoneId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAuthority('PERM_SAFETY_CONFIGURE')")
    public void delete(@PathVariable long bayId, @PathVariable long zoneId) {
        Bay bay = registry.bay(bayId);
        ZoneView before = ZoneView.of(registry.zone(bay, zoneId), bay.vehicleType());
        thermal.deleteZone(zoneId);
        audit.record(callers.current().username(), bay.operatorId(), AuditLog.Action.DELETE, "thermal_zone", zoneId, before, null);
        registry.changed(bayId);
    }

    private static Zone checked(long id, Bay bay, ZoneRequest r) {
        var area = r.area().area();
        if (!area.within(bay.area())) {
            throw new IllegalArgumentException("area: " + area + " lies outside bay " + bay.id() + "'s area (" + bay.area() + ")");
        }
        Thresholds thresholds = Thresholds.DEFAULT.with(r.thresholds());
        Map<String, Thresholds.Patch> overrides = new LinkedHashMap<>();
        if (r.overrides() != null) {
            r.overrides().forEach((type, patch) -> {
                try {
                    thresholds.with(patch);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("overrides." + type + "." + e.getMessage());
                }
                overrides.put(type, patch);
            });
        }
        return new Zone(id, bay.id(), r.name().trim(), area, thresholds, overrides, null, null);
    }
}
