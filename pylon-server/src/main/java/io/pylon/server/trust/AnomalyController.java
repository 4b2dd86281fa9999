package io.pylon.server.trust;

import io.pylon.domain.anomaly.Anomaly;
import io.pylon.server.security.Callers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.*;

/** Anomalies found in sessions and charger reports, and chargers queued for on-site inspection. */
@Tag(name = "Anomalies", description = "Metering anomalies with their evidence; on-site inspection queue")
@Validated
@RestController
@RequestMapping("/api/v1")
public class AnomalyController {

    public record AnomalyView(long id, String rule, String severity, Long operatorId, Long stationId, String chargerId,
                              Integer connectorId, Long sessionId, Long orderId, String evidence, Instant detectedAt) {
        public static AnomalyView of(Anomaly a) {
            return new AnomalyView(a.id(), a.rule().name(), a.severity().name(), a.operatorId(), a.stationId(), a.chargerId(),
                    a.connectorId(), a.sessionId(), a.orderId(), a.evidence(), a.detectedAt());
        }
    }

    public record Done(String note) {}

    private final JooqAnomalies anomalies;
    private final Callers callers;

    public AnomalyController(JooqAnomalies anomalies, Callers callers) {
        this.anomalies = anomalies;
        this.callers = callers;
    }

    @Operation(summary = "Anomalies, newest first", description = "Filter by charger or session")
    @PreAuthorize("hasAuthority('PERM_CHARGERS_READ')")
    @GetMapping("/anomalies")
    public List<AnomalyView> list(@RequestParam(required = false) String chargerId, @RequestParam(required = false) Long sessionId,
                                  @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        return anomalies.list(callers.scope(), chargerId, sessionId, limit).stream().map(AnomalyView::of).toList();
    }

    @Operation(summary = "Chargers queued for an on-site inspection", description = "open=false includes finished visits")
    @PreAuthorize("hasAuthority('PERM_CHARGERS_READ')")
    @GetMapping("/inspections")
    public List<JooqAnomalies.Inspection> inspections(@RequestParam(defaultValue = "true") boolean open) {
        return anomalies.inspections(callers.scope(), open);
    }

    @Operation(summary = "Record an inspection as done")
    @PreAuthorize("hasAuthority('PERM_CHARGERS_WRITE')")
    @PostMapping("/inspections/{id}/done")
    public void done(@PathVariable long id, @RequestBody(required = false) Done body) {
        if (!anomalies.inspected(callers.scope(), id, callers.current().username(), body == null ? null : body.note())) {
            throw new NoSuchElementException("Open inspection " + id);
        }
    }
}
