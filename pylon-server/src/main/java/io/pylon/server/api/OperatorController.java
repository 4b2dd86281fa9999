package io.pylon.server.api;

import io.pylon.domain.tenant.OperatingMode;
import io.pylon.domain.tenant.Operator;
import io.pylon.domain.tenant.OperatorStatus;
import io.pylon.domain.tenant.Organisation;
import io.pylon.server.persistence.AuditLog;
import io.pylon.server.persistence.JooqOperators;
import io.pylon.server.persistence.Tenancy;
import io.pylon.server.security.Callers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.NoSuchElementException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.*;

@Tag(name = "Operators", description = "Tenants, and the agents and station owners linked to them")
@Validated
@RestController
@RequestMapping("/api/v1")
public class OperatorController {

    public record CreateOperator(@NotBlank @Size(max = 32) @Pattern(regexp = "[a-z0-9-]+", message = "lower-case letters, digits and - only") String code,
                                 @NotBlank @Size(max = 200) String name,
                                 @Pattern(regexp = "[A-Z]{3}", message = "an ISO 4217 code such as CNY or EUR") String currency,
                                 @Size(max = 64) String timeZone, @Size(max = 200) String contact) {}

    public record UpdateOperator(@NotBlank @Size(max = 200) String name, @Size(max = 64) String timeZone,
                                 @Size(max = 200) String contact, OperatorStatus status) {}

    public record OrganisationRequest(Long operatorId, @NotNull Organisation.Kind kind, @NotBlank @Size(max = 200) String name,
                                      @Size(max = 200) String contact,
                                      @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2) BigDecimal revenueSharePct) {}

    private final JooqOperators operators;
    private final Tenancy tenancy;
    private final Callers callers;
    private final AuditLog audit;
    private final Clock clock;
    private final ActingOperator acting;

    public OperatorController(JooqOperators operators, Tenancy tenancy, Callers callers, AuditLog audit, Clock clock,
                              ActingOperator acting) {
        this.acting = acting;
        this.operators = operators;
        this.tenancy = tenancy;
        this.callers = callers;
        this.audit = audit;
        this.clock = clock;
    }

    @Operation(summary = "Operators the caller may see (their own, or all for platform admins and regulators)")
    @GetMapping("/operators")
    public List<Operator> list() {
        return operators.list(callers.scope());
    }

    @GetMapping("/operators/{id}")
    public Operator get(@PathVariable long id) {
        return operators.find(id).filter(o -> callers.scope().isPlatform() || Long.valueOf(o.id()).equals(callers.scope().operatorId()))
                .orElseThrow(() -> new NoSuchElementException("Operator " + id));
    }

    @Operation(summary = "Create an operator (platform admins; not in single-operator mode). Currency cannot change later.")
    @PostMapping("/operators")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('PERM_OPERATORS_MANAGE')")
    public Operator create(@Valid @RequestBody CreateOperator r) {
        if (tenancy.mode() == OperatingMode.SINGLE) {
            throw new ConflictException("The platform runs in single-operator mode (PYLON_TENANCY_MODE=single)");
        }
        Operator created = operators.insert(r.code(), r.name(), currency(r.currency()), zone(r.timeZone()), r.contact(), clock.instant())
                .orElseThrow(() -> new ConflictException("Operator code " + r.code() + " is taken"));
        audit.record(callers.current().username(), created.id(), AuditLog.Action.CREATE, "operator", created.id(), null, created);
        return created;
    }

    @Operation(summary = "Change an operator's name, time zone, contact or status (suspended operators cannot sign in)")
    @PutMapping("/operators/{id}")
    @PreAuthorize("hasAuthority('PERM_OPERATORS_MANAGE') or hasAuthority('PERM_USERS_MANAGE')")
    public Operator update(@PathVariable long id, @Valid @RequestBody UpdateOperator r) {
        Operator before = get(id);
        boolean platform = callers.current().can(io.pylon.domain.tenant.Permission.OPERATORS_MANAGE);
        if (r.status() != null && r.status() != before.status() && !platform) {
            throw new org.springframework.security.access.AccessDeniedException("status");
        }
        Operator after = new Operator(id, before.code(), r.name(), before.currency(),
                r.timeZone() == null ? before.timeZone() : zone(r.timeZone()), r.contact(),
                r.status() == null ? before.status() : r.status(), before.createdAt());
        operators.update(after, clock.instant());
        audit.record(callers.current().username(), id, AuditLog.Action.UPDATE, "operator", id, before, after);
        return after;
    }

    @Operation(summary = "Agents and station owners the caller may see")
    @GetMapping("/organisations")
    @PreAuthorize("hasAuthority('PERM_STATIONS_READ')")
    public List<Organisation> organisations() {
        return operators.organisations(callers.scope());
    }

    @Operation(summary = "Link an agent (distributor) or station owner to an operator")
    @PostMapping("/organisations")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('PERM_USERS_MANAGE')")
    public Organisation createOrganisation(@Valid @RequestBody OrganisationRequest r) {
        long operatorId = acting.resolve(r.operatorId());
        Organisation created = operators.insertOrganisation(operatorId, r.kind(), r.name(), r.contact(),
                r.revenueSharePct() == null ? BigDecimal.ZERO : r.revenueSharePct(), clock.instant());
        audit.record(callers.current().username(), operatorId, AuditLog.Action.CREATE, "organisation", created.id(), null, created);
        return created;
    }

    @PutMapping("/organisations/{id}")
    @PreAuthorize("hasAuthority('PERM_USERS_MANAGE')")
    public Organisation updateOrganisation(@PathVariable long id, @Valid @RequestBody OrganisationRequest r) {
        Organisation before = operators.findOrganisation(id).filter(o -> callers.scope().includesOperator(o.operatorId()))
                .orElseThrow(() -> new NoSuchElementException("Organisation " + id));
        Organisation after = new Organisation(id, before.operatorId(), before.kind(), r.name(), r.contact(),
                r.revenueSharePct() == null ? before.revenueSharePct() : r.revenueSharePct(), before.createdAt());
        operators.updateOrganisation(after, clock.instant());
        audit.record(callers.current().username(), before.operatorId(), AuditLog.Action.UPDATE, "organisation", id, before, after);
        return operators.findOrganisation(id).orElseThrow();
    }

    private static Currency currency(String code) {
        try {
            return code == null ? Currency.getInstance("CNY") : Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("currency: unknown currency " + code);
        }
    }

    static ZoneId zone(String id) {
        try {
            return id == null ? ZoneId.of("Asia/Shanghai") : ZoneId.of(id);
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException("timeZone: unknown time zone " + id);
        }
    }
}
