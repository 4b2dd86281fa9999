package io.pylon.server.camera;

import io.pylon.domain.common.PageRequest;
import io.pylon.domain.parking.Plates;
import io.pylon.server.api.PageResponse;
import io.pylon.server.persistence.JooqCameras;
import io.pylon.server.security.Callers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Camera events", description = "Events from cameras and edge-AI boxes: plate reads, smoke, fire, person, smoking, "
        + "vandalism, camera offline / blocked / normal (docs/parking.md)")
@Validated
@RestController
@RequestMapping("/api/v1/camera-events")
public class CameraEventController {

    private final CameraEvents events;
    private final JooqCameras cameras;
    private final Callers callers;

    public CameraEventController(CameraEvents events, JooqCameras cameras, Callers callers) {
        this.events = events;
        this.cameras = cameras;
        this.callers = callers;
    }

    @Operation(summary = "A device sends one event (authenticated by X-Device-Id and X-Device-Key, no user token)",
            description = "201 with what was done; 200 with the kept event when the device sent this eventId before; 400 for a "
                    + "malformed or invalid event; 401 for a missing or wrong key; 403 for a camera the device may not report for; "
                    + "409 for an eventId reused for another event; 413 above 16 KiB.")
    @PostMapping
    public ResponseEntity<CameraEvents.Ingested> ingest(
            @Parameter(description = "the device's id as registered") @RequestHeader(value = "X-Device-Id", required = false) String deviceId,
            @Parameter(description = "the device's API key") @RequestHeader(value = "X-Device-Key", required = false) String key,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(description = "one event", content = @io.swagger.v3.oas.annotations.media.Content(
                    mediaType = "application/json", schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = CameraEventRequest.class)))
            @RequestBody(required = false) byte[] body) {
        CameraEvents.Ingested ingested = events.ingest(deviceId, key, body);
        return ResponseEntity.status(ingested.duplicate() ? HttpStatus.OK : HttpStatus.CREATED).body(ingested);
    }

    @Operation(summary = "Camera events in your scope, newest first",
            description = "Filter by station, camera, type, bay, plate and the time it happened [from, to)")
    @GetMapping
    @PreAuthorize("hasAuthority('PERM_ALARMS_READ')")
    public PageResponse<JooqCameras.CameraEvent> list(@RequestParam(required = false) Long stationId,
                                                @RequestParam(required = false) String cameraId,
                                                @RequestParam(required = false) String type,
                                                @RequestParam(required = false) Long bayId,
                                                @RequestParam(required = false) String plate,
                                                @RequestParam(required = false) Instant from,
                                                @RequestParam(required = false) Instant to,
                                                @RequestParam(defaultValue = "0") @Min(0) int page,
                                                @RequestParam(defaultValue = "50") @Min(1) @Max(PageRequest.MAX_SIZE) int size) {
        var filter = new JooqCameras.EventFilter(stationId, cameraId, type == null ? null : CameraEventType.parse(type).wire(), bayId,
                plate == null ? null : Plates.normalise(plate), from, to);
        return PageResponse.of(cameras.events(callers.scope(), filter, new PageRequest(page, size)), e -> e);
    }
}
