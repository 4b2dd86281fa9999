package io.pylon.domain.marketing;

import static io.pylon.domain.marketing.PricingTest.cny;
import static org.assertj.core.api.Assertions.assertThat;

import io.pylon.domain.auth.AuthorizationStatus;
import io.pylon.domain.billing.Bill;
import io.pylon.domain.billing.Discount;
import io.pylon.domain.common.Transactions;
import io.pylon.domain.money.Money;
import io.pylon.domain.order.Order;
import io.pylon.domain.order.OrderSettings;
import io.pylon.domain.order.OrderState;
import io.pylon.domain.order.Promotions.Priced;
import io.pylon.domain.session.ChargingSession;
import io.pylon.domain.session.SessionState;
import io.pylon.domain.support.MutableClock;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Memberships, coupons, points and carbon applied to a session's bill, once per order. */
class MarketingPromotionsTest {

    private static final long OP = 3;
    private static final long DRIVER = 42;
    private static final Instant FROM = Instant.parse("2026-05-01T00:00:00Z");
    private static final Instant UNTIL = Instant.parse("2026-06-01T00:00:00Z");
    private static final Instant STOP = Instant.parse("2026-05-15T12:00:00Z");

    private final InMemoryMarketing store = new InMemoryMarketing();
    private final Transactions tx = new Transactions() {
        @Override
        public <T> T inTransaction(Supplier<T> work) {
            return work.get();
        }
    };
    private final MarketingPromotions promotions = new MarketingPromotions(store,
            new OrderSettings(BigDecimal.ONE, new CarbonFactor("CN", new BigDecimal("0.5703"))), tx, new MutableClock(STOP));

    private static Coupon coupon(String code, CouponKind kind, String value, String minimumSpend, Instant until) {
        return new Coupon(code, OP, kind, new BigDecimal(value), cny(minimumSpend), FROM, until, 1, 100);
    }

    private static Order order(long id, Long driverId) {
        return new Order(id, id, OP, 5L, "CP1", 1, "CARD", driverId, OrderState.CHARGING, Money.CNY, FROM, null, null,
                null, cny("0"), null, 0, null, FROM, null, null, null);
    }

    private static ChargingSession session(long id) {
        return new ChargingSession(id, "CP1", 1, "CARD", AuthorizationStatus.ACCEPTED, null, 0, STOP.minusSeconds(3600),
                20_000L, STOP, null, null, SessionState.COMPLETED, OP, 5L, STOP);
    }

    /** 20 kWh: electricity 20.00, service 16.00, session fee 2.00, total 38.00. */
    private static Bill bill() {
        return PricingTest.bill();
    }

    private void member(String percent, String multiplier) {
        store.memberships.add(new ActiveMembership(7, 70, "Gold", new BigDecimal(percent), new BigDecimal(multiplier),
                FROM, null));
    }

    @Test
    void aPlanAndAFixedCouponReduceTheServiceFeeAndMembersEarnMorePoints() {
        member("10", "2");
        long coupon = store.give(OP, DRIVER, 1, coupon("FIVE", CouponKind.FIXED, "5", "30", UNTIL));

        Priced priced = promotions.apply(order(1, DRIVER), session(1), bill());

        assertThat(priced.bill().discounts()).containsExactly(new Discount(Discount.Source.MEMBERSHIP, "Gold", cny("1.60")),
                new Discount(Discount.Source.COUPON, "FIVE", cny("5.00")));
        assertThat(priced.bill().payable()).isEqualTo(cny("31.40"));
        assertThat(priced.points()).isEqualTo(40); // 20 kWh × 1 × 2
        assertThat(priced.carbonSavedKg()).isEqualByComparingTo("11.406");
        assertThat(store.coupons.get(coupon).orderId()).isEqualTo(1L);
        assertThat(store.rewards.get(1L).couponId()).isEqualTo(coupon);
        assertThat(store.rewards.get(1L).planName()).isEqualTo("Gold");
        assertThat(store.balances.get(DRIVER)).isEqualTo(40);
    }

    @Test
    void aPercentageCouponIsTakenOfTheServiceLeftAfterTheMembership() {
        member("50", "1");
        store.give(OP, DRIVER, 1, coupon("HALF", CouponKind.PERCENT, "50", "0", UNTIL));

        Priced priced = promotions.apply(order(1, DRIVER), session(1), bill());

        assertThat(priced.bill().serviceDiscount()).isEqualTo(cny("12.00")); // 8.00 + 50 % of the 8.00 left
    }

    @Test
    void theBestCouponThatAppliesIsUsedAndTheOthersStay() {
        long expired = store.give(OP, DRIVER, 1, coupon("OLD", CouponKind.FIXED, "10", "0", STOP));
        long tooDear = store.give(OP, DRIVER, 2, coupon("BIG", CouponKind.FIXED, "8", "50", UNTIL));
        long small = store.give(OP, DRIVER, 3, coupon("SMALL", CouponKind.FIXED, "2", "0", UNTIL));
        long best = store.give(OP, DRIVER, 4, coupon("TENPCT", CouponKind.PERCENT, "25", "0", UNTIL));

        Priced priced = promotions.apply(order(1, DRIVER), session(1), bill());

        assertThat(priced.bill().discounts()).containsExactly(new Discount(Discount.Source.COUPON, "TENPCT", cny("4.00")));
        assertThat(store.coupons.get(best).orderId()).isEqualTo(1L);
        assertThat(List.of(expired, tooDear, small)).allSatisfy(id -> assertThat(store.coupons.get(id).orderId()).isNull());
    }

    @Test
    void aChosenCouponIsTheOnlyOneConsideredAndStaysWhenItDoesNotApply() {
        long better = store.give(OP, DRIVER, 1, coupon("BETTER", CouponKind.FIXED, "6", "0", UNTIL));
        long chosen = store.give(OP, DRIVER, 2, coupon("CHOSEN", CouponKind.FIXED, "3", "40", UNTIL));
        store.choices.put(1L, chosen);

        Priced below = promotions.apply(order(1, DRIVER), session(1), bill());

        assertThat(below.bill().discounts()).isEmpty();
        assertThat(store.coupons.get(chosen).orderId()).isNull();
        assertThat(store.coupons.get(better).orderId()).isNull();

        store.choices.put(2L, better);
        assertThat(promotions.apply(order(2, DRIVER), session(2), bill()).bill().serviceDiscount()).isEqualTo(cny("6.00"));
    }

    @Test
    void aRetriedBillingUsesTheSameCouponAndEarnsPointsOnce() {
        long first = store.give(OP, DRIVER, 1, coupon("A", CouponKind.FIXED, "3", "0", UNTIL));
        Priced once = promotions.apply(order(1, DRIVER), session(1), bill());
        long second = store.give(OP, DRIVER, 2, coupon("B", CouponKind.FIXED, "9", "0", UNTIL));

        Priced again = promotions.apply(order(1, DRIVER), session(1), bill());

        assertThat(again).isEqualTo(once);
        assertThat(store.coupons.get(first).orderId()).isEqualTo(1L);
        assertThat(store.coupons.get(second).orderId()).isNull();
        assertThat(store.balances.get(DRIVER)).isEqualTo(20);
    }

    @Test
    void twoSessionsStoppingTogetherNeverShareACoupon() throws Exception {
        for (int round = 0; round < 50; round++) {
            InMemoryMarketing fresh = new InMemoryMarketing();
            MarketingPromotions racing = new MarketingPromotions(fresh, new OrderSettings(BigDecimal.ONE,
                    new CarbonFactor("CN", BigDecimal.ZERO)), tx, new MutableClock(STOP));
            long only = fresh.give(OP, DRIVER, 1, coupon("ONCE", CouponKind.FIXED, "5", "0", UNTIL));
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Priced>> results = new ArrayList<>();
            try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
                for (long orderId = 1; orderId <= 2; orderId++) {
                    long id = orderId;
                    results.add(pool.submit(() -> {
                        go.await();
                        return racing.apply(order(id, DRIVER), session(id), bill());
                    }));
                }
                go.countDown();
                long discounted = 0;
                for (Future<Priced> r : results) {
                    discounted += r.get().bill().discounts().size();
                }
                assertThat(discounted).as("round %d", round).isEqualTo(1);
            }
            assertThat(fresh.coupons.get(only).orderId()).isIn(1L, 2L);
        }
    }

    @Test
    void carbonComesFromTheStationRegionThenTheOperatorDefaultThenThePlatform() {
        assertThat(promotions.apply(order(1, DRIVER), session(1), bill()).carbonSavedKg()).isEqualByComparingTo("11.406");
        store.carbon.put("DEFAULT", new CarbonFactor("DEFAULT", new BigDecimal("0.5")));
        assertThat(promotions.apply(order(2, DRIVER), session(2), bill()).carbonSavedKg()).isEqualByComparingTo("10.000");
        store.carbon.put("CN-ZJ", new CarbonFactor("CN-ZJ", new BigDecimal("0.6")));
        store.stationRegions.put(5L, "CN-ZJ");
        assertThat(promotions.apply(order(3, DRIVER), session(3), bill()).carbonSavedKg()).isEqualByComparingTo("12.000");
        assertThat(store.rewards.get(3L).carbon().region()).isEqualTo("CN-ZJ");
    }

    @Test
    void theOperatorsPointsRateAppliesAndAnonymousCardsEarnNothing() {
        store.operatorRate = new BigDecimal("0.5");
        assertThat(promotions.apply(order(1, DRIVER), session(1), bill()).points()).isEqualTo(10);
        Priced anonymous = promotions.apply(order(2, null), session(2), bill());
        assertThat(anonymous.points()).isZero();
        assertThat(anonymous.bill().discounts()).isEmpty();
    }
}
