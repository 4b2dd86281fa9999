package io.pylon.server.parking;

import io.pylon.domain.ledger.BillAmounts;
import io.pylon.domain.ledger.SettleOutcome;
import io.pylon.domain.ledger.WalletService;
import io.pylon.domain.money.Money;
import io.pylon.domain.order.BillingContext;
import io.pylon.domain.order.Order;
import io.pylon.domain.order.OrderRepository;
import io.pylon.domain.order.OrderService;
import io.pylon.domain.order.OrderState;
import io.pylon.domain.parking.BayIdleCharge;
import io.pylon.domain.parking.BayIdleFee;
import io.pylon.domain.parking.ParkingSettings;
import io.pylon.server.persistence.JooqParking;
import io.pylon.server.persistence.JooqParking.VisitRow;
import io.pylon.server.persistence.JooqParkingFees;
import io.pylon.server.persistence.JooqParkingFees.ParkingFeeLine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The idle fee of a bay, as a parking line on the order of the session that charged there: one combined charging +
 * parking bill. Computed when the vehicle leaves (plate out, or the bay free), from charging finished, after the
 * station's grace period, to departure; minutes the tariff's own idle fee billed (until the cable was pulled) are not
 * billed again.
 *
 * <p>The charging bill is settled once per order in the ledger ({@code settle:order:<id>}), usually long before the
 * vehicle leaves, and the books compare each order's payable amount with that one settlement. So the parking line is
 * never folded into the settled bill: it is kept beside it ({@code parking_fee}, one row per order, so it is charged
 * once whatever is repeated) and settled from the driver's wallet as its own ledger entry, reference
 * {@code order:<id>:parking}, booked as idle-fee revenue — the "additional charge on the order" the wallet allows
 * (idempotent on its key {@code settle:order:<id>:parking}). An order without a wallet (anonymous card) owes it as
 * DUE until staff record it collected. A visit whose order is not billed yet waits (PENDING) and is retried.
 */
@Component
public class IdleFees {

    private static final Logger log = LoggerFactory.getLogger(IdleFees.class);
    /** A session may start a little before the camera saw the vehicle (clocks differ). */
    private static final Duration ARRIVAL_SLACK = Duration.ofMinutes(10);
    /** An order still not billed this long after the vehicle left is not waited for any more. */
    private static final Duration GIVE_UP = Duration.ofDays(2);

    private final JooqParking parking;
    private final JooqParkingFees fees;
    private final OrderRepository orders;
    private final WalletService wallet;
    private final BillingContext.Source contexts;
    private final Clock clock;

    public IdleFees(JooqParking parking, JooqParkingFees fees, OrderRepository orders, WalletService wallet,
                    BillingContext.Source contexts, Clock clock) {
        this.parking = parking;
        this.fees = fees;
        this.orders = orders;
        this.wallet = wallet;
        this.contexts = contexts;
        this.clock = clock;
    }

    /** The ledger reference of an order's parking line. */
    public static String reference(long orderId) {
        return OrderService.reference(orderId) + ":parking";
    }

    /** Bills the idle fee of a visit that ended; answers what happened, in words. Safe to repeat. */
    String bill(VisitRow v, ParkingSettings settings) {
        BayIdleFee rule = settings.idleFee();
        if (rule == null || !rule.charges()) return done(v, null, "no idle fee at this station");
        if (!v.visit().charged()) return done(v, null, "no idle fee: the vehicle did not charge");
        Optional<Order> found = fees.orderAt(v.chargerId(), v.connectorId(), v.visit().arrivedAt().minus(ARRIVAL_SLACK),
                v.visit().leftAt()).flatMap(orders::find);
        if (found.isEmpty()) return done(v, null, "no idle fee: no order for the visit");
        Order order = found.get();
        if (order.state() == OrderState.CHARGING) {
            if (clock.instant().isAfter(v.visit().leftAt().plus(GIVE_UP))) return done(v, order.id(), "order " + order.id() + " never billed");
            return "idle fee waits for order " + order.id() + " to be billed";
        }
        if (order.bill() == null) return done(v, order.id(), "no idle fee: order " + order.id() + " has no bill");
        Instant finished = v.visit().chargingFinishedAt() != null ? v.visit().chargingFinishedAt()
                : order.stoppedAt() != null ? order.stoppedAt() : v.visit().leftAt();
        Instant covered = tariffChargesIdle(order) ? (order.pluggedOutAt() != null ? order.pluggedOutAt() : v.visit().leftAt()) : null;
        BayIdleCharge charge = rule.charge(finished, v.visit().leftAt(), covered, order.currency());
        boolean fromWallet = order.driverId() != null && order.operatorId() != null;
        String state = charge.amount().isZero() ? "NONE" : fromWallet ? "PENDING" : "DUE";
        ParkingFeeLine line = new ParkingFeeLine(order.id(), v.id(), v.bayId(), order.operatorId(), order.stationId(), v.visit().plate(), finished,
                v.visit().leftAt(), charge, state, clock.instant(), null);
        boolean first = fees.insertFee(line, order.currency());
        parking.visitFee(v.id(), order.id(), "DONE");
        if (!first) return "idle fee of order " + order.id() + " was billed before";
        String text = "idle fee " + charge.amount() + " for " + charge.billedMinutes() + " of " + charge.idleMinutes()
                + " idle minutes on order " + order.id();
        return switch (state) {
            case "PENDING" -> text + (pay(line) ? ", paid from the wallet" : ", wallet settlement to be retried");
            case "DUE" -> text + ", due (no wallet)";
            default -> text;
        };
    }

    /** Retries what waits: visits whose order was not billed yet, and wallet settlements that did not go through. */
    void retry(Instant now, java.util.function.Function<Long, ParkingSettings> settings) {
        for (VisitRow v : parking.pendingVisits(now.minus(Duration.ofMinutes(1)), 100)) {
            try {
                bill(v, settings.apply(v.stationId()));
            } catch (RuntimeException e) {
                log.warn("Idle fee of visit {} not billed: {}", v.id(), e.toString());
            }
        }
        for (ParkingFeeLine line : fees.feesInState("PENDING", 100)) {
            try {
                pay(line);
            } catch (RuntimeException e) {
                log.warn("Idle fee of order {} not settled: {}", line.orderId(), e.toString());
            }
        }
    }

    /** Settles a PENDING parking line from the driver's wallet (idempotent in the ledger); true once it is CHARGED. */
    boolean pay(ParkingFeeLine line) {
        Order order = orders.find(line.orderId()).orElseThrow();
        Money zero = Money.zero(order.currency());
        var outcome = wallet.settle(order.operatorId(), order.driverId(), reference(order.id()),
                new BillAmounts(zero, zero, line.charge().amount(), zero));
        if (outcome instanceof SettleOutcome.Settled) {
            fees.feeState(order.id(), "PENDING", "CHARGED", clock.instant());
            return true;
        }
        log.warn("Idle fee of order {} refused by the wallet: {}", order.id(), outcome);
        return false;
    }

    /**
     * Records a DUE parking line (an order without a wallet) as collected outside any wallet ({@code source} e.g.
     * {@code cash:R-17}); null when done (or done before), else why it was refused. The order's own payment comes first,
     * so the books never hold a parking payment for an unpaid order.
     */
    String collect(ParkingFeeLine line, String source, String actor) {
        if ("CHARGED".equals(line.state())) return null;
        if (!"DUE".equals(line.state())) return "The idle fee of order " + line.orderId() + " is " + line.state() + ", not due";
        Order order = orders.find(line.orderId()).orElseThrow();
        if (order.state() != OrderState.SETTLED && order.state() != OrderState.REFUNDED) {
            return "Record the payment of order " + order.id() + " first (it is " + order.state() + ")";
        }
        Money zero = Money.zero(order.currency());
        var outcome = wallet.settleDirect(order.operatorId(), reference(order.id()),
                new BillAmounts(zero, zero, line.charge().amount(), zero), source, actor);
        if (!(outcome instanceof SettleOutcome.Settled)) return "Payment refused: " + outcome;
        fees.feeState(order.id(), "DUE", "CHARGED", clock.instant());
        return null;
    }

    /** Whether the order's tariff version charges its own idle fee (until the cable is pulled). */
    private boolean tariffChargesIdle(Order order) {
        return contexts.of(order.chargerId(), order.stationId(), order.operatorId()).tariff()
                .flatMap(t -> t.versions().stream().filter(v -> v.version() == order.bill().tariffVersion()).findFirst())
                .map(v -> v.terms().idleFee().charges()).orElse(false);
    }

    private String done(VisitRow v, Long orderId, String why) {
        parking.visitFee(v.id(), orderId, "NONE");
        return why;
    }
}
