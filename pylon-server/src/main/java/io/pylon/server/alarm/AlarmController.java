package io.pylon.server.alarm;

import io.pylon.domain.common.PageRequest;
import io.pylon.server.api.ConflictException;
import io.pylon.server.api.PageResponse;
import io.pylon.server.live.LiveHub;
import io.pylon.server.persistence.AuditLog;
import io.pylon.server.persistence.JooqAlarms;
import io.pylon.server.security.Callers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Clock;
import java.util.NoSuchElementException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Alarms", description = "Connector faults and error codes reported by chargers: list, acknowledge, clear")
@Validated
@RestController
@RequestMapping("/api/v1/alarms")
public class AlarmController {

    private final JooqAlarms alarms;
    private final Callers callers;
    private final LiveHub hub;
    private final AuditLog audit;
    private final Clock clock;

    public AlarmController(JooqAlarms alarms, Callers callers, LiveHub hub, AuditLog audit, Clock clock) {
        this.alarms = alarms;
        this.callers = callers;
        this.hub = hub;
        this.audit = audit;
        this.clock = clock;
    }

    @Operation(summary = "Alarms in your scope, newest first", description = "state: OPEN, ACKNOWLEDGED or CLEARED; none for all")
    @GetMapping
    @PreAuthorize("hasAuthority('PERM_CHARGERS_READ')")
    public PageResponse<AlarmView> list(@RequestParam(required = false) JooqAlarms.State state,
                                        @RequestParam(required = false) String chargerId,
                                        @RequestParam(defaultValue = "0") @Min(0) int page,
                                        @RequestParam(defaultValue = "50") @Min(1) @Max(PageRequest.MAX_SIZE) int size) {
        return PageResponse.of(alarms.list(callers.scope(), state, chargerId, new PageRequest(page, size)), AlarmView::of);
    }

    @Operation(summary = "Acknowledge an open alarm (someone is on it); 409 if it is acknowledged or cleared already")
    @PostMapping("/{id}/acknowledge")
    @PreAuthorize("hasAuthority('PERM_CHARGERS_WRITE')")
    public AlarmView acknowledge(@PathVariable long id) {
        var caller = callers.current();
        var before = alarms.find(callers.scope(), id).orElseThrow(() -> new NoSuchElementException("No alarm " + id));
        if (!alarms.acknowledge(id, caller.username(), clock.instant())) {
            throw new ConflictException("Alarm " + id + " is acknowledged or cleared already");
        }
        return changed(caller.username(), before);
    }

    @Operation(summary = "Clear an alarm by hand; 409 if it is cleared already")
    @PostMapping("/{id}/clear")
    @PreAuthorize("hasAuthority('PERM_CHARGERS_WRITE')")
    public AlarmView clear(@PathVariable long id) {
        var caller = callers.current();
        var before = alarms.find(callers.scope(), id).orElseThrow(() -> new NoSuchElementException("No alarm " + id));
        if (!alarms.clear(id, caller.username(), clock.instant())) {
            throw new ConflictException("Alarm " + id + " is cleared already");
        }
        return changed(caller.username(), before);
    }

    private AlarmView changed(String username, JooqAlarms.Alarm before) {
        var after = AlarmView.of(alarms.find(io.pylon.domain.tenant.TenantScope.platform(), before.id()).orElseThrow());
        audit.record(username, before.operatorId(), AuditLog.Action.UPDATE, "alarm", before.id(), AlarmView.of(before), after);
        hub.alarm(after);
        return after;
    }
}
