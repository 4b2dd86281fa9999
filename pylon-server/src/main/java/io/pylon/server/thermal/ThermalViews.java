package io.pylon.server.thermal;

import io.pylon.domain.thermal.Area;
import io.pylon.domain.thermal.BayDecision;
import io.pylon.domain.thermal.Thresholds;
import io.pylon.server.persistence.JooqThermal;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Requests and answers of the thermal registry API. */
public final class ThermalViews {

    static final String ID = "[A-Za-z0-9._-]+";
    /** Vehicle types are lower-case words: sedan, suv, bus, truck, van … */
    static final String VEHICLE = "[a-z0-9_-]{1,32}";

    private ThermalViews() {}

    /** A rectangle of the camera's frame, in pixels from its top-left corner. */
    public record AreaRequest(@NotNull @Min(0) @Max(1279) Integer x, @NotNull @Min(0) @Max(1023) Integer y,
                              @NotNull @Min(1) @Max(1280) Integer width, @NotNull @Min(1) @Max(1024) Integer height) {
        Area area() {
            return new Area(x, y, width, height);
        }
    }

    /** A new camera; width and height, when given, are the only frame size it may send. */
    @Schema(name = "ThermalCameraRequest")
    public record CameraRequest(@NotBlank @Size(max = 64) @Pattern(regexp = ID, message = "letters, digits, '.', '_' or '-'") String id,
                                @NotNull Long stationId, @NotBlank @Size(max = 200) String name,
                                @Min(1) @Max(1280) Integer width, @Min(1) @Max(1024) Integer height) {}

    public record CameraUpdate(@NotBlank @Size(max = 200) String name, @Min(1) @Max(1280) Integer width, @Min(1) @Max(1024) Integer height) {}

    @Schema(name = "ThermalCameraView")
    public record CameraView(String id, long operatorId, long stationId, String name, Integer width, Integer height,
                             Instant createdAt, Instant updatedAt) {
        static CameraView of(JooqThermal.Camera c) {
            return new CameraView(c.id(), c.operatorId(), c.stationId(), c.name(), c.width(), c.height(), c.createdAt(), c.updatedAt());
        }
    }

    /** A camera with its ingestion key: answered once, when the camera is made or its key replaced. */
    @Schema(name = "ThermalCameraWithKey")
    public record CameraWithKey(CameraView camera, String apiKey) {}

    /**
     * A bay. {@code row}/{@code position} place it in a row (the bays at position ± 1 are its neighbours);
     * {@code neighbours} names more neighbouring bays of the station by id.
     */
    @Schema(name = "ThermalBayRequest")
    public record BayRequest(@NotNull Long stationId, @NotBlank @Size(max = 100) String name,
                             @NotBlank @Size(max = 64) String cameraId, @NotNull @Valid AreaRequest area,
                             @NotBlank @Size(max = 64) String chargerId, @NotNull @Min(1) @Max(255) Integer connectorId,
                             @Size(max = 50) String row, @Min(0) @Max(100_000) Integer position,
                             @Size(max = 20) List<@NotNull Long> neighbours,
                             @Pattern(regexp = VEHICLE, message = "lower-case letters, digits, '_' or '-', at most 32") String vehicleType) {}

    /** The vehicle now in the bay (null: none known, the zones' default thresholds apply). */
    public record VehicleTypeRequest(@Pattern(regexp = VEHICLE, message = "lower-case letters, digits, '_' or '-', at most 32") String vehicleType) {}

    /**
     * A zone: {@code thresholds} patches the platform defaults (fields left out keep them); {@code overrides} patch the
     * zone's thresholds per vehicle type.
     */
    public record ZoneRequest(@NotBlank @Size(max = 50) @Pattern(regexp = "[A-Za-z0-9 ._-]+", message = "letters, digits, space, '.', '_' or '-'") String name,
                              @NotNull @Valid AreaRequest area, Thresholds.Patch thresholds,
                              @Size(max = 20) Map<@Pattern(regexp = VEHICLE, message = "vehicle types are lower-case words") String, Thresholds.@NotNull Patch> overrides) {}

    /**
     * A zone with its thresholds, their overrides and the thresholds in force for the bay's current vehicle type.
     */
    @Schema(name = "ThermalZoneView")
    public record ZoneView(long id, long bayId, String name, Area area, Thresholds thresholds, Map<String, Thresholds.Patch> overrides,
                           Thresholds inForce) {
        static ZoneView of(JooqThermal.Zone z, String vehicleType) {
            return new ZoneView(z.id(), z.bayId(), z.name(), z.area(), z.thresholds(), z.overrides(),
                    z.thresholds().with(vehicleType == null ? null : z.overrides().get(vehicleType)));
        }
    }

    /**
     * A bay. {@code neighbours}: named by hand; {@code stopsWithIt}: every bay whose session an evacuation here stops
     * (named in either direction, or beside it in its row); {@code latest}: the last frame's decision on the node that
     * answers (null if it has seen none).
     */
    @Schema(name = "ThermalBayView")
    public record BayView(long id, long operatorId, long stationId, String name, String cameraId, Area area, String chargerId,
                          int connectorId, String row, Integer position, String vehicleType, List<Long> neighbours,
                          List<Long> stopsWithIt, List<ZoneView> zones, Latest latest, Instant createdAt, Instant updatedAt) {}

    /** The last decision on a bay: when, its level, what was done, each zone's reading. */
    public record Latest(Instant at, String level, String action, List<ThermalFrameController.ZoneView> zones) {
        static Latest of(BayDecision d) {
            return new Latest(d.at(), d.level().name(), d.action().name(), d.zones().stream().map(ThermalFrameController.ZoneView::of).toList());
        }
    }
}
