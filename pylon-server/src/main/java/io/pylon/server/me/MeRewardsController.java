package io.pylon.server.me;

import io.pylon.domain.common.PageRequest;
import io.pylon.domain.driver.Driver;
import io.pylon.domain.order.OrderSettings;
import io.pylon.server.api.PageResponse;
import io.pylon.server.persistence.JooqMemberships;
import io.pylon.server.persistence.JooqMemberships.Enrolment;
import io.pylon.server.persistence.JooqPoints;
import io.pylon.server.persistence.JooqPoints.Kind;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.*;

/**
 * The driver's loyalty: points (积分) with their journal, and memberships (会员). Points are earned by billed
 * sessions (floor(kWh × rate), ADR 0005) and changed only by staff; enrolments are made by staff.
 */
@Tag(name = "Driver app")
@Validated
@RestController
@RequestMapping("/api/v1/me")
public class MeRewardsController {

    /**
     * My points: {@code balance}, the rate my sessions earn now ({@code pointsPerKwh}: the operator's, times my
     * plan's multiplier while I am a member) and a page of the journal, newest first.
     */
    public record PointsView(long balance, BigDecimal pointsPerKwh, PageResponse<PointsEntry> entries) {}

    /** One change of my points: EARN by an order, REDEEM or ADJUST by the operator with a reason; signed. */
    public record PointsEntry(long id, Kind kind, long points, long balanceAfter, Long orderId, String reason,
                              Instant createdAt) {
        static PointsEntry of(JooqPoints.PointsJournalEntry e) {
            return new PointsEntry(e.id(), e.kind(), e.points(), e.balanceAfter(), e.orderId(), e.reason(), e.createdAt());
        }
    }

    /**
     * An enrolment of mine, valid in [validFrom, validUntil) (validUntil null: no end); {@code active} marks the one
     * valid now. Members get {@code discountPercent} off the service fee and earn points × {@code pointsMultiplier}.
     */
    public record MyMembership(long id, long planId, String planName, BigDecimal discountPercent, BigDecimal pointsMultiplier,
                               Instant validFrom, Instant validUntil, boolean active) {
        static MyMembership of(Enrolment e, Instant now) {
            return new MyMembership(e.id(), e.planId(), e.planName(), e.discountPercent(), e.pointsMultiplier(), e.validFrom(),
                    e.validUntil(), e.toActiveMembership().validAt(now));
        }
    }

    private final Me me;
    private final JooqPoints points;
    private final JooqMemberships memberships;
    private final OrderSettings platform;
    private final Clock clock;

    public MeRewardsController(Me me, JooqPoints points, JooqMemberships memberships, OrderSettings platform, Clock clock) {
        this.me = me;
        this.points = points;
        this.memberships = memberships;
        this.platform = platform;
        this.clock = clock;
    }

    @Operation(summary = "My points balance and journal", description = "kind filters the journal: EARN, REDEEM, ADJUST")
    @GetMapping("/points")
    public PointsView points(@RequestParam(required = false) Kind kind,
                             @RequestParam(defaultValue = "0") @Min(0) int page,
                             @RequestParam(defaultValue = "20") @Min(1) @Max(PageRequest.MAX_SIZE) int size) {
        Driver driver = me.driver();
        var journal = points.journal(driver.operatorId(), driver.id(), kind, new PageRequest(page, size));
        BigDecimal rate = points.rate(driver.operatorId()).map(JooqPoints.Rate::pointsPerKwh).orElse(platform.pointsPerKwh());
        BigDecimal earning = memberships.activeAt(driver.operatorId(), driver.id(), clock.instant())
                .map(m -> m.toActiveMembership().plan(rate).pointsPerKwh()).orElse(rate);
        return new PointsView(points.balance(driver.operatorId(), driver.id()), plain(earning),
                PageResponse.of(journal, PointsEntry::of));
    }

    @Operation(summary = "My memberships, latest start first", description = "Ended ones included; active marks the one "
            + "valid now (at most one)")
    @GetMapping("/memberships")
    public PageResponse<MyMembership> memberships(@RequestParam(defaultValue = "0") @Min(0) int page,
                                                  @RequestParam(defaultValue = "20") @Min(1) @Max(PageRequest.MAX_SIZE) int size) {
        Driver driver = me.driver();
        Instant now = clock.instant();
        var found = memberships.ofDriver(driver.operatorId(), driver.id(), new PageRequest(page, size));
        return PageResponse.of(found, e -> MyMembership.of(e, now));
    }

    /** 2.0000 → 2, 10 → 10 (not 1E+1). */
    private static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
