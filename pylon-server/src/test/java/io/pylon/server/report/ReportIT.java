package io.pylon.server.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon.server.support.PylonIT;
import io.pylon.server.support.RawOcppClient;
import io.pylon.server.support.Rollups;
import io.pylon.server.support.Tenants;
import io.pylon.server.support.Tenants.Tenant;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Reports over a known data set (report_daily rows and live connector states written directly, faults reported by the
 * chargers over OCPP), checked to the
 * exact figure: revenue split, averages, utilisation (connectors × days of the period within the range), faults per
 * station per station-local day, a fault-only day, months, CSV, and live status counts per station.
 */
class ReportIT extends PylonIT {

    @Autowired
    DSLContext db;

    private Tenant op;
    private long s1;
    private long s2;

    @BeforeEach
    void knownData() {
        op = Tenants.create(api, httpPort, "CNY"); // Asia/Shanghai, UTC+8
        s1 = op.station("Report One");
        s2 = op.station("Report Two");
        String c1 = op.charger(op.code() + "-RC1", s1);
        String c2 = op.charger(op.code() + "-RC2", s2);
        // faults as the chargers report them (the live statuses below are set afterwards)
        report(c1, "Faulted", "2030-01-01T10:00:00Z");   // Jan 1, 18:00 local
        report(c1, "Faulted", "2030-01-01T16:30:00Z");   // Jan 2, 00:30 local
        report(c1, "Available", "2030-01-01T11:00:00Z"); // not a fault
        report(c2, "Faulted", "2030-01-03T02:00:00Z");   // Jan 3 local: a day without sessions
        report(c2, "Faulted", "2030-03-01T02:00:00Z");   // outside every range asked
        awaitOffline(c1, c2); // the gateway marks a charger offline after its connection closed
        connector(c1, 1, "AVAILABLE");
        connector(c1, 2, "CHARGING");
        connector(c2, 1, "FAULTED");
        db.update(DSL.table("charger")).set(DSL.field("online"), true).where(DSL.field("id").eq(c1)).execute();
        db.update(DSL.table("charger")).set(DSL.field("online"), false).where(DSL.field("id").eq(c2)).execute();
        // day, station, sessions, energy, sharp, peak, flat, valley, electricity, service, idle, session fee, discount, refunded, seconds
        daily(s1, "2030-01-01", 2, 30_000, 0, 0, 20_000, 10_000, "18.00", "12.00", "1.00", "0.50", "2.00", "3.00", 7_200);
        daily(s1, "2030-01-02", 1, 10_000, 0, 0, 10_000, 0, "6.00", "4.00", "0", "0", "0", "0", 3_600);
        daily(s2, "2030-01-01", 1, 5_000, 0, 5_000, 0, 0, "4.00", "2.00", "0", "0", "0", "0", 1_800);
        daily(s1, "2030-02-10", 1, 1_000, 0, 0, 1_000, 0, "0.60", "0.40", "0", "0", "0", "0", 600);
        for (String sql : Rollups.monthsFromDays(op.operatorId()).split(";\n")) db.execute(sql);
    }

    @Test
    void perStationPerDayToTheFigure() {
        JsonNode rows = usage("from=2030-01-01&to=2030-01-31&period=DAY&groupBy=STATION");
        assertThat(lines(rows)).containsExactly(
                "2030-01-01 " + s1 + " sessions=2 energy=30000 e=18.00 s=12.00 net=26.50 avgWh=15000 avgMin=60 util=4.17 faults=1",
                "2030-01-01 " + s2 + " sessions=1 energy=5000 e=4.00 s=2.00 net=6.00 avgWh=5000 avgMin=30 util=2.08 faults=0",
                "2030-01-02 " + s1 + " sessions=1 energy=10000 e=6.00 s=4.00 net=10.00 avgWh=10000 avgMin=60 util=2.08 faults=1",
                "2030-01-03 " + s2 + " sessions=0 energy=0 e=0.00 s=0.00 net=0.00 avgWh=0 avgMin=0 util=0.00 faults=1");
        assertThat(rows.get(0).get("valleyWh").asLong()).isEqualTo(10_000);
        assertThat(rows.get(1).get("peakWh").asLong()).isEqualTo(5_000);
        assertThat(rows.get(0).get("refunds").decimalValue()).isEqualByComparingTo("3.00");
        assertThat(rows.get(3).get("currency").asString()).isEqualTo("CNY");
    }

    @Test
    void perOperatorPerMonthCountsOnlyTheDaysAsked() {
        JsonNode rows = usage("from=2030-01-01&to=2030-02-15&period=MONTH&groupBy=OPERATOR");
        // January: 12,600 s over 3 connectors × 31 days; February: 600 s over 3 connectors × 15 days (1–15 asked)
        assertThat(lines(rows)).containsExactly(
                "2030-01-01 null sessions=4 energy=45000 e=28.00 s=18.00 net=42.50 avgWh=11250 avgMin=53 util=0.16 faults=3",
                "2030-02-01 null sessions=1 energy=1000 e=0.60 s=0.40 net=1.00 avgWh=1000 avgMin=10 util=0.02 faults=0");
        // a month cut by from or to counts only its days inside the range
        JsonNode cut = usage("from=2030-01-02&to=2030-02-28&period=MONTH&groupBy=OPERATOR");
        assertThat(lines(cut)).containsExactly(
                "2030-01-01 null sessions=1 energy=10000 e=6.00 s=4.00 net=10.00 avgWh=10000 avgMin=60 util=0.05 faults=2",
                "2030-02-01 null sessions=1 energy=1000 e=0.60 s=0.40 net=1.00 avgWh=1000 avgMin=10 util=0.01 faults=0");
        JsonNode station = usage("from=2030-01-01&to=2030-01-31&period=MONTH&groupBy=STATION&stationId=" + s1);
        assertThat(lines(station)).containsExactly(
                "2030-01-01 " + s1 + " sessions=3 energy=40000 e=24.00 s=16.00 net=36.50 avgWh=13333 avgMin=60 util=0.20 faults=2");
    }

    @Test
    void csvHasTheSameRows() {
        var csv = op.admin().get("/api/v1/reports/usage?from=2030-01-01&to=2030-01-31&format=csv");
        assertThat(csv.contentType()).startsWith("text/csv");
        String[] lines = csv.raw().split("\n");
        assertThat(lines).hasSize(5);
        assertThat(lines[0]).startsWith("period,operator_id,station_id,currency,sessions");
        assertThat(lines[4]).isEqualTo("2030-01-03," + op.operatorId() + "," + s2
                + ",CNY,0,0,0,0,0,0,0.00,0.00,0.00,0.00,0.00,0.00,0.00,0,0,0.00,1");
    }

    @Test
    void chargerStatusPerStation() {
        JsonNode status = op.admin().get("/api/v1/reports/charger-status").body();
        assertThat(List.of(status.get("available").asLong(), status.get("charging").asLong(), status.get("faulted").asLong(),
                status.get("offline").asLong(), status.get("total").asLong())).containsExactly(1L, 1L, 0L, 1L, 3L);
        JsonNode stations = status.get("stations");
        assertThat(stations.size()).isEqualTo(2);
        assertThat(stations.get(0).get("stationId").asLong()).isEqualTo(s1);
        assertThat(stations.get(0).get("stationName").asString()).isEqualTo("Report One");
        assertThat(List.of(stations.get(0).get("available").asLong(), stations.get(0).get("charging").asLong(),
                stations.get(0).get("total").asLong())).containsExactly(1L, 1L, 2L);
        assertThat(List.of(stations.get(1).get("offline").asLong(), stations.get(1).get("total").asLong())).containsExactly(1L, 1L);
        assertThat(op.admin().get("/api/v1/reports/charger-status?stationId=" + s2).body().get("total").asLong()).isEqualTo(1);
    }

    private JsonNode usage(String query) {
        var r = op.admin().get("/api/v1/reports/usage?" + query);
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return r.body();
    }

    private static List<String> lines(JsonNode rows) {
        List<String> lines = new ArrayList<>();
        rows.forEach(r -> lines.add(r.get("period").asString() + " " + (r.get("stationId").isNull() ? "null" : r.get("stationId").asString())
                + " sessions=" + r.get("sessions").asLong() + " energy=" + r.get("energyWh").asLong()
                + " e=" + plain(r, "electricityRevenue") + " s=" + plain(r, "serviceRevenue") + " net=" + plain(r, "netRevenue")
                + " avgWh=" + r.get("averageSessionWh").asLong() + " avgMin=" + r.get("averageSessionMinutes").asLong()
                + " util=" + plain(r, "utilisationPct") + " faults=" + r.get("faults").asLong()));
        return lines;
    }

    private static String plain(JsonNode row, String field) {
        return row.get(field).decimalValue().setScale(2, java.math.RoundingMode.UNNECESSARY).toPlainString();
    }

    private void connector(String charger, int connector, String status) {
        db.deleteFrom(DSL.table("connector")).where(DSL.field("charger_id").eq(charger)).and(DSL.field("connector_id").eq(connector)).execute();
        db.insertInto(DSL.table("connector")).set(DSL.field("charger_id"), charger).set(DSL.field("connector_id"), connector)
                .set(DSL.field("status"), status).set(DSL.field("error_code"), "NoError")
                .set(DSL.field("status_at"), OffsetDateTime.now(ZoneOffset.UTC)).execute();
    }

    private void awaitOffline(String... chargers) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (db.fetchExists(DSL.table("charger"), DSL.field("id").in((Object[]) chargers).and(DSL.field("online", Boolean.class).isTrue()))) {
            if (System.nanoTime() > deadline) throw new AssertionError("chargers still online: " + String.join(", ", chargers));
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private void report(String charger, String status, String at) {
        try (RawOcppClient cp = RawOcppClient.connect(ocppPort(), charger, null)) {
            cp.call("b", "BootNotification", "{\"chargePointVendor\":\"V\",\"chargePointModel\":\"M\"}");
            var r = cp.call("n", "StatusNotification", "{\"connectorId\":1,\"errorCode\":\""
                    + (status.equals("Faulted") ? "GroundFailure" : "NoError") + "\",\"status\":\"" + status
                    + "\",\"timestamp\":\"" + at + "\"}");
            assertThat(r.get(0).asInt()).as(r.toString()).isEqualTo(3);
        }
    }

    private void daily(long station, String day, long sessions, long energy, long sharp, long peak, long flat, long valley,
                       String electricity, String service, String idle, String sessionFee, String discount, String refunded,
                       long seconds) {
        db.insertInto(DSL.table("report_daily")).set(DSL.field("operator_id"), op.operatorId()).set(DSL.field("station_id"), station)
                .set(DSL.field("report_day"), LocalDate.parse(day)).set(DSL.field("currency"), "CNY")
                .set(DSL.field("sessions"), sessions).set(DSL.field("energy_wh"), energy).set(DSL.field("sharp_wh"), sharp)
                .set(DSL.field("peak_wh"), peak).set(DSL.field("flat_wh"), flat).set(DSL.field("valley_wh"), valley)
                .set(DSL.field("electricity_amount"), new BigDecimal(electricity)).set(DSL.field("service_amount"), new BigDecimal(service))
                .set(DSL.field("idle_fee"), new BigDecimal(idle)).set(DSL.field("session_fee"), new BigDecimal(sessionFee))
                .set(DSL.field("discount"), new BigDecimal(discount)).set(DSL.field("refunded"), new BigDecimal(refunded))
                .set(DSL.field("charging_seconds"), seconds).execute();
    }
}
