package io.pylon.domain.anomaly;

import io.pylon.domain.anomaly.SessionFacts.Reading;
import io.pylon.domain.billing.Bill;
import io.pylon.domain.billing.BillLine;
import io.pylon.domain.metering.MeterVerification;
import io.pylon.domain.metering.MeteringService;
import io.pylon.domain.metering.VerificationStatus;
import io.pylon.domain.money.Money;
import io.pylon.domain.order.Order;
import io.pylon.domain.order.OrderListener;
import io.pylon.domain.tariff.BandPrice;
import io.pylon.domain.trust.Records;
import io.pylon.domain.trust.TransparencyLog;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds anomalies: in every order whose bill is final (register backwards, energy against integrated power, energy
 * against rated power × duration, prices against the tariff, signed data that failed) and in what chargers report
 * (meter cover opened, seal broken; pile-reported amounts). Each anomaly names its evidence; a critical one queues
 * the charger for an on-site inspection, and a seal event is also written to the transparency log.
 */
public final class AnomalyService implements OrderListener {

    /** Energy and integrated power may differ by this share of the energy (and at least {@link #MIN_GAP_WH}). */
    private final BigDecimal powerTolerance;
    static final long MIN_GAP_WH = 20;

    private final AnomalyStore store;
    private final SessionFacts.Source facts;
    private final MeteringService metering;
    private final TransparencyLog log;
    private final Clock clock;

    public AnomalyService(AnomalyStore store, SessionFacts.Source facts, MeteringService metering, TransparencyLog log,
                          Clock clock, BigDecimal powerTolerance) {
        this.store = store;
        this.facts = facts;
        this.metering = metering;
        this.log = log;
        this.clock = clock;
        this.powerTolerance = powerTolerance;
    }

    @Override
    public void closed(Order order) {
        for (Anomaly a : inspect(order, facts.of(order), metering.outcome(order.sessionId()))) {
            raise(a);
        }
    }

    /** The anomalies of one finished order (pure: nothing is stored). */
    public List<Anomaly> inspect(Order order, SessionFacts f, MeterVerification signed) {
        List<Anomaly> found = new ArrayList<>();
        registerBackwards(order, f).ifPresent(found::add);
        energyAgainstPower(order, f).ifPresent(found::add);
        energyAboveRated(order, f).ifPresent(found::add);
        priceMismatch(order, f).ifPresent(found::add);
        if (signed.status() == VerificationStatus.FAILED) {
            found.add(anomaly(order, AnomalyRule.SIGNED_DATA_FAILED, "signed meter data failed: " + signed.reason()
                    + " (meter " + signed.meterSerial() + ")"));
        }
        return found;
    }

    /**
     * A charger reported its meter cover opened or seal broken: a critical anomaly, an inspection, and a METER_SEAL
     * entry in the transparency log.
     *
     * @param eventKey what identifies the report (charger, time, kind), so a repeated report counts once
     * @param evidence what the charger sent, verbatim
     */
    public Optional<Anomaly> sealBroken(Long operatorId, Long stationId, String chargerId, int connectorId, String evidence,
                                        Instant occurredAt, String eventKey) {
        Anomaly a = new Anomaly(0, AnomalyRule.SEAL_BROKEN, operatorId, stationId, chargerId, connectorId, null, null,
                evidence, clock.instant(), "seal:" + chargerId + ":" + eventKey);
        Optional<Anomaly> stored = raise(a);
        stored.ifPresent(s -> log.append(Records.sealEvent(s.id(), operatorId, chargerId, connectorId, "SEAL_BROKEN",
                evidence, occurredAt)));
        return stored;
    }

    /**
     * For pile protocols that report the amount they charged (YKC transaction records): compares it with Pylon's
     * bill of the same session and raises PILE_AMOUNT_MISMATCH when they differ.
     *
     * @return the anomaly when the amounts differ and it was not known yet
     */
    public Optional<Anomaly> pileAmountMismatch(Order order, Money pileReported) {
        if (order.bill() == null || order.bill().total().equals(pileReported)) {
            return Optional.empty();
        }
        return raise(anomaly(order, AnomalyRule.PILE_AMOUNT_MISMATCH, "pile reported " + pileReported + ", Pylon billed "
                + order.bill().total() + " for " + order.energyWh() + " Wh"));
    }

    private Optional<Anomaly> raise(Anomaly a) {
        Optional<Anomaly> stored = store.record(a);
        stored.filter(s -> s.severity() == AnomalyRule.Severity.CRITICAL).ifPresent(store::queueInspection);
        return stored;
    }

    private Optional<Anomaly> registerBackwards(Order order, SessionFacts f) {
        Reading previous = null;
        for (Reading r : f.registerWh()) {
            if (previous != null && r.value().compareTo(previous.value()) < 0) {
                return Optional.of(anomaly(order, AnomalyRule.REGISTER_BACKWARDS, "register went from " + previous.value()
                        + " Wh at " + previous.at() + " down to " + r.value() + " Wh at " + r.at()));
            }
            previous = r;
        }
        return Optional.empty();
    }

    private Optional<Anomaly> energyAgainstPower(Order order, SessionFacts f) {
        if (f.powerW().size() < 2 || order.energyWh() == null) {
            return Optional.empty();
        }
        BigDecimal integrated = BigDecimal.ZERO; // W·s, trapezoids between readings
        for (int i = 1; i < f.powerW().size(); i++) {
            Reading a = f.powerW().get(i - 1);
            Reading b = f.powerW().get(i);
            long seconds = Duration.between(a.at(), b.at()).toSeconds();
            integrated = integrated.add(a.value().add(b.value()).multiply(BigDecimal.valueOf(seconds)).divide(BigDecimal.TWO));
        }
        BigDecimal integratedWh = integrated.divide(BigDecimal.valueOf(3600), 0, RoundingMode.HALF_UP);
        Reading first = f.powerW().getFirst();
        Reading last = f.powerW().getLast();
        BigDecimal metered = energyBetween(f, first.at(), last.at());
        if (metered == null) {
            return Optional.empty();
        }
        BigDecimal gap = metered.subtract(integratedWh).abs();
        BigDecimal allowed = metered.multiply(powerTolerance).max(BigDecimal.valueOf(MIN_GAP_WH));
        if (gap.compareTo(allowed) <= 0) {
            return Optional.empty();
        }
        return Optional.of(anomaly(order, AnomalyRule.ENERGY_POWER_MISMATCH, "register counted " + metered + " Wh from "
                + first.at() + " to " + last.at() + ", reported power integrates to " + integratedWh + " Wh ("
                + metered.subtract(integratedWh).multiply(BigDecimal.valueOf(100)).divide(integratedWh.max(BigDecimal.ONE), 1,
                RoundingMode.HALF_UP) + "%; tolerance " + powerTolerance.movePointRight(2).stripTrailingZeros().toPlainString() + "%)"));
    }

    /** Register difference between the readings nearest to two times (the span the power readings cover). */
    private static BigDecimal energyBetween(SessionFacts f, Instant from, Instant to) {
        Reading start = f.registerWh().isEmpty() ? null : f.registerWh().getFirst();
        Reading end = null;
        for (Reading r : f.registerWh()) {
            if (!r.at().isAfter(from)) {
                start = r;
            }
            if (!r.at().isAfter(to)) {
                end = r;
            }
        }
        return start == null || end == null || !end.at().isAfter(start.at()) ? null : end.value().subtract(start.value());
    }

    private Optional<Anomaly> energyAboveRated(Order order, SessionFacts f) {
        if (f.ratedPowerKw() == null || order.energyWh() == null || order.stoppedAt() == null) {
            return Optional.empty();
        }
        long seconds = Math.max(0, Duration.between(order.startedAt(), order.stoppedAt()).toSeconds());
        BigDecimal maxWh = f.ratedPowerKw().multiply(BigDecimal.valueOf(seconds)).divide(BigDecimal.valueOf(3.6), 0,
                RoundingMode.CEILING);
        if (BigDecimal.valueOf(order.energyWh()).compareTo(maxWh) <= 0) {
            return Optional.empty();
        }
        return Optional.of(anomaly(order, AnomalyRule.ENERGY_ABOVE_RATED, order.energyWh() + " Wh in " + seconds
                + " s exceeds rated " + f.ratedPowerKw().stripTrailingZeros().toPlainString() + " kW × duration = " + maxWh + " Wh"));
    }

    private Optional<Anomaly> priceMismatch(Order order, SessionFacts f) {
        Bill bill = order.bill();
        if (bill == null || f.tariffPrices() == null) {
            return Optional.empty();
        }
        long sum = 0;
        for (BillLine line : bill.lines()) {
            sum += line.energyWh();
            BandPrice price = f.tariffPrices().get(line.band());
            if (price == null || price.electricityPerKwh().compareTo(line.electricityPrice()) != 0
                    || price.servicePerKwh().compareTo(line.servicePrice()) != 0) {
                return Optional.of(anomaly(order, AnomalyRule.PRICE_MISMATCH, line.band() + " billed at "
                        + line.electricityPrice() + " + " + line.servicePrice() + " per kWh; tariff " + bill.tariffId() + " v"
                        + bill.tariffVersion() + " says " + (price == null ? "no price for that band"
                        : price.electricityPerKwh() + " + " + price.servicePerKwh())));
            }
        }
        if (order.energyWh() != null && sum != order.energyWh()) {
            return Optional.of(anomaly(order, AnomalyRule.PRICE_MISMATCH, "bill lines add up to " + sum + " Wh, the order to "
                    + order.energyWh() + " Wh"));
        }
        return Optional.empty();
    }

    private Anomaly anomaly(Order o, AnomalyRule rule, String evidence) {
        return new Anomaly(0, rule, o.operatorId(), o.stationId(), o.chargerId(), o.connectorId(), o.sessionId(), o.id(),
                evidence, clock.instant(), rule + ":order:" + o.id());
    }
}
