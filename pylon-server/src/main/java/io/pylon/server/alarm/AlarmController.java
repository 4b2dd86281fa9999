package io.pylon.server.alarm;

import io.pylon.domain.alarm.AlarmSeverity;
import io.pylon.domain.common.PageRequest;
import io.pylon.domain.tenant.TenantScope;
import io.pylon.server.api.ConflictException;
import io.pylon.server.api.PageResponse;
import io.pylon.server.persistence.AuditLog;
import io.pylon.server.persistence.JooqAlarms;
import io.pylon.server.security.Callers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.NoSuchElementException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Alarms", description = "Alarms from every detector (charger faults, rules, thermal cameras, camera AI, sensors, parking): "
        + "list, history, evidence, acknowledge, clear")
@Validated
@RestController
@RequestMapping("/api/v1/alarms")
public class AlarmController {

    private final JooqAlarms alarms;
    private final AlarmEngine engine;
    private final Callers callers;
    private final AuditLog audit;

    public AlarmController(JooqAlarms alarms, AlarmEngine engine, Callers callers, AuditLog audit) {
        this.alarms = alarms;
        this.engine = engine;
        this.callers = callers;
        this.audit = audit;
    }

    /** What a person may say when acknowledging or clearing. */
    public record Note(@Size(max = 300) String note) {}

    /** An alarm with everything that happened to it and the evidence kept with it. */
    public record AlarmDetail(AlarmView alarm, List<JooqAlarms.Event> history, List<JooqAlarms.Evidence> evidence) {}

    @Operation(summary = "Alarms in your scope, newest first",
            description = "state: OPEN, ACKNOWLEDGED, CLEARED or NOT_CLEARED (open or acknowledged); minSeverity: that severity and worse; source: charger, rule, "
                    + "thermal, camera, sensor, parking; none of them for all")
    @GetMapping
    @PreAuthorize("hasAuthority('PERM_ALARMS_READ')")
    public PageResponse<AlarmView> list(@RequestParam(required = false) JooqAlarms.State state,
                                        @RequestParam(required = false) String chargerId,
                                        @RequestParam(required = false) Long stationId,
                                        @RequestParam(required = false) AlarmSeverity minSeverity,
                                        @RequestParam(required = false) String source,
                                        @RequestParam(defaultValue = "0") @Min(0) int page,
                                        @RequestParam(defaultValue = "50") @Min(1) @Max(PageRequest.MAX_SIZE) int size) {
        return PageResponse.of(alarms.list(callers.scope(), state, chargerId, stationId, minSeverity, source, new PageRequest(page, size)),
                AlarmView::of);
    }

    @Operation(summary = "One alarm with its full history and the list of its evidence")
    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('PERM_ALARMS_READ')")
    public AlarmDetail get(@PathVariable long id) {
        var alarm = find(id);
        return new AlarmDetail(AlarmView.of(alarm), alarms.history(id), alarms.evidence(id));
    }

    @Operation(summary = "A piece of evidence (a heat-map PNG, a snapshot) kept with the alarm")
    @GetMapping("/{id}/evidence/{evidenceId}")
    @PreAuthorize("hasAuthority('PERM_ALARMS_READ')")
    public ResponseEntity<byte[]> evidence(@PathVariable long id, @PathVariable long evidenceId) {
        find(id);
        var content = alarms.evidenceContent(id, evidenceId).orElseThrow(() -> new NoSuchElementException("No evidence " + evidenceId));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(JooqAlarms.contentType(content))).body(JooqAlarms.content(content));
    }

    @Operation(summary = "Acknowledge an open alarm (someone is on it; it stops escalating); 409 if it is acknowledged or cleared already")
    @PostMapping("/{id}/acknowledge")
    @PreAuthorize("hasAuthority('PERM_ALARMS_HANDLE')")
    public AlarmView acknowledge(@PathVariable long id, @RequestBody(required = false) @Valid Note note) {
        var caller = callers.current();
        var before = find(id);
        if (!engine.acknowledge(before, caller.username(), note == null ? null : note.note())) {
            throw new ConflictException("Alarm " + id + " is acknowledged or cleared already");
        }
        return changed(caller.username(), before);
    }

    @Operation(summary = "Clear an alarm by hand (this lifts a lock-out); 409 if it is cleared already")
    @PostMapping("/{id}/clear")
    @PreAuthorize("hasAuthority('PERM_ALARMS_HANDLE')")
    public AlarmView clear(@PathVariable long id, @RequestBody(required = false) @Valid Note note) {
        var caller = callers.current();
        var before = find(id);
        if (!engine.clearByHand(before, caller.username(), note == null ? null : note.note())) {
            throw new ConflictException("Alarm " + id + " is cleared already");
        }
        return changed(caller.username(), before);
    }

    private JooqAlarms.Alarm find(long id) {
        return alarms.find(callers.scope(), id).orElseThrow(() -> new NoSuchElementException("No alarm " + id));
    }

    private AlarmView changed(String username, JooqAlarms.Alarm before) {
        var after = AlarmView.of(alarms.find(TenantScope.platform(), before.id()).orElseThrow());
        audit.record(username, before.operatorId(), AuditLog.Action.UPDATE, "alarm", before.id(), AlarmView.of(before), after);
        return after;
    }
}
