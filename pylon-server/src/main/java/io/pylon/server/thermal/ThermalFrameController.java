package io.pylon.server.thermal;

import io.pylon.domain.thermal.BayDecision;
import io.pylon.domain.thermal.ZoneReading;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Frame ingestion (docs/thermal.md): cameras, or the edge box in front of them, POST radiometric frames as JSON, as the
 * compact binary form or as a 16-bit PNG, authenticated by the camera's own key in {@code X-Camera-Key} (no user
 * token). The answer carries every watched bay's decision, so a camera's adapter can log what Pylon made of its frame.
 */
@Tag(name = "Thermal frames", description = "Radiometric frames from thermal cameras (authenticated per camera by X-Camera-Key)")
@RestController
public class ThermalFrameController {

    /** One zone's reading as answered. */
    @Schema(name = "FrameZoneReading")
    public record ZoneView(long zoneId, String zone, double maxC, double percentileC, Double risePerMinute, double hotShare,
                           String level) {
        static ZoneView of(ZoneReading z) {
            return new ZoneView(z.zoneId(), z.zone(), z.maxC(), z.percentileC(),
                    Double.isNaN(z.risePerMinute()) ? null : Math.round(z.risePerMinute() * 100) / 100.0, z.hotShare(), z.level().name());
        }
    }

    /** One bay's decision: its level, what was done with its alarm, the alarm's id when one stands for it. */
    @Schema(name = "FrameBayDecision")
    public record BayView(long bayId, String level, String action, Long alarmId, List<ZoneView> zones) {}

    public record FrameResult(String cameraId, Instant timestamp, int width, int height, List<BayView> bays) {}

    private final ThermalIngest ingest;
    private final ThermalProperties properties;

    public ThermalFrameController(ThermalIngest ingest, ThermalProperties properties) {
        this.ingest = ingest;
        this.properties = properties;
    }

    @Operation(summary = "Post a frame of the camera in the path",
            description = "Content-Type application/json ({cameraId?, timestamp, width, height, temperatures[]} in 0.1 °C), "
                    + "application/octet-stream (20-byte little-endian header + int16 LE values) or image/png (16-bit greyscale, "
                    + "pixel = 0.1 °C + 1000). X-Frame-Timestamp gives a PNG's time (default: time of receipt). 401 unknown camera "
                    + "or wrong key; 400 unreadable or wrongly sized frame; 409 frame not newer than the last; 413 too large; 415 other types.")
    @PostMapping("/api/v1/thermal/cameras/{cameraId}/frames")
    public FrameResult postToCamera(@PathVariable String cameraId,
                                    @Parameter(description = "the camera's ingestion key") @RequestHeader(value = "X-Camera-Key", required = false) String key,
                                    @RequestHeader(value = "X-Frame-Timestamp", required = false) String timestamp,
                                    HttpServletRequest request) throws IOException {
        return post(cameraId, key, timestamp, request);
    }

    @Operation(summary = "Post a frame; the camera is named by the JSON body's cameraId or by X-Camera-Id",
            description = "Same forms and answers as POST /api/v1/thermal/cameras/{cameraId}/frames.")
    @PostMapping("/api/v1/thermal/frames")
    public FrameResult postFrame(@RequestHeader(value = "X-Camera-Id", required = false) String cameraId,
                                 @RequestHeader(value = "X-Camera-Key", required = false) String key,
                                 @RequestHeader(value = "X-Frame-Timestamp", required = false) String timestamp,
                                 HttpServletRequest request) throws IOException {
        return post(cameraId, key, timestamp, request);
    }

    private FrameResult post(String cameraId, String key, String timestamp, HttpServletRequest request) throws IOException {
        FrameDecoder.Format format = FrameDecoder.Format.of(request.getContentType());
        if (format == null) throw new UnsupportedType(request.getContentType());
        if (request.getContentLengthLong() > properties.maxBodyBytes()) throw new TooLarge(properties.maxBodyBytes());
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(properties.maxBodyBytes() + 1);
        }
        if (body.length > properties.maxBodyBytes()) throw new TooLarge(properties.maxBodyBytes());
        Instant at = timestamp == null || timestamp.isBlank() ? null : FrameDecoder.parseTimestamp(timestamp.trim());
        var result = ingest.ingest(cameraId == null || cameraId.isBlank() ? null : cameraId, key, format, body, at);
        var frame = result.frame();
        List<BayView> bays = result.decisions().stream().map(d -> view(d, result.alarmIds().get(d.bayId()))).toList();
        return new FrameResult(frame.cameraId(), frame.at(), frame.width(), frame.height(), bays);
    }

    private static BayView view(BayDecision d, Long alarmId) {
        return new BayView(d.bayId(), d.level().name(), d.action().name(), alarmId, d.zones().stream().map(ZoneView::of).toList());
    }

    @ExceptionHandler(ThermalIngest.CameraRefused.class)
    @ResponseStatus(HttpStatus.UNAUTHORIZED)
    ProblemDetail refused(ThermalIngest.CameraRefused e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, e.getMessage());
        problem.setTitle("Camera not authenticated");
        return problem;
    }

    @ExceptionHandler(TooLarge.class)
    @ResponseStatus(HttpStatus.CONTENT_TOO_LARGE)
    ProblemDetail tooLarge(TooLarge e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, e.getMessage());
        problem.setTitle("Frame too large");
        return problem;
    }

    @ExceptionHandler(UnsupportedType.class)
    @ResponseStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
    ProblemDetail unsupported(UnsupportedType e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNSUPPORTED_MEDIA_TYPE, e.getMessage());
        problem.setTitle("Unsupported frame type");
        return problem;
    }

    static final class TooLarge extends RuntimeException {
        TooLarge(int max) {
            super("A frame body may hold at most " + max + " bytes", null, false, false);
        }
    }

    static final class UnsupportedType extends RuntimeException {
        UnsupportedType(String type) {
            super("Content-Type " + type + " is not a frame: use application/json, application/octet-stream or image/png", null, false, false);
        }
    }
}
