package io.pylon.server.api;

import io.pylon.domain.common.PageRequest;
import io.pylon.domain.driver.Driver;
import io.pylon.domain.marketing.CampaignStatus;
import io.pylon.domain.marketing.CouponCampaign;
import io.pylon.domain.marketing.CouponKind;
import io.pylon.domain.marketing.CouponSource;
import io.pylon.domain.marketing.CouponState;
import io.pylon.domain.marketing.DriverCoupon;
import io.pylon.domain.marketing.IssueOutcome;
import io.pylon.domain.money.Money;
import io.pylon.domain.order.Order;
import io.pylon.domain.order.OrderRepository;
import io.pylon.domain.tenant.TenantScope;
import io.pylon.server.persistence.AuditLog;
import io.pylon.server.persistence.JooqCoupons;
import io.pylon.server.persistence.JooqCoupons.CampaignFilter;
import io.pylon.server.persistence.JooqCoupons.CouponFilter;
import io.pylon.server.persistence.JooqOperators;
import io.pylon.server.security.Callers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.*;

/**
 * Coupon campaigns (优惠券) and the coupons drivers hold. A coupon takes a fixed amount or a percentage off the
 * service fee of one order whose total before discounts reaches the minimum spend; it is used at most once. When
 * an order is billed it takes the coupon chosen for it while charging, or else the driver's best coupon that
 * applies (ADR 0005, Marketing).
 */
@Tag(name = "Marketing: coupons", description = "Coupon campaigns, issuing coupons to drivers, drivers' coupons")
@Validated
@RestController
@RequestMapping("/api/v1")
public class CouponController {

    /**
     * A campaign. {@code value}: an amount in the operator's currency (FIXED) or a percentage 0-100 (PERCENT), off
     * the service fee. {@code minimumSpend}: the order's total before discounts must reach it (default 0). Coupons
     * are usable from {@code validFrom} (default now) until {@code validUntil}, or {@code couponDays} after issue
     * if sooner. At most {@code totalLimit} coupons in all and {@code perDriverLimit} (default 1) per driver;
     * {@code claimable}: drivers may claim one in the driver app.
     */
    public record CampaignRequest(Long operatorId,
                                  @NotBlank @Pattern(regexp = "[A-Za-z0-9_-]{2,32}", message = "2-32 letters, digits, _ or -") String code,
                                  @NotBlank @Size(max = 200) String name, @NotBlank String kind,
                                  @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 10, fraction = 2) BigDecimal value,
                                  @DecimalMin("0") @Digits(integer = 10, fraction = 2) BigDecimal minimumSpend,
                                  Instant validFrom, @NotNull Instant validUntil, @Min(1) @Max(3650) Integer couponDays,
                                  @NotNull @Min(1) @Max(100_000_000) Long totalLimit, @Min(1) @Max(1000) Integer perDriverLimit,
                                  Boolean claimable) {}

    /** Drivers to give one coupon each (at most 500 per request). */
    public record IssueRequest(@NotEmpty @Size(max = 500) List<@NotNull Long> driverIds) {}

    /** One driver's result: the coupon issued, or why not. */
    public record IssueResult(long driverId, DriverCoupon coupon, CouponCampaign.Refusal refused) {}

    public record IssueResponse(long campaignId, int issued, int refused, List<IssueResult> results) {}

    /** The coupon an order will use when billed; null clears the choice (the driver's best applies then). */
    public record ChoiceRequest(Long couponId) {}

    public record ChoiceView(long orderId, Long couponId, DriverCoupon coupon) {}

    private final JooqCoupons coupons;
    private final JooqOperators operators;
    private final OrderRepository orders;
    private final Callers callers;
    private final ActingOperator acting;
    private final MarketingSupport support;

    public CouponController(JooqCoupons coupons, JooqOperators operators, OrderRepository orders, Callers callers,
                            ActingOperator acting, MarketingSupport support) {
        this.coupons = coupons;
        this.operators = operators;
        this.orders = orders;
        this.callers = callers;
        this.acting = acting;
        this.support = support;
    }

    @Operation(summary = "Create a coupon campaign", description = "Codes are unique per operator (409 otherwise)")
    @PostMapping("/coupon-campaigns")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('PERM_MARKETING_WRITE')")
    public CouponCampaign create(@Valid @RequestBody CampaignRequest r) {
        long operatorId = acting.resolve(r.operatorId());
        Currency currency = operators.find(operatorId).orElseThrow().currency();
        CouponKind kind = MarketingSupport.parse(CouponKind.class, r.kind(), "kind");
        if (kind == CouponKind.PERCENT && r.value().compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new IllegalArgumentException("value: a percentage is at most 100");
        }
        if (kind == CouponKind.FIXED) MarketingSupport.decimals(r.value(), currency.getDefaultFractionDigits(), "value");
        MarketingSupport.decimals(r.minimumSpend(), currency.getDefaultFractionDigits(), "minimumSpend");
        Instant now = support.now();
        Instant from = r.validFrom() == null ? now : r.validFrom().truncatedTo(ChronoUnit.MICROS);
        Instant until = r.validUntil().truncatedTo(ChronoUnit.MICROS);
        if (!until.isAfter(from)) throw new IllegalArgumentException("validUntil: must be after validFrom (" + from + ")");
        if (!until.isAfter(now)) throw new IllegalArgumentException("validUntil: must be in the future");
        Money minimum = Money.of(r.minimumSpend() == null ? BigDecimal.ZERO : r.minimumSpend(), currency, RoundingMode.UNNECESSARY);
        String code = r.code().strip().toUpperCase(Locale.ROOT);
        long id = coupons.insertCampaign(new JooqCoupons.NewCampaign(operatorId, code, r.name().strip(), kind, r.value(),
                        minimum, from, until, r.couponDays(), r.totalLimit(), r.perDriverLimit() == null ? 1 : r.perDriverLimit(),
                        Boolean.TRUE.equals(r.claimable())), support.actor(), now)
                .orElseThrow(() -> new ConflictException("code: the operator already has a campaign " + code));
        CouponCampaign created = campaign(id);
        support.audit(operatorId, AuditLog.Action.CREATE, "coupon_campaign", id, null, created);
        return created;
    }

    @Operation(summary = "List coupon campaigns", description = "Filter by status, text (code or name) and activeAt "
            + "(ACTIVE and valid at that instant); newest first")
    @GetMapping("/coupon-campaigns")
    @PreAuthorize("hasAuthority('PERM_MARKETING_READ')")
    public PageResponse<CouponCampaign> list(@RequestParam(required = false) CampaignStatus status,
                                             @RequestParam(required = false) @Size(max = 100) String q,
                                             @RequestParam(required = false) Instant activeAt,
                                             @RequestParam(defaultValue = "0") @Min(0) int page,
                                             @RequestParam(defaultValue = "50") @Min(1) @Max(PageRequest.MAX_SIZE) int size) {
        return PageResponse.of(coupons.campaigns(callers.scope(), new CampaignFilter(status, q, activeAt),
                new PageRequest(page, size)), c -> c);
    }

    @Operation(summary = "A coupon campaign with its issued and used counts")
    @GetMapping("/coupon-campaigns/{id}")
    @PreAuthorize("hasAuthority('PERM_MARKETING_READ')")
    public CouponCampaign get(@PathVariable long id) {
        return campaign(id);
    }

    @Operation(summary = "End a campaign", description = "No more coupons are issued or claimed; coupons drivers "
            + "already hold stay usable until they expire")
    @PostMapping("/coupon-campaigns/{id}/end")
    @PreAuthorize("hasAuthority('PERM_MARKETING_WRITE')")
    public CouponCampaign end(@PathVariable long id) {
        CouponCampaign before = campaign(id);
        if (!coupons.end(id, support.now())) throw new ConflictException("Campaign " + id + " has ended already");
        CouponCampaign after = campaign(id);
        support.audit(before.operatorId(), AuditLog.Action.UPDATE, "coupon_campaign", id, before, after);
        return after;
    }

    @Operation(summary = "Issue one coupon to each of these drivers",
            description = "Each driver is answered on its own: the coupon, or why not (campaign ended or expired, total "
                    + "or per-driver limit reached, unknown driver). Limits hold even when issues race.")
    @PostMapping("/coupon-campaigns/{id}/coupons")
    @PreAuthorize("hasAuthority('PERM_MARKETING_WRITE')")
    public IssueResponse issue(@PathVariable long id, @Valid @RequestBody IssueRequest r) {
        CouponCampaign campaign = campaign(id);
        List<IssueResult> results = new ArrayList<>();
        int issued = 0;
        for (Long driverId : new LinkedHashSet<>(r.driverIds())) {
            IssueOutcome outcome = coupons.give(id, driverId, CouponSource.ISSUED, support.actor(), support.now());
            if (outcome instanceof IssueOutcome.Issued given) {
                issued++;
                support.audit(campaign.operatorId(), AuditLog.Action.CREATE, "coupon", given.coupon().id(), null, given.coupon());
                results.add(new IssueResult(driverId, given.coupon(), null));
            } else if (outcome instanceof IssueOutcome.Refused refused) {
                results.add(new IssueResult(driverId, null, refused.reason()));
            }
        }
        return new IssueResponse(id, issued, results.size() - issued, results);
    }

    @Operation(summary = "Coupons of a campaign", description = "Filter by driver and state (AVAILABLE, USED, EXPIRED)")
    @GetMapping("/coupon-campaigns/{id}/coupons")
    @PreAuthorize("hasAuthority('PERM_MARKETING_READ') and hasAuthority('PERM_DRIVERS_READ')")
    public PageResponse<DriverCoupon> campaignCoupons(@PathVariable long id, @RequestParam(required = false) Long driverId,
                                                      @RequestParam(required = false) CouponState state,
                                                      @RequestParam(defaultValue = "0") @Min(0) int page,
                                                      @RequestParam(defaultValue = "50") @Min(1) @Max(PageRequest.MAX_SIZE) int size) {
        campaign(id);
        return PageResponse.of(coupons.coupons(callers.scope(), new CouponFilter(id, driverId, state, support.now()),
                new PageRequest(page, size)), c -> c);
    }

    @Operation(summary = "A driver's coupons", description = "Filter by state (AVAILABLE, USED, EXPIRED) and campaign")
    @GetMapping("/drivers/{id}/coupons")
    @PreAuthorize("hasAuthority('PERM_MARKETING_READ') and hasAuthority('PERM_DRIVERS_READ')")
    public PageResponse<DriverCoupon> driverCoupons(@PathVariable long id, @RequestParam(required = false) CouponState state,
                                                    @RequestParam(required = false) Long campaignId,
                                                    @RequestParam(defaultValue = "0") @Min(0) int page,
                                                    @RequestParam(defaultValue = "50") @Min(1) @Max(PageRequest.MAX_SIZE) int size) {
        Driver driver = support.driver(id);
        return PageResponse.of(coupons.coupons(TenantScope.operator(driver.operatorId()),
                new CouponFilter(campaignId, id, state, support.now()), new PageRequest(page, size)), c -> c);
    }

    @Operation(summary = "Choose the coupon a charging order will use",
            description = "The coupon must be the order's driver's, unused and unexpired; at billing only this coupon is "
                    + "considered (if it does not apply then, none is used and it stays with the driver). null clears.")
    @PutMapping("/orders/{id}/coupon")
    @PreAuthorize("hasAuthority('PERM_MARKETING_WRITE')")
    public ChoiceView choose(@PathVariable long id, @RequestBody ChoiceRequest r) {
        TenantScope scope = callers.scope();
        Order order = orders.find(id).filter(o -> scope.includes(o.operatorId(), o.stationId()))
                .orElseThrow(() -> new NoSuchElementException("Order " + id));
        Instant now = support.now();
        Long before = coupons.choice(id).orElse(null);
        coupons.choose(order, r.couponId(), support.actor(), now).ifPresent(refusal -> {
            throw switch (refusal) {
                case ORDER_NOT_CHARGING -> new ConflictException("Order " + id + " is " + order.state()
                        + "; a coupon is chosen while charging");
                case ORDER_WITHOUT_DRIVER -> new ConflictException("Order " + id + " has no driver (anonymous card)");
                case NOT_THE_DRIVERS_COUPON -> new IllegalArgumentException("couponId: no coupon " + r.couponId()
                        + " of the order's driver");
                case COUPON_NOT_AVAILABLE -> new ConflictException("couponId: coupon " + r.couponId() + " is used or expired");
            };
        });
        DriverCoupon coupon = r.couponId() == null ? null
                : coupons.coupon(TenantScope.operator(order.operatorId()), r.couponId(), now).orElseThrow();
        ChoiceView after = new ChoiceView(id, r.couponId(), coupon);
        support.audit(order.operatorId(), AuditLog.Action.UPDATE, "order_coupon", id,
                before == null ? null : new ChoiceView(id, before, null), after);
        return after;
    }

    private CouponCampaign campaign(long id) {
        return coupons.campaign(callers.scope(), id).orElseThrow(() -> new NoSuchElementException("Campaign " + id));
    }
}
