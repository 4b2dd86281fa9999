package io.pylon.server.me;

import io.pylon.domain.common.PageRequest;
import io.pylon.domain.driver.Driver;
import io.pylon.domain.marketing.CouponCampaign;
import io.pylon.domain.marketing.CouponKind;
import io.pylon.domain.marketing.CouponState;
import io.pylon.domain.marketing.IssueOutcome;
import io.pylon.domain.money.Money;
import io.pylon.domain.order.Order;
import io.pylon.server.api.PageResponse;
import io.pylon.server.persistence.AuditLog;
import io.pylon.server.persistence.JooqCoupons;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.*;

/**
 * The driver's coupons (优惠券): what they hold, the campaigns open for them to claim, claiming one, and choosing
 * the coupon their running session will use. The rules are the staff side's (ADR 0005, Marketing): a coupon takes
 * a fixed amount or a percentage off the service fee of one order that reaches its minimum spend, at most once.
 */
@Tag(name = "Driver app")
@Validated
@RestController
@RequestMapping("/api/v1/me")
public class MeCouponController {

    /** A campaign I may claim a coupon of now; a claimed coupon expires at {@code validUntil} or {@code couponDays} after. */
    public record ClaimableCampaign(long campaignId, String code, String name, CouponKind kind, BigDecimal value,
                                    Money minimumSpend, Instant validFrom, Instant validUntil, Integer couponDays,
                                    int perDriverLimit) {
        static ClaimableCampaign of(CouponCampaign c) {
            return new ClaimableCampaign(c.id(), c.code(), c.name(), c.kind(), c.value(), c.minimumSpend(), c.validFrom(),
                    c.validUntil(), c.couponDays(), c.perDriverLimit());
        }
    }

    /** Name the campaign by its id ({@code campaignId}) or by the code the operator published ({@code code}). */
    public record ClaimRequest(Long campaignId, @Size(max = 32) String code) {}

    /** The coupon my running session will use when billed; null clears the choice (my best coupon applies then). */
    public record MyChoiceRequest(Long couponId) {}

    /** {@code coupon} null: no choice, the best of my coupons that applies is used at billing. */
    public record MyChoiceView(long sessionId, long orderId, MyCoupon coupon) {}

    private final Me me;
    private final JooqCoupons coupons;
    private final DriverSessions sessions;
    private final AuditLog audit;
    private final Clock clock;

    public MeCouponController(Me me, JooqCoupons coupons, DriverSessions sessions, AuditLog audit, Clock clock) {
        this.me = me;
        this.coupons = coupons;
        this.sessions = sessions;
        this.audit = audit;
        this.clock = clock;
    }

    @Operation(summary = "My coupons, newest first", description = "state: AVAILABLE, USED or EXPIRED (unused past its expiry)")
    @GetMapping("/coupons")
    public PageResponse<MyCoupon> list(@RequestParam(required = false) CouponState state,
                                       @RequestParam(defaultValue = "0") @Min(0) int page,
                                       @RequestParam(defaultValue = "20") @Min(1) @Max(PageRequest.MAX_SIZE) int size) {
        Driver driver = me.driver();
        var found = coupons.ofDriver(driver.operatorId(), driver.id(), state, now(), new PageRequest(page, size));
        return PageResponse.of(found, MyCoupon::of);
    }

    @Operation(summary = "One of my coupons", description = "404 for a coupon that is not mine")
    @GetMapping("/coupons/{id}")
    public MyCoupon get(@PathVariable long id) {
        Driver driver = me.driver();
        return coupons.coupon(Me.scope(driver), id, now()).filter(c -> c.driverId() == driver.id()).map(MyCoupon::of)
                .orElseThrow(() -> new NoSuchElementException("Coupon " + id));
    }

    @Operation(summary = "Campaigns I may claim a coupon of now", description = "Active, claimable, not given out, and "
            + "I hold fewer of their coupons than one driver may; the ones ending first come first")
    @GetMapping("/coupons/claimable")
    public List<ClaimableCampaign> claimable() {
        Driver driver = me.driver();
        return coupons.claimable(driver.operatorId(), driver.id(), now()).stream().map(ClaimableCampaign::of).toList();
    }

    @Operation(summary = "Claim a coupon of a campaign, by its id or its code",
            description = "201 with the coupon. 400 (campaignId or code) when my operator has no such campaign; 409 with a "
                    + "reason when it gives no coupon to me now: CAMPAIGN_ENDED, CAMPAIGN_EXPIRED, NOT_CLAIMABLE (staff "
                    + "issue its coupons), TOTAL_LIMIT_REACHED, DRIVER_LIMIT_REACHED")
    @PostMapping("/coupons")
    @ResponseStatus(HttpStatus.CREATED)
    public MyCoupon claim(@Valid @RequestBody ClaimRequest r) {
        boolean byId = r.campaignId() != null;
        boolean byCode = r.code() != null && !r.code().isBlank();
        if (byId == byCode) throw new IllegalArgumentException("campaignId: give either campaignId or code");
        String field = byId ? "campaignId" : "code";
        Driver driver = me.driver();
        CouponCampaign campaign = (byId ? coupons.campaign(Me.scope(driver), r.campaignId())
                : coupons.campaignByCode(driver.operatorId(), r.code()))
                .orElseThrow(() -> new IllegalArgumentException(field + ": no campaign " + (byId ? r.campaignId() : r.code().strip())));
        return switch (coupons.claim(driver.operatorId(), driver.id(), campaign.id(), now())) {
            case IssueOutcome.Issued issued -> {
                audit.record(Me.actor(driver), driver.operatorId(), AuditLog.Action.CREATE, "coupon", issued.coupon().id(),
                        null, issued.coupon());
                yield MyCoupon.of(issued.coupon());
            }
            case IssueOutcome.Refused refused -> throw refusal(refused.reason(), campaign, field);
        };
    }

    @Operation(summary = "Choose the coupon my running session will use",
            description = "The coupon must be mine, unused and unexpired; at billing only this coupon is considered (if "
                    + "the order does not reach its minimum spend then, none is used and it stays mine). couponId null "
                    + "clears the choice. 404 for a session that is not mine; 400 UNKNOWN_COUPON and 409 "
                    + "COUPON_NOT_AVAILABLE (field couponId); 409 SESSION_NOT_ACTIVE once the session has stopped")
    @PutMapping("/sessions/{id}/coupon")
    public MyChoiceView choose(@PathVariable long id, @RequestBody MyChoiceRequest r) {
        Driver driver = me.driver();
        Order order = sessions.own(driver, id).orElseThrow(() -> new NoSuchElementException("Session " + id)).order();
        Instant now = now();
        Long before = coupons.choice(order.id()).orElse(null);
        coupons.choose(order, r.couponId(), Me.actor(driver), now).ifPresent(refusal -> {
            throw switch (refusal) {
                case ORDER_NOT_CHARGING, ORDER_WITHOUT_DRIVER -> Refusal.of(HttpStatus.CONFLICT,
                        Refusal.Reason.SESSION_NOT_ACTIVE, "id", "session " + id + " has stopped; a coupon is chosen while charging");
                case NOT_THE_DRIVERS_COUPON -> Refusal.of(HttpStatus.BAD_REQUEST, Refusal.Reason.UNKNOWN_COUPON, "couponId",
                        "you hold no coupon " + r.couponId());
                case COUPON_NOT_AVAILABLE -> Refusal.of(HttpStatus.CONFLICT, Refusal.Reason.COUPON_NOT_AVAILABLE, "couponId",
                        "coupon " + r.couponId() + " is used or expired");
            };
        });
        MyCoupon coupon = r.couponId() == null ? null
                : coupons.coupon(Me.scope(driver), r.couponId(), now).map(MyCoupon::of).orElseThrow();
        audit.record(Me.actor(driver), driver.operatorId(), AuditLog.Action.UPDATE, "order_coupon", order.id(),
                before == null ? null : Map.of("couponId", before), r.couponId() == null ? null : Map.of("couponId", r.couponId()));
        return new MyChoiceView(id, order.id(), coupon);
    }

    private static RuntimeException refusal(CouponCampaign.Refusal reason, CouponCampaign c, String field) {
        String campaign = "campaign " + c.code();
        return switch (reason) {
            case ENDED -> Refusal.of(HttpStatus.CONFLICT, Refusal.Reason.CAMPAIGN_ENDED, field, campaign + " has ended");
            case EXPIRED -> Refusal.of(HttpStatus.CONFLICT, Refusal.Reason.CAMPAIGN_EXPIRED, field, campaign + " is over");
            case NOT_CLAIMABLE -> Refusal.of(HttpStatus.CONFLICT, Refusal.Reason.NOT_CLAIMABLE, field,
                    "the coupons of " + campaign + " are given by the operator, not claimed");
            case TOTAL_LIMIT_REACHED -> Refusal.of(HttpStatus.CONFLICT, Refusal.Reason.TOTAL_LIMIT_REACHED, field,
                    "all coupons of " + campaign + " have been given out");
            case DRIVER_LIMIT_REACHED -> Refusal.of(HttpStatus.CONFLICT, Refusal.Reason.DRIVER_LIMIT_REACHED, field,
                    "you hold " + c.perDriverLimit() + " coupon(s) of " + campaign + ", as many as one driver may",
                    Map.of("perDriverLimit", c.perDriverLimit()));
            case UNKNOWN_DRIVER -> new AccessDeniedException("Driver account not found");
        };
    }

    /** Now, to the microsecond both databases keep. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
