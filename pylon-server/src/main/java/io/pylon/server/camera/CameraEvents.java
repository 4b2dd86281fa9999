package io.pylon.server.camera;

import io.pylon.server.security.DeviceKeys;
import io.pylon.domain.parking.Direction;
import io.pylon.domain.parking.PlateColour;
import io.pylon.domain.parking.Plates;
import io.pylon.domain.tenant.TenantScope;
import io.pylon.server.api.ConflictException;
import io.pylon.server.parking.ParkingProperties;
import io.pylon.server.persistence.JooqCameras;
import io.pylon.server.persistence.JooqCameras.Camera;
import io.pylon.server.persistence.JooqCameras.Credentials;
import io.pylon.server.persistence.JooqParking;
import io.pylon.server.persistence.JooqParking.BayRow;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Ingestion of camera and edge-AI events: authenticate the device (decode → validate → map → act, as for chargers),
 * read the event strictly, check it against the registry, keep it once per (device, event id) and act on it. A replay
 * of a kept event is answered with the kept one and sets nothing off again; the same event id with other content is
 * refused.
 */
@Service
public class CameraEvents {

    /** Events are small: a bigger body is refused unread. */
    static final int MAX_BODY = 16 * 1024;

    /** The answer to a device: the event as kept and what was done (on a replay, what was done the first time). */
    public record Ingested(long id, boolean duplicate, String type, String cameraId, Long bayId, Instant time, String outcome) {}

    private final JooqCameras cameras;
    private final JooqParking parking;
    private final CameraEventActions actions;
    private final ObjectReader reader;
    private final Validator validator;
    private final ParkingProperties properties;
    private final Clock clock;

    public CameraEvents(JooqCameras cameras, JooqParking parking, CameraEventActions actions, JsonMapper json, Validator validator,
                        ParkingProperties properties, Clock clock) {
        this.cameras = cameras;
        this.parking = parking;
        this.actions = actions;
        this.reader = json.readerFor(CameraEventRequest.class).with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        this.validator = validator;
        this.properties = properties;
        this.clock = clock;
    }

    public Ingested ingest(String deviceId, String key, byte[] body) {
        Credentials sender = authenticate(deviceId, key);
        CameraEventRequest r = read(body);
        CameraEventType type = CameraEventType.parse(r.type());
        Instant now = clock.instant();
        if (r.time().isBefore(now.minus(properties.eventMaxAge()))) {
            throw new IllegalArgumentException("time: older than " + properties.eventMaxAge().toDays() + " days");
        }
        if (r.time().isAfter(now.plus(properties.eventMaxAhead()))) {
            throw new IllegalArgumentException("time: more than " + properties.eventMaxAhead().toHours()
                    + " h ahead of the platform's clock (check the device's clock)");
        }
        Camera camera = camera(sender, r.cameraId());
        BayRow bay = bay(camera, r.bay());
        String plate = null;
        String colour = null;
        String direction = null;
        if (type == CameraEventType.PLATE_READ || r.plate() != null) {
            plate = Plates.normalise(r.plate());
            colour = PlateColour.parse(required("plateColour", r.plateColour(), type)).name();
            direction = Direction.parse(required("direction", r.direction(), type)).name();
        }
        var event = new JooqCameras.CameraEvent(0, sender.id(), r.eventId(), camera.id(), sender.operatorId(), sender.stationId(),
                type.wire(), r.time(), bay == null ? null : bay.id(), plate, colour, direction, blankToNull(r.snapshot()),
                r.confidence(), blankToNull(r.detail()), null, now);
        Optional<Long> id = cameras.insertEvent(event);
        if (id.isEmpty()) {
            return replay(sender, r, type);
        }
        var stored = new JooqCameras.CameraEvent(id.get(), event.deviceId(), event.eventId(), event.cameraId(), event.operatorId(),
                event.stationId(), event.type(), event.occurredAt(), event.bayId(), plate, colour, direction, event.snapshot(),
                event.confidence(), event.detail(), null, now);
        String outcome = actions.act(type, camera, bay, stored);
        cameras.outcome(id.get(), outcome);
        return new Ingested(id.get(), false, type.wire(), camera.id(), event.bayId(), r.time(), outcome);
    }

    /** The sender, when its id and key match; 401 for a missing or unknown id and a wrong key alike. */
    private Credentials authenticate(String deviceId, String key) {
        if (deviceId == null || deviceId.isBlank() || key == null || key.isBlank()) {
            throw new ResponseStatusException(HttpStatus.UNAUTHORIZED, "Send the device's id in X-Device-Id and its API key in X-Device-Key");
        }
        return cameras.credentials(deviceId.strip()).filter(c -> DeviceKeys.matches(key.strip(), c.keyHash()))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED, "Unknown device or wrong API key"));
    }

    private CameraEventRequest read(byte[] body) {
        if (body == null || body.length == 0) throw new IllegalArgumentException("The body must be one event as JSON");
        if (body.length > MAX_BODY) throw new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE, "An event is at most " + MAX_BODY + " bytes");
        CameraEventRequest r;
        try {
            r = reader.readValue(body);
        } catch (UnrecognizedPropertyException e) {
            throw new IllegalArgumentException(e.getPropertyName() + ": unknown field");
        } catch (MismatchedInputException e) {
            String field = e.getPath().isEmpty() ? "body" : e.getPath().getLast().getPropertyName();
            throw new IllegalArgumentException(field + ": cannot read this value (" + e.getOriginalMessage() + ")");
        } catch (JacksonException e) {
            throw new IllegalArgumentException("Malformed JSON: " + e.getOriginalMessage());
        }
        if (r == null) throw new IllegalArgumentException("The body must be one event as JSON");
        var violations = validator.validate(r);
        if (!violations.isEmpty()) throw new ConstraintViolationException(violations);
        return r;
    }

    /**
     * The camera that saw the event: the sender, or — for an edge-AI box — a camera of its station. Any other camera
     * id (unknown, another station's, another operator's) is refused alike.
     */
    private Camera camera(Credentials sender, String cameraId) {
        String id = cameraId == null ? sender.id() : cameraId;
        Optional<Camera> camera = cameras.find(TenantScope.platform(), id);
        boolean allowed = id.equals(sender.id()) || "EDGE_BOX".equals(sender.kind())
                && camera.filter(c -> c.stationId() == sender.stationId()).isPresent();
        if (!allowed || camera.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Device " + sender.id() + " may not report for camera " + id);
        }
        return camera.get();
    }

    /** The bay named in the event (of the camera's station, watched by the camera), or the one bay the camera watches. */
    private BayRow bay(Camera camera, String name) {
        if (name == null || name.isBlank()) {
            return camera.bayIds().size() == 1 ? parking.baysOf(camera.bayIds()).getFirst() : null;
        }
        BayRow bay = parking.bayNamed(camera.stationId(), name.strip())
                .orElseThrow(() -> new IllegalArgumentException("bay: '" + name + "' is not a bay of the camera's station"));
        if (!camera.bayIds().isEmpty() && !camera.bayIds().contains(bay.id())) {
            throw new IllegalArgumentException("bay: camera " + camera.id() + " does not watch bay '" + name + "'");
        }
        return bay;
    }

    private Ingested replay(Credentials sender, CameraEventRequest r, CameraEventType type) {
        var kept = cameras.event(sender.id(), r.eventId()).orElseThrow();
        if (!kept.type().equals(type.wire()) || !kept.occurredAt().equals(r.time())) {
            throw new ConflictException("eventId " + r.eventId() + " was sent before for another event (" + kept.type() + " at "
                    + kept.occurredAt() + ")");
        }
        return new Ingested(kept.id(), true, kept.type(), kept.cameraId(), kept.bayId(), kept.occurredAt(), kept.outcome());
    }

    private static String required(String field, String value, CameraEventType type) {
        if (value == null || value.isBlank()) throw new IllegalArgumentException(field + ": required for a " + type.wire() + " event");
        return value;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
