package io.pylon.domain.order;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon.domain.auth.AuthorizationStatus;
import io.pylon.domain.auth.IdToken;
import io.pylon.domain.auth.IdTokenStatus;
import io.pylon.domain.auth.TokenKind;
import io.pylon.domain.billing.BillFlag;
import io.pylon.domain.billing.OfflineBillingMode;
import io.pylon.domain.charger.ConnectorStatus;
import io.pylon.domain.charger.StatusReport;
import io.pylon.domain.billing.SessionUsage;
import io.pylon.domain.ledger.AccountRef;
import io.pylon.domain.ledger.AccountType;
import io.pylon.domain.ledger.InMemoryLedger;
import io.pylon.domain.ledger.SettleOutcome;
import io.pylon.domain.ledger.Rejected;
import io.pylon.domain.ledger.RefundOutcome;
import io.pylon.domain.ledger.WalletBalance;
import io.pylon.domain.ledger.WalletService;
import io.pylon.domain.ledger.WalletSettings;
import io.pylon.domain.marketing.CarbonFactor;
import io.pylon.domain.money.Money;
import io.pylon.domain.session.ChargingSession;
import io.pylon.domain.session.SessionState;
import io.pylon.domain.support.InMemoryTokens;
import io.pylon.domain.support.MutableClock;
import io.pylon.domain.tariff.Band;
import io.pylon.domain.tariff.BandPrice;
import io.pylon.domain.tariff.DaySchedule;
import io.pylon.domain.tariff.HolidayCalendar;
import io.pylon.domain.tariff.IdleFeeRule;
import io.pylon.domain.tariff.Tariff;
import io.pylon.domain.tariff.TariffTerms;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Orders open with a wallet hold when a session starts and are billed and paid when it stops. */
class OrderServiceTest {

    private static final long OP = 3;
    private static final Instant T0 = Instant.parse("2026-06-01T10:00:00Z"); // 18:00 in Shanghai: sharp
    private final MutableClock clock = new MutableClock(T0);
    private final InMemoryOrders orders = new InMemoryOrders();
    private final InMemoryTokens tokens = new InMemoryTokens();
    private final InMemoryLedger ledger = new InMemoryLedger();
    private final WalletService wallet = new WalletService(ledger, ledger.transactions(), clock,
            new WalletSettings(new BigDecimal("20")));
    /** 18:00-21:00 sharp at 1.2 + 0.8 per kWh, otherwise flat at 0.6 + 0.4. */
    private final Tariff tariff = Tariff.create(9, OP, "TOU", TariffTerms.simple(Money.CNY,
            DaySchedule.parse("00:00-18:00 FLAT, 18:00-21:00 SHARP, 21:00-24:00 FLAT"),
            BandPrice.of(Band.SHARP, "1.2", "0.8"), BandPrice.of(Band.FLAT, "0.6", "0.4")), Instant.EPOCH);
    private Optional<Tariff> stationTariff = Optional.of(tariff);
    private Promotions promotions = Promotions.none(new OrderSettings(BigDecimal.ONE,
            new CarbonFactor("CN", new BigDecimal("0.5703"))));
    private final OrderService service = new OrderService(orders, tokens,
            (charger, station, operator) -> new BillingContext(ZoneId.of("Asia/Shanghai"), Money.CNY, stationTariff,
                    HolidayCalendar.ALL_WORKDAYS, OfflineBillingMode.ONLINE_BILLING),
            wallet, (order, session, bill) -> promotions.apply(order, session, bill), clock, new FakeUsage());
    /** What the connector reported: charging finished / plugged out at stop time, and Available later. */
    private Instant finishedAt;
    private Instant pluggedOutAt;
    private Instant availableAt;

    private final class FakeUsage implements OrderService.UsageSource {
        @Override
        public SessionUsage of(ChargingSession s) {
            return SessionUsage.of(s.startedAt(), s.meterStartWh(), s.stoppedAt(), s.meterStopWh())
                    .withIdle(finishedAt, pluggedOutAt);
        }

        @Override
        public Instant pluggedOutAfter(String chargerId, int connectorId, Instant from) {
            return availableAt != null && !availableAt.isBefore(from) ? availableAt : null;
        }
    }
    private final OrderRefunds refunds = new OrderRefunds(orders, wallet, ledger.transactions(), clock);

    private void card(String idTag, Long driverId) {
        tokens.insert(new IdToken(idTag, IdTokenStatus.ACCEPTED, null, null, null, T0, T0, OP, driverId, TokenKind.RFID,
                null, null, false));
    }

    private static ChargingSession session(long id, String idTag, long startWh, Long stopWh, Instant stoppedAt) {
        return new ChargingSession(id, "CP1", 1, idTag, AuthorizationStatus.ACCEPTED, null, startWh, T0, stopWh, stoppedAt,
                null, null, stopWh == null ? SessionState.ACTIVE : SessionState.COMPLETED, OP, 5L, T0);
    }

    @Test
    void aDriversSessionIsHeldBilledBandByBandAndPaidFromTheWallet() {
        card("CARD1", 42L);
        wallet.topUp(OP, 42, Money.of("100.00", "CNY"), "cash", "k1", "staff");
        assertThat(service.started(session(1, "CARD1", 1000, null, null))).isEqualTo(AuthorizationStatus.ACCEPTED);
        assertThat(wallet.balance(OP, 42, Money.CNY)).isEqualTo(new WalletBalance(Money.of("80.00", "CNY"), Money.of("20.00", "CNY")));

        // 10 kWh from 18:00 to 22:00 local: 7.5 kWh sharp, 2.5 kWh flat (linear between start and stop)
        service.stopped(session(1, "CARD1", 1000, 11_000L, T0.plusSeconds(4 * 3600)));

        Order order = orders.bySession(1).orElseThrow();
        assertThat(order.state()).isEqualTo(OrderState.SETTLED);
        assertThat(order.bill().line(Band.SHARP).orElseThrow().energyWh()).isEqualTo(7500);
        assertThat(order.bill().line(Band.FLAT).orElseThrow().energyWh()).isEqualTo(2500);
        assertThat(order.payable()).isEqualTo(Money.of("17.50", "CNY")); // 7.5 × 2.0 + 2.5 × 1.0
        assertThat(order.points()).isEqualTo(10);
        assertThat(order.carbonSavedKg()).isEqualByComparingTo("5.703");
        assertThat(wallet.balance(OP, 42, Money.CNY)).isEqualTo(new WalletBalance(Money.of("82.50", "CNY"), Money.of("0.00", "CNY")));
    }

    @Test
    void aDriverWhoCannotCoverTheHoldIsRefusedAtStart() {
        card("POOR", 43L);
        wallet.topUp(OP, 43, Money.of("5.00", "CNY"), "cash", "k2", "staff");
        assertThat(service.started(session(2, "POOR", 0, null, null))).isEqualTo(AuthorizationStatus.BLOCKED);
        ChargingSession stopped = session(2, "POOR", 0, 300L, T0.plusSeconds(20));
        service.stopped(new ChargingSession(2, "CP1", 1, "POOR", AuthorizationStatus.BLOCKED, null, 0, T0, 300L,
                stopped.stoppedAt(), "DeAuthorized", null, SessionState.COMPLETED, OP, 5L, T0));
        assertThat(orders.bySession(2).orElseThrow().state()).isEqualTo(OrderState.ABNORMAL);
        assertThat(wallet.balance(OP, 43, Money.CNY).available()).isEqualTo(Money.of("5.00", "CNY"));
    }

    @Test
    void aStationWithoutTariffMakesTheOrderAbnormalAndReleasesTheHold() {
        card("CARD3", 44L);
        wallet.topUp(OP, 44, Money.of("30.00", "CNY"), "cash", "k3", "staff");
        service.started(session(3, "CARD3", 0, null, null));
        stationTariff = Optional.empty();
        service.stopped(session(3, "CARD3", 0, 5000L, T0.plusSeconds(3600)));
        Order order = orders.bySession(3).orElseThrow();
        assertThat(order.state()).isEqualTo(OrderState.ABNORMAL);
        assertThat(order.abnormalReason()).startsWith("NO_TARIFF");
        assertThat(wallet.balance(OP, 44, Money.CNY)).isEqualTo(new WalletBalance(Money.of("30.00", "CNY"), Money.of("0.00", "CNY")));
    }

    @Test
    void anAnonymousCardIsBilledButLeftForPaymentAndAStopTwiceBillsOnce() {
        card("ANON", null);
        service.started(session(4, "ANON", 0, null, null));
        service.stopped(session(4, "ANON", 0, 2000L, T0.plusSeconds(1800)));
        service.stopped(session(4, "ANON", 0, 2000L, T0.plusSeconds(1800)));
        Order order = orders.bySession(4).orElseThrow();
        assertThat(order.state()).isEqualTo(OrderState.FINISHED);
        assertThat(order.payable()).isEqualTo(Money.of("4.00", "CNY"));
        assertThat(orders.orders).hasSize(1);

        assertThat(refunds.refund(order, Money.of("1.00", "CNY"), "early", "r0", "staff")).isInstanceOf(Rejected.class);
        assertThat(refunds.collect(order, "cash:R-1", "staff")).isInstanceOf(SettleOutcome.Settled.class);
        Order paid = orders.bySession(4).orElseThrow();
        assertThat(paid.state()).isEqualTo(OrderState.SETTLED);
        assertThat(refunds.collect(paid, "cash:R-2", "staff")).as("paid once").isInstanceOf(SettleOutcome.Settled.class);
        assertThat(ledger.entries()).hasSize(1);
        assertThat(ledger.balance(AccountRef.operator(OP, AccountType.PAYMENT_CLEARING), Money.CNY)).isEqualTo(Money.of("-4.00", "CNY"));

        assertThat(refunds.refund(paid, Money.of("1.50", "CNY"), "fault", "r1", "staff")).isInstanceOf(RefundOutcome.Refunded.class);
        assertThat(refunds.refund(paid, Money.of("1.50", "CNY"), "fault", "r1", "staff")).isInstanceOf(RefundOutcome.Refunded.class);
        assertThat(refunds.refund(paid, Money.of("2.51", "CNY"), "more", "r2", "staff")).isInstanceOf(Rejected.class);
        assertThat(orders.bySession(4).orElseThrow().refunded()).isEqualTo(Money.of("1.50", "CNY"));
        assertThat(ledger.balance(AccountRef.operator(OP, AccountType.PAYMENT_CLEARING), Money.CNY)).isEqualTo(Money.of("-2.50", "CNY"));
        assertThat(ledger.sumOfAllPostings().values()).allSatisfy(sum -> assertThat(sum).isEqualByComparingTo("0"));
    }

    @Test
    void aDriversOrderIsNeverCollectedAtTheTill() {
        card("WALLET", 60L);
        wallet.topUp(OP, 60, Money.of("50.00", "CNY"), "cash", "k60", "staff");
        service.started(session(60, "WALLET", 0, null, null));
        service.stopped(session(60, "WALLET", 0, 1000L, T0.plusSeconds(600)));
        assertThat(refunds.collect(orders.bySession(60).orElseThrow(), "cash:R", "staff")).isInstanceOf(Rejected.class);
    }

    @Test
    void promotionsPriceTheBillOnceAndTheWalletPaysTheDiscountedAmount() {
        card("CARD6", 46L);
        wallet.topUp(OP, 46, Money.of("50.00", "CNY"), "cash", "k6", "staff");
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        promotions = (order, session, bill) -> {
            calls.incrementAndGet();
            return new Promotions.Priced(bill.withDiscounts(java.util.List.of(new io.pylon.domain.billing.Discount(
                    io.pylon.domain.billing.Discount.Source.COUPON, "SAVE1", Money.of("1.00", "CNY")))), 7,
                    new BigDecimal("1.234"));
        };
        service.started(session(6, "CARD6", 0, null, null));
        service.stopped(session(6, "CARD6", 0, 5000L, T0.plusSeconds(3600))); // 5 kWh sharp = 6.00 + 4.00

        Order order = orders.bySession(6).orElseThrow();
        assertThat(order.state()).isEqualTo(OrderState.SETTLED);
        assertThat(order.payable()).isEqualTo(Money.of("9.00", "CNY"));
        assertThat(order.points()).isEqualTo(7);
        assertThat(order.carbonSavedKg()).isEqualByComparingTo("1.234");
        assertThat(order.bill().discounts()).hasSize(1);
        assertThat(wallet.balance(OP, 46, Money.CNY).available()).isEqualTo(Money.of("41.00", "CNY"));
        assertThat(calls).hasValue(1);
    }

    @Test
    void anonymousCardsEarnNoPoints() {
        card("ANON7", null);
        service.started(session(7, "ANON7", 0, null, null));
        service.stopped(session(7, "ANON7", 0, 2000L, T0.plusSeconds(1800)));
        assertThat(orders.bySession(7).orElseThrow().points()).isZero();
        assertThat(orders.bySession(7).orElseThrow().carbonSavedKg()).isEqualByComparingTo("1.141");
    }

    @Test
    void refundsNeverExceedWhatWasPaidAndARetriedRefundCountsOnce() {
        card("CARD5", 45L);
        wallet.topUp(OP, 45, Money.of("50.00", "CNY"), "cash", "k5", "staff");
        service.started(session(5, "CARD5", 0, null, null));
        service.stopped(session(5, "CARD5", 0, 5000L, T0.plusSeconds(3600))); // 5 kWh sharp = 10.00
        Order order = orders.bySession(5).orElseThrow();

        assertThat(refunds.refund(order, Money.of("4.00", "CNY"), "fault", "r1", "finance")).isInstanceOf(RefundOutcome.Refunded.class);
        assertThat(refunds.refund(orders.find(order.id()).orElseThrow(), Money.of("4.00", "CNY"), "fault", "r1", "finance"))
                .isInstanceOf(RefundOutcome.Refunded.class);
        assertThat(orders.find(order.id()).orElseThrow().refunded()).isEqualTo(Money.of("4.00", "CNY"));
        assertThat(refunds.refund(orders.find(order.id()).orElseThrow(), Money.of("6.01", "CNY"), "more", "r2", "finance"))
                .isEqualTo(new Rejected(Rejected.Reason.EXCEEDS_REFUNDABLE, Money.of("6.00", "CNY")));
        refunds.refund(orders.find(order.id()).orElseThrow(), Money.of("6.00", "CNY"), "rest", "r3", "finance");
        assertThat(orders.find(order.id()).orElseThrow().state()).isEqualTo(OrderState.REFUNDED);
        assertThat(wallet.balance(OP, 45, Money.CNY).available()).isEqualTo(Money.of("50.00", "CNY"));
    }

    /** 0.50 per idle minute after 10 minutes' grace, at most 20.00. */
    private void idleFeeTariff() {
        stationTariff = Optional.of(Tariff.create(9, OP, "TOU+idle", tariff.versions().getFirst().terms()
                .withIdleFee(new IdleFeeRule(new BigDecimal("0.5"), 10, Money.of("20.00", "CNY"))), Instant.EPOCH));
    }

    @Test
    void withAnIdleFeeTheOrderWaitsForTheVehicleToLeaveThenChargesTheIdleMinutesAndSettles() {
        idleFeeTariff();
        card("IDLE1", 50L);
        wallet.topUp(OP, 50, Money.of("100.00", "CNY"), "cash", "k50", "staff");
        service.started(session(50, "IDLE1", 0, null, null));
        finishedAt = T0.plusSeconds(3000); // car full at 10:50 UTC, session stopped by the card at 11:00
        service.stopped(session(50, "IDLE1", 0, 10_000L, T0.plusSeconds(3600)));

        Order waiting = orders.bySession(50).orElseThrow();
        assertThat(waiting.state()).isEqualTo(OrderState.FINISHED);
        assertThat(waiting.awaitingPlugOut()).isTrue();
        assertThat(waiting.idleFrom()).isEqualTo(finishedAt);
        assertThat(wallet.balance(OP, 50, Money.CNY).onHold()).isEqualTo(Money.of("20.00", "CNY"));

        service.status("CP1", available(2), T0.plusSeconds(5000)); // another connector: nothing
        assertThat(orders.bySession(50).orElseThrow().awaitingPlugOut()).isTrue();
        service.status("CP1", available(1), T0.plusSeconds(3000 + 35 * 60 + 59)); // 35 idle minutes, 25 billed
        service.status("CP1", available(1), T0.plusSeconds(9000)); // a repeat changes nothing

        Order paid = orders.bySession(50).orElseThrow();
        assertThat(paid.state()).isEqualTo(OrderState.SETTLED);
        assertThat(paid.bill().idleFee().idleMinutes()).isEqualTo(35);
        assertThat(paid.bill().idleFee().billedMinutes()).isEqualTo(25);
        assertThat(paid.bill().idleFee().amount()).isEqualTo(Money.of("12.50", "CNY"));
        assertThat(paid.payable()).isEqualTo(Money.of("32.50", "CNY")); // 10 kWh sharp at 2.0 + 12.50 idle
        assertThat(paid.pluggedOutAt()).isEqualTo(T0.plusSeconds(3000 + 35 * 60 + 59));
        assertThat(wallet.balance(OP, 50, Money.CNY)).isEqualTo(new WalletBalance(Money.of("67.50", "CNY"), Money.of("0.00", "CNY")));
    }

    @Test
    void aVehicleThatLeftWithTheStopPaysItsIdleMinutesAtOnceAndTheCapHolds() {
        idleFeeTariff();
        card("IDLE2", 51L);
        wallet.topUp(OP, 51, Money.of("100.00", "CNY"), "cash", "k51", "staff");
        service.started(session(51, "IDLE2", 0, null, null));
        finishedAt = T0.plusSeconds(300);
        pluggedOutAt = T0.plusSeconds(3600); // EVDisconnected: 55 idle minutes, 45 billed = 22.50, capped at 20.00
        service.stopped(session(51, "IDLE2", 0, 1_000L, T0.plusSeconds(3600)));
        Order paid = orders.bySession(51).orElseThrow();
        assertThat(paid.state()).isEqualTo(OrderState.SETTLED);
        assertThat(paid.bill().idleFee().amount()).isEqualTo(Money.of("20.00", "CNY"));
        assertThat(paid.bill().idleFee().capped()).isTrue();
    }

    @Test
    void theSweepChargesUpToAMissedAvailableAndSettlesWithoutIdleFeeWhenTheWaitRunsOut() {
        idleFeeTariff();
        card("IDLE3", 52L);
        wallet.topUp(OP, 52, Money.of("100.00", "CNY"), "cash", "k52", "staff");
        service.started(session(52, "IDLE3", 0, null, null));
        service.stopped(session(52, "IDLE3", 0, 1_000L, T0.plusSeconds(3600)));
        assertThat(service.settleIdle(Duration.ofHours(12), 100)).isZero(); // nothing known yet, not expired
        availableAt = T0.plusSeconds(3600 + 15 * 60); // the Available reached another node: 15 min, 5 billed
        assertThat(service.settleIdle(Duration.ofHours(12), 100)).isEqualTo(1);
        assertThat(orders.bySession(52).orElseThrow().bill().idleFee().amount()).isEqualTo(Money.of("2.50", "CNY"));

        availableAt = null;
        card("IDLE4", 53L);
        wallet.topUp(OP, 53, Money.of("100.00", "CNY"), "cash", "k53", "staff");
        service.started(session(53, "IDLE4", 0, null, null));
        service.stopped(session(53, "IDLE4", 0, 1_000L, T0.plusSeconds(3600)));
        clock.advance(Duration.ofHours(14));
        assertThat(service.settleIdle(Duration.ofHours(12), 100)).isEqualTo(1);
        Order unknown = orders.bySession(53).orElseThrow();
        assertThat(unknown.state()).isEqualTo(OrderState.SETTLED);
        assertThat(unknown.bill().idleFee().amount()).isEqualTo(Money.of("0.00", "CNY"));
        assertThat(unknown.bill().flags()).contains(BillFlag.IDLE_END_UNKNOWN);
        assertThat(unknown.payable()).isEqualTo(Money.of("2.00", "CNY"));
    }

    @Test
    void withoutAnIdleFeeTheOrderSettlesAtTheStop() {
        card("NOIDLE", 54L);
        wallet.topUp(OP, 54, Money.of("100.00", "CNY"), "cash", "k54", "staff");
        service.started(session(54, "NOIDLE", 0, null, null));
        service.stopped(session(54, "NOIDLE", 0, 1_000L, T0.plusSeconds(3600)));
        assertThat(orders.bySession(54).orElseThrow().state()).isEqualTo(OrderState.SETTLED);
        assertThat(orders.bySession(54).orElseThrow().idleFrom()).isNull();
    }

    private static StatusReport available(int connector) {
        return new StatusReport(connector, ConnectorStatus.AVAILABLE, "NoError", null, null, null, null);
    }
}
