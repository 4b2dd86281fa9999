package io.pylon.server.persistence;

import static io.pylon.server.persistence.Db.*;

import io.pylon.domain.marketing.ActiveMembership;
import io.pylon.domain.marketing.CarbonFactor;
import io.pylon.domain.marketing.HeldCoupon;
import io.pylon.domain.marketing.MarketingStore;
import io.pylon.domain.marketing.OrderReward;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** What billing reads and writes of marketing, over the coupon, membership, points and carbon tables. */
@Repository
public class JooqMarketingStore implements MarketingStore {

    static final Table<Record> REWARD = DSL.table(DSL.name("order_reward"));
    private static final Field<Long> ORDER_ID = bigint("order_id");
    private static final Field<Long> MEMBERSHIP_ID = bigint("membership_id");
    private static final Field<String> PLAN_NAME = str("plan_name");
    private static final Field<Long> COUPON_ID = bigint("coupon_id");
    private static final Field<Long> POINTS = bigint("points");
    private static final Field<BigDecimal> RATE = decimal("points_per_kwh");
    private static final Field<String> REGION = str("carbon_region");
    private static final Field<BigDecimal> KG_PER_KWH = decimal("carbon_kg_per_kwh");
    private static final Field<BigDecimal> SAVED = decimal("carbon_saved_kg");
    private static final List<Field<?>> COLUMNS = List.of(ORDER_ID, MEMBERSHIP_ID, PLAN_NAME, COUPON_ID, POINTS, RATE,
            REGION, KG_PER_KWH, SAVED);

    private final DSLContext db;
    private final JooqCoupons coupons;
    private final JooqMemberships memberships;
    private final JooqPoints points;
    private final JooqCarbon carbon;
    private final java.time.Clock clock;

    public JooqMarketingStore(DSLContext db, JooqCoupons coupons, JooqMemberships memberships, JooqPoints points,
                              JooqCarbon carbon, java.time.Clock clock) {
        this.db = db;
        this.clock = clock;
        this.coupons = coupons;
        this.memberships = memberships;
        this.points = points;
        this.carbon = carbon;
    }

    @Override
    public Optional<BigDecimal> pointsPerKwh(long operatorId) {
        return points.rate(operatorId).map(JooqPoints.Rate::pointsPerKwh);
    }

    @Override
    public Optional<ActiveMembership> activeMembership(long operatorId, long driverId, Instant at) {
        return memberships.activeAt(operatorId, driverId, at).map(JooqMemberships.Enrolment::toActiveMembership);
    }

    @Override
    public Optional<CarbonFactor> carbonFactor(long operatorId, Long stationId) {
        return carbon.effective(operatorId, stationId);
    }

    @Override
    public Optional<HeldCoupon> couponUsedBy(long orderId) {
        return coupons.usedBy(orderId);
    }

    @Override
    public Optional<HeldCoupon> chosenCoupon(long orderId) {
        return coupons.choice(orderId).flatMap(coupons::held);
    }

    @Override
    public List<HeldCoupon> availableCoupons(long operatorId, long driverId, Instant at) {
        return coupons.available(operatorId, driverId, at);
    }

    @Override
    public boolean use(long couponId, long orderId, Instant at) {
        return coupons.use(couponId, orderId, at);
    }

    @Override
    public void release(long couponId, long orderId) {
        coupons.release(couponId, orderId);
    }

    @Override
    public long earn(long operatorId, long driverId, long orderId, long earned, Instant at) {
        return points.earn(operatorId, driverId, orderId, earned, at);
    }

    @Override
    public void saveReward(OrderReward r) {
        if (db.fetchExists(REWARD, ORDER_ID.eq(r.orderId()))) return; // the first record of an order stays
        db.insertInto(REWARD).set(ORDER_ID, r.orderId()).set(MEMBERSHIP_ID, r.membershipId()).set(PLAN_NAME, r.planName())
                .set(COUPON_ID, r.couponId()).set(POINTS, r.points()).set(RATE, r.pointsPerKwh())
                .set(REGION, r.carbon().region()).set(KG_PER_KWH, r.carbon().kgPerKwh()).set(SAVED, r.carbonSavedKg())
                .set(CREATED_AT, clock.instant()).execute();
    }

    /** The rewards of these orders, by order id (orders billed before marketing existed have none). */
    public Map<Long, OrderReward> rewards(Collection<Long> orderIds) {
        if (orderIds.isEmpty()) return Map.of();
        return db.select(COLUMNS).from(REWARD).where(ORDER_ID.in(orderIds)).fetch(JooqMarketingStore::toReward).stream()
                .collect(Collectors.toMap(OrderReward::orderId, r -> r));
    }

    private static OrderReward toReward(Record r) {
        return new OrderReward(r.get(ORDER_ID), r.get(MEMBERSHIP_ID), r.get(PLAN_NAME), r.get(COUPON_ID), r.get(POINTS),
                r.get(RATE).setScale(6, RoundingMode.UNNECESSARY).stripTrailingZeros(),
                new CarbonFactor(r.get(REGION), r.get(KG_PER_KWH).setScale(4, RoundingMode.UNNECESSARY)),
                r.get(SAVED).setScale(3, RoundingMode.UNNECESSARY));
    }
}
