package io.pylon.server.api;

import io.pylon.domain.common.PageRequest;
import io.pylon.domain.driver.Driver;
import io.pylon.domain.tenant.TenantScope;
import io.pylon.server.persistence.AuditLog;
import io.pylon.server.persistence.JooqMemberships;
import io.pylon.server.persistence.JooqMemberships.Enrolment;
import io.pylon.server.persistence.JooqMemberships.Plan;
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
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.NoSuchElementException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.*;

/**
 * Membership plans (会员等级) and drivers' enrolments. A member's sessions get the plan's percentage off the
 * service fee (before any coupon) and earn the operator's points rate times the plan's multiplier. Enrolling here
 * does not charge the driver's wallet.
 */
@Tag(name = "Marketing: memberships", description = "Membership plans and drivers' enrolments")
@Validated
@RestController
@RequestMapping("/api/v1")
public class MembershipController {

    /**
     * A plan. {@code pointsMultiplier} (default 1) multiplies the operator's points per kWh for members;
     * {@code durationDays}: how long an enrolment lasts unless it names its own end (none: until replaced).
     */
    public record PlanRequest(Long operatorId, @NotBlank @Size(max = 100) String name,
                              @NotNull @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2) BigDecimal discountPercent,
                              @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2) BigDecimal pointsMultiplier,
                              @Min(1) @Max(3650) Integer durationDays) {}

    /**
     * Enrols a driver from {@code validFrom} (default now) until {@code validUntil} (default: validFrom + the plan's
     * duration, or no end). The enrolment running at validFrom ends then.
     */
    public record EnrolRequest(@NotNull Long planId, Instant validFrom, Instant validUntil) {}

    private final JooqMemberships memberships;
    private final Callers callers;
    private final ActingOperator acting;
    private final MarketingSupport support;

    public MembershipController(JooqMemberships memberships, Callers callers, ActingOperator acting, MarketingSupport support) {
        this.memberships = memberships;
        this.callers = callers;
        this.acting = acting;
        this.support = support;
    }

    @Operation(summary = "Create a membership plan", description = "Names are unique per operator (409 otherwise)")
    @PostMapping("/membership-plans")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('PERM_MARKETING_WRITE')")
    public Plan create(@Valid @RequestBody PlanRequest r) {
        long operatorId = acting.resolve(r.operatorId());
        String name = r.name().strip();
        long id = memberships.insertPlan(operatorId, name, r.discountPercent(),
                        r.pointsMultiplier() == null ? BigDecimal.ONE : r.pointsMultiplier(), r.durationDays(), support.actor(),
                        support.now())
                .orElseThrow(() -> new ConflictException("name: the operator already has a plan " + name));
        Plan created = plan(id);
        support.audit(operatorId, AuditLog.Action.CREATE, "membership_plan", id, null, created);
        return created;
    }

    @Operation(summary = "List membership plans", description = "Filter by active")
    @GetMapping("/membership-plans")
    @PreAuthorize("hasAuthority('PERM_MARKETING_READ')")
    public PageResponse<Plan> list(@RequestParam(required = false) Boolean active,
                                   @RequestParam(defaultValue = "0") @Min(0) int page,
                                   @RequestParam(defaultValue = "50") @Min(1) @Max(PageRequest.MAX_SIZE) int size) {
        return PageResponse.of(memberships.plans(callers.scope(), active, new PageRequest(page, size)), p -> p);
    }

    @Operation(summary = "A membership plan")
    @GetMapping("/membership-plans/{id}")
    @PreAuthorize("hasAuthority('PERM_MARKETING_READ')")
    public Plan get(@PathVariable long id) {
        return plan(id);
    }

    @Operation(summary = "Deactivate a plan", description = "No new enrolments; drivers enrolled keep the plan until "
            + "their enrolment ends")
    @PostMapping("/membership-plans/{id}/deactivate")
    @PreAuthorize("hasAuthority('PERM_MARKETING_WRITE')")
    public Plan deactivate(@PathVariable long id) {
        Plan before = plan(id);
        if (!memberships.deactivate(id, support.now())) throw new ConflictException("Plan " + id + " is inactive already");
        Plan after = plan(id);
        support.audit(before.operatorId(), AuditLog.Action.UPDATE, "membership_plan", id, before, after);
        return after;
    }

    @Operation(summary = "Enrol a driver in a plan", description = "The plan must be active and of the driver's operator")
    @PostMapping("/drivers/{id}/memberships")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('PERM_MARKETING_WRITE')")
    public Enrolment enrol(@PathVariable long id, @Valid @RequestBody EnrolRequest r) {
        Driver driver = support.driver(id);
        Plan plan = memberships.plan(TenantScope.operator(driver.operatorId()), r.planId())
                .orElseThrow(() -> new IllegalArgumentException("planId: no plan " + r.planId() + " at the driver's operator"));
        if (!plan.active()) throw new IllegalArgumentException("planId: plan " + plan.id() + " is inactive");
        Instant now = support.now();
        Instant from = r.validFrom() == null ? now : r.validFrom().truncatedTo(ChronoUnit.MICROS);
        Instant until = r.validUntil() != null ? r.validUntil().truncatedTo(ChronoUnit.MICROS)
                : plan.durationDays() == null ? null : from.plus(Duration.ofDays(plan.durationDays()));
        if (until != null && !until.isAfter(from)) {
            throw new IllegalArgumentException("validUntil: must be after validFrom (" + from + ")");
        }
        long enrolmentId = memberships.enrol(driver.operatorId(), id, plan.id(), from, until, support.actor(), now)
                .orElseThrow(() -> new ConflictException("planId: plan " + plan.id() + " was deactivated meanwhile"));
        Enrolment created = memberships.enrolment(enrolmentId).orElseThrow();
        support.audit(driver.operatorId(), AuditLog.Action.CREATE, "membership", enrolmentId, null, created);
        return created;
    }

    @Operation(summary = "A driver's enrolments", description = "Latest start first, ended ones included")
    @GetMapping("/drivers/{id}/memberships")
    @PreAuthorize("hasAuthority('PERM_MARKETING_READ') and hasAuthority('PERM_DRIVERS_READ')")
    public PageResponse<Enrolment> enrolments(@PathVariable long id, @RequestParam(defaultValue = "0") @Min(0) int page,
                                              @RequestParam(defaultValue = "50") @Min(1) @Max(PageRequest.MAX_SIZE) int size) {
        Driver driver = support.driver(id);
        return PageResponse.of(memberships.ofDriver(driver.operatorId(), id, new PageRequest(page, size)), e -> e);
    }

    private Plan plan(long id) {
        return memberships.plan(callers.scope(), id).orElseThrow(() -> new NoSuchElementException("Plan " + id));
    }
}
