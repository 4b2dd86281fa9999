package io.pylon.server.me;

import io.pylon.server.support.AppCharger;
import static io.pylon.server.me.DriverSelfServiceIT.ok;
import static io.pylon.server.me.DriverSelfServiceIT.phone;
import static io.pylon.server.me.DriverSelfServiceIT.refused;
import static org.assertj.core.api.Assertions.assertThat;

import io.pylon.server.support.Api;
import io.pylon.server.support.PylonIT;
import io.pylon.server.support.RawOcppClient;
import io.pylon.server.support.Tenants;
import io.pylon.server.support.Tenants.Tenant;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The driver app's side of marketing, over real OCPP sessions: a driver claims coupons (within the campaign's
 * limits), lists them, chooses one for the running session and finds it used on the order and the receipt, with
 * the membership discount, points at the plan's rate and the carbon factor of the station's region; sees points
 * and memberships; and nobody reaches another driver's coupons or session. A receipt of an order waiting for the
 * car to leave says the idle fee is pending. Sessions: 10 kWh at a flat 0.60 + 0.40 per kWh = 10.00.
 */
class DriverMarketingIT extends PylonIT {

    private Tenant op;
    private long station;
    private String charger;
    private String code;

    record Driver(long id, Api app) {}

    @BeforeEach
    void operatorWithAPricedStation() {
        op = Tenants.create(api, httpPort, "CNY");
        station = op.station("Coupon Station");
        long tariff = created(op.admin().post("/api/v1/tariffs", """
                {"name":"Flat","terms":{"workdaySchedule":"00:00-24:00 FLAT",
                 "prices":[{"band":"FLAT","electricityPerKwh":0.6,"servicePerKwh":0.4}]}}""")).get("id").asLong();
        ok(op.admin().put("/api/v1/stations/" + station + "/tariff", "{\"tariffId\":" + tariff + "}"));
        charger = op.charger(op.code() + "-C1", station);
        code = charger + "-1";
        ok(op.admin().put("/api/v1/chargers/" + charger + "/connectors/1/spec",
                "{\"standard\":\"GBT_DC\",\"maxPowerKw\":120,\"code\":\"" + code + "\"}"));
    }

    @Test
    void aDriverClaimsACouponChoosesItForTheRunningSessionAndFindsItOnTheOrderAndTheReceipt() {
        Driver d = driver("100.00");
        Driver other = driver("100.00");
        long plan = created(op.admin().post("/api/v1/membership-plans",
                "{\"name\":\"Gold\",\"discountPercent\":10,\"pointsMultiplier\":2,\"durationDays\":30}")).get("id").asLong();
        created(op.admin().post("/api/v1/drivers/" + d.id() + "/memberships", "{\"planId\":" + plan + "}"));
        ok(op.admin().put("/api/v1/carbon-factors/CN-ZJ", "{\"kgPerKwh\":0.6}"));
        ok(op.admin().put("/api/v1/stations/" + station + "/carbon-region", "{\"region\":\"CN-ZJ\"}"));
        long app15 = campaign("{\"code\":\"APP15\",\"name\":\"App 1.50 off\",\"kind\":\"FIXED\",\"value\":1.50,"
                + "\"minimumSpend\":5,\"validUntil\":\"2099-01-01T00:00:00Z\",\"totalLimit\":100,\"claimable\":true}");
        long big = campaign("{\"code\":\"BIG\",\"name\":\"2 off\",\"kind\":\"FIXED\",\"value\":2,"
                + "\"validUntil\":\"2099-01-01T00:00:00Z\",\"totalLimit\":100}");
        ok(op.admin().post("/api/v1/coupon-campaigns/" + big + "/coupons", "{\"driverIds\":[" + d.id() + "]}"));

        JsonNode claimable = ok(d.app().get("/api/v1/me/coupons/claimable"));
        assertThat(claimable.size()).as("staff-only campaigns are not offered").isEqualTo(1);
        assertThat(claimable.get(0).get("campaignId").asLong()).isEqualTo(app15);
        assertThat(claimable.get(0).get("minimumSpend").get("amount").decimalValue()).isEqualByComparingTo("5");
        JsonNode claimed = created(d.app().post("/api/v1/me/coupons", "{\"code\":\" app15 \"}"));
        long coupon = claimed.get("id").asLong();
        assertThat(claimed.get("code").asString()).isEqualTo("APP15");
        assertThat(claimed.get("kind").asString()).isEqualTo("FIXED");
        assertThat(claimed.get("value").decimalValue()).isEqualByComparingTo("1.50");
        assertThat(claimed.get("state").asString()).isEqualTo("AVAILABLE");
        assertThat(claimed.get("source").asString()).isEqualTo("CLAIMED");
        assertThat(Instant.parse(claimed.get("validUntil").asString())).isEqualTo(Instant.parse("2099-01-01T00:00:00Z"));
        assertThat(ok(d.app().get("/api/v1/me/coupons/claimable")).size()).as("one per driver").isZero();
        refused(d.app().post("/api/v1/me/coupons", "{\"campaignId\":" + app15 + "}"), 409, "DRIVER_LIMIT_REACHED", "campaignId");
        long othersCoupon = created(other.app().post("/api/v1/me/coupons", "{\"campaignId\":" + app15 + "}")).get("id").asLong();

        JsonNode mine = ok(d.app().get("/api/v1/me/coupons?state=AVAILABLE"));
        assertThat(mine.get("total").asLong()).isEqualTo(2);
        assertThat(mine.get("items").get(0).get("id").asLong()).as("newest first").isEqualTo(coupon);
        assertThat(ok(d.app().get("/api/v1/me/coupons/" + coupon)).get("name").asString()).isEqualTo("App 1.50 off");
        assertThat(other.app().get("/api/v1/me/coupons/" + coupon).status()).as("another driver's coupon").isEqualTo(404);
        assertThat(ok(other.app().get("/api/v1/me/coupons")).get("total").asLong()).isEqualTo(1);

        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        long tx;
        try (AppCharger cp = AppCharger.boot(ocppPort(), charger)) {
            cp.status(1, "Available");
            var started = cp.answer("RemoteStartTransaction", "Accepted",
                    () -> d.app().post("/api/v1/me/sessions", "{\"connectorCode\":\"" + code + "\"}"));
            assertThat(started.response().status()).as(started.response().raw()).isEqualTo(202);
            tx = cp.start(1, started.payload().get("idTag").asString(), 20_000, start).transactionId();
            cp.status(1, "Charging");
            assertThat(ok(d.app().get("/api/v1/me/sessions/" + tx)).get("coupon").isNull()).as("nothing chosen yet").isTrue();

            JsonNode choice = ok(d.app().put("/api/v1/me/sessions/" + tx + "/coupon", "{\"couponId\":" + coupon + "}"));
            assertThat(choice.get("coupon").get("code").asString()).isEqualTo("APP15");
            assertThat(ok(d.app().get("/api/v1/me/sessions/" + tx)).get("coupon").get("id").asLong()).isEqualTo(coupon);
            assertThat(ok(d.app().get("/api/v1/me/sessions/active")).get(0).get("coupon").get("code").asString()).isEqualTo("APP15");

            assertThat(other.app().put("/api/v1/me/sessions/" + tx + "/coupon", "{\"couponId\":" + othersCoupon + "}").status())
                    .as("another driver's session").isEqualTo(404);
            assertThat(other.app().put("/api/v1/me/sessions/" + tx + "/coupon", "{\"couponId\":null}").status()).isEqualTo(404);
            refused(d.app().put("/api/v1/me/sessions/" + tx + "/coupon", "{\"couponId\":" + othersCoupon + "}"), 400,
                    "UNKNOWN_COUPON", "couponId");
            refused(d.app().put("/api/v1/me/sessions/" + tx + "/coupon", "{\"couponId\":999999999}"), 400, "UNKNOWN_COUPON", "couponId");
            assertThat(ok(d.app().get("/api/v1/me/sessions/" + tx)).get("coupon").get("id").asLong())
                    .as("a refused choice changes nothing").isEqualTo(coupon);

            cp.stop(tx, 30_000, start.plusSeconds(3600));
        }
        refused(d.app().put("/api/v1/me/sessions/" + tx + "/coupon", "{\"couponId\":null}"), 409, "SESSION_NOT_ACTIVE", "id");

        JsonNode order = ok(d.app().get("/api/v1/me/orders")).get("items").get(0);
        assertThat(order.get("state").asString()).as(order.toString()).isEqualTo("SETTLED");
        assertThat(order.get("discount").get("amount").decimalValue()).as("10 % of 4.00 + the chosen 1.50, not BIG's 2.00")
                .isEqualByComparingTo("1.90");
        assertThat(order.get("payable").get("amount").decimalValue()).isEqualByComparingTo("8.10");
        long orderId = order.get("id").asLong();

        JsonNode receipt = ok(d.app().get("/api/v1/me/orders/" + orderId + "/receipt"));
        assertThat(discount(receipt, 0)).isEqualTo("MEMBERSHIP Gold Gold 0.40");
        assertThat(discount(receipt, 1)).isEqualTo("COUPON APP15 App 1.50 off 1.50");
        assertThat(receipt.get("payable").get("amount").decimalValue()).isEqualByComparingTo("8.10");
        assertThat(receipt.get("paid").get("amount").decimalValue()).isEqualByComparingTo("8.10");
        assertThat(receipt.get("awaitingPlugOutSince").isNull()).isTrue();
        assertThat(receipt.get("note").isNull()).isTrue();
        JsonNode rewards = receipt.get("rewards");
        assertThat(rewards.get("points").asLong()).as("10 kWh × 1 point × 2").isEqualTo(20);
        assertThat(rewards.get("pointsPerKwh").decimalValue()).isEqualByComparingTo("2");
        assertThat(rewards.get("membershipPlan").asString()).isEqualTo("Gold");
        assertThat(rewards.get("coupon").get("id").asLong()).isEqualTo(coupon);
        assertThat(rewards.get("coupon").get("name").asString()).isEqualTo("App 1.50 off");
        assertThat(rewards.get("carbonRegion").asString()).isEqualTo("CN-ZJ");
        assertThat(rewards.get("carbonKgPerKwh").decimalValue()).isEqualByComparingTo("0.6");
        assertThat(rewards.get("carbonSavedKg").decimalValue()).isEqualByComparingTo("6.000");
        assertThat(d.app().get("/api/v1/me/orders/" + orderId + "/receipt?format=text").raw()).contains(
                "Membership", "Discount COUPON APP15 (App 1.50 off)", "-1.50 CNY", "20 (2 per kWh)",
                "6.000 kg (region CN-ZJ, 0.6 kg CO2/kWh)");

        JsonNode used = ok(d.app().get("/api/v1/me/coupons?state=USED"));
        assertThat(used.get("total").asLong()).isEqualTo(1);
        assertThat(used.get("items").get(0).get("id").asLong()).isEqualTo(coupon);
        assertThat(used.get("items").get(0).get("usedOnOrderId").asLong()).isEqualTo(orderId);
        assertThat(ok(d.app().get("/api/v1/me/coupons?state=AVAILABLE")).get("items").get(0).get("code").asString())
                .as("the coupon not chosen stays mine").isEqualTo("BIG");

        JsonNode points = ok(d.app().get("/api/v1/me/points"));
        assertThat(points.get("balance").asLong()).isEqualTo(20);
        assertThat(points.get("pointsPerKwh").decimalValue()).as("the plan doubles the rate").isEqualByComparingTo("2");
        assertThat(points.get("entries").get("total").asLong()).isEqualTo(1);
        JsonNode earned = points.get("entries").get("items").get(0);
        assertThat(earned.get("kind").asString()).isEqualTo("EARN");
        assertThat(earned.get("points").asLong()).isEqualTo(20);
        assertThat(earned.get("orderId").asLong()).isEqualTo(orderId);
        JsonNode memberships = ok(d.app().get("/api/v1/me/memberships"));
        assertThat(memberships.get("total").asLong()).isEqualTo(1);
        JsonNode gold = memberships.get("items").get(0);
        assertThat(gold.get("planName").asString()).isEqualTo("Gold");
        assertThat(gold.get("active").asBoolean()).isTrue();
        assertThat(gold.get("discountPercent").decimalValue()).isEqualByComparingTo("10");
        assertThat(gold.get("pointsMultiplier").decimalValue()).isEqualByComparingTo("2");

        JsonNode othersPoints = ok(other.app().get("/api/v1/me/points"));
        assertThat(othersPoints.get("balance").asLong()).isZero();
        assertThat(othersPoints.get("pointsPerKwh").decimalValue()).isEqualByComparingTo("1");
        assertThat(ok(other.app().get("/api/v1/me/memberships")).get("total").asLong()).isZero();
        assertThat(other.app().get("/api/v1/me/orders/" + orderId + "/receipt").status()).isEqualTo(404);
    }

    @Test
    void claimsWithinTheLimitsOnlyAndEveryRefusalNamesItsField() {
        Driver d = driver("10.00");
        Driver other = driver("10.00");
        long once = campaign("{\"code\":\"ONCE\",\"name\":\"one in all\",\"kind\":\"PERCENT\",\"value\":10,"
                + "\"validUntil\":\"2099-01-01T00:00:00Z\",\"totalLimit\":1,\"claimable\":true}");
        created(other.app().post("/api/v1/me/coupons", "{\"campaignId\":" + once + "}"));
        refused(d.app().post("/api/v1/me/coupons", "{\"campaignId\":" + once + "}"), 409, "TOTAL_LIMIT_REACHED", "campaignId");
        long staffOnly = campaign("{\"code\":\"STAFF\",\"name\":\"staff only\",\"kind\":\"FIXED\",\"value\":1,"
                + "\"validUntil\":\"2099-01-01T00:00:00Z\",\"totalLimit\":10}");
        refused(d.app().post("/api/v1/me/coupons", "{\"campaignId\":" + staffOnly + "}"), 409, "NOT_CLAIMABLE", "campaignId");
        refused(d.app().post("/api/v1/me/coupons", "{\"code\":\"staff\"}"), 409, "NOT_CLAIMABLE", "code");
        long ended = campaign("{\"code\":\"ENDED\",\"name\":\"ended\",\"kind\":\"FIXED\",\"value\":1,"
                + "\"validUntil\":\"2099-01-01T00:00:00Z\",\"totalLimit\":10,\"claimable\":true}");
        ok(op.admin().post("/api/v1/coupon-campaigns/" + ended + "/end", "{}"));
        refused(d.app().post("/api/v1/me/coupons", "{\"campaignId\":" + ended + "}"), 409, "CAMPAIGN_ENDED", "campaignId");
        long twice = campaign("{\"code\":\"TWICE\",\"name\":\"two each\",\"kind\":\"FIXED\",\"value\":1,"
                + "\"validUntil\":\"2099-01-01T00:00:00Z\",\"totalLimit\":10,\"perDriverLimit\":2,\"claimable\":true}");
        created(d.app().post("/api/v1/me/coupons", "{\"campaignId\":" + twice + "}"));
        created(d.app().post("/api/v1/me/coupons", "{\"code\":\"TWICE\"}"));
        var third = d.app().post("/api/v1/me/coupons", "{\"code\":\"TWICE\"}");
        refused(third, 409, "DRIVER_LIMIT_REACHED", "code");
        assertThat(third.body().get("perDriverLimit").asInt()).isEqualTo(2);
        assertThat(ok(d.app().get("/api/v1/me/coupons")).get("total").asLong()).isEqualTo(2);

        Tenant elsewhere = Tenants.create(api, httpPort, "CNY");
        long theirs = created(elsewhere.admin().post("/api/v1/coupon-campaigns", "{\"code\":\"THEIRS\",\"name\":\"theirs\","
                + "\"kind\":\"FIXED\",\"value\":1,\"validUntil\":\"2099-01-01T00:00:00Z\",\"totalLimit\":10,\"claimable\":true}"))
                .get("id").asLong();
        field(d.app().post("/api/v1/me/coupons", "{\"campaignId\":" + theirs + "}"), "campaignId");
        field(d.app().post("/api/v1/me/coupons", "{\"code\":\"THEIRS\"}"), "code");
        field(d.app().post("/api/v1/me/coupons", "{\"campaignId\":999999999}"), "campaignId");
        field(d.app().post("/api/v1/me/coupons", "{}"), "campaignId");
        field(d.app().post("/api/v1/me/coupons", "{\"campaignId\":" + twice + ",\"code\":\"TWICE\"}"), "campaignId");
        field(d.app().post("/api/v1/me/coupons", "{\"code\":\"" + "X".repeat(33) + "\"}"), "code");
        field(d.app().get("/api/v1/me/coupons?state=LOST"), "state");
        field(d.app().get("/api/v1/me/coupons?size=0"), "size");
        field(d.app().get("/api/v1/me/points?kind=GIFT"), "kind");
        field(d.app().get("/api/v1/me/memberships?page=-1"), "page");
        assertThat(d.app().get("/api/v1/me/coupons/999999999").status()).isEqualTo(404);
        assertThat(d.app().put("/api/v1/me/sessions/999999999/coupon", "{\"couponId\":null}").status()).isEqualTo(404);

        for (String path : new String[] {"/api/v1/me/coupons", "/api/v1/me/coupons/claimable", "/api/v1/me/points",
                "/api/v1/me/memberships"}) {
            assertThat(op.admin().get(path).status()).as("staff have no driver account: " + path).isEqualTo(403);
        }
        assertThat(op.admin().post("/api/v1/me/coupons", "{\"campaignId\":" + twice + "}").status()).isEqualTo(403);
        assertThat(d.app().get("/api/v1/coupon-campaigns").status()).as("drivers reach only /me").isEqualTo(403);
        assertThat(d.app().get("/api/v1/drivers/" + d.id() + "/points").status()).isEqualTo(403);
    }

    @Test
    void theReceiptOfAnOrderWaitingForTheCarToLeaveSaysTheIdleFeeIsPending() {
        long tariff = created(op.admin().post("/api/v1/tariffs", """
                {"name":"Flat + idle","terms":{"workdaySchedule":"00:00-24:00 FLAT",
                 "prices":[{"band":"FLAT","electricityPerKwh":0.6,"servicePerKwh":0.4}],
                 "idleFee":{"perMinute":0.5,"graceMinutes":10,"cap":30}}}""")).get("id").asLong();
        long idleStation = op.station("Idle Station");
        ok(op.admin().put("/api/v1/stations/" + idleStation + "/tariff", "{\"tariffId\":" + tariff + "}"));
        String idleCharger = op.charger(op.code() + "-I1", idleStation);
        Driver d = driver("100.00");
        String card = op.card(op.code().replace("-", "").toUpperCase() + "IDLE", d.id());
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        long orderId;
        try (RawOcppClient cp = RawOcppClient.connect(ocppPort(), idleCharger, null)) {
            cp.call("b", "BootNotification", "{\"chargePointVendor\":\"V\",\"chargePointModel\":\"M\"}");
            status(cp, "Preparing", start.minusSeconds(5));
            long tx = cp.call("s", "StartTransaction", "{\"connectorId\":1,\"idTag\":\"" + card
                    + "\",\"meterStart\":0,\"timestamp\":\"" + start + "\"}").get(2).get("transactionId").asLong();
            status(cp, "Charging", start.plusSeconds(1));
            status(cp, "SuspendedEV", start.plusSeconds(40 * 60));
            cp.call("t", "StopTransaction", "{\"transactionId\":" + tx + ",\"meterStop\":10000,\"reason\":\"Local\","
                    + "\"timestamp\":\"" + start.plusSeconds(60 * 60) + "\"}");
            status(cp, "Finishing", start.plusSeconds(60 * 60));

            Instant idleSince = start.plusSeconds(40 * 60);
            JsonNode order = ok(d.app().get("/api/v1/me/orders")).get("items").get(0);
            orderId = order.get("id").asLong();
            assertThat(order.get("state").asString()).as(order.toString()).isEqualTo("FINISHED");
            assertThat(Instant.parse(order.get("awaitingPlugOutSince").asString())).isEqualTo(idleSince);
            assertThat(Instant.parse(ok(d.app().get("/api/v1/me/sessions/" + tx)).get("awaitingPlugOutSince").asString()))
                    .isEqualTo(idleSince);
            JsonNode receipt = ok(d.app().get("/api/v1/me/orders/" + orderId + "/receipt"));
            assertThat(Instant.parse(receipt.get("awaitingPlugOutSince").asString())).isEqualTo(idleSince);
            assertThat(receipt.get("note").asString()).startsWith("Idle fee pending until the car leaves");
            assertThat(receipt.get("paid").get("amount").decimalValue()).as("paid once the car has left").isEqualByComparingTo("0");
            assertThat(d.app().get("/api/v1/me/orders/" + orderId + "/receipt?format=text").raw())
                    .contains("pending until the car leaves (idle since", "Idle fee pending until the car leaves");
            assertThat(d.app().get("/api/v1/me/orders/" + orderId + "/receipt?format=html").raw())
                    .contains("Idle fee pending until the car leaves");

            status(cp, "Available", start.plusSeconds(75 * 60 + 30)); // 35 idle minutes, 25 after the grace
        }
        JsonNode receipt = ok(d.app().get("/api/v1/me/orders/" + orderId + "/receipt"));
        assertThat(receipt.get("state").asString()).isEqualTo("SETTLED");
        assertThat(receipt.get("awaitingPlugOutSince").isNull()).isTrue();
        assertThat(receipt.get("note").isNull()).isTrue();
        assertThat(receipt.get("idleFee").get("amount").get("amount").decimalValue()).isEqualByComparingTo("12.50");
        assertThat(receipt.get("paid").get("amount").decimalValue()).isEqualByComparingTo("22.50");
        assertThat(d.app().get("/api/v1/me/orders/" + orderId + "/receipt?format=text").raw()).doesNotContain("pending");
    }

    @Test
    void theDriverAppsMarketingIsDocumented() {
        var doc = ok(api.get("/v3/api-docs"));
        for (String path : new String[] {"/api/v1/me/coupons", "/api/v1/me/coupons/claimable", "/api/v1/me/coupons/{id}",
                "/api/v1/me/sessions/{id}/coupon", "/api/v1/me/points", "/api/v1/me/memberships"}) {
            assertThat(doc.get("paths").has(path)).as(path).isTrue();
        }
    }

    private Driver driver(String balance) {
        String phone = phone();
        long id = op.driver(phone);
        created(op.admin().post("/api/v1/drivers/" + id + "/wallet/top-ups", "{\"amount\":" + balance
                + ",\"method\":\"CASH\",\"reference\":\"till\",\"idempotencyKey\":\"t-" + phone + "\"}"));
        return new Driver(id, op.driverApp(phone));
    }

    private long campaign(String json) {
        return created(op.admin().post("/api/v1/coupon-campaigns", json)).get("id").asLong();
    }

    private static void status(RawOcppClient cp, String status, Instant at) {
        var answer = cp.call("n" + status, "StatusNotification", "{\"connectorId\":1,\"errorCode\":\"NoError\",\"status\":\""
                + status + "\",\"timestamp\":\"" + at + "\"}");
        assertThat(answer.get(0).asInt()).as(answer.toString()).isEqualTo(3);
    }

    private static String discount(JsonNode receipt, int line) {
        JsonNode d = receipt.get("discounts").get(line);
        return d.get("source").asString() + " " + d.get("reference").asString() + " " + d.get("name").asString() + " "
                + d.get("amount").get("amount").decimalValue().setScale(2).toPlainString();
    }

    private static JsonNode created(Api.Response r) {
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return r.body();
    }

    private static void field(Api.Response r, String field) {
        assertThat(r.status()).as(r.raw()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.body().get("detail").asString()).as(r.raw()).startsWith(field + ":");
    }
}
