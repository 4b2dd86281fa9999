package io.pylon.server.api;

import io.pylon.domain.common.PageRequest;
import io.pylon.server.persistence.AuditLog;
import io.pylon.server.security.Callers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.*;

@Tag(name = "Audit", description = "Every change made by a person: who, what, when, before and after")
@Validated
@RestController
@RequestMapping("/api/v1/audit")
public class AuditController {

    private final AuditLog audit;
    private final Callers callers;

    public AuditController(AuditLog audit, Callers callers) {
        this.audit = audit;
        this.callers = callers;
    }

    @Operation(summary = "Audit entries, newest first", description = "Filter by entity type (charger, station, driver…), entity id or actor")
    @GetMapping
    @PreAuthorize("hasAuthority('PERM_AUDIT_READ')")
    public PageResponse<AuditLog.AuditEntry> list(@RequestParam(required = false) String entityType,
                                             @RequestParam(required = false) String entityId,
                                             @RequestParam(required = false) String actor,
                                             @RequestParam(defaultValue = "0") @Min(0) int page,
                                             @RequestParam(defaultValue = "50") @Min(1) @Max(PageRequest.MAX_SIZE) int size) {
        return PageResponse.of(audit.list(callers.scope(), entityType, entityId, actor, new PageRequest(page, size)), e -> e);
    }
}
