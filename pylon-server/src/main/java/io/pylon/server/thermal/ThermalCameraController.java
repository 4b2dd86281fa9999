package io.pylon.server.thermal;

import io.pylon.server.security.DeviceKeys;
import io.pylon.domain.common.PageRequest;
import io.pylon.domain.tenant.TenantScope;
import io.pylon.server.api.ConflictException;
import io.pylon.server.api.PageResponse;
import io.pylon.server.persistence.AuditLog;
import io.pylon.server.persistence.JooqStations;
import io.pylon.server.persistence.JooqThermal;
import io.pylon.server.persistence.JooqThermal.Camera;
import io.pylon.server.security.Callers;
import io.pylon.server.thermal.ThermalViews.CameraRequest;
import io.pylon.server.thermal.ThermalViews.CameraUpdate;
import io.pylon.server.thermal.ThermalViews.CameraView;
import io.pylon.server.thermal.ThermalViews.CameraWithKey;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Clock;
import java.time.Instant;
import java.util.NoSuchElementException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.*;

@Tag(name = "Thermal cameras", description = "Radiometric cameras over charging bays; each posts frames with a key of its own")
@Validated
@RestController
@RequestMapping("/api/v1/thermal/cameras")
public class ThermalCameraController {

    private final JooqThermal thermal;
    private final JooqStations stations;
    private final ThermalLayouts layouts;
    private final Callers callers;
    private final AuditLog audit;
    private final Clock clock;

    public ThermalCameraController(JooqThermal thermal, JooqStations stations, ThermalLayouts layouts, Callers callers, AuditLog audit,
                                   Clock clock) {
        this.thermal = thermal;
        this.stations = stations;
        this.layouts = layouts;
        this.callers = callers;
        this.audit = audit;
        this.clock = clock;
    }

    @Operation(summary = "Cameras in your scope", description = "stationId narrows to one station")
    @GetMapping
    @PreAuthorize("hasAuthority('PERM_ALARMS_READ')")
    public PageResponse<CameraView> list(@RequestParam(required = false) Long stationId,
                                         @RequestParam(defaultValue = "0") @Min(0) int page,
                                         @RequestParam(defaultValue = "50") @Min(1) @Max(PageRequest.MAX_SIZE) int size) {
        return PageResponse.of(thermal.cameras(callers.scope(), stationId, new PageRequest(page, size)), CameraView::of);
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('PERM_ALARMS_READ')")
    public CameraView get(@PathVariable String id) {
        return CameraView.of(find(id));
    }

    @Operation(summary = "Register a camera; the answer holds its ingestion key, shown this once (only a hash is kept)")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('PERM_SAFETY_CONFIGURE')")
    public CameraWithKey create(@Valid @RequestBody CameraRequest r) {
        var station = stations.find(callers.scope(), r.stationId())
                .orElseThrow(() -> new IllegalArgumentException("stationId: no station " + r.stationId()));
        sized(r.width(), r.height());
        String key = DeviceKeys.newKey("thk_");
        Instant now = clock.instant();
        Camera camera = new Camera(r.id(), station.operatorId(), station.id(), r.name(), r.width(), r.height(), DeviceKeys.hash(key), now, now);
        if (!thermal.insertCamera(camera)) throw new ConflictException("Camera id " + r.id() + " is taken");
        CameraView view = CameraView.of(thermal.camera(TenantScope.platform(), r.id()).orElseThrow());
        audit.record(callers.current().username(), station.operatorId(), AuditLog.Action.CREATE, "thermal_camera", r.id(), null, view);
        layouts.invalidate();
        return new CameraWithKey(view, key);
    }

    @Operation(summary = "Rename a camera or change the frame size it must send (a camera stays at its station)")
    @PutMapping("/{id}")
    @PreAuthorize("hasAuthority('PERM_SAFETY_CONFIGURE')")
    public CameraView update(@PathVariable String id, @Valid @RequestBody CameraUpdate r) {
        Camera before = find(id);
        sized(r.width(), r.height());
        if (r.width() != null) {
            for (var bay : thermal.baysOfCamera(id)) {
                if (!bay.area().fits(r.width(), r.height())) {
                    throw new IllegalArgumentException("width/height: bay " + bay.id() + " (" + bay.area() + ") lies outside a "
                            + r.width() + "×" + r.height() + " frame");
                }
            }
        }
        thermal.updateCamera(id, r.name(), r.width(), r.height(), clock.instant());
        CameraView after = CameraView.of(find(id));
        audit.record(callers.current().username(), before.operatorId(), AuditLog.Action.UPDATE, "thermal_camera", id, CameraView.of(before), after);
        layouts.invalidate();
        return after;
    }

    @Operation(summary = "Replace a camera's ingestion key (the old one stops working at once on this node, within the cache time on others)")
    @PostMapping("/{id}/key")
    @PreAuthorize("hasAuthority('PERM_SAFETY_CONFIGURE')")
    public CameraWithKey newKey(@PathVariable String id) {
        Camera camera = find(id);
        String key = DeviceKeys.newKey("thk_");
        thermal.setCameraKey(id, DeviceKeys.hash(key), clock.instant());
        audit.record(callers.current().username(), camera.operatorId(), AuditLog.Action.UPDATE, "thermal_camera", id, null, "new key");
        layouts.invalidate();
        return new CameraWithKey(CameraView.of(find(id)), key);
    }

    @Operation(summary = "Remove a camera that watches no bay (409 otherwise)")
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAuthority('PERM_SAFETY_CONFIGURE')")
    public void delete(@PathVariable String id) {
        Camera before = find(id);
        if (!thermal.deleteCameraIfUnused(id)) throw new ConflictException("Camera " + id + " still watches bays");
        audit.record(callers.current().username(), before.operatorId(), AuditLog.Action.DELETE, "thermal_camera", id, CameraView.of(before), null);
        layouts.invalidate();
    }

    private Camera find(String id) {
        return thermal.camera(callers.scope(), id).orElseThrow(() -> new NoSuchElementException("Camera " + id));
    }

    private static void sized(Integer width, Integer height) {
        if ((width == null) != (height == null)) throw new IllegalArgumentException("width/height: give both or neither");
    }
}
