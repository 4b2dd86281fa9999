package io.pylon.server.api;

import io.pylon.domain.common.PageRequest;
import io.pylon.domain.driver.Driver;
import io.pylon.domain.order.OrderSettings;
import io.pylon.server.persistence.AuditLog;
import io.pylon.server.persistence.JooqPoints;
import io.pylon.server.persistence.JooqPoints.Change;
import io.pylon.server.persistence.JooqPoints.PointsJournalEntry;
import io.pylon.server.persistence.JooqPoints.Kind;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.*;

/**
 * Loyalty points (积分): each driver's balance and append-only journal, staff adjustments and redemptions, and the
 * operator's points rate. Orders earn floor(kWh × rate) once each (members: rate × the plan's multiplier).
 */
@Tag(name = "Marketing: points", description = "Drivers' points balances and journals, adjustments, the points rate")
@Validated
@RestController
@RequestMapping("/api/v1")
public class PointsController {

    /**
     * A change by staff: ADJUST (default) adds {@code points} or, negative, takes them; REDEEM takes {@code points}
     * (positive) spent on something. One change per idempotency key; the balance never goes below zero.
     */
    public record ChangeRequest(@NotNull @Min(-100_000_000) @Max(100_000_000) Long points, String kind,
                                @NotBlank @Size(max = 200) String reason, @NotBlank @Size(max = 100) String idempotencyKey) {}

    /** The operator's points per kWh; null removes it (the platform's rate applies). */
    public record RateRequest(Long operatorId, @DecimalMin("0") @Digits(integer = 6, fraction = 4) BigDecimal pointsPerKwh) {}

    public record PointsBalanceView(long driverId, long operatorId, long balance) {}

    /** The rate in force: the operator's own ({@code source} OPERATOR) or the platform's (PLATFORM). */
    public record RateView(long operatorId, BigDecimal pointsPerKwh, String source, String updatedBy, Instant updatedAt) {}

    private final JooqPoints points;
    private final ActingOperator acting;
    private final OrderSettings platform;
    private final MarketingSupport support;

    public PointsController(JooqPoints points, ActingOperator acting, OrderSettings platform, MarketingSupport support) {
        this.points = points;
        this.acting = acting;
        this.platform = platform;
        this.support = support;
    }

    @Operation(summary = "A driver's points balance")
    @GetMapping("/drivers/{id}/points")
    @PreAuthorize("hasAuthority('PERM_MARKETING_READ') and hasAuthority('PERM_DRIVERS_READ')")
    public PointsBalanceView balance(@PathVariable long id) {
        Driver driver = support.driver(id);
        return new PointsBalanceView(id, driver.operatorId(), points.balance(driver.operatorId(), id));
    }

    @Operation(summary = "A driver's points journal", description = "Newest first; filter by kind (EARN, REDEEM, ADJUST)")
    @GetMapping("/drivers/{id}/points/entries")
    @PreAuthorize("hasAuthority('PERM_MARKETING_READ') and hasAuthority('PERM_DRIVERS_READ')")
    public PageResponse<PointsJournalEntry> journal(@PathVariable long id, @RequestParam(required = false) Kind kind,
                                       @RequestParam(defaultValue = "0") @Min(0) int page,
                                       @RequestParam(defaultValue = "50") @Min(1) @Max(PageRequest.MAX_SIZE) int size) {
        Driver driver = support.driver(id);
        return PageResponse.of(points.journal(driver.operatorId(), id, kind, new PageRequest(page, size)), e -> e);
    }

    @Operation(summary = "Adjust or redeem a driver's points",
            description = "201 with the entry; 200 when the idempotency key had recorded it already; 409 when the balance "
                    + "would go below zero or the key was used for something else")
    @PostMapping("/drivers/{id}/points/adjustments")
    @PreAuthorize("hasAuthority('PERM_MARKETING_WRITE')")
    public ResponseEntity<PointsJournalEntry> change(@PathVariable long id, @Valid @RequestBody ChangeRequest r) {
        Driver driver = support.driver(id);
        Kind kind = r.kind() == null ? Kind.ADJUST : MarketingSupport.parse(Kind.class, r.kind(), "kind");
        if (kind == Kind.EARN) throw new IllegalArgumentException("kind: ADJUST or REDEEM; points are earned by orders");
        if (r.points() == 0) throw new IllegalArgumentException("points: must not be 0");
        if (kind == Kind.REDEEM && r.points() < 0) throw new IllegalArgumentException("points: a redemption is positive");
        long before = points.balance(driver.operatorId(), id);
        Change change = points.change(driver.operatorId(), id, kind, r.points(), r.reason().strip(), support.actor(),
                r.idempotencyKey(), support.now());
        return switch (change) {
            case Change.Recorded recorded when recorded.replayed() -> ResponseEntity.ok(recorded.entry());
            case Change.Recorded recorded -> {
                support.audit(driver.operatorId(), AuditLog.Action.CREATE, "points_entry", recorded.entry().id(),
                        new PointsBalanceView(id, driver.operatorId(), before), recorded.entry());
                yield ResponseEntity.status(HttpStatus.CREATED).body(recorded.entry());
            }
            case Change.Refused refused -> throw new ConflictException(switch (refused.reason()) {
                case INSUFFICIENT_POINTS -> "points: the driver has only " + refused.balance() + " points";
                case IDEMPOTENCY_KEY_REUSED -> "idempotencyKey: used for a different change";
            });
        };
    }

    @Operation(summary = "The points rate in force", description = "operatorId is for platform-wide roles only")
    @GetMapping("/marketing/points-rate")
    @PreAuthorize("hasAuthority('PERM_MARKETING_READ')")
    public RateView rate(@RequestParam(required = false) Long operatorId) {
        long operator = acting.resolve(operatorId);
        return points.rate(operator).map(r -> new RateView(operator, r.pointsPerKwh(), "OPERATOR", r.updatedBy(), r.updatedAt()))
                .orElseGet(() -> new RateView(operator, platform.pointsPerKwh(), "PLATFORM", null, null));
    }

    @Operation(summary = "Set the operator's points per kWh", description = "null: the platform's rate applies")
    @PutMapping("/marketing/points-rate")
    @PreAuthorize("hasAuthority('PERM_MARKETING_WRITE')")
    public RateView setRate(@Valid @RequestBody RateRequest r) {
        long operator = acting.resolve(r.operatorId());
        RateView before = rate(operator);
        points.setRate(operator, r.pointsPerKwh(), support.actor(), support.now());
        RateView after = rate(operator);
        support.audit(operator, AuditLog.Action.UPDATE, "points_rate", operator, before, after);
        return after;
    }
}
