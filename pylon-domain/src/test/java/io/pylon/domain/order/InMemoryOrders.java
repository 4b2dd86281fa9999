package io.pylon.domain.order;

import io.pylon.domain.billing.Bill;
import io.pylon.domain.common.Page;
import io.pylon.domain.common.PageRequest;
import io.pylon.domain.money.Money;
import io.pylon.domain.session.ChargingSession;
import io.pylon.domain.tenant.TenantScope;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** Orders in a map, with the store's rules: one order per session, state changes only from the right state. */
final class InMemoryOrders implements OrderRepository {

    final Map<Long, Order> orders = new TreeMap<>();
    private final Set<String> refundKeys = new HashSet<>();
    private long nextId = 1;

    @Override
    public synchronized void open(ChargingSession s, Long driverId, Currency currency, Instant now) {
        if (bySession(s.id()).isPresent()) return;
        long id = nextId++;
        orders.put(id, new Order(id, s.id(), s.operatorId(), s.stationId(), s.chargerId(), s.connectorId(), s.idTag(),
                driverId, OrderState.CHARGING, currency, s.startedAt(), null, null, null, Money.zero(currency), null, 0,
                null, now, null, null, null));
    }

    @Override
    public Optional<Order> find(long id) {
        return Optional.ofNullable(orders.get(id));
    }

    @Override
    public Optional<Order> bySession(long sessionId) {
        return orders.values().stream().filter(o -> o.sessionId() == sessionId).findFirst();
    }

    @Override
    public synchronized boolean finish(long id, ChargingSession s, Bill bill, long points, BigDecimal carbon,
                                       java.time.LocalDate day, Instant idleFrom, Instant now) {
        Order o = orders.get(id);
        if (o.state() != OrderState.CHARGING) return false;
        Order finished = with(o, OrderState.FINISHED, bill, o.refunded(), null, points, carbon, s.stoppedAt(), bill.energyWh(), null);
        orders.put(id, idle(finished, bill, idleFrom, null));
        return true;
    }

    @Override
    public synchronized boolean chargeIdle(long id, Bill bill, Instant pluggedOutAt, Instant now) {
        Order o = orders.get(id);
        if (!o.awaitingPlugOut()) return false;
        orders.put(id, idle(o, bill, null, pluggedOutAt));
        return true;
    }

    @Override
    public synchronized List<Order> awaitingPlugOut(String chargerId, int connectorId) {
        return orders.values().stream().filter(o -> o.awaitingPlugOut() && o.chargerId().equals(chargerId)
                && o.connectorId() == connectorId).toList();
    }

    /** Every awaiting order is due: the in-memory store knows no connector states. */
    @Override
    public synchronized List<Order> awaitingPlugOutDue(Instant waitedSince, int limit) {
        return orders.values().stream().filter(Order::awaitingPlugOut).limit(limit).toList();
    }

    private static Order idle(Order o, Bill bill, Instant idleFrom, Instant pluggedOutAt) {
        return new Order(o.id(), o.sessionId(), o.operatorId(), o.stationId(), o.chargerId(), o.connectorId(), o.idTag(),
                o.driverId(), o.state(), o.currency(), o.startedAt(), o.stoppedAt(), o.energyWh(), bill, o.refunded(),
                o.abnormalReason(), o.points(), o.carbonSavedKg(), o.createdAt(), o.settledAt(), idleFrom, pluggedOutAt);
    }

    @Override
    public synchronized boolean abnormal(long id, ChargingSession s, String reason, Instant now) {
        Order o = orders.get(id);
        if (o.state() != OrderState.CHARGING) return false;
        orders.put(id, with(o, OrderState.ABNORMAL, null, o.refunded(), reason, 0, null, s.stoppedAt(), s.energyWh(), null));
        return true;
    }

    @Override
    public synchronized boolean addFlag(long id, io.pylon.domain.billing.BillFlag flag, Instant now) {
        Order o = orders.get(id);
        if (o == null || o.bill() == null) return false;
        orders.put(id, with(o, o.state(), o.bill().withFlag(flag), o.refunded(), o.abnormalReason(), o.points(),
                o.carbonSavedKg(), o.stoppedAt(), o.energyWh(), o.settledAt()));
        return true;
    }

    @Override
    public void lock(long orderId) {
        // the in-memory ledger's transactions are serialised already
    }

    @Override
    public synchronized boolean settled(long id, Instant now) {
        Order o = orders.get(id);
        if (o.state() != OrderState.FINISHED) return false;
        orders.put(id, with(o, OrderState.SETTLED, o.bill(), o.refunded(), null, o.points(), o.carbonSavedKg(),
                o.stoppedAt(), o.energyWh(), now));
        return true;
    }

    @Override
    public synchronized void recordRefund(long id, String key, BigDecimal amount, String reason, String actor, Instant now) {
        if (!refundKeys.add(id + "/" + key)) return;
        Order o = orders.get(id);
        Money refunded = o.refunded().plus(new Money(amount, o.currency()));
        OrderState state = refunded.compareTo(o.payable()) >= 0 ? OrderState.REFUNDED : OrderState.SETTLED;
        orders.put(id, with(o, state, o.bill(), refunded, null, o.points(), o.carbonSavedKg(), o.stoppedAt(),
                o.energyWh(), o.settledAt()));
    }

    @Override
    public List<Long> stranded(Instant before, int limit) {
        return List.of();
    }

    @Override
    public Page<Order> list(TenantScope scope, OrderFilter filter, PageRequest page) {
        List<Order> all = orders.values().stream().filter(o -> scope.includes(o.operatorId(), o.stationId())).toList();
        return new Page<>(all, page.page(), page.size(), all.size());
    }

    private static Order with(Order o, OrderState state, Bill bill, Money refunded, String reason, long points,
                              BigDecimal carbon, Instant stoppedAt, Long energyWh, Instant settledAt) {
        return new Order(o.id(), o.sessionId(), o.operatorId(), o.stationId(), o.chargerId(), o.connectorId(), o.idTag(),
                o.driverId(), state, o.currency(), o.startedAt(), stoppedAt, energyWh, bill, refunded, reason, points,
                carbon, o.createdAt(), settledAt, o.idleFrom(), o.pluggedOutAt());
    }
}
