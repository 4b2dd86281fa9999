package io.pylon.server.marketing;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon.domain.marketing.CouponCampaign;
import io.pylon.domain.marketing.IssueOutcome;
import io.pylon.domain.order.OrderService;
import io.pylon.domain.session.SessionRepository;
import io.pylon.server.persistence.JooqCoupons;
import io.pylon.server.support.Api;
import io.pylon.server.support.PylonIT;
import io.pylon.server.support.RawOcppClient;
import io.pylon.server.support.Tenants;
import io.pylon.server.support.Tenants.Tenant;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Marketing applied to real orders over OCPP: a membership plan and a coupon reduce the service fee of the order
 * and what the wallet pays, points are credited once, the receipt shows discounts, points and carbon with its
 * factor; coupons respect minimum spend, expiry, limits and are used once even when two sessions stop together.
 * Every session: 10 kWh at a flat 0.60 + 0.40 per kWh = electricity 6.00 + service 4.00 = 10.00.
 */
class MarketingIT extends PylonIT {

    private static final AtomicInteger SEQ = new AtomicInteger();

    @Autowired
    private OrderService orderService;
    @Autowired
    private SessionRepository sessions;
    @Autowired
    private JooqCoupons coupons;

    private Tenant op;
    private long station;
    private String charger;

    @BeforeEach
    void operatorWithTariff() {
        op = Tenants.create(api, httpPort, "CNY");
        station = op.station("Marketing Station");
        var tariff = ok(op.admin().post("/api/v1/tariffs", """
                {"name":"Flat","terms":{"workdaySchedule":"00:00-24:00 FLAT",
                 "prices":[{"band":"FLAT","electricityPerKwh":0.6,"servicePerKwh":0.4}]}}"""), 201);
        ok(op.admin().put("/api/v1/stations/" + station + "/tariff", "{\"tariffId\":" + tariff.get("id").asLong() + "}"), 200);
        charger = op.charger(op.code() + "-M1", station);
    }

    @Test
    void aPlanAndACouponReduceTheOrderAndTheWalletPointsAreCreditedOnceAndTheReceiptShowsItAll() {
        long driver = driverWithBalance("100.00");
        String card = card(driver);
        long plan = ok(op.admin().post("/api/v1/membership-plans",
                "{\"name\":\"Gold\",\"discountPercent\":10,\"pointsMultiplier\":2,\"durationDays\":30}"), 201).get("id").asLong();
        JsonNode enrolment = ok(op.admin().post("/api/v1/drivers/" + driver + "/memberships", "{\"planId\":" + plan + "}"), 201);
        assertThat(enrolment.get("validUntil").isNull()).isFalse();
        long campaign = campaign("{\"code\":\"save15\",\"name\":\"Save 1.50\",\"kind\":\"FIXED\",\"value\":1.50,"
                + "\"minimumSpend\":5,\"validUntil\":\"2099-01-01T00:00:00Z\",\"totalLimit\":100}");
        long coupon = issue(campaign, driver).get("results").get(0).get("coupon").get("id").asLong();
        ok(op.admin().put("/api/v1/carbon-factors/DEFAULT", "{\"kgPerKwh\":0.5}"), 200);
        ok(op.admin().put("/api/v1/carbon-factors/cn-zj", "{\"kgPerKwh\":0.6}"), 200);
        JsonNode effective = ok(op.admin().put("/api/v1/stations/" + station + "/carbon-region", "{\"region\":\"CN-ZJ\"}"), 200);
        assertThat(effective.get("source").asString()).isEqualTo("STATION_REGION");

        long tx = charge(charger, 1, card, start());

        JsonNode order = onlyOrder(driver);
        assertThat(order.get("state").asString()).as(order.toString()).isEqualTo("SETTLED");
        assertThat(order.get("discounts")).hasSize(2);
        assertThat(discount(order, 0)).isEqualTo("MEMBERSHIP Gold 0.40");
        assertThat(discount(order, 1)).isEqualTo("COUPON SAVE15 1.50");
        assertThat(order.get("totals").get("discount").get("amount").decimalValue()).isEqualByComparingTo("1.90");
        assertThat(order.get("payable").get("amount").decimalValue()).isEqualByComparingTo("8.10");
        assertThat(order.get("points").asLong()).isEqualTo(20); // 10 kWh × 1 point × 2
        assertThat(order.get("carbonSavedKg").decimalValue()).isEqualByComparingTo("6.000");
        JsonNode rewards = order.get("rewards");
        assertThat(rewards.get("carbonRegion").asString()).isEqualTo("CN-ZJ");
        assertThat(rewards.get("carbonKgPerKwh").decimalValue()).isEqualByComparingTo("0.6");
        assertThat(rewards.get("membershipPlan").asString()).isEqualTo("Gold");
        assertThat(rewards.get("couponId").asLong()).isEqualTo(coupon);
        assertThat(rewards.get("pointsPerKwh").decimalValue()).isEqualByComparingTo("2");
        assertThat(wallet(driver).get("available").asString()).isEqualTo("91.90");
        JsonNode used = ok(op.admin().get("/api/v1/drivers/" + driver + "/coupons"), 200).get("items").get(0);
        assertThat(used.get("state").asString()).isEqualTo("USED");
        assertThat(used.get("orderId").asLong()).isEqualTo(order.get("id").asLong());
        assertThat(points(driver)).isEqualTo(20);

        // billing retried (a repeated stop, the catch-up after a crash): nothing is counted twice
        orderService.stopped(sessions.find(tx).orElseThrow());
        orderService.stopped(sessions.find(tx).orElseThrow());
        assertThat(points(driver)).isEqualTo(20);
        JsonNode journal = ok(op.admin().get("/api/v1/drivers/" + driver + "/points/entries"), 200);
        assertThat(journal.get("total").asLong()).isEqualTo(1);
        assertThat(journal.get("items").get(0).get("kind").asString()).isEqualTo("EARN");
        assertThat(journal.get("items").get(0).get("orderId").asLong()).isEqualTo(order.get("id").asLong());
        assertThat(wallet(driver).get("available").asString()).isEqualTo("91.90");
        assertThat(ok(op.admin().get("/api/v1/coupon-campaigns/" + campaign), 200).get("used").asLong()).isEqualTo(1);

        // a refund gives money back, not the coupon
        ok(op.admin().post("/api/v1/orders/" + order.get("id").asLong() + "/refunds",
                "{\"amount\":8.10,\"reason\":\"fault\",\"idempotencyKey\":\"rf-m\"}"), 200);
        assertThat(ok(op.admin().get("/api/v1/drivers/" + driver + "/coupons?state=USED"), 200).get("total").asLong()).isEqualTo(1);
        assertThat(ok(op.admin().get("/api/v1/orders/" + order.get("id").asLong()), 200).get("discounts")).hasSize(2);
    }

    @Test
    void aCouponBelowItsMinimumSpendOrExpiredByTheStopIsNotUsedAndStaysWithTheDriver() {
        long driver = driverWithBalance("100.00");
        String card = card(driver);
        long dear = campaign("{\"code\":\"DEAR\",\"name\":\"5 off 50\",\"kind\":\"FIXED\",\"value\":5,\"minimumSpend\":50,"
                + "\"validUntil\":\"2099-01-01T00:00:00Z\",\"totalLimit\":10}");
        Instant start = start();
        long brief = campaign("{\"code\":\"BRIEF\",\"name\":\"brief\",\"kind\":\"PERCENT\",\"value\":50,"
                + "\"validUntil\":\"" + start.plusSeconds(600) + "\",\"totalLimit\":10}");
        issue(dear, driver);
        issue(brief, driver);

        charge(charger, 1, card, start); // stops an hour after the start: BRIEF has expired by then

        JsonNode order = onlyOrder(driver);
        assertThat(order.get("discounts")).isEmpty();
        assertThat(order.get("payable").get("amount").decimalValue()).isEqualByComparingTo("10.00");
        assertThat(ok(op.admin().get("/api/v1/drivers/" + driver + "/coupons?state=USED"), 200).get("total").asLong()).isZero();
        assertThat(ok(op.admin().get("/api/v1/coupon-campaigns/" + dear + "/coupons?state=AVAILABLE"), 200).get("total").asLong())
                .isEqualTo(1);
        assertThat(wallet(driver).get("available").asString()).isEqualTo("90.00");
    }

    @Test
    void theCouponChosenWhileChargingIsTheOneUsed() {
        long driver = driverWithBalance("100.00");
        String card = card(driver);
        long big = campaign("{\"code\":\"BIG\",\"name\":\"2 off\",\"kind\":\"FIXED\",\"value\":2,\"validUntil\":\"2099-01-01T00:00:00Z\",\"totalLimit\":10}");
        long small = campaign("{\"code\":\"SMALL\",\"name\":\"25 %\",\"kind\":\"PERCENT\",\"value\":25,\"validUntil\":\"2099-01-01T00:00:00Z\",\"totalLimit\":10}");
        issue(big, driver);
        long chosen = issue(small, driver).get("results").get(0).get("coupon").get("id").asLong();
        Instant start = start();
        try (RawOcppClient cp = RawOcppClient.connect(ocppPort(), charger, null)) {
            cp.call("b", "BootNotification", "{\"chargePointVendor\":\"V\",\"chargePointModel\":\"M\"}");
            long tx = startSession(cp, 1, card, start);
            long orderId = onlyOrder(driver).get("id").asLong();
            Api.Response foreign = op.admin().put("/api/v1/orders/" + orderId + "/coupon", "{\"couponId\":999999999}");
            assertThat(foreign.status()).isEqualTo(400);
            assertThat(foreign.body().get("detail").asString()).startsWith("couponId:");
            ok(op.admin().put("/api/v1/orders/" + orderId + "/coupon", "{\"couponId\":" + chosen + "}"), 200);
            stopSession(cp, tx, start);
        }
        JsonNode order = onlyOrder(driver);
        assertThat(discount(order, 0)).isEqualTo("COUPON SMALL 1.00");
        assertThat(ok(op.admin().get("/api/v1/coupon-campaigns/" + big + "/coupons?state=AVAILABLE"), 200).get("total").asLong())
                .isEqualTo(1);
        Api.Response late = op.admin().put("/api/v1/orders/" + order.get("id").asLong() + "/coupon", "{\"couponId\":null}");
        assertThat(late.status()).isEqualTo(409);
    }

    @Test
    void aCouponIsUsedOnceWhenTwoSessionsOfTheDriverStopAtTheSameMoment() throws Exception {
        String second = op.charger(op.code() + "-M2", station);
        for (int round = 0; round < 3; round++) {
            long driver = driverWithBalance("100.00");
            String cardA = card(driver);
            String cardB = card(driver);
            long campaign = campaign("{\"code\":\"ONCE" + round + "\",\"name\":\"once\",\"kind\":\"FIXED\",\"value\":1.5,"
                    + "\"validUntil\":\"2099-01-01T00:00:00Z\",\"totalLimit\":10}");
            issue(campaign, driver);
            Instant start = start().plusSeconds(round * 7200L);
            try (RawOcppClient cp1 = RawOcppClient.connect(ocppPort(), charger, null);
                 RawOcppClient cp2 = RawOcppClient.connect(ocppPort(), second, null);
                 ExecutorService pool = Executors.newFixedThreadPool(2)) {
                cp1.call("b", "BootNotification", "{\"chargePointVendor\":\"V\",\"chargePointModel\":\"M\"}");
                cp2.call("b", "BootNotification", "{\"chargePointVendor\":\"V\",\"chargePointModel\":\"M\"}");
                long tx1 = startSession(cp1, 1, cardA, start);
                long tx2 = startSession(cp2, 1, cardB, start);
                CountDownLatch go = new CountDownLatch(1);
                List<Future<?>> stops = new ArrayList<>();
                stops.add(pool.submit(() -> { go.await(); stopSession(cp1, tx1, start); return null; }));
                stops.add(pool.submit(() -> { go.await(); stopSession(cp2, tx2, start); return null; }));
                go.countDown();
                for (Future<?> stop : stops) stop.get();
            }
            JsonNode orders = ok(op.admin().get("/api/v1/orders?driverId=" + driver), 200).get("items");
            assertThat(orders).hasSize(2);
            int discounted = 0;
            for (JsonNode order : orders) {
                assertThat(order.get("state").asString()).as(order.toString()).isEqualTo("SETTLED");
                discounted += order.get("discounts").size();
            }
            assertThat(discounted).as("round %d: one coupon, one order", round).isEqualTo(1);
            assertThat(wallet(driver).get("available").asString()).isEqualTo("81.50");
            assertThat(ok(op.admin().get("/api/v1/coupon-campaigns/" + campaign), 200).get("used").asLong()).isEqualTo(1);
            assertThat(points(driver)).isEqualTo(20);
        }
    }

    @Test
    void limitsHoldOnIssueAndClaimEvenWhenIssuesRace() throws Exception {
        long x = op.driver(phone());
        long y = op.driver(phone());
        long z = op.driver(phone());
        long campaign = campaign("{\"code\":\"LIMITS\",\"name\":\"limits\",\"kind\":\"FIXED\",\"value\":1,"
                + "\"validUntil\":\"2099-01-01T00:00:00Z\",\"totalLimit\":3,\"perDriverLimit\":2}");
        assertThat(issue(campaign, x).get("issued").asInt()).isEqualTo(1);
        assertThat(issue(campaign, x).get("issued").asInt()).isEqualTo(1);
        assertThat(issue(campaign, x).get("results").get(0).get("refused").asString()).isEqualTo("DRIVER_LIMIT_REACHED");
        JsonNode bulk = ok(op.admin().post("/api/v1/coupon-campaigns/" + campaign + "/coupons",
                "{\"driverIds\":[" + y + "," + z + ",999999999]}"), 200);
        assertThat(bulk.get("issued").asInt()).isEqualTo(1);
        assertThat(bulk.get("results").get(1).get("refused").asString()).isEqualTo("TOTAL_LIMIT_REACHED");
        assertThat(bulk.get("results").get(2).get("refused").asString()).isEqualTo("UNKNOWN_DRIVER");

        // ten racing issues to one driver, per-driver limit 2: exactly two coupons
        long racer = op.driver(phone());
        long racing = campaign("{\"code\":\"RACE\",\"name\":\"race\",\"kind\":\"FIXED\",\"value\":1,"
                + "\"validUntil\":\"2099-01-01T00:00:00Z\",\"totalLimit\":100,\"perDriverLimit\":2}");
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> issues = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(10)) {
            for (int i = 0; i < 10; i++) {
                issues.add(pool.submit(() -> {
                    go.await();
                    return op.admin().post("/api/v1/coupon-campaigns/" + racing + "/coupons", "{\"driverIds\":[" + racer + "]}")
                            .body().get("issued").asInt();
                }));
            }
            go.countDown();
            int issued = 0;
            for (Future<Integer> f : issues) issued += f.get();
            assertThat(issued).isEqualTo(2);
        }
        assertThat(ok(op.admin().get("/api/v1/drivers/" + racer + "/coupons"), 200).get("total").asLong()).isEqualTo(2);

        // the driver app's claim (built on these methods): claimable campaigns only, within the per-driver limit
        Instant now = Instant.now();
        assertThat(coupons.claim(op.operatorId(), z, campaign, now))
                .isEqualTo(new IssueOutcome.Refused(CouponCampaign.Refusal.NOT_CLAIMABLE));
        long open = campaign("{\"code\":\"CLAIM\",\"name\":\"claim me\",\"kind\":\"PERCENT\",\"value\":10,\"claimable\":true,"
                + "\"validUntil\":\"2099-01-01T00:00:00Z\",\"totalLimit\":5,\"couponDays\":7}");
        assertThat(coupons.claimable(op.operatorId(), z, now)).extracting(CouponCampaign::id).containsExactly(open);
        assertThat(coupons.claim(op.operatorId(), z, open, now)).isInstanceOf(IssueOutcome.Issued.class);
        assertThat(coupons.claimable(op.operatorId(), z, now)).isEmpty();
        assertThat(coupons.claim(op.operatorId(), z, open, now))
                .isEqualTo(new IssueOutcome.Refused(CouponCampaign.Refusal.DRIVER_LIMIT_REACHED));

        ok(op.admin().call("POST", "/api/v1/coupon-campaigns/" + open + "/end", null), 200);
        assertThat(issue(open, y).get("results").get(0).get("refused").asString()).isEqualTo("ENDED");
        assertThat(ok(op.admin().get("/api/v1/coupon-campaigns?status=ENDED"), 200).get("total").asLong()).isEqualTo(1);
        assertThat(ok(op.admin().get("/api/v1/coupon-campaigns?q=race&size=1"), 200).get("items").get(0).get("code").asString())
                .isEqualTo("RACE");
    }

    @Test
    void staffAdjustPointsOnceAndNeverBelowZero() {
        long driver = op.driver(phone());
        String path = "/api/v1/drivers/" + driver + "/points/adjustments";
        assertThat(op.admin().post(path, "{\"points\":30,\"reason\":\"welcome\",\"idempotencyKey\":\"p1\"}").status()).isEqualTo(201);
        assertThat(op.admin().post(path, "{\"points\":30,\"reason\":\"welcome\",\"idempotencyKey\":\"p1\"}").status()).isEqualTo(200);
        assertThat(op.admin().post(path, "{\"points\":25,\"kind\":\"REDEEM\",\"reason\":\"mug\",\"idempotencyKey\":\"p2\"}").status())
                .isEqualTo(201);
        Api.Response tooMany = op.admin().post(path, "{\"points\":6,\"kind\":\"REDEEM\",\"reason\":\"cap\",\"idempotencyKey\":\"p3\"}");
        assertThat(tooMany.status()).isEqualTo(409);
        assertThat(tooMany.body().get("detail").asString()).startsWith("points:");
        assertThat(points(driver)).isEqualTo(5);
        JsonNode journal = ok(op.admin().get("/api/v1/drivers/" + driver + "/points/entries?kind=REDEEM"), 200);
        assertThat(journal.get("items").get(0).get("balanceAfter").asLong()).isEqualTo(5);
        assertThat(ok(op.admin().get("/api/v1/audit?entityType=points_entry"), 200).get("total").asLong()).isEqualTo(2);
    }

    @Test
    void validationErrorsNameTheField() {
        long driver = op.driver(phone());
        String valid = "\"name\":\"n\",\"validUntil\":\"2099-01-01T00:00:00Z\",\"totalLimit\":5";
        field(op.admin().post("/api/v1/coupon-campaigns", "{\"code\":\"K1\",\"kind\":\"BOGUS\",\"value\":1," + valid + "}"), "kind");
        field(op.admin().post("/api/v1/coupon-campaigns", "{\"code\":\"K2\",\"kind\":\"PERCENT\",\"value\":101," + valid + "}"), "value");
        field(op.admin().post("/api/v1/coupon-campaigns", "{\"code\":\"K3\",\"kind\":\"FIXED\",\"value\":1.001," + valid + "}"), "value");
        field(op.admin().post("/api/v1/coupon-campaigns", "{\"kind\":\"FIXED\",\"value\":1," + valid + "}"), "code");
        field(op.admin().post("/api/v1/coupon-campaigns", "{\"code\":\"K4\",\"kind\":\"FIXED\",\"value\":1,\"name\":\"n\","
                + "\"validFrom\":\"2098-01-01T00:00:00Z\",\"validUntil\":\"2097-01-01T00:00:00Z\",\"totalLimit\":5}"), "validUntil");
        field(op.admin().post("/api/v1/coupon-campaigns", "{\"code\":\"K5\",\"kind\":\"FIXED\",\"value\":1,\"name\":\"n\","
                + "\"validUntil\":\"2099-01-01T00:00:00Z\",\"totalLimit\":0}"), "totalLimit");
        campaign("{\"code\":\"DUP\",\"kind\":\"FIXED\",\"value\":1," + valid + "}");
        Api.Response dup = op.admin().post("/api/v1/coupon-campaigns", "{\"code\":\"dup\",\"kind\":\"FIXED\",\"value\":1," + valid + "}");
        assertThat(dup.status()).isEqualTo(409);
        field(op.admin().post("/api/v1/membership-plans", "{\"name\":\"P\",\"discountPercent\":120}"), "discountPercent");
        field(op.admin().post("/api/v1/drivers/" + driver + "/memberships", "{\"planId\":999999999}"), "planId");
        field(op.admin().post("/api/v1/drivers/" + driver + "/points/adjustments",
                "{\"points\":0,\"reason\":\"r\",\"idempotencyKey\":\"k\"}"), "points");
        field(op.admin().post("/api/v1/drivers/" + driver + "/points/adjustments",
                "{\"points\":1,\"kind\":\"EARN\",\"reason\":\"r\",\"idempotencyKey\":\"k\"}"), "kind");
        field(op.admin().put("/api/v1/carbon-factors/bad%20region", "{\"kgPerKwh\":0.5}"), "region");
        field(op.admin().put("/api/v1/carbon-factors/CN-BJ", "{\"kgPerKwh\":-1}"), "kgPerKwh");
        field(op.admin().put("/api/v1/marketing/points-rate", "{\"pointsPerKwh\":-1}"), "pointsPerKwh");
        field(op.admin().get("/api/v1/drivers/" + driver + "/coupons?state=LOST"), "state");
    }

    @Test
    void operatorsNeverSeeOrUseEachOthersMarketingAndRolesAreChecked() {
        long campaign = campaign("{\"code\":\"MINE\",\"name\":\"mine\",\"kind\":\"FIXED\",\"value\":1,"
                + "\"validUntil\":\"2099-01-01T00:00:00Z\",\"totalLimit\":5}");
        long driver = op.driver(phone());
        Tenant other = Tenants.create(api, httpPort, "CNY");
        long theirs = ok(other.admin().post("/api/v1/coupon-campaigns", "{\"code\":\"MINE\",\"name\":\"theirs\",\"kind\":\"FIXED\","
                + "\"value\":1,\"validUntil\":\"2099-01-01T00:00:00Z\",\"totalLimit\":5}"), 201).get("id").asLong();
        assertThat(other.admin().get("/api/v1/coupon-campaigns/" + campaign).status()).isEqualTo(404);
        assertThat(other.admin().post("/api/v1/coupon-campaigns/" + campaign + "/coupons", "{\"driverIds\":[" + driver + "]}").status())
                .isEqualTo(404);
        JsonNode foreignDriver = ok(other.admin().post("/api/v1/coupon-campaigns/" + theirs + "/coupons",
                "{\"driverIds\":[" + driver + "]}"), 200);
        assertThat(foreignDriver.get("results").get(0).get("refused").asString()).isEqualTo("UNKNOWN_DRIVER");
        assertThat(other.admin().get("/api/v1/coupon-campaigns").body().get("total").asLong()).isEqualTo(1);
        assertThat(other.admin().post("/api/v1/coupon-campaigns", "{\"operatorId\":" + op.operatorId()
                + ",\"code\":\"X\",\"name\":\"x\",\"kind\":\"FIXED\",\"value\":1,\"validUntil\":\"2099-01-01T00:00:00Z\","
                + "\"totalLimit\":5}").status()).isEqualTo(400);

        Api finance = op.as("FINANCE", "fin", null);
        assertThat(finance.get("/api/v1/coupon-campaigns/" + campaign).status()).isEqualTo(200);
        assertThat(finance.get("/api/v1/drivers/" + driver + "/points").status()).isEqualTo(200);
        assertThat(finance.call("POST", "/api/v1/coupon-campaigns/" + campaign + "/end", null).status()).isEqualTo(403);
        Api tech = op.as("MAINTENANCE", "tech", null);
        assertThat(tech.get("/api/v1/coupon-campaigns").status()).isEqualTo(403);
        Api regulator = new Api(httpPort).login("admin", ADMIN_PASSWORD);
        ok(regulator.post("/api/v1/users", "{\"username\":\"" + op.code() + "-reg\",\"password\":\"" + Tenants.PASSWORD
                + "\",\"role\":\"REGULATOR\"}"), 201);
        regulator = new Api(httpPort).login(op.code() + "-reg", Tenants.PASSWORD);
        assertThat(regulator.get("/api/v1/coupon-campaigns/" + campaign).status()).isEqualTo(200);
        assertThat(regulator.get("/api/v1/drivers/" + driver + "/points").status()).isEqualTo(403);
        assertThat(regulator.call("POST", "/api/v1/coupon-campaigns/" + campaign + "/end", null).status()).isEqualTo(403);
    }

    // --- helpers ---

    private static String phone() {
        return "+86139" + String.format("%08d", SEQ.incrementAndGet() + (System.nanoTime() % 1000) * 10_000);
    }

    private long driverWithBalance(String amount) {
        long driver = op.driver(phone());
        ok(op.admin().post("/api/v1/drivers/" + driver + "/wallet/top-ups", "{\"amount\":" + amount
                + ",\"method\":\"CASH\",\"reference\":\"till\",\"idempotencyKey\":\"t-" + driver + "\"}"), 201);
        return driver;
    }

    private String card(long driver) {
        return op.card(op.code().replace("-", "").toUpperCase() + "K" + SEQ.incrementAndGet(), driver);
    }

    private long campaign(String json) {
        return ok(op.admin().post("/api/v1/coupon-campaigns", json), 201).get("id").asLong();
    }

    private JsonNode issue(long campaign, long driver) {
        return ok(op.admin().post("/api/v1/coupon-campaigns/" + campaign + "/coupons", "{\"driverIds\":[" + driver + "]}"), 200);
    }

    private static Instant start() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1); // after the tariff came into force
    }

    /** One 10 kWh session of an hour; answers the transaction id. */
    private long charge(String chargerId, int connector, String card, Instant start) {
        try (RawOcppClient cp = RawOcppClient.connect(ocppPort(), chargerId, null)) {
            cp.call("b", "BootNotification", "{\"chargePointVendor\":\"V\",\"chargePointModel\":\"M\"}");
            long tx = startSession(cp, connector, card, start);
            stopSession(cp, tx, start);
            return tx;
        }
    }

    private static long startSession(RawOcppClient cp, int connector, String card, Instant start) {
        var started = cp.call("s" + card, "StartTransaction", "{\"connectorId\":" + connector + ",\"idTag\":\"" + card
                + "\",\"meterStart\":20000,\"timestamp\":\"" + start + "\"}");
        assertThat(started.get(2).get("idTagInfo").get("status").asString()).isEqualTo("Accepted");
        return started.get(2).get("transactionId").asLong();
    }

    private static void stopSession(RawOcppClient cp, long tx, Instant start) {
        cp.call("t" + tx, "StopTransaction", "{\"transactionId\":" + tx + ",\"meterStop\":30000,\"timestamp\":\""
                + start.plusSeconds(3600) + "\"}");
    }

    private JsonNode onlyOrder(long driver) {
        JsonNode items = ok(op.admin().get("/api/v1/orders?driverId=" + driver), 200).get("items");
        assertThat(items).hasSize(1);
        return items.get(0);
    }

    private static String discount(JsonNode order, int line) {
        JsonNode d = order.get("discounts").get(line);
        return d.get("source").asString() + " " + d.get("reference").asString() + " "
                + d.get("amount").get("amount").decimalValue().setScale(2).toPlainString();
    }

    private long points(long driver) {
        return ok(op.admin().get("/api/v1/drivers/" + driver + "/points"), 200).get("balance").asLong();
    }

    private JsonNode wallet(long driver) {
        return ok(op.admin().get("/api/v1/drivers/" + driver + "/wallet"), 200);
    }

    private static JsonNode ok(Api.Response r, int status) {
        assertThat(r.status()).as(r.raw()).isEqualTo(status);
        return r.body();
    }

    private static void field(Api.Response r, String field) {
        assertThat(r.status()).as(r.raw()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.body().get("detail").asString()).as(r.raw()).startsWith(field + ":");
    }
}
