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
        ReceiptLine flat = ReceiptLine.of(BillLine.of(BandPrice.of(Band.FLAT, "0.6", "0.4"), 10_000, Money.CNY));
        return new Receipt(7, 70, OrderState.SETTLED, "Op", new Receipt.Place(1L, stationName, "1 Road"), "CP-1", 1, "CP-1-1",
                Instant.parse("2026-03-10T01:00:00Z"), Instant.parse("2026-03-10T02:00:00Z"), 3600, "Asia/Shanghai", 10_000,
                new BigDecimal("10.000"), "CNY", 3, 1, List.of(flat), cny("6.00"), cny("4.00"),
                new Receipt.IdleFee(0, cny("0.00")), cny("0.00"),
                List.of(new Receipt.DiscountLine(Discount.Source.COUPON, "WELCOME", cny("1.00"))), cny("1.00"), cny("10.00"),
                cny("9.00"), cny("9.00"), List.of(new Receipt.RefundLine(Instant.parse("2026-03-11T00:00:00Z"), cny("2.00"), "slow")),
                cny("2.00"), cny("7.00"), "WALLET", 10, new BigDecimal("5.703"), Set.of());
    }

    @Test
    void plainTextListsEveryAmountInStationTime() {
        String text = ReceiptText.plain(receipt("Station"));
        assertThat(text).contains("2026-03-10 09:00:00 Asia/Shanghai", "FLAT 10.000 kWh", "electricity 0.60/kWh = 6.00 CNY",
                "Discount COUPON WELCOME", "-1.00 CNY", "Payable", "9.00 CNY", "Refund 2026-03-11 08:00:00", "Net paid",
                "7.00 CNY", "5.703 kg");
    }

    @Test
    void htmlEscapesWhatOperatorsTypedIn() {
        String html = ReceiptText.html(receipt("<script>alert('x')</script> & Co"));
        assertThat(html).doesNotContain("<script>").contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; Co");
    }
}
