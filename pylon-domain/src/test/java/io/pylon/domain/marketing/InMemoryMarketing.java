package io.pylon.domain.marketing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The marketing store in maps, with the database's rules: a coupon is used by one order, points earned once per order. */
final class InMemoryMarketing implements MarketingStore {

    record Held(long id, long operatorId, long driverId, long campaignId, Coupon terms, Long orderId) {}

    final Map<Long, Held> coupons = new LinkedHashMap<>();
    final Map<Long, Long> choices = new HashMap<>();
    final Map<Long, OrderReward> rewards = new HashMap<>();
    final Map<Long, Long> earned = new HashMap<>();
    final Map<Long, Long> balances = new HashMap<>();
    final List<ActiveMembership> memberships = new ArrayList<>();
    final Map<String, CarbonFactor> carbon = new HashMap<>();
    final Map<Long, String> stationRegions = new HashMap<>();
    BigDecimal operatorRate;
    private long nextId = 1;

    long give(long operatorId, long driverId, long campaignId, Coupon terms) {
        long id = nextId++;
        coupons.put(id, new Held(id, operatorId, driverId, campaignId, terms, null));
        return id;
    }

    @Override
    public Optional<BigDecimal> pointsPerKwh(long operatorId) {
        return Optional.ofNullable(operatorRate);
    }

    @Override
    public Optional<ActiveMembership> activeMembership(long operatorId, long driverId, Instant at) {
        return memberships.stream().filter(m -> m.validAt(at))
                .max(java.util.Comparator.comparing(ActiveMembership::validFrom));
    }

    @Override
    public Optional<CarbonFactor> carbonFactor(long operatorId, Long stationId) {
        String region = stationId == null ? null : stationRegions.get(stationId);
        return Optional.ofNullable(region == null ? null : carbon.get(region)).or(() -> Optional.ofNullable(carbon.get("DEFAULT")));
    }

    private HeldCoupon held(Held h) {
        int driverUses = (int) coupons.values().stream().filter(o -> o.id() != h.id() && o.orderId() != null
                && o.driverId() == h.driverId() && o.campaignId() == h.campaignId()).count();
        long totalUses = coupons.values().stream().filter(o -> o.id() != h.id() && o.orderId() != null
                && o.campaignId() == h.campaignId()).count();
        return new HeldCoupon(h.id(), h.campaignId(), h.terms(), driverUses, totalUses);
    }

    @Override
    public synchronized Optional<HeldCoupon> couponUsedBy(long orderId) {
        return coupons.values().stream().filter(h -> Long.valueOf(orderId).equals(h.orderId())).findFirst().map(this::held);
    }

    @Override
    public synchronized Optional<HeldCoupon> chosenCoupon(long orderId) {
        return Optional.ofNullable(choices.get(orderId)).map(coupons::get).map(this::held);
    }

    @Override
    public synchronized List<HeldCoupon> availableCoupons(long operatorId, long driverId, Instant at) {
        return coupons.values().stream().filter(h -> h.operatorId() == operatorId && h.driverId() == driverId
                && h.orderId() == null && at.isBefore(h.terms().validUntil())).map(this::held).toList();
    }

    @Override
    public synchronized boolean use(long couponId, long orderId, Instant at) {
        Held h = coupons.get(couponId);
        if (h.orderId() != null && h.orderId() != orderId) return false;
        coupons.put(couponId, new Held(h.id(), h.operatorId(), h.driverId(), h.campaignId(), h.terms(), orderId));
        return true;
    }

    @Override
    public synchronized void release(long couponId, long orderId) {
        Held h = coupons.get(couponId);
        if (Long.valueOf(orderId).equals(h.orderId())) {
            coupons.put(couponId, new Held(h.id(), h.operatorId(), h.driverId(), h.campaignId(), h.terms(), null));
        }
    }

    @Override
    public synchronized long earn(long operatorId, long driverId, long orderId, long points, Instant at) {
        Long before = earned.putIfAbsent(orderId, points);
        if (before != null) return before;
        balances.merge(driverId, points, Long::sum);
        return points;
    }

    @Override
    public synchronized void saveReward(OrderReward reward) {
        rewards.putIfAbsent(reward.orderId(), reward);
    }
}
