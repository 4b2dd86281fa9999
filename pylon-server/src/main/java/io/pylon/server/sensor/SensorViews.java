package io.pylon.server.sensor;

import io.pylon.domain.sensor.ProtectedConnector;
import io.pylon.domain.sensor.Sensor;
import io.pylon.domain.sensor.SensorKind;
import io.pylon.domain.sensor.SensorLevel;
import io.pylon.domain.sensor.SensorState;
import io.pylon.domain.sensor.Thresholds;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** What the sensor API takes and answers. */
public final class SensorViews {

    private SensorViews() {}

    /** Warning and critical limits (°C or % RH) and how far below a limit a value must fall to leave its level. */
    public record ThresholdsRequest(
            @NotNull @DecimalMin("-60") @DecimalMax("150") @Digits(integer = 3, fraction = 2) BigDecimal warning,
            @NotNull @DecimalMin("-60") @DecimalMax("150") @Digits(integer = 3, fraction = 2) BigDecimal critical,
            @DecimalMin("0") @DecimalMax("50") @Digits(integer = 2, fraction = 2) BigDecimal hysteresis) {}

    /** A charger the sensor protects; connectorId 0 or absent = the whole charger. */
    public record ProtectedRequest(@NotBlank @Size(max = 64) String chargerId, @Min(0) @Max(99) Integer connectorId) {}

    /**
     * A sensor as registered or replaced. {@code id} is the device's id in its MQTT topics (required to register; on
     * replace absent or the same). Thresholds only for TEMPERATURE_HUMIDITY sensors (defaults when absent:
     * temperature 45/60 °C, humidity 90/98 %).
     */
    public record SensorRequest(
            @Pattern(regexp = "[A-Za-z0-9._-]{1,64}", message = "1 to 64 letters, digits, '.', '_' or '-'") String id,
            @NotNull Long stationId, @NotNull SensorKind kind, @Size(max = 200) String name,
            @Size(max = 100) List<@NotNull @Valid ProtectedRequest> protects,
            @Valid ThresholdsRequest temperature, @Valid ThresholdsRequest humidity,
            @Min(5) @Max(604_800) Integer offlineTimeoutSeconds) {}

    /**
     * A sensor's limits as answered. Its own record (not the domain's {@code Thresholds}): the API schema of that name is
     * the thermal zones' thresholds, and springdoc merges schemas of the same name.
     */
    public record SensorThresholds(BigDecimal warning, BigDecimal critical, BigDecimal hysteresis) {
        static SensorThresholds of(Thresholds t) {
            return t == null ? null : new SensorThresholds(t.warning(), t.critical(), t.hysteresis());
        }
    }

    /** A sensor with its latest state (null until it was assessed once). */
    public record SensorView(String id, long operatorId, long stationId, SensorKind kind, String name, List<ProtectedConnector> protects,
                             SensorThresholds temperature, SensorThresholds humidity, long offlineTimeoutSeconds, Instant createdAt,
                             Instant updatedAt, StateView latest) {

        static SensorView of(Sensor s, SensorState state) {
            return new SensorView(s.id(), s.operatorId(), s.stationId(), s.kind(), s.name(), s.protects(), SensorThresholds.of(s.temperature()), SensorThresholds.of(s.humidity()),
                    s.offlineTimeout().toSeconds(), s.createdAt(), s.updatedAt(), state == null ? null : StateView.of(state));
        }
    }

    /**
     * What the platform last knew of a sensor.
     *
     * @param lastReadingAt the sensor's own time of its newest reading
     * @param lastSeenAt    when the platform last received a reading
     * @param offline       an offline alarm stands (silent past its timeout, or its status said offline)
     * @param link          what its status topic said last: ONLINE, OFFLINE or null
     * @param offlineAfter  silent until then, it counts as offline
     */
    public record StateView(Instant lastReadingAt, Instant lastSeenAt, Boolean water, Boolean smoke, BigDecimal temperature,
                            BigDecimal humidity, Integer battery, SensorLevel temperatureLevel, SensorLevel humidityLevel,
                            boolean offline, SensorState.Link link, Instant offlineAfter) {

        static StateView of(SensorState s) {
            return new StateView(s.lastTs(), s.lastSeenAt(), s.water(), s.smoke(), s.temperature(), s.humidity(), s.battery(),
                    s.temperatureLevel(), s.humidityLevel(), s.offline(), s.link(), s.offlineDeadline());
        }
    }
}
