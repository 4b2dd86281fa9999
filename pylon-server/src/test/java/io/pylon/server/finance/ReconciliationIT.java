package io.pylon.server.finance;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon.server.support.Charging;
import io.pylon.server.support.PylonIT;
import io.pylon.server.support.Tenants;
import io.pylon.server.support.Tenants.Tenant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * A normal day (sessions settled from wallets, a refund, cash top-ups) balances across orders, ledger, payments and
 * report_daily; records corrupted behind the platform's back (a rollup edited, a settlement deleted, a payment
 * confirmed without its top-up) are each reported, and re-running the day replaces its result.
 */
class ReconciliationIT extends PylonIT {

    @Autowired
    DSLContext db;

    @Autowired
    Reconciliations reconciliations;

    private Tenant op;
    private long driver;
    private LocalDate today;

    @BeforeEach
    void aDayOfBusiness() {
        op = Tenants.create(api, httpPort, "CNY");
        String charger = Charging.stationWithFlatTariff(op, op.code() + "-R1");
        String card = op.code().replace("-", "") + "R";
        driver = Charging.driverWithBalance(op, "+8613900000201", "80.00", card);
        Charging.charge(ocppPort(), charger, card, 10_000); // 10.00
        Charging.charge(ocppPort(), charger, card, 2_500);  // 2.50
        long order = op.admin().get("/api/v1/orders?driverId=" + driver).body().get("items").get(0).get("id").asLong();
        assertThat(op.admin().post("/api/v1/orders/" + order + "/refunds",
                "{\"amount\":1.00,\"reason\":\"queue\",\"idempotencyKey\":\"rc-1\"}").status()).isEqualTo(200);
        today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    }

    @Test
    void aNormalDayBalancesAndCorruptedRecordsAreReported() {
        JsonNode day = run();
        assertThat(day.get("status").asString()).as(day.toString()).isEqualTo("BALANCED");
        assertThat(day.get("timeZone").asString()).isEqualTo("Asia/Shanghai");
        JsonNode f = day.get("figures");
        assertThat(f.get("ordersSettledCount").asLong()).isEqualTo(2);
        assertThat(f.get("ordersSettled").get("amount").decimalValue()).isEqualByComparingTo("12.50");
        assertThat(f.get("ledgerSettled").get("amount").decimalValue()).isEqualByComparingTo("12.50");
        assertThat(f.get("ordersRefunded").get("amount").decimalValue()).isEqualByComparingTo("1.00");
        assertThat(f.get("ledgerRefunded").get("amount").decimalValue()).isEqualByComparingTo("1.00");
        assertThat(f.get("ledgerManualTopUps").get("amount").decimalValue()).isEqualByComparingTo("80.00");
        assertThat(f.get("rollupSessions").asLong()).isEqualTo(2);
        assertThat(f.get("rollupEnergyWh").asLong()).isEqualTo(12_500);
        assertThat(f.get("rollupPayable").get("amount").decimalValue()).isEqualByComparingTo("12.50");
        assertThat(postings(day)).contains("SETTLE REVENUE_ELECTRICITY 7.50", "SETTLE REVENUE_SERVICE 5.00",
                "TOP_UP PAYMENT_CLEARING -80.00", "REFUND DRIVER_WALLET 1.00");
        long id = day.get("id").asLong();

        // behind the platform's back: a rollup edited, a settlement gone, a payment confirmed but never credited
        db.update(DSL.table("report_daily")).set(DSL.field("sessions", Long.class), 3L)
                .where(DSL.field("operator_id", Long.class).eq(op.operatorId())).execute();
        long settle = db.select(DSL.field("seq", Long.class)).from("ledger_entry").where(DSL.field("operator_id", Long.class)
                .eq(op.operatorId())).and(DSL.field("kind", String.class).eq("SETTLE")).limit(1).fetchOne().value1();
        String settledOrder = db.select(DSL.field("reference", String.class)).from("ledger_entry")
                .where(DSL.field("seq", Long.class).eq(settle)).fetchOne().value1();
        db.deleteFrom(DSL.table("ledger_posting")).where(DSL.field("entry_seq", Long.class).eq(settle)).execute();
        db.deleteFrom(DSL.table("ledger_entry")).where(DSL.field("seq", Long.class).eq(settle)).execute();
        long payment = db.insertInto(DSL.table("payment")).set(DSL.field("operator_id"), op.operatorId())
                .set(DSL.field("driver_id"), driver).set(DSL.field("amount_minor"), 3000L).set(DSL.field("currency"), "CNY")
                .set(DSL.field("provider"), "hmac").set(DSL.field("status"), "PAID")
                .set(DSL.field("created_at"), java.time.OffsetDateTime.now()).set(DSL.field("paid_at"), java.time.OffsetDateTime.now())
                .returningResult(DSL.field("id", Long.class)).fetchOne().value1();

        JsonNode again = run();
        assertThat(again.get("id").asLong()).as("re-running replaces the day").isEqualTo(id);
        assertThat(again.get("status").asString()).isEqualTo("DIFFERENCES");
        List<String> found = new ArrayList<>();
        again.get("discrepancies").forEach(d -> found.add(d.get("kind").asString() + " " + d.get("reference").asString()));
        assertThat(found).contains("SETTLEMENT_MISSING " + settledOrder, "TOP_UP_MISSING payment:" + payment)
                .anyMatch(s -> s.startsWith("ROLLUP_MISMATCH station:"));
        var listed = op.admin().get("/api/v1/reconciliations?status=DIFFERENCES&from=" + today + "&to=" + today);
        assertThat(listed.body().get("total").asLong()).isEqualTo(1);
        assertThat(op.admin().get("/api/v1/reconciliations/" + id).body().get("discrepancies").size()).isEqualTo(found.size());
        assertThat(op.admin().get("/api/v1/audit?entityType=reconciliation&entityId=" + id).body().get("items").size()).isEqualTo(2);
    }

    @Test
    void theNightlyRunReconcilesYesterdayOnceAndOnDemandRunsAreForFinance() {
        reconciliations.nightly();
        var listed = op.admin().get("/api/v1/reconciliations?from=" + today.minusDays(1) + "&to=" + today.minusDays(1)).body();
        assertThat(listed.get("total").asLong()).isEqualTo(1);
        JsonNode yesterday = listed.get("items").get(0);
        assertThat(yesterday.get("computedBy").asString()).isEqualTo("system");
        assertThat(yesterday.get("status").asString()).as("nothing happened yesterday").isEqualTo("BALANCED");
        reconciliations.nightly();
        assertThat(op.admin().get("/api/v1/reconciliations/" + yesterday.get("id").asLong()).body().get("computedAt"))
                .as("not run twice").isEqualTo(yesterday.get("computedAt"));

        assertThat(op.as("MAINTENANCE", "m", null).call("POST", "/api/v1/reconciliations?date=" + today, null).status()).isEqualTo(403);
        assertThat(op.as("FINANCE", "f", null).call("POST", "/api/v1/reconciliations?date=" + today, null).status()).isEqualTo(200);
        assertThat(op.admin().call("POST", "/api/v1/reconciliations?date=" + today.plusDays(2), null).status()).isEqualTo(400);
    }

    @Test
    void theJournalListsTheMoneyFlowWithFilters() {
        var all = op.admin().get("/api/v1/ledger/journal?size=100").body();
        // top-up, 2 × (hold, settle), refund
        assertThat(all.get("total").asLong()).isEqualTo(6);
        assertThat(all.get("items").get(0).get("kind").asString()).as("newest first").isEqualTo("REFUND");
        var settlements = op.admin().get("/api/v1/ledger/journal?kind=SETTLE&accountType=REVENUE_SERVICE").body();
        assertThat(settlements.get("total").asLong()).isEqualTo(2);
        var ofDriver = op.admin().get("/api/v1/ledger/journal?driverId=" + driver + "&kind=TOP_UP").body();
        assertThat(ofDriver.get("items").get(0).get("postings").size()).isEqualTo(2);
        Tenant other = Tenants.create(api, httpPort, "CNY");
        assertThat(other.admin().get("/api/v1/ledger/journal").body().get("total").asLong()).isZero();
    }

    private JsonNode run() {
        var r = op.admin().call("POST", "/api/v1/reconciliations?date=" + today, null);
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return r.body();
    }

    private static List<String> postings(JsonNode day) {
        List<String> lines = new ArrayList<>();
        day.get("postings").forEach(p -> lines.add(p.get("entryKind").asString() + " " + p.get("accountType").asString() + " "
                + p.get("amount").get("amount").decimalValue().setScale(2, java.math.RoundingMode.UNNECESSARY).toPlainString()));
        return lines;
    }
}
