package io.pylon.server.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;

/** Object mother for tenants: an operator with an admin, a station, a driver and a card, created through the API. */
public final class Tenants {

    private static final AtomicInteger SEQ = new AtomicInteger();
    public static final String PASSWORD = "operator-pw-123";
    /** The password of drivers made by {@link Tenant#driver}. */
    public static final String DRIVER_PASSWORD = "driver-pw-1";

    private Tenants() {}

    /** An operator made by the platform admin, and an API client signed in as its operator admin. */
    public record Tenant(long operatorId, String code, Api admin, int port) {

        public Api as(String role, String suffix, String extraJson) {
            String username = code + "-" + suffix;
            var r = admin.post("/api/v1/users", "{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD
                    + "\",\"role\":\"" + role + "\"" + (extraJson == null ? "" : "," + extraJson) + "}");
            assertThat(r.status()).as(r.raw()).isEqualTo(201);
            return new Api(port).login(username, PASSWORD);
        }

        public long station(String name) {
            var r = admin.post("/api/v1/stations", "{\"name\":\"" + name + "\",\"address\":\"1 Test Road\","
                    + "\"latitude\":30.25,\"longitude\":120.16}");
            assertThat(r.status()).as(r.raw()).isEqualTo(201);
            return r.body().get("id").asLong();
        }

        public String charger(String id, long stationId) {
            var r = admin.post("/api/v1/chargers", "{\"id\":\"" + id + "\",\"stationId\":" + stationId + "}");
            assertThat(r.status()).as(r.raw()).isEqualTo(201);
            return id;
        }

        public long driver(String phone) {
            var r = admin.post("/api/v1/drivers", "{\"phone\":\"" + phone + "\",\"name\":\"Li Lei\",\"password\":\"" + DRIVER_PASSWORD + "\"}");
            assertThat(r.status()).as(r.raw()).isEqualTo(201);
            return r.body().get("id").asLong();
        }

        /** An API client signed in to the driver app as the driver with this phone (made by {@link #driver}). */
        public Api driverApp(String phone) {
            return new Api(port).loginDriver(code, phone, DRIVER_PASSWORD);
        }

        public String card(String idTag, long driverId) {
            var r = admin.post("/api/v1/id-tokens", "{\"idTag\":\"" + idTag + "\",\"logicalNumber\":\"L" + idTag
                    + "\",\"driverId\":" + driverId + "}");
            assertThat(r.status()).as(r.raw()).isEqualTo(201);
            return idTag;
        }
    }

    /** Creates an operator (as the platform admin) and its first operator admin. */
    public static Tenant create(Api platformAdmin, int port, String currency) {
        String code = "op" + SEQ.incrementAndGet() + "-" + Long.toString(System.nanoTime() % 100000, 36);
        var r = platformAdmin.post("/api/v1/operators", "{\"code\":\"" + code + "\",\"name\":\"Operator " + code
                + "\",\"currency\":\"" + currency + "\",\"timeZone\":\"Asia/Shanghai\"}");
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        long id = r.body().get("id").asLong();
        var u = platformAdmin.post("/api/v1/users", "{\"username\":\"" + code + "-admin\",\"password\":\"" + PASSWORD
                + "\",\"role\":\"OPERATOR_ADMIN\",\"operatorId\":" + id + "}");
        assertThat(u.status()).as(u.raw()).isEqualTo(201);
        return new Tenant(id, code, new Api(port).login(code + "-admin", PASSWORD), port);
    }
}
