package io.pylon.server.me;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon.domain.billing.BillLine;
import io.pylon.domain.billing.Discount;
import io.pylon.domain.money.Money;
import io.pylon.domain.order.OrderState;
import io.pylon.domain.tariff.Band;
import io.pylon.domain.tariff.BandPrice;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReceiptTextTest {

    static Money cny(String amount) {
        return Money.of(amount, "CNY");
    }

    static Receipt receipt(String stationName) {
        return receipt(stationName, null);
    }

    static Receipt receipt(String stationName, Instant awaitingPlugOutSince) {
        ReceiptLine flat = ReceiptLine.of(BillLine.of(BandPrice.of(Band.FLAT, "0.6", "0.4"), 10_000, Money.CNY));
        return new Receipt(7, 70, OrderState.SETTLED, "Op", new Receipt.Place(1L, stationName, "1 Road"), "CP-1", 1, "CP-1-1",
                Instant.parse("2026-03-10T01:00:00Z"), Instant.parse("2026-03-10T02:00:00Z"), 3600, "Asia/Shanghai", 10_000,
                new BigDecimal("10.000"), "CNY", 3, 1, List.of(flat), cny("6.00"), cny("4.00"),
                new Receipt.IdleFee(0, cny("0.00")), cny("0.00"),
                List.of(new Receipt.DiscountLine(Discount.Source.MEMBERSHIP, "Gold", "Gold", cny("0.40")),
                        new Receipt.DiscountLine(Discount.Source.COUPON, "WELCOME", "Welcome 1 off", cny("1.00"))),
                cny("1.40"), cny("10.00"),
                cny("8.60"), cny("8.60"), List.of(new Receipt.RefundLine(Instant.parse("2026-03-11T00:00:00Z"), cny("2.00"), "slow")),
                cny("2.00"), cny("6.60"), "WALLET", 20, new BigDecimal("5.703"), Set.of(),
                new Receipt.Rewards(20, new BigDecimal("2"), "Gold", new Receipt.CouponUsed(5, "WELCOME", "Welcome 1 off"),
                        new BigDecimal("5.703"), "CN-ZJ", new BigDecimal("0.5703")),
                awaitingPlugOutSince, awaitingPlugOutSince == null ? null : Receipt.IDLE_FEE_PENDING, null,
                new Receipt.Parking("京AD12345", 35, 20, cny("10.00"), "CHARGED", cny("18.60")));
    }

    @Test
    void plainTextListsEveryAmountInStationTime() {
        String text = ReceiptText.plain(receipt("Station"));
        assertThat(text).contains("2026-03-10 09:00:00 Asia/Shanghai", "FLAT 10.000 kWh", "electricity 0.60/kWh = 6.00 CNY",
                "Membership", "Gold", "Discount MEMBERSHIP Gold ", "-0.40 CNY", "Discount COUPON WELCOME (Welcome 1 off)",
                "-1.00 CNY", "Payable", "8.60 CNY", "Refund 2026-03-11 08:00:00", "Net paid", "6.60 CNY",
                "20 (2 per kWh)", "5.703 kg (region CN-ZJ, 0.5703 kg CO2/kWh)", "Idle fee (0 min)",
                "Parking (20 of 35 idle min)", "10.00 CNY charged", "Payable with parking", "18.60 CNY");
        assertThat(text).doesNotContain("Gold (Gold)", "pending");
    }

    @Test
    void anOrderWaitingForTheCarToLeaveSaysTheIdleFeeIsPending() {
        String text = ReceiptText.plain(receipt("Station", Instant.parse("2026-03-10T01:40:00Z")));
        assertThat(text).contains("pending until the car leaves (idle since 2026-03-10 09:40:00 Asia/Shanghai)",
                "Idle fee pending until the car leaves").doesNotContain("Idle fee (0 min)");
        assertThat(ReceiptText.html(receipt("Station", Instant.parse("2026-03-10T01:40:00Z"))))
                .contains("Idle fee pending until the car leaves");
    }

    @Test
    void htmlEscapesWhatOperatorsTypedIn() {
        String html = ReceiptText.html(receipt("<script>alert('x')</script> & Co"));
        assertThat(html).doesNotContain("<script>").contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; Co");
    }
}
