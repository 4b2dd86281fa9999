package io.pylon.server.sensor;

import io.pylon.domain.sensor.ProtectedConnector;
import io.pylon.domain.sensor.Sensor;
import io.pylon.domain.sensor.SensorKind;
import io.pylon.domain.sensor.Thresholds;
import io.pylon.domain.station.Station;
import io.pylon.domain.tenant.TenantScope;
import io.pylon.server.api.ConflictException;
import io.pylon.server.persistence.JooqSensors;
import io.pylon.server.persistence.JooqStations;
import io.pylon.server.sensor.SensorViews.SensorRequest;
import io.pylon.server.sensor.SensorViews.ThresholdsRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * Registers, changes and removes sensors, checking what the request cannot check alone: the station is in the
 * caller's scope, every protected charger stands at the sensor's station, limits are in order, the kind stays.
 */
@Service
public class SensorRegistry {

    /** Limits a TEMPERATURE_HUMIDITY sensor gets when it is registered without its own. */
    static final Thresholds DEFAULT_TEMPERATURE = Thresholds.of("45", "60", "2");
    static final Thresholds DEFAULT_HUMIDITY = Thresholds.of("90", "98", "3");

    private final JooqSensors sensors;
    private final JooqStations stations;
    private final SensorService service;
    private final SensorProperties properties;
    private final Clock clock;

    public SensorRegistry(JooqSensors sensors, JooqStations stations, SensorService service, SensorProperties properties, Clock clock) {
        this.sensors = sensors;
        this.stations = stations;
        this.service = service;
        this.properties = properties;
        this.clock = clock;
    }

    /** Registers a sensor; 409 if its id is taken (ids are the devices' MQTT ids, unique over all operators). */
    public Sensor create(TenantScope scope, SensorRequest r) {
        if (r.id() == null) throw new IllegalArgumentException("id: the sensor's id (as in its MQTT topics) is required");
        Instant now = clock.instant();
        Sensor sensor = sensor(scope, r.id(), r, null, now);
        if (sensors.exists(r.id())) throw new ConflictException("Sensor " + r.id() + " exists already");
        try {
            sensors.insert(sensor, now.plus(sensor.offlineTimeout()));
        } catch (org.springframework.dao.DuplicateKeyException e) {
            throw new ConflictException("Sensor " + r.id() + " exists already");
        }
        return sensor;
    }

    /** Replaces a sensor's settings; its state and alarms stay. */
    public Sensor update(TenantScope scope, Sensor before, SensorRequest r) {
        if (r.id() != null && !r.id().equals(before.id())) throw new IllegalArgumentException("id: a sensor's id cannot change");
        if (r.kind() != before.kind()) {
            throw new IllegalArgumentException("kind: a sensor's kind cannot change (" + before.kind() + "); delete it and register it again");
        }
        Sensor after = sensor(scope, before.id(), r, before, clock.instant());
        sensors.update(after);
        service.configured(after);
        return after;
    }

    /** Removes a sensor with its readings; its open alarms are resolved. */
    public void delete(Sensor sensor) {
        sensors.delete(sensor.id());
        service.deleted(sensor.id());
    }

    private Sensor sensor(TenantScope scope, String id, SensorRequest r, Sensor before, Instant now) {
        Station station = stations.find(scope, r.stationId())
                .orElseThrow(() -> new IllegalArgumentException("stationId: no station " + r.stationId()));
        List<ProtectedConnector> protects = protects(r, station.id());
        Thresholds temperature = thresholds("temperature", r.kind(), r.temperature(), DEFAULT_TEMPERATURE);
        Thresholds humidity = thresholds("humidity", r.kind(), r.humidity(), DEFAULT_HUMIDITY);
        Duration timeout = r.offlineTimeoutSeconds() == null ? properties.defaultOfflineTimeout()
                : Duration.ofSeconds(r.offlineTimeoutSeconds());
        String name = r.name() == null || r.name().isBlank() ? id : r.name().strip();
        return new Sensor(id, station.operatorId(), station.id(), r.kind(), name, protects, temperature, humidity, timeout,
                before == null ? now : before.createdAt(), now);
    }

    private List<ProtectedConnector> protects(SensorRequest r, long stationId) {
        if (r.protects() == null) return List.of();
        Set<ProtectedConnector> unique = new LinkedHashSet<>();
        r.protects().forEach(p -> unique.add(new ProtectedConnector(p.chargerId(), p.connectorId() == null ? 0 : p.connectorId())));
        Map<String, Long> where = sensors.chargerStations(unique.stream().map(ProtectedConnector::chargerId).toList());
        for (ProtectedConnector p : unique) {
            Long at = where.get(p.chargerId());
            if (at == null || at != stationId) {
                throw new IllegalArgumentException("protects: charger " + p.chargerId() + " is not at station " + stationId);
            }
        }
        return new ArrayList<>(unique);
    }

    private static Thresholds thresholds(String field, SensorKind kind, ThresholdsRequest r, Thresholds defaults) {
        if (!kind.hasThresholds()) {
            if (r != null) throw new IllegalArgumentException(field + ": thresholds apply to TEMPERATURE_HUMIDITY sensors only");
            return null;
        }
        if (r == null) return defaults;
        try {
            return new Thresholds(r.warning(), r.critical(), r.hysteresis());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + ": " + e.getMessage());
        }
    }
}
