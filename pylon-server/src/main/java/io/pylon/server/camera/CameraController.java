package io.pylon.server.camera;

import io.pylon.server.security.DeviceKeys;
import io.pylon.domain.common.PageRequest;
import io.pylon.domain.tenant.TenantScope;
import io.pylon.server.api.ConflictException;
import io.pylon.server.api.PageResponse;
import io.pylon.server.persistence.AuditLog;
import io.pylon.server.persistence.JooqCameras;
import io.pylon.server.persistence.JooqCameras.Camera;
import io.pylon.server.persistence.JooqParking;
import io.pylon.server.persistence.JooqStations;
import io.pylon.server.security.Callers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.*;

@Tag(name = "Cameras", description = "Cameras and edge-AI boxes: where their live video is (the operator's own media server), "
        + "the bays they watch, the gate they read plates for, and their API keys for POST /api/v1/camera-events")
@Validated
@RestController
@RequestMapping("/api/v1/cameras")
public class CameraController {

    static final String ID_PATTERN = "[A-Za-z0-9._-]{1,64}";

    /** Stream URLs on the operator's media server; any may be absent. */
    public record StreamsRequest(@Size(max = 500) String rtsp, @Size(max = 500) String hls, @Size(max = 500) String webrtc,
                          @Size(max = 500) String flv) {}

    /**
     * A camera or edge-AI box. {@code id} is the operator's name for the device (letters, digits, . _ -), which the device
     * sends in {@code X-Device-Id}; on PUT it may be left out. {@code kind}: CAMERA, or EDGE_BOX (an analytics box that
     * reports events for the cameras of its station).
     */
    public record CameraRequest(@Pattern(regexp = ID_PATTERN, message = "1 to 64 letters, digits, '.', '_' or '-'") String id,
                                @NotNull Long stationId,
                                @NotNull @Pattern(regexp = "CAMERA|EDGE_BOX", message = "must be CAMERA or EDGE_BOX") String kind,
                                @NotBlank @Size(max = 100) String name, @Valid StreamsRequest streams,
                                @Size(max = 500) String snapshotUrl, @Size(max = 200) List<@NotNull Long> bayIds,
                                @Pattern(regexp = ID_PATTERN, message = "1 to 64 letters, digits, '.', '_' or '-'") String gateId) {}

    /** A device as the console sees it: never its key. */
    public record CameraView(String id, long stationId, String kind, String name, JooqCameras.CameraStreams streams,
                             String snapshotUrl, List<Long> bayIds, String gateId, String status, Instant statusAt,
                             Instant lastEventAt, Instant createdAt, Instant updatedAt) {
        static CameraView of(Camera c) {
            return new CameraView(c.id(), c.stationId(), c.kind(), c.name(), c.streams(), c.snapshotUrl(), c.bayIds(), c.gateId(),
                    c.status(), c.statusAt(), c.lastEventAt(), c.createdAt(), c.updatedAt());
        }
    }

    /** The device with its API key: shown this once (only its hash is kept). */
    public record CameraWithKey(CameraView camera, String apiKey) {}

    private final JooqCameras cameras;
    private final JooqParking parking;
    private final JooqStations stations;
    private final Callers callers;
    private final AuditLog audit;
    private final Clock clock;

    public CameraController(JooqCameras cameras, JooqParking parking, JooqStations stations, Callers callers, AuditLog audit,
                            Clock clock) {
        this.cameras = cameras;
        this.parking = parking;
        this.stations = stations;
        this.callers = callers;
        this.audit = audit;
        this.clock = clock;
    }

    @Operation(summary = "Register a camera or edge-AI box; answers its API key once")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('PERM_SAFETY_CONFIGURE')")
    public CameraWithKey create(@Valid @RequestBody CameraRequest r) {
        if (r.id() == null) throw new IllegalArgumentException("id: required");
        Camera camera = checked(r.id(), r);
        String key = DeviceKeys.newKey();
        if (!cameras.insert(camera, DeviceKeys.hash(key), clock.instant())) {
            throw new ConflictException("Camera " + r.id() + " exists already");
        }
        CameraView view = CameraView.of(find(r.id()));
        audit.record(callers.current().username(), camera.operatorId(), AuditLog.Action.CREATE, "camera", r.id(), null, view);
        return new CameraWithKey(view, key);
    }

    @Operation(summary = "Cameras and edge-AI boxes in your scope", description = "With their stream URLs, bays and last status")
    @GetMapping
    @PreAuthorize("hasAuthority('PERM_ALARMS_READ')")
    public PageResponse<CameraView> list(@RequestParam(required = false) Long stationId,
                                         @RequestParam(defaultValue = "0") @Min(0) int page,
                                         @RequestParam(defaultValue = "50") @Min(1) @Max(PageRequest.MAX_SIZE) int size) {
        return PageResponse.of(cameras.list(callers.scope(), stationId, new PageRequest(page, size)), CameraView::of);
    }

    @Operation(summary = "One camera or edge-AI box")
    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('PERM_ALARMS_READ')")
    public CameraView get(@PathVariable String id) {
        return CameraView.of(find(id));
    }

    @Operation(summary = "Change a camera: station, kind, name, streams, snapshot URL, bays, gate (its key stays)")
    @PutMapping("/{id}")
    @PreAuthorize("hasAuthority('PERM_SAFETY_CONFIGURE')")
    public CameraView update(@PathVariable String id, @Valid @RequestBody CameraRequest r) {
        Camera before = find(id);
        if (r.id() != null && !r.id().equals(id)) throw new IllegalArgumentException("id: a camera's id cannot change");
        Camera camera = checked(id, r);
        cameras.update(camera, clock.instant());
        CameraView after = CameraView.of(find(id));
        audit.record(callers.current().username(), before.operatorId(), AuditLog.Action.UPDATE, "camera", id,
                CameraView.of(before), after);
        return after;
    }

    @Operation(summary = "Give a camera a new API key (the old one stops working at once); answers it once")
    @PostMapping("/{id}/api-key")
    @PreAuthorize("hasAuthority('PERM_SAFETY_CONFIGURE')")
    public CameraWithKey newKey(@PathVariable String id) {
        Camera camera = find(id);
        String key = DeviceKeys.newKey();
        cameras.setKey(id, DeviceKeys.hash(key), clock.instant());
        audit.record(callers.current().username(), camera.operatorId(), AuditLog.Action.UPDATE, "camera", id, null, "new API key");
        return new CameraWithKey(CameraView.of(find(id)), key);
    }

    @Operation(summary = "Remove a camera (its events stay)")
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAuthority('PERM_SAFETY_CONFIGURE')")
    public void delete(@PathVariable String id) {
        Camera before = find(id);
        cameras.delete(id);
        audit.record(callers.current().username(), before.operatorId(), AuditLog.Action.DELETE, "camera", id,
                CameraView.of(before), null);
    }

    private Camera find(String id) {
        return cameras.find(callers.scope(), id).orElseThrow(() -> new NoSuchElementException("Camera " + id));
    }

    /** The device as asked, once its station is in scope and its URLs, bays and gate check out. */
    private Camera checked(String id, CameraRequest r) {
        TenantScope scope = callers.scope();
        var station = stations.find(scope, r.stationId()).orElseThrow(() -> new NoSuchElementException("Station " + r.stationId()));
        StreamsRequest s = r.streams() == null ? new StreamsRequest(null, null, null, null) : r.streams();
        var streams = new JooqCameras.CameraStreams(StreamUrls.check("streams.rtsp", s.rtsp(), StreamUrls.RTSP),
                StreamUrls.check("streams.hls", s.hls(), StreamUrls.HTTP),
                StreamUrls.check("streams.webrtc", s.webrtc(), StreamUrls.WEBRTC),
                StreamUrls.check("streams.flv", s.flv(), StreamUrls.FLV));
        String snapshot = StreamUrls.check("snapshotUrl", r.snapshotUrl(), StreamUrls.HTTP);
        List<Long> bayIds = r.bayIds() == null ? List.of() : r.bayIds().stream().distinct().toList();
        var bays = parking.baysOf(bayIds);
        for (Long bayId : bayIds) {
            if (bays.stream().noneMatch(b -> b.id() == bayId && b.stationId() == station.id())) {
                throw new IllegalArgumentException("bayIds: " + bayId + " is not a bay of station " + station.id());
            }
        }
        if (r.gateId() != null && parking.gate(scope, r.gateId()).filter(g -> g.stationId() == station.id()).isEmpty()) {
            throw new IllegalArgumentException("gateId: " + r.gateId() + " is not a gate of station " + station.id());
        }
        return new Camera(id, station.operatorId(), station.id(), r.kind(), r.name().strip(), streams, snapshot, r.gateId(),
                bayIds, null, null, null, null, null);
    }
}
