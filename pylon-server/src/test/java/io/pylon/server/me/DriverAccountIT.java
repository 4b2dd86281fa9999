package io.pylon.server.me;

import static io.pylon.server.me.DriverSelfServiceIT.ok;
import static org.assertj.core.api.Assertions.assertThat;

import io.pylon.domain.payment.HmacPaymentProvider;
import io.pylon.server.support.Api;
import io.pylon.server.support.PaymentCallbacks;
import io.pylon.server.support.PylonIT;
import io.pylon.server.support.Tenants;
import io.pylon.server.support.Tenants.Tenant;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A driver keeps their own account in the app: profile and password, vehicles (VIN tokens follow the vehicle),
 * cards (bind by both numbers, report lost, unbind) and wallet (top-up through the provider, statement); every
 * change is validated and no driver reaches another's data.
 */
class DriverAccountIT extends PylonIT {

    @Autowired
    HmacPaymentProvider gateway;

    private Tenant op;
    private String phone;
    private long driverId;
    private Api app;
    private String otherPhone;
    private Api other;

    @BeforeEach
    void twoDrivers() {
        op = Tenants.create(api, httpPort, "CNY");
        phone = DriverSelfServiceIT.phone();
        driverId = op.driver(phone);
        app = op.driverApp(phone);
        otherPhone = DriverSelfServiceIT.phone();
        op.driver(otherPhone);
        other = op.driverApp(otherPhone);
    }

    @Test
    void theProfileIsReadAndChangedWithValidation() {
        var me = ok(app.get("/api/v1/me"));
        assertThat(me.get("id").asLong()).isEqualTo(driverId);
        assertThat(me.get("phone").asString()).isEqualTo(phone);
        assertThat(me.get("operatorCode").asString()).isEqualTo(op.code());
        assertThat(me.get("currency").asString()).isEqualTo("CNY");

        var changed = ok(app.patch("/api/v1/me", "{\"name\":\"Han Meimei\",\"email\":\"han@example.com\"}"));
        assertThat(changed.get("name").asString()).isEqualTo("Han Meimei");
        assertThat(changed.get("phone").asString()).as("absent fields are kept").isEqualTo(phone);
        assertThat(app.patch("/api/v1/me", "{\"email\":\"not-an-email\"}").body().get("detail").asString()).startsWith("email");
        assertThat(app.patch("/api/v1/me", "{\"phone\":\"12ab\"}").body().get("detail").asString()).startsWith("phone");
        var taken = app.patch("/api/v1/me", "{\"phone\":\"" + otherPhone + "\"}");
        assertThat(taken.status()).as(taken.raw()).isEqualTo(409);
        assertThat(ok(app.patch("/api/v1/me", "{\"phone\":\"\"}")).get("phone").isNull()).as("the e-mail remains").isTrue();
        var none = app.patch("/api/v1/me", "{\"email\":\"\"}");
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.body().get("detail").asString()).startsWith("email");
        assertThat(ok(app.patch("/api/v1/me", "{\"phone\":\"" + phone + "\"}")).get("phone").asString()).isEqualTo(phone);

        var wrong = app.post("/api/v1/me/password", "{\"currentPassword\":\"nope\",\"newPassword\":\"a-new-password\"}");
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.body().get("detail").asString()).startsWith("currentPassword");
        assertThat(app.post("/api/v1/me/password", "{\"currentPassword\":\"" + Tenants.DRIVER_PASSWORD
                + "\",\"newPassword\":\"short\"}").body().get("detail").asString()).startsWith("newPassword");
        assertThat(app.post("/api/v1/me/password", "{\"currentPassword\":\"" + Tenants.DRIVER_PASSWORD
                + "\",\"newPassword\":\"a-new-password\"}").status()).isEqualTo(204);
        var again = new Api(httpPort).loginDriver(op.code(), "han@example.com", "a-new-password");
        assertThat(ok(again.get("/api/v1/me")).get("id").asLong()).isEqualTo(driverId);
        assertThat(ok(other.get("/api/v1/me")).get("phone").asString()).isEqualTo(otherPhone);
    }

    @Test
    void vehiclesCarryTheirVinTokenAndOnlyTheirDriverChangesThem() {
        String vin = DriverSelfServiceIT.vin();
        var first = app.post("/api/v1/me/vehicles", "{\"plate\":\"浙A00001\",\"vin\":\"" + vin + "\"}");
        assertThat(first.status()).as(first.raw()).isEqualTo(201);
        long v1 = first.body().get("id").asLong();
        var second = app.post("/api/v1/me/vehicles", "{\"plate\":\"沪B00002\"}");
        assertThat(second.status()).as(second.raw()).isEqualTo(201);
        long v2 = second.body().get("id").asLong();
        assertThat(second.body().get("isDefault").asBoolean()).isFalse();
        assertThat(app.post("/api/v1/me/vehicles", "{\"plate\":\"x\",\"vin\":\"ABC\"}").body().get("detail").asString()).startsWith("vin");
        assertThat(app.post("/api/v1/me/vehicles", "{\"plate\":\"\"}").body().get("detail").asString()).startsWith("plate");

        var listed = ok(app.post("/api/v1/me/vehicles/" + v2 + "/default", "{}"));
        assertThat(listed.get(1).get("isDefault").asBoolean()).isTrue();
        assertThat(listed.get(0).get("isDefault").asBoolean()).isFalse();

        String vin2 = DriverSelfServiceIT.vin();
        var updated = ok(app.put("/api/v1/me/vehicles/" + v1, "{\"plate\":\"浙A00001\",\"vin\":\"" + vin2 + "\"}"));
        assertThat(updated.get("vin").asString()).isEqualTo(vin2);
        assertThat(token(vin)).as("the old VIN token is gone").isEqualTo(404);
        assertThat(token(vin2)).isEqualTo(200);
        assertThat(other.put("/api/v1/me/vehicles/" + v1, "{\"plate\":\"hijack\"}").status()).isEqualTo(404);
        assertThat(other.delete("/api/v1/me/vehicles/" + v1).status()).isEqualTo(404);
        assertThat(other.post("/api/v1/me/vehicles/" + v1 + "/default", "{}").status()).isEqualTo(404);

        assertThat(app.delete("/api/v1/me/vehicles/" + v2).status()).isEqualTo(204);
        var rest = ok(app.get("/api/v1/me/vehicles"));
        assertThat(rest.size()).isEqualTo(1);
        assertThat(rest.get(0).get("isDefault").asBoolean()).as("the remaining vehicle becomes the default").isTrue();
        assertThat(app.delete("/api/v1/me/vehicles/" + v1).status()).isEqualTo(204);
        assertThat(token(vin2)).isEqualTo(404);
    }

    @Test
    void cardsAreBoundByBothNumbersReportedLostAndUnbound() {
        String card = "K" + op.code().replace("-", "").toUpperCase();
        var issued = op.admin().post("/api/v1/id-tokens", "{\"idTag\":\"" + card + "\",\"logicalNumber\":\"8800-" + card + "\"}");
        assertThat(issued.status()).as(issued.raw()).isEqualTo(201);
        String bind = "{\"logicalNumber\":\"8800-" + card + "\",\"physicalNumber\":\"" + card + "\"}";

        var wrong = app.post("/api/v1/me/cards", "{\"logicalNumber\":\"8800-X\",\"physicalNumber\":\"" + card + "\"}");
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.body().get("detail").asString()).startsWith("physicalNumber");
        assertThat(app.post("/api/v1/me/cards", bind).status()).isEqualTo(201);
        assertThat(app.post("/api/v1/me/cards", bind).status()).as("already mine").isEqualTo(200);
        assertThat(other.post("/api/v1/me/cards", bind).status()).as("bound to someone else").isEqualTo(400);
        var cards = ok(app.get("/api/v1/me/cards"));
        assertThat(cards.size()).isEqualTo(1);
        assertThat(cards.get(0).get("logicalNumber").asString()).isEqualTo("8800-" + card);
        assertThat(ok(other.get("/api/v1/me/cards")).size()).isZero();

        assertThat(other.post("/api/v1/me/cards/" + card + "/report-lost", "{}").status()).isEqualTo(404);
        assertThat(other.delete("/api/v1/me/cards/" + card).status()).isEqualTo(404);
        assertThat(ok(app.post("/api/v1/me/cards/" + card + "/report-lost", "{}")).get("status").asString()).isEqualTo("BLOCKED");
        var staffView = ok(op.admin().get("/api/v1/id-tokens/" + card));
        assertThat(staffView.get("status").asString()).isEqualTo("BLOCKED");
        assertThat(staffView.get("lostAt").isNull()).isFalse();

        assertThat(app.delete("/api/v1/me/cards/" + card).status()).isEqualTo(204);
        assertThat(ok(app.get("/api/v1/me/cards")).size()).isZero();
        assertThat(app.post("/api/v1/me/cards", bind).status()).as("a lost card cannot be bound again").isEqualTo(400);
        assertThat(ok(op.admin().get("/api/v1/id-tokens/" + card)).get("status").asString()).isEqualTo("BLOCKED");
    }

    @Test
    void aTopUpThroughTheProviderIsCreditedByItsSignedCallback() {
        var wallet = ok(app.get("/api/v1/me/wallet"));
        assertThat(wallet.get("available").get("amount").decimalValue()).isEqualByComparingTo("0");
        assertThat(wallet.get("minimumToStart").get("amount").decimalValue()).isEqualByComparingTo("20.00");
        assertThat(wallet.get("canStart").asBoolean()).isFalse();

        assertThat(app.post("/api/v1/me/wallet/top-ups", "{\"amount\":\"1.234\",\"provider\":\"hmac\"}").body()
                .get("detail").asString()).startsWith("amount");
        assertThat(app.post("/api/v1/me/wallet/top-ups", "{\"amount\":\"10.00\",\"provider\":\"nope\"}").body()
                .get("detail").asString()).startsWith("provider");
        var started = app.post("/api/v1/me/wallet/top-ups", "{\"amount\":\"30.00\",\"provider\":\"hmac\"}");
        assertThat(started.status()).as(started.raw()).isEqualTo(201);
        assertThat(started.body().get("status").asString()).isEqualTo("CREATED");
        String merchantOrder = started.body().get("clientParameters").get("merchantOrderId").asString();
        long payment = started.body().get("id").asLong();
        assertThat(other.get("/api/v1/me/wallet/payments/" + payment).status()).isEqualTo(404);

        assertThat(callback("merchant_order_id=" + merchantOrder + "&provider_reference=gw-1&amount=30.00&currency=CNY"
                + "&status=PAID&paid_at=" + Instant.now().toString().replace(":", "%3A")).statusCode()).isEqualTo(200);
        assertThat(ok(app.get("/api/v1/me/wallet/payments/" + payment)).get("status").asString()).isEqualTo("PAID");
        wallet = ok(app.get("/api/v1/me/wallet"));
        assertThat(wallet.get("available").get("amount").decimalValue()).isEqualByComparingTo("30.00");
        assertThat(wallet.get("canStart").asBoolean()).isTrue();
        var entries = ok(app.get("/api/v1/me/wallet/entries"));
        assertThat(entries.get("total").asLong()).isEqualTo(1);
        assertThat(entries.get("items").get(0).get("kind").asString()).isEqualTo("TOP_UP");
        assertThat(entries.get("items").get(0).get("available").get("amount").decimalValue()).isEqualByComparingTo("30.00");
        assertThat(ok(other.get("/api/v1/me/wallet/entries")).get("total").asLong()).isZero();
    }

    private int token(String idTag) {
        return op.admin().get("/api/v1/id-tokens/" + idTag).status();
    }

    private HttpResponse<String> callback(String body) {
        return PaymentCallbacks.post(httpPort, gateway, body);
    }
}
