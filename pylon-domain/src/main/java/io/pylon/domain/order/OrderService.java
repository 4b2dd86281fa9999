package io.pylon.domain.order;

import io.pylon.domain.auth.AuthorizationStatus;
import io.pylon.domain.auth.IdToken;
import io.pylon.domain.auth.IdTokenRepository;
import io.pylon.domain.billing.Bill;
import io.pylon.domain.billing.BillFlag;
import io.pylon.domain.billing.BillingEngine;
import io.pylon.domain.billing.IdleCharge;
import io.pylon.domain.billing.SessionUsage;
import io.pylon.domain.charger.ConnectorStatus;
import io.pylon.domain.charger.StatusListener;
import io.pylon.domain.charger.StatusReport;
import io.pylon.domain.ledger.BillAmounts;
import io.pylon.domain.ledger.HoldAmount;
import io.pylon.domain.ledger.HoldOutcome;
import io.pylon.domain.ledger.Rejected;
import io.pylon.domain.ledger.SettleOutcome;
import io.pylon.domain.ledger.WalletService;
import io.pylon.domain.session.ChargingSession;
import io.pylon.domain.session.SessionListener;
import io.pylon.domain.tariff.IdleFeeRule;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Orders follow sessions: a session that starts opens an order and, for a driver's token, holds money in
 * their wallet; a session that stops is billed at its station's tariff (the version in force at its
 * start), priced by the operator's {@link Promotions} (memberships, coupons, points, carbon) and paid from the
 * hold. Protocol-neutral: OCPP and YKC sessions take the same path.
 */
public final class OrderService implements SessionListener, StatusListener {

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
    private final java.util.List<OrderListener> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile java.util.concurrent.Executor listenerExecutor = Runnable::run;
    private static final System.Logger LOG = System.getLogger(OrderService.class.getName());

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

    /** Registers who hears of orders whose bill is final (the transparency log); set at wiring time. */
    public void listen(OrderListener listener) {
        listeners.add(listener);
    }

    /**
     * Where listeners hear of final bills: on the caller's thread unless set (tests of the domain). The platform
     * hands them to a pool of their own, so a charger's stop is answered once the bill is stored, not after the
     * transparency log, the anomaly checks and the regulator feed have run (a crash in between loses nothing: the
     * log's catch-up runs the listeners of every final order it has no entry for).
     */
    public void notifyOn(java.util.concurrent.Executor executor) {
        this.listenerExecutor = java.util.Objects.requireNonNull(executor);
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

    /**
     * Bills an order whose session has stopped, then pays it from the driver's hold — unless the tariff
     * charges an idle fee and the vehicle is still plugged in: then the order waits in FINISHED until the
     * connector reports the vehicle gone ({@link #pluggedOut}) or the wait runs out ({@link #settleIdle}).
     */
    void bill(Order order, ChargingSession session) {
        BillingContext context = contexts.of(session.chargerId(), session.stationId(), session.operatorId());
        Optional<String> problem = context.tariff().isEmpty() ? Optional.of("NO_TARIFF: the station has no tariff")
                : Optional.empty();
        Bill bill = null;
        SessionUsage use = null;
        if (problem.isEmpty()) {
            try {
                use = usage.of(session);
                bill = ENGINE.bill(context.tariff().get(), context.zone(), context.calendar(), use);
                bill = context.offlineMode().settle(bill, recordedOffline(session));
            } catch (IllegalArgumentException e) {
                problem = Optional.of("BAD_METER_DATA: " + e.getMessage());
            }
        }
        if (problem.isPresent()) {
            if (orders.abnormal(order.id(), session, problem.get(), clock.instant()) && order.driverId() != null) {
                wallet.release(session.operatorId(), order.driverId(), reference(order.id()));
            }
            closed(order.id());
            return;
        }
        Instant idleFrom = use.pluggedOutAt() == null && idleRule(context, bill).charges()
                && !bill.flags().contains(BillFlag.OFFLINE_FREE) ? use.idleFrom() : null;
        Promotions.Priced priced = promotions.apply(order, session, bill); // discounts, points, carbon: once per order
        java.time.LocalDate day = session.startedAt().atZone(context.zone()).toLocalDate();
        if (!orders.finish(order.id(), session, priced.bill(), priced.points(), priced.carbonSavedKg(), day, idleFrom,
                clock.instant())) {
            return; // billed already (a retry)
        }
        if (idleFrom == null) {
            settle(order.id(), session.operatorId(), order.driverId(), priced.bill());
            closed(order.id());
        }
    }

    /**
     * Compares the amount a charger computed for a session itself (YKC transaction record) with the energy
     * amounts of the order's bill (electricity + service; idle and session fees and discounts are Pylon's own).
     * A difference beyond rounding — each bill line rounds two amounts to the currency's minor unit — flags the
     * order {@link BillFlag#CHARGER_AMOUNT_DIFFERS}. The bill is never changed.
     *
     * @return the difference (charger − bill), empty when the session's order has no bill yet
     */
    public Optional<io.pylon.domain.money.Money> reconcileChargerAmount(long sessionId, java.math.BigDecimal reported) {
        return orders.bySession(sessionId).filter(o -> o.bill() != null).map(order -> {
            Bill bill = order.bill();
            java.math.BigDecimal billed = bill.electricityTotal().plus(bill.serviceTotal()).amount();
            java.math.BigDecimal difference = reported.subtract(billed);
            int digits = Math.max(0, order.currency().getDefaultFractionDigits());
            java.math.BigDecimal tolerance = java.math.BigDecimal.ONE.movePointLeft(digits)
                    .multiply(java.math.BigDecimal.valueOf(Math.max(1, bill.lines().size())));
            if (difference.abs().compareTo(tolerance) > 0) {
                orders.addFlag(order.id(), BillFlag.CHARGER_AMOUNT_DIFFERS, clock.instant());
            }
            return io.pylon.domain.money.Money.rounded(difference, order.currency());
        });
    }

    /** Flags a session's billed order (see {@link OrderRepository#addFlag}); false when it has no bill. */
    public boolean flag(long sessionId, BillFlag flag) {
        return orders.bySession(sessionId).filter(o -> o.bill() != null)
                .map(o -> orders.addFlag(o.id(), flag, clock.instant())).orElse(false);
    }

    @Override
    public void status(String chargerId, StatusReport report, Instant at) {
        if (report.status() == ConnectorStatus.AVAILABLE && report.connectorId() > 0) {
            pluggedOut(chargerId, report.connectorId(), at);
        }
    }

    /**
     * A connector reported Available: the vehicle has left. Orders waiting there for their idle fee are
     * charged for the idle minutes up to {@code at} and settled.
     */
    public void pluggedOut(String chargerId, int connectorId, Instant at) {
        for (Order order : orders.awaitingPlugOut(chargerId, connectorId)) {
            if (!at.isBefore(order.idleFrom())) {
                chargeIdle(order, at);
            }
        }
    }

    /**
     * The safety net for {@link #pluggedOut}: orders whose connector shows Available by now are charged up to
     * the first Available in its history; orders that waited longer than {@code wait} without the charger ever
     * saying the vehicle left are settled without an idle fee and flagged {@link BillFlag#IDLE_END_UNKNOWN}.
     *
     * @return how many orders were settled
     */
    public int settleIdle(Duration wait, int limit) {
        Instant now = clock.instant();
        int settled = 0;
        for (Order order : orders.awaitingPlugOutDue(now.minus(wait), limit)) {
            Instant out = usage.pluggedOutAfter(order.chargerId(), order.connectorId(), order.idleFrom());
            if (out != null || order.idleFrom().isBefore(now.minus(wait))) {
                settled += chargeIdle(order, out) ? 1 : 0;
            }
        }
        return settled;
    }

    private boolean chargeIdle(Order order, Instant pluggedOutAt) {
        Bill billed = order.bill();
        if (pluggedOutAt == null) {
            billed = billed.withIdle(IdleCharge.none(order.currency())).withFlag(BillFlag.IDLE_END_UNKNOWN);
        } else {
            BillingContext context = contexts.of(order.chargerId(), order.stationId(), order.operatorId());
            long minutes = Math.max(0, Duration.between(order.idleFrom(), pluggedOutAt).toMinutes());
            billed = billed.withIdle(IdleCharge.of(idleRule(context, billed), minutes, order.currency()));
        }
        if (!orders.chargeIdle(order.id(), billed, pluggedOutAt, clock.instant())) {
            return false;
        }
        settle(order.id(), order.operatorId(), order.driverId(), billed);
        closed(order.id());
        return true;
    }

    private void closed(long orderId) {
        if (listeners.isEmpty()) {
            return;
        }
        listenerExecutor.execute(() -> tellListeners(orderId));
    }

    private void tellListeners(long orderId) {
        Optional<Order> order = orders.find(orderId);
        for (OrderListener listener : listeners) {
            try {
                order.ifPresent(listener::closed);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "Order listener failed for order " + orderId, e);
            }
        }
    }

    /** The idle fee rule of the tariff version a bill was made with. */
    private static IdleFeeRule idleRule(BillingContext context, Bill bill) {
        return context.tariff().flatMap(t -> t.versions().stream().filter(v -> v.version() == bill.tariffVersion())
                .findFirst()).map(v -> v.terms().idleFee()).orElse(IdleFeeRule.NONE);
    }

    private void settle(long orderId, Long operatorId, Long driverId, Bill bill) {
        if (driverId == null || operatorId == null) {
            return;
        }
        if (wallet.settle(operatorId, driverId, reference(orderId), amounts(bill)) instanceof SettleOutcome.Settled) {
            orders.settled(orderId, clock.instant());
        }
    }

    private static boolean recordedOffline(ChargingSession session) {
        return session.createdAt() != null
                && Duration.between(session.startedAt(), session.createdAt()).compareTo(OFFLINE_THRESHOLD) > 0;
    }

    /** A bill as the books see it: the session fee is service revenue. */
    static BillAmounts amounts(Bill bill) {
        return new BillAmounts(bill.electricityTotal(), bill.serviceTotal().plus(bill.sessionFee()),
                bill.idleFee().amount(), bill.serviceDiscount());
    }

    /** The ledger reference of an order: holds, settlement and refunds all name it. */
    public static String reference(long orderId) {
        return "order:" + orderId;
    }

    /** Port: what a connector measured and reported, as billing input. */
    public interface UsageSource {

        /** The meter data of a stopped session with its idle window (see {@link IdleWindow}). */
        SessionUsage of(ChargingSession session);

        /** The first time at or after {@code from} the connector reported Available, or null. */
        Instant pluggedOutAfter(String chargerId, int connectorId, Instant from);
    }
}
