package io.pylon.domain.order;

import io.pylon.domain.billing.Bill;
import io.pylon.domain.marketing.Points;
import io.pylon.domain.session.ChargingSession;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * Port: what marketing adds to a session's bill before the order is finished — membership and coupon discounts
 * on the service fee, loyalty points and the CO₂ saved. {@link #apply} is called once per billing attempt, before
 * the order is stored; it must be idempotent per order: a retried billing of the same order (a repeated stop, the
 * catch-up after a crash) gets the same coupon back and never earns points twice.
 */
public interface Promotions {

    /**
     * The bill with its discounts, and the rewards of the order.
     *
     * @param order   the order, still CHARGING
     * @param session the stopped session (its stop time is the moment memberships and coupons are judged at)
     * @param bill    the bill before discounts
     */
    Priced apply(Order order, ChargingSession session, Bill bill);

    /** A priced bill: {@code points} earned by the order's driver, {@code carbonSavedKg} with 3 decimals. */
    record Priced(Bill bill, long points, BigDecimal carbonSavedKg) {
        public Priced {
            Objects.requireNonNull(bill, "bill");
            Objects.requireNonNull(carbonSavedKg, "carbonSavedKg");
            if (points < 0) throw new IllegalArgumentException("points are not negative: " + points);
        }
    }

    /** No discounts, points at the platform's rate for drivers (none for anonymous cards), the platform's carbon factor. */
    static Promotions none(OrderSettings settings) {
        return (order, session, bill) -> new Priced(bill,
                order.driverId() == null ? 0 : Points.earned(bill.energyWh(), settings.pointsPerKwh()).value(),
                settings.carbon().savedKg(bill.energyWh()));
    }
}
