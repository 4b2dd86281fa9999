package io.pylon.server.me;

import io.pylon.domain.money.Money;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** A receipt as plain text (for printing or sharing) or as a small HTML page; times in the station's zone. */
final class ReceiptText {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private ReceiptText() {}

    /** label / value rows in the order a receipt reads. */
    private static List<String[]> rows(Receipt r) {
        ZoneId zone = ZoneId.of(r.timeZone());
        List<String[]> rows = new ArrayList<>();
        rows.add(row("Operator", r.operatorName()));
        rows.add(row("Station", r.station().name() == null ? "-" : r.station().name()));
        if (r.station().address() != null) rows.add(row("Address", r.station().address()));
        rows.add(row("Charger / connector", r.chargerId() + " / " + r.connectorId()
                + (r.connectorCode() == null ? "" : " (" + r.connectorCode() + ")")));
        rows.add(row("Order / session", r.orderId() + " / " + r.sessionId()));
        rows.add(row("Start", TIME.format(r.startedAt().atZone(zone)) + " " + r.timeZone()));
        rows.add(row("Stop", r.stoppedAt() == null ? "-" : TIME.format(r.stoppedAt().atZone(zone)) + " " + r.timeZone()));
        rows.add(row("Energy", r.energyKwh().toPlainString() + " kWh"));
        for (ReceiptLine l : r.lines()) {
            rows.add(row(l.band() + " " + l.kwh().toPlainString() + " kWh", "electricity " + price(l.electricityPrice())
                    + "/kWh = " + money(l.electricityAmount()) + ", service " + price(l.servicePrice()) + "/kWh = "
                    + money(l.serviceAmount())));
        }
        rows.add(row("Electricity", money(r.electricity())));
        rows.add(row("Service", money(r.service())));
        if (r.awaitingPlugOutSince() != null) {
            rows.add(row("Idle fee", "pending until the car leaves (idle since "
                    + TIME.format(r.awaitingPlugOutSince().atZone(zone)) + " " + r.timeZone() + ")"));
        } else {
            rows.add(row("Idle fee (" + r.idleFee().minutes() + " min)", money(r.idleFee().amount())));
        }
        rows.add(row("Session fee", money(r.sessionFee())));
        Receipt.Rewards rewards = r.rewards();
        if (rewards != null && rewards.membershipPlan() != null) rows.add(row("Membership", rewards.membershipPlan()));
        for (Receipt.DiscountLine d : r.discounts()) {
            rows.add(row("Discount " + d.source() + " " + d.reference()
                    + (d.name() == null || d.name().equals(d.reference()) ? "" : " (" + d.name() + ")"), "-" + money(d.amount())));
        }
        rows.add(row("Total", money(r.total())));
        rows.add(row("Payable", money(r.payable())));
        rows.add(row("Paid (" + r.paymentMethod() + ")", money(r.paid())));
        for (Receipt.RefundLine f : r.refunds()) {
            rows.add(row("Refund " + TIME.format(f.at().atZone(zone)), money(f.amount()) + (f.reason().isEmpty() ? "" : " " + f.reason())));
        }
        rows.add(row("Net paid", money(r.netPaid())));
        if (r.parking() != null) {
            Receipt.Parking p = r.parking();
            rows.add(row("Parking (" + p.billedMinutes() + " of " + p.idleMinutes() + " idle min)", money(p.amount()) + " "
                    + p.state().toLowerCase(java.util.Locale.ROOT)));
            rows.add(row("Payable with parking", money(p.payableWithParking())));
        }
        rows.add(row("Points earned", r.points() + (rewards == null ? "" : " (" + plain(rewards.pointsPerKwh()) + " per kWh)")));
        rows.add(row("CO2 saved", (r.carbonSavedKg() == null ? "0" : r.carbonSavedKg().toPlainString()) + " kg"
                + (rewards == null ? "" : " (region " + rewards.carbonRegion() + ", " + plain(rewards.carbonKgPerKwh())
                + " kg CO2/kWh)")));
        if (r.note() != null) rows.add(row("Note", r.note()));
        return rows;
    }

    static String plain(Receipt r) {
        StringBuilder out = new StringBuilder("RECEIPT\n");
        for (String[] row : rows(r)) {
            out.append(String.format("%-28s %s%n", row[0], row[1]));
        }
        return out.toString();
    }

    static String html(Receipt r) {
        StringBuilder out = new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Receipt ")
                .append(r.orderId()).append("</title></head><body><h1>Receipt</h1><table>\n");
        for (String[] row : rows(r)) {
            out.append("<tr><th align=\"left\">").append(escape(row[0])).append("</th><td>").append(escape(row[1]))
                    .append("</td></tr>\n");
        }
        return out.append("</table></body></html>\n").toString();
    }

    private static String[] row(String label, String value) {
        return new String[] {label, value == null ? "-" : value};
    }

    private static String money(Money m) {
        return m.amount().toPlainString() + " " + m.currency().getCurrencyCode();
    }

    private static String price(java.math.BigDecimal p) {
        return p.stripTrailingZeros().scale() < 2 ? p.setScale(2).toPlainString() : p.stripTrailingZeros().toPlainString();
    }

    private static String plain(java.math.BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }
}
