package io.pylon.domain.billing;

import static io.pylon.domain.billing.BillingEngineTest.SHANGHAI;
import static io.pylon.domain.billing.BillingEngineTest.TERMS;
import static io.pylon.domain.billing.BillingEngineTest.at;
import static io.pylon.domain.billing.BillingEngineTest.cny;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pylon.domain.money.Money;
import io.pylon.domain.tariff.Band;
import io.pylon.domain.tariff.HolidayCalendar;
import io.pylon.domain.tariff.Tariff;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class OfflineBillingModeTest {

    static final Instant START = at("2026-03-10T21:30+08:00");
    static final Tariff TARIFF = Tariff.create(11, 1, "Standard", TERMS.withSessionFee(cny("1")), Instant.EPOCH)
            .revise(TERMS.withSessionFee(cny("9")), START.plusSeconds(600), START);
    static final SessionUsage USAGE = SessionUsage.of(START, 0, START.plusSeconds(3600), 7_000);

    private final Bill normal = new BillingEngine().bill(TARIFF, SHANGHAI, HolidayCalendar.ALL_WORKDAYS, USAGE);

    @Test
    void onlineSessionsAreBilledNormallyInEveryMode() {
        for (OfflineBillingMode mode : OfflineBillingMode.values()) {
            assertThat(mode.settle(normal, false)).as("%s", mode).isEqualTo(normal);
        }
    }

    @Test
    void offlineFreeKeepsTheEnergyButChargesNothing() {
        Bill free = OfflineBillingMode.OFFLINE_FREE.settle(normal, true);

        assertThat(free.lines()).extracting(BillLine::band, BillLine::energyWh)
                .containsExactlyElementsOf(normal.lines().stream()
                        .map(l -> org.assertj.core.groups.Tuple.tuple(l.band(), l.energyWh())).toList());
        assertThat(free.total()).isEqualTo(Money.zero(Money.CNY));
        assertThat(free.flags()).containsExactly(BillFlag.OFFLINE_FREE);
    }

    @Test
    void offlineBillingUsesTheVersionInForceAtTheStart() {
        Bill bill = OfflineBillingMode.OFFLINE_BILLING.settle(normal, true);

        assertThat(bill.tariffVersion()).isEqualTo(1);
        assertThat(bill.sessionFee()).isEqualTo(cny("1"));
        assertThat(bill.total()).isEqualTo(normal.total());
        assertThat(bill.flags()).containsExactly(BillFlag.RECORDED_OFFLINE);
    }

    @Test
    void onlineBillingRefusesOfflineStartsButFlagsOnesThatArrive() {
        assertThat(OfflineBillingMode.ONLINE_BILLING.allowsOfflineStart()).isFalse();
        assertThat(OfflineBillingMode.OFFLINE_BILLING.allowsOfflineStart()).isTrue();
        Bill bill = OfflineBillingMode.ONLINE_BILLING.settle(normal, true);

        assertThat(bill.total()).isEqualTo(normal.total());
        assertThat(bill.flags()).containsExactly(BillFlag.UNEXPECTED_OFFLINE_START);
    }

    @Test
    void discountsReduceOnlyTheServiceAmount() {
        Money service = normal.serviceTotal();
        Bill discounted = normal.withDiscounts(List.of(new Discount(Discount.Source.COUPON, "WELCOME", cny("1"))));

        assertThat(discounted.serviceDiscount()).isEqualTo(cny("1"));
        assertThat(discounted.payable()).isEqualTo(normal.total().minus(cny("1")));
        assertThatThrownBy(() -> normal.withDiscounts(List.of(new Discount(Discount.Source.COUPON, "BIG",
                service.plus(cny("0.01")))))).hasMessageContaining("exceed");
        assertThat(normal.line(Band.PEAK)).isPresent();
    }
}
