package io.pylon.server.api;

import io.pylon.domain.common.PageRequest;
import io.pylon.domain.station.Station;
import io.pylon.domain.station.StationStatus;
import io.pylon.server.persistence.AuditLog;
import io.pylon.server.persistence.JooqOperators;
import io.pylon.server.persistence.JooqStations;
import io.pylon.server.security.Callers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.NoSuchElementException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.*;

@Tag(name = "Stations", description = "Charging stations: where chargers stand")
@Validated
@RestController
@RequestMapping("/api/v1/stations")
public class StationController {

    /** A station as created or replaced; {@code operatorId} is for platform admins only. */
    public record StationRequest(
            Long operatorId, Long ownerOrgId, Long agentOrgId,
            @NotBlank @Size(max = 200) String name, @NotBlank @Size(max = 300) String address,
            @NotNull @DecimalMin("-90") @DecimalMax("90") @Digits(integer = 2, fraction = 6) BigDecimal latitude,
            @NotNull @DecimalMin("-180") @DecimalMax("180") @Digits(integer = 3, fraction = 6) BigDecimal longitude,
            @Size(max = 64) String timeZone, @Size(max = 200) String openingHours, @Size(max = 500) String parkingInfo,
            @Size(max = 10) List<@NotBlank @Size(max = 390) @jakarta.validation.constraints.Pattern(regexp = "https?://\\S+", message = "an http(s) URL") String> photos,
            @Size(max = 20) List<@NotBlank @Size(max = 24) String> amenities,
            StationStatus status) {}

    private final JooqStations stations;
    private final JooqOperators operators;
    private final Callers callers;
    private final ActingOperator acting;
    private final AuditLog audit;
    private final Clock clock;

    public StationController(JooqStations stations, JooqOperators operators, Callers callers, ActingOperator acting,
                             AuditLog audit, Clock clock) {
        this.stations = stations;
        this.operators = operators;
        this.callers = callers;
        this.acting = acting;
        this.audit = audit;
        this.clock = clock;
    }

    @Operation(summary = "List stations", description = "q matches name or address")
    @GetMapping
    @PreAuthorize("hasAuthority('PERM_STATIONS_READ')")
    public PageResponse<Station> list(@RequestParam(required = false) String q,
                                      @RequestParam(required = false) StationStatus status,
                                      @RequestParam(defaultValue = "0") @Min(0) int page,
                                      @RequestParam(defaultValue = "50") @Min(1) @Max(PageRequest.MAX_SIZE) int size) {
        return PageResponse.of(stations.list(callers.scope(), q, status, new PageRequest(page, size)), s -> s);
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('PERM_STATIONS_READ')")
    public Station get(@PathVariable long id) {
        return stations.find(callers.scope(), id).orElseThrow(() -> new NoSuchElementException("Station " + id));
    }

    @Operation(summary = "Create a station")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('PERM_STATIONS_WRITE') and !hasRole('STATION_MANAGER')")
    public Station create(@Valid @RequestBody StationRequest r) {
        long operatorId = acting.resolve(r.operatorId());
        Station station = toStation(0, operatorId, r, null);
        long id = stations.insert(station, clock.instant());
        Station created = stations.find(io.pylon.domain.tenant.TenantScope.operator(operatorId), id).orElseThrow();
        audit.record(callers.current().username(), operatorId, AuditLog.Action.CREATE, "station", id, null, created);
        return created;
    }

    @Operation(summary = "Replace a station's details")
    @PutMapping("/{id}")
    @PreAuthorize("hasAuthority('PERM_STATIONS_WRITE')")
    public Station update(@PathVariable long id, @Valid @RequestBody StationRequest r) {
        Station before = get(id);
        if (r.operatorId() != null && r.operatorId() != before.operatorId()) {
            throw new IllegalArgumentException("operatorId: a station cannot move to another operator");
        }
        stations.update(toStation(id, before.operatorId(), r, before), clock.instant());
        Station after = get(id);
        audit.record(callers.current().username(), before.operatorId(), AuditLog.Action.UPDATE, "station", id, before, after);
        return after;
    }

    @Operation(summary = "Delete a station that has no chargers")
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAuthority('PERM_STATIONS_WRITE') and !hasRole('STATION_MANAGER')")
    public void delete(@PathVariable long id) {
        Station before = get(id);
        if (!stations.deleteIfEmpty(id)) throw new ConflictException("Station " + id + " still has chargers");
        audit.record(callers.current().username(), before.operatorId(), AuditLog.Action.DELETE, "station", id, before, null);
    }

    private Station toStation(long id, long operatorId, StationRequest r, Station before) {
        checkOrganisation(operatorId, r.ownerOrgId(), "ownerOrgId");
        checkOrganisation(operatorId, r.agentOrgId(), "agentOrgId");
        var zone = r.timeZone() != null ? OperatorController.zone(r.timeZone())
                : before != null ? before.timeZone() : operators.find(operatorId).orElseThrow().timeZone();
        return new Station(id, operatorId, r.ownerOrgId(), r.agentOrgId(), r.name(), r.address(),
                r.latitude().setScale(6, java.math.RoundingMode.HALF_UP), r.longitude().setScale(6, java.math.RoundingMode.HALF_UP),
                zone, r.openingHours(), r.parkingInfo(), r.photos(), r.amenities(),
                r.status() == null ? StationStatus.OPERATIONAL : r.status(), before == null ? null : before.tariffId(),
                null, null);
    }

    private void checkOrganisation(long operatorId, Long organisationId, String field) {
        if (organisationId == null) return;
        boolean ours = operators.findOrganisation(organisationId).map(o -> o.operatorId() == operatorId).orElse(false);
        if (!ours) throw new IllegalArgumentException(field + ": no organisation " + organisationId + " at this operator");
    }
}
