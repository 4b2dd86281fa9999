package io.pylon.domain.marketing;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon.domain.billing.Bill;
import io.pylon.domain.billing.BillLine;
import io.pylon.domain.billing.Discount;
import io.pylon.domain.billing.IdleCharge;
import io.pylon.domain.money.Money;
import io.pylon.domain.tariff.Band;
import io.pylon.domain.tariff.BandPrice;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PricingTest {

    static final MembershipPlan GOLD = new MembershipPlan("Gold", new BigDecimal("20"), new BigDecimal("1.5"));

    /** 20 kWh at 1.00 + 0.80 = 20.00 electricity, 16.00 service; session fee 2.00: total 38.00. */
    static Bill bill() {
        BillLine line = BillLine.of(BandPrice.of(Band.FLAT, "1", "0.8"), 20_000, Money.CNY);
        return new Bill(Money.CNY, 1, 1, List.of(line), IdleCharge.none(Money.CNY), cny("2"), List.of(), Set.of());
    }

    static Money cny(String amount) {
        return Money.of(amount, "CNY");
    }

    @Test
    void membershipFirstThenCoupon() {
        Bill priced = Pricing.price(bill(), Optional.of(GOLD), Optional.of(new CouponOutcome.Applicable("C", cny("5"))));

        assertThat(priced.discounts()).containsExactly(new Discount(Discount.Source.MEMBERSHIP, "Gold", cny("3.20")),
                new Discount(Discount.Source.COUPON, "C", cny("5")));
        assertThat(priced.serviceDiscount()).isEqualTo(cny("8.20"));
        assertThat(priced.payable()).isEqualTo(cny("29.80"));
        assertThat(priced.total()).isEqualTo(cny("38.00"));
    }

    @Test
    void serviceNeverGoesBelowZero() {
        Bill priced = Pricing.price(bill(), Optional.of(GOLD), Optional.of(new CouponOutcome.Applicable("C", cny("50"))));

        assertThat(priced.serviceDiscount()).isEqualTo(cny("16.00"));
        assertThat(priced.payable()).isEqualTo(cny("22.00"));
    }

    @Test
    void aCouponThatDoesNotApplyChangesNothing() {
        Bill priced = Pricing.price(bill(), Optional.empty(),
                Optional.of(new CouponOutcome.NotApplicable("C", CouponOutcome.Reason.EXPIRED)));

        assertThat(priced.discounts()).isEmpty();
        assertThat(priced.payable()).isEqualTo(cny("38.00"));
        assertThat(Pricing.serviceAfterMembership(bill(), Optional.of(GOLD))).isEqualTo(cny("12.80"));
    }

    static List<Long> seeds() {
        return java.util.stream.LongStream.range(0, 500).boxed().toList();
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void discountsStayWithinTheServiceAmount(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        BillLine line = BillLine.of(new BandPrice(Band.PEAK, BigDecimal.valueOf(random.nextLong(300_000), 5),
                BigDecimal.valueOf(random.nextLong(300_000), 5)), random.nextLong(200_000), Money.CNY);
        Bill bill = new Bill(Money.CNY, 1, 1, List.of(line), IdleCharge.none(Money.CNY), cny("0"), List.of(), Set.of());
        MembershipPlan plan = new MembershipPlan("P", BigDecimal.valueOf(random.nextInt(101)), BigDecimal.ONE);
        Money couponOff = Money.ofMinor(random.nextLong(10_000), Money.CNY);

        Bill priced = Pricing.price(bill, Optional.of(plan), Optional.of(new CouponOutcome.Applicable("C", couponOff)));

        assertThat(priced.serviceDiscount()).as("seed %d", seed).isLessThanOrEqualTo(bill.serviceTotal());
        assertThat(priced.payable()).as("seed %d", seed).isGreaterThanOrEqualTo(bill.electricityTotal());
        assertThat(priced.payable().plus(priced.serviceDiscount())).as("seed %d", seed).isEqualTo(bill.total());
    }
}
