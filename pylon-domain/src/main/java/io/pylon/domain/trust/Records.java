package io.pylon.domain.trust;

import io.pylon.domain.billing.Bill;
import io.pylon.domain.billing.BillLine;
import io.pylon.domain.metering.MeterVerification;
import io.pylon.domain.money.Money;
import io.pylon.domain.order.Order;
import io.pylon.domain.tariff.Band;
import io.pylon.domain.tariff.BandPrice;
import io.pylon.domain.tariff.Tariff;
import io.pylon.domain.tariff.TariffTerms;
import io.pylon.domain.tariff.TariffVersion;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The log records Pylon writes, field by field (see docs/adr/0009-trusted-metering.md). A record carries what a
 * driver or inspector needs to check a transaction and nothing personal: no id tag, no driver.
 */
public final class Records {

    private Records() {}

    /** The subject of a session's record: its order. */
    public static String sessionSubject(long orderId) {
        return "order:" + orderId;
    }

    public static String tariffSubject(long tariffId, int version) {
        return "tariff:" + tariffId + ":v" + version;
    }

    /** A finished session: where, when, meter readings, energy, the bill line by line, signed meter data. */
    public static NewEntry session(Order order, MeterVerification metering) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("orderId", order.id());
        r.put("sessionId", order.sessionId());
        r.put("operatorId", order.operatorId());
        r.put("stationId", order.stationId());
        r.put("chargerId", order.chargerId());
        r.put("connectorId", (long) order.connectorId());
        r.put("startedAt", order.startedAt());
        r.put("stoppedAt", order.stoppedAt());
        r.put("energyWh", order.energyWh());
        r.put("outcome", order.state() == io.pylon.domain.order.OrderState.ABNORMAL ? "ABNORMAL" : "BILLED");
        r.put("abnormalReason", order.abnormalReason());
        r.put("bill", order.bill() == null ? null : bill(order.bill()));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", metering.status());
        m.put("reason", metering.reason());
        m.put("meterSerial", metering.meterSerial());
        m.put("beginWh", metering.beginWh());
        m.put("endWh", metering.endWh());
        m.put("signedData", metering.signedData());
        r.put("signedMeterData", m);
        return new NewEntry(EntryKind.SESSION, sessionSubject(order.id()), order.operatorId(), r);
    }

    private static Map<String, Object> bill(Bill b) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("currency", b.currency().getCurrencyCode());
        r.put("tariffId", b.tariffId());
        r.put("tariffVersion", (long) b.tariffVersion());
        List<Object> lines = new ArrayList<>();
        for (BillLine line : b.lines()) {
            Map<String, Object> l = new LinkedHashMap<>();
            l.put("band", line.band());
            l.put("energyWh", line.energyWh());
            l.put("electricityPerKwh", line.electricityPrice());
            l.put("servicePerKwh", line.servicePrice());
            l.put("electricity", amount(line.electricityAmount()));
            l.put("service", amount(line.serviceAmount()));
            lines.add(l);
        }
        r.put("lines", lines);
        r.put("idleMinutes", b.idleFee().billedMinutes());
        r.put("idleFee", amount(b.idleFee().amount()));
        r.put("sessionFee", amount(b.sessionFee()));
        r.put("discount", amount(b.serviceDiscount()));
        r.put("total", amount(b.total()));
        r.put("payable", amount(b.payable()));
        r.put("flags", b.flags().stream().map(Enum::name).sorted().toList());
        return r;
    }

    /** A tariff version as it was created: prices per band, schedules, idle fee and session fee. */
    public static NewEntry tariff(Tariff tariff, TariffVersion version) {
        TariffTerms t = version.terms();
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("tariffId", tariff.id());
        r.put("operatorId", tariff.operatorId());
        r.put("name", tariff.name());
        r.put("version", (long) version.version());
        r.put("effectiveFrom", version.effectiveFrom());
        r.put("currency", t.currency().getCurrencyCode());
        r.put("workdaySchedule", t.workdaySchedule().format());
        r.put("holidaySchedule", t.holidaySchedule() == null ? null : t.holidaySchedule().format());
        Map<String, Object> prices = new LinkedHashMap<>();
        for (Map.Entry<Band, BandPrice> p : t.prices().entrySet()) {
            prices.put(p.getKey().name(), Map.of("electricityPerKwh", p.getValue().electricityPerKwh(),
                    "servicePerKwh", p.getValue().servicePerKwh()));
        }
        r.put("prices", prices);
        r.put("idleFeePerMinute", t.idleFee().perMinute());
        r.put("idleGraceMinutes", (long) t.idleFee().graceMinutes());
        r.put("idleFeeCap", t.idleFee().cap() == null ? null : amount(t.idleFee().cap()));
        r.put("sessionFee", amount(t.sessionFee()));
        return new NewEntry(EntryKind.TARIFF, tariffSubject(tariff.id(), version.version()), tariff.operatorId(), r);
    }

    /**
     * A meter seal event: the cover opened, the seal broken, as the charger reported it.
     *
     * @param eventId  the platform's id of the report (makes the subject unique)
     * @param evidence what the charger sent, verbatim
     */
    public static NewEntry sealEvent(long eventId, Long operatorId, String chargerId, int connectorId, String kind,
                                     String evidence, Instant occurredAt) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("chargerId", chargerId);
        r.put("connectorId", (long) connectorId);
        r.put("operatorId", operatorId);
        r.put("event", kind);
        r.put("evidence", evidence);
        r.put("occurredAt", occurredAt);
        return new NewEntry(EntryKind.METER_SEAL, "seal:" + eventId, operatorId, r);
    }

    private static String amount(Money money) {
        return money.amount().toPlainString();
    }
}
