package io.pylon.server.sensor;

import io.pylon.domain.common.PageRequest;
import io.pylon.domain.sensor.Sensor;
import io.pylon.domain.sensor.SensorKind;
import io.pylon.domain.sensor.SensorState;
import io.pylon.server.api.PageResponse;
import io.pylon.server.persistence.AuditLog;
import io.pylon.server.persistence.JooqSensors;
import io.pylon.server.security.Callers;
import io.pylon.server.sensor.SensorViews.SensorRequest;
import io.pylon.server.sensor.SensorViews.SensorView;
import io.pylon.server.sensor.SensorViews.StateView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.*;

@Tag(name = "Sensors", description = "Water-immersion, temperature/humidity and smoke sensors reporting over MQTT (docs/sensors.md): "
        + "registry, the chargers each protects, limits, latest state and readings")
@Validated
@RestController
@RequestMapping("/api/v1/sensors")
public class SensorController {

    private final SensorRegistry registry;
    private final JooqSensors sensors;
    private final SensorService service;
    private final Callers callers;
    private final AuditLog audit;

    public SensorController(SensorRegistry registry, JooqSensors sensors, SensorService service, Callers callers, AuditLog audit) {
        this.registry = registry;
        this.sensors = sensors;
        this.service = service;
        this.callers = callers;
        this.audit = audit;
    }

    @Operation(operationId = "listSensors", summary = "Sensors in your scope with their latest state, by id")
    @GetMapping
    @PreAuthorize("hasAuthority('PERM_ALARMS_READ')")
    public PageResponse<SensorView> list(@RequestParam(required = false) Long stationId, @RequestParam(required = false) SensorKind kind,
                                         @RequestParam(defaultValue = "0") @Min(0) int page,
                                         @RequestParam(defaultValue = "50") @Min(1) @Max(PageRequest.MAX_SIZE) int size) {
        var found = sensors.list(callers.scope(), stationId, kind, new PageRequest(page, size));
        Map<String, SensorState> states = sensors.states(found.items().stream().map(Sensor::id).toList());
        return PageResponse.of(found, s -> SensorView.of(s, states.get(s.id())));
    }

    @Operation(operationId = "getSensor", summary = "One sensor with its latest state")
    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('PERM_ALARMS_READ')")
    public SensorView get(@PathVariable String id) {
        Sensor sensor = find(id);
        return SensorView.of(sensor, service.latest(id).orElse(null));
    }

    @Operation(operationId = "createSensor", summary = "Register a sensor at a station; 409 if the id is taken",
            description = "protects: the chargers (connector 0) or connectors that water cuts and smoke stops")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('PERM_SAFETY_CONFIGURE')")
    public SensorView create(@Valid @RequestBody SensorRequest request) {
        Sensor created = registry.create(callers.scope(), request);
        SensorView view = SensorView.of(created, service.latest(created.id()).orElse(null));
        audit.record(callers.current().username(), created.operatorId(), AuditLog.Action.CREATE, "sensor", created.id(), null, view);
        return view;
    }

    @Operation(operationId = "updateSensor", summary = "Replace a sensor's station, name, protected chargers, limits and offline timeout (its kind stays)")
    @PutMapping("/{id}")
    @PreAuthorize("hasAuthority('PERM_SAFETY_CONFIGURE')")
    public SensorView update(@PathVariable String id, @Valid @RequestBody SensorRequest request) {
        Sensor before = find(id);
        Sensor after = registry.update(callers.scope(), before, request);
        SensorView view = SensorView.of(after, service.latest(id).orElse(null));
        audit.record(callers.current().username(), before.operatorId(), AuditLog.Action.UPDATE, "sensor", id,
                SensorView.of(before, null), view);
        return view;
    }

    @Operation(operationId = "deleteSensor", summary = "Remove a sensor with its readings; its open alarms are resolved (chargers it cut stay as they are)")
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAuthority('PERM_SAFETY_CONFIGURE')")
    public void delete(@PathVariable String id) {
        Sensor before = find(id);
        registry.delete(before);
        audit.record(callers.current().username(), before.operatorId(), AuditLog.Action.DELETE, "sensor", id, SensorView.of(before, null), null);
    }

    @Operation(operationId = "sensorLatest", summary = "What the platform last knew of the sensor: newest values, levels, offline or not")
    @GetMapping("/{id}/latest")
    @PreAuthorize("hasAuthority('PERM_ALARMS_READ')")
    public StateView latest(@PathVariable String id) {
        find(id);
        return StateView.of(service.latest(id).orElseThrow(() -> new NoSuchElementException("Sensor " + id)));
    }

    @Operation(operationId = "sensorReadings", summary = "Raw readings by the sensor's own time, newest first",
            description = "from (inclusive) and to (exclusive) are ISO-8601 instants; limit 1..1000")
    @GetMapping("/{id}/readings")
    @PreAuthorize("hasAuthority('PERM_ALARMS_READ')")
    public List<JooqSensors.StoredReading> readings(@PathVariable String id, @RequestParam(required = false) Instant from,
                                                    @RequestParam(required = false) Instant to,
                                                    @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        find(id);
        return sensors.readings(id, from, to, limit);
    }

    private Sensor find(String id) {
        return sensors.find(callers.scope(), id).orElseThrow(() -> new NoSuchElementException("Sensor " + id));
    }
}
