package io.pylon.server.support;

/** SQL for tests and tools that write report_daily rows directly: the month rows the platform would keep with them. */
public final class Rollups {

    private Rollups() {}

    /** Rebuilds report_monthly from report_daily for one operator (the same sums as migration V9). */
    public static String monthsFromDays(long operatorId) {
        return "delete from report_monthly where operator_id = " + operatorId + ";\n"
                + "insert into report_monthly (operator_id, station_id, report_month, currency, sessions, energy_wh, sharp_wh, "
                + "peak_wh, flat_wh, valley_wh, electricity_amount, service_amount, idle_fee, session_fee, discount, refunded, "
                + "charging_seconds) select operator_id, station_id, cast(concat(lpad(cast(y as varchar), 4, '0'), '-', "
                + "lpad(cast(m as varchar), 2, '0'), '-01') as date), min(currency), sum(sessions), sum(energy_wh), sum(sharp_wh), "
                + "sum(peak_wh), sum(flat_wh), sum(valley_wh), sum(electricity_amount), sum(service_amount), sum(idle_fee), "
                + "sum(session_fee), sum(discount), sum(refunded), sum(charging_seconds) from (select d.*, extract(year from "
                + "d.report_day) as y, extract(month from d.report_day) as m from report_daily d where d.operator_id = "
                + operatorId + ") days group by operator_id, station_id, y, m";
    }
}
