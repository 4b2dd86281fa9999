package io.pylon.server.finance;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon.domain.invoice.InvoiceOutcome;
import io.pylon.domain.invoice.InvoiceService;
import io.pylon.domain.invoice.InvoiceTitle;
import io.pylon.server.support.Api;
import io.pylon.server.support.Charging;
import io.pylon.server.support.PylonIT;
import io.pylon.server.support.Tenants;
import io.pylon.server.support.Tenants.Tenant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Invoice requests over settled orders: the amount is computed from the orders (paid minus refunds), an order is on
 * one open invoice even when requests race, staff issue or reject, every change is audited, and roles are kept.
 */
class InvoiceIT extends PylonIT {

    private static final String COMPANY = "\"titleKind\":\"COMPANY\",\"title\":\"Hangzhou Fleet Ltd\","
            + "\"taxNumber\":\"91330100MA2AB3CD4E\",\"email\":\"fin@fleet.example\"";

    @Autowired
    InvoiceService invoices;

    private Tenant op;
    private long driver;
    private List<Long> orders;

    @BeforeEach
    void twoSettledOrders() {
        op = Tenants.create(api, httpPort, "CNY");
        String charger = Charging.stationWithFlatTariff(op, op.code() + "-I1");
        String card = op.code().replace("-", "") + "I";
        driver = Charging.driverWithBalance(op, "+8613900000101", "100.00", card);
        Charging.charge(ocppPort(), charger, card, 12_340); // 12.34
        Charging.charge(ocppPort(), charger, card, 5_000);  // 5.00
        var items = op.admin().get("/api/v1/orders?driverId=" + driver).body().get("items");
        orders = new ArrayList<>();
        items.forEach(o -> {
            assertThat(o.get("state").asString()).isEqualTo("SETTLED");
            orders.add(o.get("id").asLong());
        });
        assertThat(orders).hasSize(2);
    }

    /** The driver asks in the app: only for their own settled orders; they see and may withdraw their requests. */
    @Test
    void aDriverRequestsListsAndWithdrawsTheirOwnInvoices() {
        var app = op.driverApp("+8613900000101");
        var noTax = app.post("/api/v1/me/invoices", "{\"orderIds\":" + orders + ",\"titleKind\":\"COMPANY\","
                + "\"title\":\"Fleet\",\"email\":\"a@b.cn\"}");
        assertThat(noTax.status()).isEqualTo(400);
        assertThat(noTax.raw()).contains("taxNumber");
        var created = app.post("/api/v1/me/invoices", "{\"orderIds\":" + orders + "," + COMPANY + "}");
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        assertThat(created.body().get("amount").get("amount").decimalValue()).isEqualByComparingTo("17.34");
        assertThat(created.body().get("status").asString()).isEqualTo("REQUESTED");
        long id = created.body().get("id").asLong();
        assertThat(app.post("/api/v1/me/invoices", "{\"orderIds\":[" + orders.get(0) + "]," + COMPANY + "}").status())
                .as("an order is on one open invoice").isEqualTo(409);
        assertThat(app.get("/api/v1/me/invoices").body().get("items").size()).isEqualTo(1);
        assertThat(app.get("/api/v1/me/invoices/" + id).status()).isEqualTo(200);

        long other = Charging.driverWithBalance(op, "+8613900000102", "10.00", op.code().replace("-", "") + "J");
        var otherApp = op.driverApp("+8613900000102");
        assertThat(otherApp.get("/api/v1/me/invoices/" + id).status()).isEqualTo(404);
        assertThat(otherApp.post("/api/v1/me/invoices/" + id + "/cancel", "").status()).isEqualTo(404);
        var notMine = otherApp.post("/api/v1/me/invoices", "{\"orderIds\":[" + orders.get(1) + "]," + COMPANY + "}");
        assertThat(notMine.status()).as(notMine.raw()).isEqualTo(400);
        assertThat(notMine.raw()).contains("orderIds");
        assertThat(other).isPositive();

        var cancelled = app.post("/api/v1/me/invoices/" + id + "/cancel", "");
        assertThat(cancelled.status()).as(cancelled.raw()).isEqualTo(200);
        assertThat(cancelled.body().get("status").asString()).isEqualTo("CANCELLED");
        assertThat(op.admin().get("/api/v1/invoices/" + id).body().get("status").asString()).isEqualTo("CANCELLED");
        assertThat(op.admin().get("/api/v1/me/invoices").status()).as("staff are not drivers").isEqualTo(403);
    }

    @Test
    void staffRecordIssueAndRejectWithTheAmountComputedFromTheOrders() {
        long refunded = orders.stream().filter(id -> op.admin().get("/api/v1/orders/" + id).body()
                .get("payable").get("amount").decimalValue().compareTo(new java.math.BigDecimal("5.00")) == 0).findFirst().orElseThrow();
        assertThat(op.admin().post("/api/v1/orders/" + refunded + "/refunds",
                "{\"amount\":1.50,\"reason\":\"slow\",\"idempotencyKey\":\"inv-r1\"}").status()).isEqualTo(200);

        var created = op.admin().post("/api/v1/invoices", "{\"driverId\":" + driver + ",\"orderIds\":" + orders + "," + COMPANY + "}");
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        assertThat(created.body().get("amount").get("amount").decimalValue()).isEqualByComparingTo("15.84"); // 12.34 + 5.00 − 1.50
        assertThat(created.body().get("status").asString()).isEqualTo("REQUESTED");
        assertThat(created.body().get("requestedBy").asString()).isEqualTo(op.code() + "-admin");
        long id = created.body().get("id").asLong();

        var again = op.admin().post("/api/v1/invoices", "{\"driverId\":" + driver + ",\"orderIds\":[" + orders.get(0) + "]," + COMPANY + "}");
        assertThat(again.status()).as(again.raw()).isEqualTo(409);

        Api finance = op.as("FINANCE", "fin", null);
        var issued = finance.post("/api/v1/invoices/" + id + "/issue",
                "{\"invoiceNumber\":\"24332000000012345678\",\"pdfUrl\":\"https://files.example/inv/1.pdf\"}");
        assertThat(issued.status()).as(issued.raw()).isEqualTo(200);
        assertThat(issued.body().get("status").asString()).isEqualTo("ISSUED");
        assertThat(issued.body().get("issuedAt").isNull()).isFalse();
        assertThat(finance.post("/api/v1/invoices/" + id + "/reject", "{\"reason\":\"late\"}").status()).isEqualTo(409);
        assertThat(finance.call("POST", "/api/v1/invoices/" + id + "/cancel", null).status()).isEqualTo(409);

        var listed = finance.get("/api/v1/invoices?status=ISSUED&orderId=" + orders.get(1));
        assertThat(listed.body().get("total").asLong()).isEqualTo(1);
        assertThat(listed.body().get("items").get(0).get("invoiceNumber").asString()).isEqualTo("24332000000012345678");
        var audit = op.admin().get("/api/v1/audit?entityType=invoice&entityId=" + id).body().get("items");
        assertThat(audit.size()).isEqualTo(2);
    }

    @Test
    void rejectedOrCancelledRequestsFreeTheirOrders() {
        String body = "{\"driverId\":" + driver + ",\"orderIds\":[" + orders.get(0) + "],\"titleKind\":\"PERSONAL\","
                + "\"title\":\"Li Lei\",\"email\":\"li@example.cn\"}";
        long first = op.admin().post("/api/v1/invoices", body).body().get("id").asLong();
        var rejected = op.admin().post("/api/v1/invoices/" + first + "/reject", "{\"reason\":\"title missing the company\"}");
        assertThat(rejected.body().get("status").asString()).isEqualTo("REJECTED");
        assertThat(rejected.body().get("rejectReason").asString()).isEqualTo("title missing the company");
        long second = op.admin().post("/api/v1/invoices", body).body().get("id").asLong();
        assertThat(op.admin().call("POST", "/api/v1/invoices/" + second + "/cancel", null).body().get("status").asString()).isEqualTo("CANCELLED");
        assertThat(op.admin().post("/api/v1/invoices", body).status()).isEqualTo(201);
    }

    @Test
    void badTitlesOrdersAndRolesAreRefused() {
        var badTax = op.admin().post("/api/v1/invoices", "{\"driverId\":" + driver + ",\"orderIds\":" + orders
                + ",\"titleKind\":\"COMPANY\",\"title\":\"Co\",\"taxNumber\":\"12345\",\"email\":\"a@b.cn\"}");
        assertThat(badTax.status()).isEqualTo(400);
        assertThat(badTax.body().get("detail").asString()).startsWith("taxNumber:");
        long other = op.driver("+8613900000102");
        var otherDriver = op.admin().post("/api/v1/invoices", "{\"driverId\":" + other + ",\"orderIds\":" + orders + "," + COMPANY + "}");
        assertThat(otherDriver.status()).isEqualTo(400);
        assertThat(otherDriver.body().get("detail").asString()).startsWith("orderIds:");
        var missing = op.admin().post("/api/v1/invoices", "{\"driverId\":" + driver + ",\"orderIds\":[987654321]," + COMPANY + "}");
        assertThat(missing.status()).isEqualTo(400);

        Tenant stranger = Tenants.create(api, httpPort, "CNY");
        long theirDriver = stranger.driver("+8613900000103");
        var foreign = stranger.admin().post("/api/v1/invoices", "{\"driverId\":" + theirDriver + ",\"orderIds\":" + orders + "," + COMPANY + "}");
        assertThat(foreign.status()).as("another operator's orders are missing").isEqualTo(400);

        long id = op.admin().post("/api/v1/invoices", "{\"driverId\":" + driver + ",\"orderIds\":" + orders + "," + COMPANY + "}")
                .body().get("id").asLong();
        Api maintenance = op.as("MAINTENANCE", "mnt", null);
        assertThat(maintenance.get("/api/v1/invoices/" + id).status()).isEqualTo(403);
        Api reader = regulator(op);
        assertThat(reader.get("/api/v1/invoices/" + id).status()).isEqualTo(200);
        assertThat(reader.post("/api/v1/invoices/" + id + "/reject", "{\"reason\":\"no\"}").status()).isEqualTo(403);
    }

    @Test
    void anOrderGoesOnOneInvoiceWhenRequestsRace() throws Exception {
        int racers = 8;
        CountDownLatch go = new CountDownLatch(1);
        List<Future<InvoiceOutcome>> outcomes = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(racers)) {
            for (int i = 0; i < racers; i++) {
                outcomes.add(pool.submit(() -> {
                    go.await();
                    return invoices.request(op.operatorId(), driver, orders,
                            new InvoiceTitle(InvoiceTitle.Kind.PERSONAL, "Li Lei", null), "li@example.cn", "driver:" + driver);
                }));
            }
            go.countDown();
            int done = 0;
            for (var f : outcomes) {
                InvoiceOutcome outcome = f.get();
                if (outcome instanceof InvoiceOutcome.Done) done++;
                else assertThat(((InvoiceOutcome.Refused) outcome).reason()).isEqualTo(InvoiceOutcome.Reason.ALREADY_INVOICED);
            }
            assertThat(done).isEqualTo(1);
        }
        assertThat(op.admin().get("/api/v1/invoices?driverId=" + driver).body().get("total").asLong()).isEqualTo(1);
    }

    /** A regulator (platform-wide, read only) made by the platform admin. */
    private Api regulator(Tenant tenant) {
        String name = "reg-" + tenant.code();
        var r = api.post("/api/v1/users", "{\"username\":\"" + name + "\",\"password\":\"" + Tenants.PASSWORD + "\",\"role\":\"REGULATOR\"}");
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return new Api(httpPort).login(name, Tenants.PASSWORD);
    }
}
