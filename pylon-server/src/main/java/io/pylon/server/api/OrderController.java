package io.pylon.server.api;

import io.pylon.domain.billing.Bill;
import io.pylon.domain.billing.Discount;
import io.pylon.domain.common.PageRequest;
import io.pylon.domain.marketing.OrderReward;
import io.pylon.domain.ledger.RefundOutcome;
import io.pylon.domain.ledger.Rejected;
import io.pylon.domain.money.Money;
import io.pylon.domain.order.Order;
import io.pylon.domain.order.OrderFilter;
import io.pylon.domain.order.OrderRefunds;
import io.pylon.domain.order.OrderRepository;
import io.pylon.domain.order.OrderState;
import io.pylon.server.persistence.AuditLog;
import io.pylon.server.persistence.JooqMarketingStore;
import io.pylon.server.persistence.JooqParkingFees;
import io.pylon.server.security.Callers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.*;

@Tag(name = "Orders", description = "What each session cost, band by band, and how it was paid")
@Validated
@RestController
@RequestMapping("/api/v1/orders")
public class OrderController {

    /**
     * An order as the API shows it (the receipt): the bill, when present, has one line per tariff band; discounts
     * are the lines taken off the service fee (source MEMBERSHIP or COUPON, reference the plan name or coupon code);
     * rewards tell the points earned and the carbon saved with the factor used. While {@code awaitingPlugOutSince}
     * is set the order is FINISHED but not yet paid: its tariff charges an idle fee from that moment until the
     * vehicle leaves ({@code pluggedOutAt}). {@code parking} is the bay's idle fee once the vehicle left the bay
     * (docs/parking.md), a separate line of the same bill; {@code payableWithParking} = payable + its amount.
     */
    public record OrderView(long id, long sessionId, Long operatorId, Long stationId, String chargerId, int connectorId,
                            String idTag, Long driverId, OrderState state, String currency, Instant startedAt,
                            Instant stoppedAt, Long energyWh, Bill bill, Totals totals, List<Discount> discounts,
                            Money payable, Money refunded, String abnormalReason, long points, BigDecimal carbonSavedKg,
                            Rewards rewards, Instant settledAt, Instant awaitingPlugOutSince, Instant pluggedOutAt,
                            ParkingLine parking, Money payableWithParking) {
        static OrderView of(Order o, OrderReward reward, JooqParkingFees.ParkingFeeLine fee) {
            Bill b = o.bill();
            Totals totals = b == null ? null : new Totals(b.electricityTotal(), b.serviceTotal(), b.idleFee().amount(),
                    b.sessionFee(), b.serviceDiscount(), b.total());
            ParkingLine parking = fee == null ? null : ParkingLine.of(fee);
            return new OrderView(o.id(), o.sessionId(), o.operatorId(), o.stationId(), o.chargerId(), o.connectorId(),
                    o.idTag(), o.driverId(), o.state(), o.currency().getCurrencyCode(), o.startedAt(), o.stoppedAt(),
                    o.energyWh(), b, totals, b == null ? List.of() : b.discounts(), o.payable(), o.refunded(),
                    o.abnormalReason(), o.points(), o.carbonSavedKg(), reward == null ? null : Rewards.of(reward),
                    o.settledAt(), o.idleFrom(), o.pluggedOutAt(), parking,
                    parking == null ? o.payable() : o.payable().plus(parking.amount()));
        }
    }

    /**
     * The parking line: the vehicle stayed in bay {@code bayId} from charging finished ({@code idleFrom}) until it left
     * ({@code leftAt}), {@code idleMinutes} in all, {@code billedMinutes} after the grace period (and after any time the
     * tariff's idle fee billed). {@code state}: CHARGED (paid from the wallet), DUE (no wallet: to collect), NONE
     * (nothing to pay), PENDING (the wallet settlement is being retried).
     */
    public record ParkingLine(long bayId, String plate, Instant idleFrom, Instant leftAt, long idleMinutes, long billedMinutes,
                              Money amount, boolean capped, String state, Instant settledAt) {
        static ParkingLine of(JooqParkingFees.ParkingFeeLine f) {
            return new ParkingLine(f.bayId(), f.plate(), f.idleFrom(), f.leftAt(), f.charge().idleMinutes(),
                    f.charge().billedMinutes(), f.charge().amount(), f.charge().capped(), f.state(), f.settledAt());
        }
    }

    /**
     * What the order earned besides its discounts: {@code points} at {@code pointsPerKwh}, the membership plan and
     * coupon applied, and {@code carbonSavedKg} = kWh × {@code carbonKgPerKwh} of {@code carbonRegion}.
     */
    public record Rewards(long points, BigDecimal pointsPerKwh, String membershipPlan, Long couponId,
                          BigDecimal carbonSavedKg, String carbonRegion, BigDecimal carbonKgPerKwh) {
        static Rewards of(OrderReward r) {
            return new Rewards(r.points(), r.pointsPerKwh(), r.planName(), r.couponId(), r.carbonSavedKg(),
                    r.carbon().region(), r.carbon().kgPerKwh());
        }
    }

    /** The bill's sums: total = electricity + service + idle fee + session fee; payable = total − discount. */
    public record Totals(Money electricity, Money service, Money idleFee, Money sessionFee, Money discount, Money total) {}

    /** A refund back to the driver's wallet; the same idempotency key never refunds twice. */
    public record RefundRequest(@NotNull @DecimalMin(value = "0", inclusive = false) BigDecimal amount,
                                @NotBlank @Size(max = 200) String reason, @NotBlank @Size(max = 64) String idempotencyKey) {}

    /** How money for an order without a wallet was collected. */
    public enum CollectedBy { CASH, BANK_TRANSFER, CARD_TERMINAL, OTHER }

    /** Payment collected for an order that has no wallet; {@code reference} is the receipt or transfer number. */
    public record PaymentRequest(@NotNull CollectedBy method, @NotBlank @Size(max = 100) String reference) {}

    private final OrderRepository orders;
    private final OrderRefunds refunds;
    private final Callers callers;
    private final AuditLog audit;
    private final JooqMarketingStore marketing;
    private final JooqParkingFees parking;

    public OrderController(OrderRepository orders, OrderRefunds refunds, Callers callers, AuditLog audit,
                           JooqMarketingStore marketing, JooqParkingFees parking) {
        this.orders = orders;
        this.parking = parking;
        this.marketing = marketing;
        this.refunds = refunds;
        this.callers = callers;
        this.audit = audit;
    }

    @Operation(summary = "List orders", description = "Filter by station, charger, driver, state and start time [from, to)")
    @GetMapping
    @PreAuthorize("hasAuthority('PERM_ORDERS_READ')")
    public PageResponse<OrderView> list(@RequestParam(required = false) Long stationId,
                                        @RequestParam(required = false) String chargerId,
                                        @RequestParam(required = false) Long driverId,
                                        @RequestParam(required = false) OrderState state,
                                        @RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
                                        @RequestParam(defaultValue = "0") @Min(0) int page,
                                        @RequestParam(defaultValue = "50") @Min(1) @Max(PageRequest.MAX_SIZE) int size) {
        var found = orders.list(callers.scope(), new OrderFilter(stationId, chargerId, driverId, state, from, to),
                new PageRequest(page, size));
        List<Long> ids = found.items().stream().map(Order::id).toList();
        Map<Long, OrderReward> rewards = marketing.rewards(ids);
        Map<Long, JooqParkingFees.ParkingFeeLine> fees = parking.fees(ids);
        return PageResponse.of(found, o -> OrderView.of(o, rewards.get(o.id()), fees.get(o.id())));
    }

    @Operation(summary = "An order with its band-by-band bill")
    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('PERM_ORDERS_READ')")
    public OrderView get(@PathVariable long id) {
        return view(find(id));
    }

    @Operation(summary = "Refund part or all of a settled order to the driver's wallet")
    @PostMapping("/{id}/refunds")
    @PreAuthorize("hasAuthority('PERM_ORDERS_REFUND')")
    public OrderView refund(@PathVariable long id, @Valid @RequestBody RefundRequest r) {
        Order before = find(id);
        if (r.amount().scale() > before.currency().getDefaultFractionDigits()) {
            throw new IllegalArgumentException("amount: at most " + before.currency().getDefaultFractionDigits() + " decimals");
        }
        Money amount = Money.of(r.amount(), before.currency(), RoundingMode.UNNECESSARY);
        String actor = callers.current().username();
        RefundOutcome outcome = refunds.refund(before, amount, r.reason(), r.idempotencyKey(), actor);
        if (outcome instanceof Rejected rejected) {
            throw new ConflictException(switch (rejected.reason()) {
                case EXCEEDS_REFUNDABLE -> "At most " + rejected.amount() + " can still be refunded";
                case NOT_SETTLED -> "Only settled orders can be refunded";
                case IDEMPOTENCY_KEY_REUSED -> "idempotencyKey was used for a different refund";
                default -> "Refund refused: " + rejected.reason();
            });
        }
        Order after = find(id);
        audit.record(actor, before.operatorId(), AuditLog.Action.UPDATE, "order", id, view(before), view(after));
        return view(after);
    }

    private OrderView view(Order order) {
        return OrderView.of(order, marketing.rewards(List.of(order.id())).get(order.id()), parking.fee(order.id()).orElse(null));
    }

    @Operation(summary = "Record payment collected for a billed order that has no wallet (an anonymous card)",
            description = "Cash, bank transfer or card terminal; the order becomes SETTLED and its revenue enters the books. "
                    + "Once per order: repeating it answers the order unchanged. 409 for an order paid from a wallet, "
                    + "not billed yet, or still waiting for the car to leave.")
    @PostMapping("/{id}/payments")
    @PreAuthorize("hasAuthority('PERM_ORDERS_REFUND')")
    public OrderView collect(@PathVariable long id, @Valid @RequestBody PaymentRequest r) {
        Order before = find(id);
        String actor = callers.current().username();
        if (refunds.collect(before, r.method().name().toLowerCase(java.util.Locale.ROOT) + ":" + r.reference(), actor)
                instanceof Rejected rejected) {
            throw new ConflictException(switch (rejected.reason()) {
                case NOT_PAYABLE -> before.driverId() != null
                        ? "The order is paid from the driver's wallet"
                        : "The order is " + before.state() + (before.awaitingPlugOut() ? ", waiting for the car to leave" : "")
                                + ": only a billed order can be paid";
                default -> "Payment refused: " + rejected.reason();
            });
        }
        Order after = find(id);
        if (before.state() != after.state()) {
            audit.record(actor, before.operatorId(), AuditLog.Action.UPDATE, "order", id, view(before), view(after));
        }
        return view(after);
    }

    private Order find(long id) {
        var scope = callers.scope();
        return orders.find(id).filter(o -> scope.includes(o.operatorId(), o.stationId()))
                .orElseThrow(() -> new NoSuchElementException("Order " + id));
    }
}
