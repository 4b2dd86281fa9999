package io.pylon.domain.anomaly;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon.domain.anomaly.SessionFacts.Reading;
import io.pylon.domain.billing.Bill;
import io.pylon.domain.billing.BillLine;
import io.pylon.domain.billing.IdleCharge;
import io.pylon.domain.metering.MeterVerification;
import io.pylon.domain.metering.VerificationStatus;
import io.pylon.domain.money.Money;
import io.pylon.domain.order.Order;
import io.pylon.domain.order.OrderState;
import io.pylon.domain.tariff.Band;
import io.pylon.domain.tariff.BandPrice;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each anomaly rule, fired by a session built for it, and quiet on an honest one. */
class AnomalyServiceTest {

    static final Instant START = Instant.parse("2026-05-01T02:00:00Z");
    static final Instant STOP = START.plusSeconds(3600);
    static final java.util.Currency CNY = Money.CNY;

    final List<Anomaly> stored = new ArrayList<>();
    final List<Anomaly> inspected = new ArrayList<>();
    final AnomalyStore store = new AnomalyStore() {
        @Override
        public Optional<Anomaly> record(Anomaly a) {
            if (stored.stream().anyMatch(s -> s.dedupKey().equals(a.dedupKey()))) {
                return Optional.empty();
            }
            Anomaly withId = new Anomaly(stored.size() + 1, a.rule(), a.operatorId(), a.stationId(), a.chargerId(),
                    a.connectorId(), a.sessionId(), a.orderId(), a.evidence(), a.detectedAt(), a.dedupKey());
            stored.add(withId);
            return Optional.of(withId);
        }

        @Override
        public boolean queueInspection(Anomaly cause) {
            return inspected.add(cause);
        }
    };
    final AnomalyService service = new AnomalyService(store, o -> null, null, null, Clock.fixed(START, ZoneOffset.UTC),
            new BigDecimal("0.02"));

    static Order order(long energyWh, String electricityPrice) {
        BandPrice price = BandPrice.of(Band.FLAT, electricityPrice, "0.4");
        Bill bill = new Bill(CNY, 9, 1, List.of(BillLine.of(price, energyWh, CNY)), IdleCharge.none(CNY), Money.zero(CNY),
                List.of(), Set.of());
        return new Order(5, 6, 1L, 2L, "CP-1", 1, "TAG", 3L, OrderState.SETTLED, CNY, START, STOP, energyWh, bill,
                Money.zero(CNY), null, 0, null, STOP, STOP, null, null);
    }

    static SessionFacts facts(List<Reading> register, List<Reading> power, String ratedKw) {
        return new SessionFacts(register, power, ratedKw == null ? null : new BigDecimal(ratedKw),
                Map.of(Band.FLAT, BandPrice.of(Band.FLAT, "0.6", "0.4")));
    }

    static Reading r(long seconds, long value) {
        return new Reading(START.plusSeconds(seconds), BigDecimal.valueOf(value));
    }

    static final MeterVerification NONE = MeterVerification.none();

    @Test
    void anHonestSessionRaisesNothing() {
        SessionFacts f = facts(List.of(r(0, 1000), r(1800, 4500), r(3600, 8000)), List.of(r(0, 7000), r(1800, 7000), r(3600, 7000)), "7");
        assertThat(service.inspect(order(7000, "0.6"), f, NONE)).isEmpty();
    }

    @Test
    void eachRuleFiresWithItsEvidence() {
        SessionFacts backwards = facts(List.of(r(0, 1000), r(600, 2000), r(1200, 1900)), List.of(), null);
        assertThat(service.inspect(order(7000, "0.6"), backwards, NONE)).singleElement()
                .satisfies(a -> assertThat(a.evidence()).contains("2000 Wh", "1900 Wh"))
                .extracting(Anomaly::rule).isEqualTo(AnomalyRule.REGISTER_BACKWARDS);

        SessionFacts drift = facts(List.of(r(0, 1000), r(3600, 8210)), List.of(r(0, 7000), r(3600, 7000)), null);
        assertThat(service.inspect(order(7210, "0.6"), drift, NONE)).extracting(Anomaly::rule)
                .containsExactly(AnomalyRule.ENERGY_POWER_MISMATCH);

        SessionFacts rated = facts(List.of(), List.of(), "7");
        assertThat(service.inspect(order(7001, "0.6"), rated, NONE)).singleElement()
                .satisfies(a -> assertThat(a.evidence()).contains("7001 Wh", "rated 7 kW", "7000 Wh"))
                .extracting(Anomaly::rule).isEqualTo(AnomalyRule.ENERGY_ABOVE_RATED);

        assertThat(service.inspect(order(7000, "0.9"), rated, NONE)).singleElement()
                .satisfies(a -> assertThat(a.evidence()).contains("0.90000", "0.60000"))
                .extracting(Anomaly::rule).isEqualTo(AnomalyRule.PRICE_MISMATCH);

        MeterVerification failed = new MeterVerification(VerificationStatus.FAILED, "invalid signature on record T29", "M1",
                null, null, List.of("OCMF|…"));
        assertThat(service.inspect(order(7000, "0.6"), rated, failed)).singleElement()
                .satisfies(a -> assertThat(a.evidence()).contains("T29", "M1"))
                .extracting(Anomaly::severity).isEqualTo(AnomalyRule.Severity.CRITICAL);
    }

    @Test
    void aPileAmountThatDiffersFromTheBillIsRaisedOnce() {
        Order o = order(7000, "0.6"); // 4.20 + 2.80 = 7.00
        assertThat(service.pileAmountMismatch(o, Money.of("7.00", "CNY"))).isEmpty();
        assertThat(service.pileAmountMismatch(o, Money.of("7.35", "CNY"))).get()
                .satisfies(a -> assertThat(a.evidence()).contains("7.35", "7.00"));
        assertThat(service.pileAmountMismatch(o, Money.of("7.35", "CNY"))).isEmpty(); // known already
        assertThat(inspected).isEmpty(); // a warning: no site visit
    }

    @Test
    void sealSignalsAreRecognisedInTheWordsChargersUse() {
        for (String text : List.of("TamperDetectionActivated", "MeterCoverOpen", "seal broken", "表盖打开", "封印破坏", "LID_OPEN")) {
            assertThat(SealSignals.matches(text)).as(text).isTrue();
        }
        for (String text : List.of("GroundFailure", "NoError", "EVCommunicationError", "", "cover")) {
            assertThat(SealSignals.matches(text)).as(text).isFalse();
        }
        assertThat(SealSignals.matches(null)).isFalse();
    }
}
