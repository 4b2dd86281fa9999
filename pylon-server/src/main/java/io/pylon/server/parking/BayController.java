package io.pylon.server.parking;

import io.pylon.domain.common.PageRequest;
import io.pylon.domain.parking.Bay;
import io.pylon.domain.parking.BayState;
import io.pylon.domain.parking.PlateColour;
import io.pylon.server.api.ConflictException;
import io.pylon.server.api.PageResponse;
import io.pylon.server.persistence.AuditLog;
import io.pylon.server.persistence.JooqLive;
import io.pylon.server.persistence.JooqParking;
import io.pylon.server.persistence.JooqParking.BayRow;
import io.pylon.server.persistence.JooqStations;
import io.pylon.server.security.Callers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.*;

@Tag(name = "Bays", description = "Charging bays (one per connector) with their live state: FREE, VEHICLE_PRESENT, CHARGING, "
        + "FINISHED, IDLE_OCCUPYING; the vehicle in them, their parking lock and their history")
@Validated
@RestController
@RequestMapping("/api/v1/bays")
public class BayController {

    /** A bay's parking lock: NONE, YKC (the pile's own lock, frame 0x62) or MQTT (a lock device with this id). */
    public record BayLock(@NotNull @Pattern(regexp = "NONE|YKC|MQTT", message = "must be NONE, YKC or MQTT") String kind,
                       @Pattern(regexp = "[A-Za-z0-9._-]{1,64}", message = "1 to 64 letters, digits, '.', '_' or '-'") String id) {}

    /** A new bay in front of a connector of a charger at the station; on PUT only the name and the lock change. */
    public record BayRequest(@NotNull Long stationId, @NotBlank @Size(max = 64) String name, @NotBlank @Size(max = 64) String chargerId,
                             @NotNull @Min(1) @Max(99) Integer connectorId, @Valid BayLock lock) {}

    public record BayChange(@NotBlank @Size(max = 64) String name, @Valid BayLock lock) {}

    /** The vehicle in the bay: plate and colour once a camera read them, and when it arrived, started and finished charging. */
    public record BayVehicle(String plate, PlateColour plateColour, Instant arrivedAt, Instant chargingStartedAt,
                          Instant chargingFinishedAt) {}

    public record BayLockView(String kind, String id, String state, Instant stateAt) {}

    /** A bay with its live state; {@code watched}: a camera watches it (presence comes from plate reads). */
    public record BayView(long id, long stationId, String name, String chargerId, int connectorId, BayState state, Instant since,
                          BayVehicle vehicle, BayLockView lock, boolean watched, Instant createdAt, Instant updatedAt) {
        static BayView of(BayRow r) {
            Bay b = r.bay();
            BayVehicle vehicle = b.state().occupied() ? new BayVehicle(b.plate(), b.colour(), b.arrivedAt(), b.chargingStartedAt(),
                    b.chargingFinishedAt()) : null;
            return new BayView(r.id(), r.stationId(), r.name(), r.chargerId(), r.connectorId(), b.state(), b.since(), vehicle,
                    new BayLockView(r.lockKind(), r.lockId(), r.lockState(), r.lockStateAt()), r.watched(), r.createdAt(), r.updatedAt());
        }
    }

    /** A bay with its latest history. */
    public record BayDetail(BayView bay, List<JooqParking.BayHistoryEntry> history) {}

    private final JooqParking parking;
    private final JooqStations stations;
    private final JooqLive live;
    private final Callers callers;
    private final AuditLog audit;
    private final BayTracker tracker;
    private final Clock clock;

    public BayController(JooqParking parking, JooqStations stations, JooqLive live, Callers callers, AuditLog audit,
                         BayTracker tracker, Clock clock) {
        this.parking = parking;
        this.stations = stations;
        this.live = live;
        this.callers = callers;
        this.audit = audit;
        this.tracker = tracker;
        this.clock = clock;
    }

    @Operation(summary = "Bays in your scope with their live state", description = "Filter by station and state")
    @GetMapping
    @PreAuthorize("hasAuthority('PERM_ALARMS_READ')")
    public PageResponse<BayView> list(@RequestParam(required = false) Long stationId, @RequestParam(required = false) BayState state,
                                      @RequestParam(defaultValue = "0") @Min(0) int page,
                                      @RequestParam(defaultValue = "100") @Min(1) @Max(PageRequest.MAX_SIZE) int size) {
        return PageResponse.of(parking.bays(callers.scope(), stationId, state, new PageRequest(page, size)), BayView::of);
    }

    @Operation(summary = "One bay with its live state and its latest 20 history entries")
    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('PERM_ALARMS_READ')")
    public BayDetail get(@PathVariable long id) {
        BayRow bay = find(id);
        return new BayDetail(BayView.of(bay), parking.historyOf(id, new PageRequest(0, 20)).items());
    }

    @Operation(summary = "A bay's history, newest first: state changes with their cause, lock commands and reports")
    @GetMapping("/{id}/history")
    @PreAuthorize("hasAuthority('PERM_ALARMS_READ')")
    public PageResponse<JooqParking.BayHistoryEntry> history(@PathVariable long id, @RequestParam(defaultValue = "0") @Min(0) int page,
                                                          @RequestParam(defaultValue = "50") @Min(1) @Max(PageRequest.MAX_SIZE) int size) {
        find(id);
        return PageResponse.of(parking.historyOf(id, new PageRequest(page, size)), h -> h);
    }

    @Operation(summary = "Add a bay in front of a connector; it starts FREE")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('PERM_SAFETY_CONFIGURE')")
    public BayView create(@Valid @RequestBody BayRequest r) {
        var station = stations.find(callers.scope(), r.stationId())
                .orElseThrow(() -> new NoSuchElementException("Station " + r.stationId()));
        Long chargerStation = live.owner(r.chargerId()).map(JooqLive.Owner::stationId).orElse(null);
        if (!Long.valueOf(station.id()).equals(chargerStation)) {
            throw new IllegalArgumentException("chargerId: " + r.chargerId() + " is not a charger of station " + station.id());
        }
        BayLock lock = lock(r.lock());
        if (parking.bayAt(r.chargerId(), r.connectorId()).isPresent()) {
            throw new ConflictException("Connector " + r.connectorId() + " of " + r.chargerId() + " has a bay already");
        }
        long id;
        try {
            id = parking.insertBay(station.operatorId(), station.id(), r.name().strip(), r.chargerId(), r.connectorId(), lock.kind(),
                    lock.id(), clock.instant());
        } catch (DuplicateKeyException e) {
            throw new ConflictException("The station has a bay named " + r.name() + ", or lock " + lock.id() + " guards another bay");
        }
        tracker.refresh();
        BayView view = BayView.of(find(id));
        audit.record(callers.current().username(), station.operatorId(), AuditLog.Action.CREATE, "bay", id, null, view);
        return view;
    }

    @Operation(summary = "Rename a bay or change its parking lock")
    @PutMapping("/{id}")
    @PreAuthorize("hasAuthority('PERM_SAFETY_CONFIGURE')")
    public BayView update(@PathVariable long id, @Valid @RequestBody BayChange r) {
        BayRow before = find(id);
        BayLock lock = lock(r.lock());
        try {
            parking.updateBay(id, r.name().strip(), lock.kind(), lock.id(), clock.instant());
        } catch (DuplicateKeyException e) {
            throw new ConflictException("The station has a bay named " + r.name() + ", or lock " + lock.id() + " guards another bay");
        }
        BayView after = BayView.of(find(id));
        audit.record(callers.current().username(), before.operatorId(), AuditLog.Action.UPDATE, "bay", id, BayView.of(before), after);
        return after;
    }

    @Operation(summary = "Remove a bay (its visits stay in the statistics)")
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAuthority('PERM_SAFETY_CONFIGURE')")
    public void delete(@PathVariable long id) {
        BayRow before = find(id);
        parking.deleteBay(id);
        tracker.refresh();
        audit.record(callers.current().username(), before.operatorId(), AuditLog.Action.DELETE, "bay", id, BayView.of(before), null);
    }

    private BayRow find(long id) {
        return parking.bay(callers.scope(), id).orElseThrow(() -> new NoSuchElementException("Bay " + id));
    }

    private static BayLock lock(BayLock lock) {
        if (lock == null || "NONE".equals(lock.kind())) return new BayLock("NONE", null);
        if ("MQTT".equals(lock.kind()) && lock.id() == null) throw new IllegalArgumentException("lock.id: required for an MQTT lock");
        return "YKC".equals(lock.kind()) ? new BayLock("YKC", null) : lock;
    }
}
