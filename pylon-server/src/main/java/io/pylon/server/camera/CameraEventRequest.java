package io.pylon.server.camera;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One event from a camera or edge-AI box (docs/parking.md has the schema with examples). Unknown fields are refused.
 *
 * @param eventId     the device's own id of the event, unique per device: a repeat is answered, never counted twice
 * @param type        plate_read, smoke, fire, person, smoking, vandalism, camera_offline, camera_blocked, camera_normal
 * @param time        when it happened, ISO-8601 with offset (the device's clock)
 * @param cameraId    the camera that saw it, when an edge-AI box reports for a camera of its station; default the sender
 * @param bay         the bay's name as registered (optional; a camera that watches one bay means that one)
 * @param plate       plate_read: the plate as read, e.g. 京AD12345
 * @param plateColour plate_read: blue, yellow, green, yellow_green, white or black
 * @param direction   plate_read: in or out
 * @param snapshot    where the picture of the event is (URL or the device's reference), kept with the event and alarms
 * @param confidence  the detector's confidence, 0 to 1
 */
public record CameraEventRequest(
        @NotBlank @Size(max = 100) @Pattern(regexp = "[\\x21-\\x7E]+", message = "printable ASCII without spaces") String eventId,
        @NotBlank @Pattern(regexp = "(?i)plate_read|smoke|fire|person|smoking|vandalism|camera_offline|camera_blocked|camera_normal",
                message = "must be one of plate_read, smoke, fire, person, smoking, vandalism, camera_offline, camera_blocked, "
                        + "camera_normal") String type,
        @NotNull Instant time,
        @Pattern(regexp = CameraController.ID_PATTERN, message = "1 to 64 letters, digits, '.', '_' or '-'") String cameraId,
        @Size(max = 64) String bay,
        @Size(max = 20) String plate,
        @Pattern(regexp = "(?i)blue|yellow|green|yellow[_-]green|white|black",
                message = "must be blue, yellow, green, yellow_green, white or black") String plateColour,
        @Pattern(regexp = "(?i)in|out", message = "must be in or out") String direction,
        @Size(max = 500) String snapshot,
        @DecimalMin("0") @DecimalMax("1") BigDecimal confidence,
        @Size(max = 300) String detail) {}
