package io.pylon.server.camera;

import io.pylon.domain.alarm.AlarmAction;
import io.pylon.domain.alarm.AlarmSeverity;
import io.pylon.domain.alarm.AlarmSignal;
import io.pylon.domain.alarm.Alarms;
import io.pylon.domain.alarm.Telemetry;
import io.pylon.domain.alarm.TelemetrySink;
import io.pylon.domain.parking.Direction;
import io.pylon.domain.parking.PlateColour;
import io.pylon.domain.tenant.TenantScope;
import io.pylon.server.parking.ParkingService;
import io.pylon.server.persistence.JooqCameras;
import io.pylon.server.persistence.JooqCameras.Camera;
import io.pylon.server.persistence.JooqParking;
import io.pylon.server.persistence.JooqParking.BayRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What a new camera event sets off. Every event goes to the alarm rules as metric {@code camera.<type>} (code = type).
 * Plate reads go to parking (a bay, or the camera's barrier gate). Smoke and fire raise an EVACUATION alarm per bay
 * (the event's, else every bay the camera watches) that stops the session on the bay's connector and makes it
 * unavailable; smoking and vandalism a WARNING; a camera offline or blocked a WARNING on the camera, ended when it
 * reports camera_normal.
 */
@Component
class CameraEventActions {

    private static final Logger log = LoggerFactory.getLogger(CameraEventActions.class);
    static final String SOURCE = "camera";

    private final Alarms alarms;
    private final TelemetrySink telemetry;
    private final ParkingService parking;
    private final JooqParking bays;
    private final JooqCameras cameras;

    CameraEventActions(Alarms alarms, TelemetrySink telemetry, ParkingService parking, JooqParking bays, JooqCameras cameras) {
        this.alarms = alarms;
        this.telemetry = telemetry;
        this.parking = parking;
        this.bays = bays;
        this.cameras = cameras;
    }

    /** Acts on a stored event; answers what was done, in words. Never throws for a failed action: it says so. */
    String act(CameraEventType type, Camera camera, BayRow bay, JooqCameras.CameraEvent e) {
        try {
            telemetry.accept(new Telemetry(Telemetry.Metrics.CAMERA_PREFIX + type.wire(), null, type.wire(), e.operatorId(),
                    e.stationId(), bay == null ? null : bay.chargerId(), bay == null ? null : bay.connectorId(),
                    bay == null ? "camera:" + camera.id() : "bay:" + bay.id(), e.occurredAt()));
        } catch (RuntimeException ex) {
            log.warn("Telemetry of camera event {} not taken: {}", e.id(), ex.toString());
        }
        try {
            return switch (type) {
                case PLATE_READ -> plate(camera, bay, e);
                case SMOKE, FIRE, SMOKING, VANDALISM -> hazard(type, camera, bay, e);
                case CAMERA_OFFLINE, CAMERA_BLOCKED, CAMERA_NORMAL -> status(type, camera, e);
                case PERSON -> "kept";
            };
        } catch (RuntimeException ex) {
            log.warn("Camera event {} ({}) not acted on: {}", e.id(), type.wire(), ex.toString());
            return "failed: " + ex.getMessage();
        }
    }

    private String plate(Camera camera, BayRow bay, JooqCameras.CameraEvent e) {
        Direction direction = Direction.parse(e.direction());
        PlateColour colour = PlateColour.valueOf(e.plateColour());
        if (bay != null) {
            return parking.plateAtBay(bay, direction, e.plate(), colour, e.occurredAt(), e.snapshot());
        }
        if (camera.gateId() != null) {
            var gate = bays.gate(TenantScope.operator(camera.operatorId()), camera.gateId());
            if (gate.isPresent()) return parking.plateAtGate(gate.get(), direction, e.plate(), colour, e.occurredAt());
        }
        return "kept: no bay and no gate";
    }

    private String hazard(CameraEventType type, Camera camera, BayRow bay, JooqCameras.CameraEvent e) {
        String code = code(type);
        boolean evacuate = type == CameraEventType.SMOKE || type == CameraEventType.FIRE;
        AlarmSeverity severity = evacuate ? AlarmSeverity.EVACUATION : AlarmSeverity.WARNING;
        List<BayRow> where = bay != null ? List.of(bay) : bays.baysOf(camera.bayIds());
        List<String> done = new ArrayList<>();
        if (where.isEmpty()) {
            var raised = alarms.raise(AlarmSignal.of(SOURCE, code, severity).operator(e.operatorId()).station(e.stationId())
                    .subject("camera:" + camera.id()).message(words(type) + " seen by camera " + camera.name())
                    .evidence(e.snapshot()).build());
            return severity + " alarm " + raised.id() + " (" + code + ", no bay)";
        }
        for (BayRow b : where) {
            var signal = AlarmSignal.of(SOURCE, code, severity).operator(b.operatorId()).station(b.stationId())
                    .charger(b.chargerId(), b.connectorId()).subject("bay:" + b.id())
                    .message(words(type) + " at bay " + b.name() + ", seen by camera " + camera.name()).evidence(e.snapshot());
            if (evacuate) signal.action(AlarmAction.STOP_SESSION).action(AlarmAction.MAKE_UNAVAILABLE);
            var raised = alarms.raise(signal.build());
            done.add(severity + " alarm " + raised.id() + " (" + code + ", bay " + b.name() + ")");
        }
        return String.join("; ", done);
    }

    private String status(CameraEventType type, Camera camera, JooqCameras.CameraEvent e) {
        String offline = AlarmSignal.key(SOURCE, "CameraOffline", "camera:" + camera.id());
        String blocked = AlarmSignal.key(SOURCE, "CameraBlocked", "camera:" + camera.id());
        if (type == CameraEventType.CAMERA_NORMAL) {
            cameras.status(camera.id(), "NORMAL", e.occurredAt());
            int ended = (alarms.resolve(offline, e.occurredAt()) ? 1 : 0) + (alarms.resolve(blocked, e.occurredAt()) ? 1 : 0);
            return "camera normal; " + ended + " alarm(s) ended";
        }
        String code = code(type);
        cameras.status(camera.id(), type == CameraEventType.CAMERA_OFFLINE ? "OFFLINE" : "BLOCKED", e.occurredAt());
        var raised = alarms.raise(AlarmSignal.of(SOURCE, code, AlarmSeverity.WARNING).operator(e.operatorId())
                .station(e.stationId()).subject("camera:" + camera.id())
                .message("Camera " + camera.name() + (type == CameraEventType.CAMERA_OFFLINE ? " is offline" : " is blocked"))
                .evidence(e.snapshot()).build());
        return "WARNING alarm " + raised.id() + " (" + code + ")";
    }

    /** The alarm code: smoke → Smoke, camera_offline → CameraOffline. */
    static String code(CameraEventType type) {
        StringBuilder code = new StringBuilder();
        for (String part : type.wire().split("_")) {
            code.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return code.toString();
    }

    private static String words(CameraEventType type) {
        String w = type.wire().replace('_', ' ');
        return Character.toUpperCase(w.charAt(0)) + w.substring(1).toLowerCase(Locale.ROOT);
    }
}
