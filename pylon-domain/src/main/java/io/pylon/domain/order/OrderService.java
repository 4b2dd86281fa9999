package io.pylon.domain.order;

import io.pylon.domain.auth.AuthorizationStatus;
import io.pylon.domain.auth.IdToken;
import io.pylon.domain.auth.IdTokenRepository;
import io.pylon.domain.billing.Bill;
import io.pylon.domain.billing.BillingEngine;
import io.pylon.domain.ledger.BillAmounts;
import io.pylon.domain.ledger.HoldAmount;
import io.pylon.domain.ledger.HoldOutcome;
import io.pylon.domain.ledger.Rejected;
import io.pylon.domain.ledger.SettleOutcome;
import io.pylon.domain.ledger.WalletService;
import io.pylon.domain.session.ChargingSession;
import io.pylon.domain.session.SessionListener;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Orders follow sessions: a session that starts opens an order and, for a driver's token, holds money in
 * their wallet; a session that stops is billed at its station's tariff (the version in force at its
 * start), priced by the operator's {@link Promotions} (memberships, coupons, points, carbon) and paid from the
 * hold. Protocol-neutral: OCPP and YKC sessions take the same path.
 */
public final class OrderService implements SessionListener {

    private static final BillingEngine ENGINE = new BillingEngine();
    /** A session whose start reached us this much later than it happened was recorded while offline. */
    static final Duration OFFLINE_THRESHOLD = Duration.ofMinutes(5);

    private final OrderRepository orders;
    private final IdTokenRepository tokens;
    private final BillingContext.Source contexts;
    private final WalletService wallet;
    private final Promotions promotions;
    private final Clock clock;
    private final UsageSource usage;

    public OrderService(OrderRepository orders, IdTokenRepository tokens, BillingContext.Source contexts,
                        WalletService wallet, Promotions promotions, Clock clock, UsageSource usage) {
        this.orders = orders;
        this.tokens = tokens;
        this.contexts = contexts;
        this.wallet = wallet;
        this.promotions = promotions;
        this.clock = clock;
        this.usage = usage;
    }

    @Override
    public AuthorizationStatus started(ChargingSession session) {
        Long driverId = tokens.find(session.idTag()).map(IdToken::driverId).orElse(null);
        BillingContext context = contexts.of(session.chargerId(), session.stationId(), session.operatorId());
        orders.open(session, driverId, context.currency(), clock.instant());
        if (driverId == null || session.operatorId() == null) {
            return AuthorizationStatus.ACCEPTED; // anonymous card: billed, paid later
        }
        long orderId = orders.bySession(session.id()).orElseThrow().id();
        HoldOutcome hold = wallet.placeHold(session.operatorId(), driverId, reference(orderId),
                new HoldAmount.MinimumBalance(context.currency()));
        return hold instanceof Rejected ? AuthorizationStatus.BLOCKED : AuthorizationStatus.ACCEPTED;
    }

    @Override
    public void stopped(ChargingSession session) {
        if (session.authStatus() != AuthorizationStatus.ACCEPTED) {
            // Refused at start (unknown card, ConcurrentTx, no credit): the charger was told to stop; nothing is
            // billed and no money moves. An order opened before a credit refusal is closed as ABNORMAL.
            orders.bySession(session.id()).ifPresent(o ->
                    orders.abnormal(o.id(), session, "REFUSED_AT_START: " + session.authStatus(), clock.instant()));
            return;
        }
        Order order = orders.bySession(session.id()).orElseGet(() -> {
            Long driverId = tokens.find(session.idTag()).map(IdToken::driverId).orElse(null);
            var context = contexts.of(session.chargerId(), session.stationId(), session.operatorId());
            orders.open(session, driverId, context.currency(), clock.instant());
            return orders.bySession(session.id()).orElseThrow();
        });
        bill(order, session);
    }

    /** Bills an order whose session has stopped, then pays it from the driver's hold. */
    void bill(Order order, ChargingSession session) {
        BillingContext context = contexts.of(session.chargerId(), session.stationId(), session.operatorId());
        Optional<String> problem = context.tariff().isEmpty() ? Optional.of("NO_TARIFF: the station has no tariff")
                : Optional.empty();
        Bill bill = null;
        if (problem.isEmpty()) {
            try {
                bill = ENGINE.bill(context.tariff().get(), context.zone(), context.calendar(), usage.of(session));
                bill = context.offlineMode().settle(bill, recordedOffline(session));
            } catch (IllegalArgumentException e) {
                problem = Optional.of("BAD_METER_DATA: " + e.getMessage());
            }
        }
        if (problem.isPresent()) {
            if (orders.abnormal(order.id(), session, problem.get(), clock.instant()) && order.driverId() != null) {
                wallet.release(session.operatorId(), order.driverId(), reference(order.id()));
            }
            return;
        }
        Promotions.Priced priced = promotions.apply(order, session, bill); // discounts, points, carbon: once per order
        java.time.LocalDate day = session.startedAt().atZone(context.zone()).toLocalDate();
        if (!orders.finish(order.id(), session, priced.bill(), priced.points(), priced.carbonSavedKg(), day, clock.instant())) {
            return; // billed already (a retry)
        }
        settle(order.id(), session.operatorId(), order.driverId(), priced.bill());
    }

    private void settle(long orderId, Long operatorId, Long driverId, Bill bill) {
        if (driverId == null || operatorId == null) {
            return;
        }
        BillAmounts amounts = new BillAmounts(bill.electricityTotal(), bill.serviceTotal().plus(bill.sessionFee()),
                bill.idleFee().amount(), bill.serviceDiscount());
        if (wallet.settle(operatorId, driverId, reference(orderId), amounts) instanceof SettleOutcome.Settled) {
            orders.settled(orderId, clock.instant());
        }
    }

    private static boolean recordedOffline(ChargingSession session) {
        return session.createdAt() != null
                && Duration.between(session.startedAt(), session.createdAt()).compareTo(OFFLINE_THRESHOLD) > 0;
    }

    /** The ledger reference of an order: holds, settlement and refunds all name it. */
    public static String reference(long orderId) {
        return "order:" + orderId;
    }

    /** Port: the meter data of a stopped session as billing input. */
    public interface UsageSource {
        io.pylon.domain.billing.SessionUsage of(ChargingSession session);
    }
}
