package io.pylon.server.me;

import io.pylon.domain.billing.BillFlag;
import io.pylon.domain.billing.Discount;
import io.pylon.domain.money.Money;
import io.pylon.domain.order.OrderState;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The receipt of a billed order. Amounts add up as on the bill: {@code total} = electricity + service + idle fee +
 * session fee; {@code payable} = total − discount. {@code paid} and {@code refunds} are read from the wallet ledger
 * (what the driver's wallet actually paid for this order, and got back); {@code netPaid} = paid − refunded.
 *
 * @param paymentMethod        WALLET (the driver's prepaid wallet; the only method of orders with a driver)
 * @param timeZone             the station's, in which the times are meant to be shown
 * @param rewards              points with their rate, membership plan, coupon and CO₂ saved with the factor used;
 *                             null for orders billed before marketing existed
 * @param awaitingPlugOutSince set while the order waits for the car to leave: the tariff charges an idle fee from
 *                             then on, so the idle fee, total and payment are final only once the car has left
 * @param note                 what the driver should know about the amounts (the pending idle fee), or null
 * @param verification         where the order stands in the transparency log, once its bill is final; else null
 * @param parking              the bay's idle fee once the car left the bay, a line of the same bill paid on its own
 *                             (docs/parking.md); null when there is none
 */
public record Receipt(long orderId, long sessionId, OrderState state, String operatorName, Place station, String chargerId,
                      int connectorId, String connectorCode, Instant startedAt, Instant stoppedAt, long durationSeconds,
                      String timeZone, long energyWh, BigDecimal energyKwh, String currency, long tariffId, int tariffVersion,
                      List<ReceiptLine> lines, Money electricity, Money service, IdleFee idleFee, Money sessionFee,
                      List<DiscountLine> discounts, Money discount, Money total, Money payable, Money paid,
                      List<RefundLine> refunds, Money refunded, Money netPaid, String paymentMethod, long points,
                      BigDecimal carbonSavedKg, Set<BillFlag> flags, Rewards rewards, Instant awaitingPlugOutSince,
                      String note, Verification verification, Parking parking) {

    static final String IDLE_FEE_PENDING = "Idle fee pending until the car leaves; the total and the payment are final then.";

    public record Place(Long id, String name, String address) {}

    /** Idle minutes billed after charging ended, and their fee. */
    public record IdleFee(long minutes, Money amount) {}

    /**
     * A reduction of the service amount: a membership plan or a coupon, named by {@code reference} (plan name or
     * coupon code) and {@code name} (plan name or the coupon's campaign name).
     */
    public record DiscountLine(Discount.Source source, String reference, String name, Money amount) {}

    /**
     * What the order earned: {@code points} at {@code pointsPerKwh}, the membership plan and coupon applied, and
     * {@code carbonSavedKg} = kWh × {@code carbonKgPerKwh} of {@code carbonRegion} (the station's region, DEFAULT for
     * the operator's default factor, else the platform's region).
     */
    public record Rewards(long points, BigDecimal pointsPerKwh, String membershipPlan, CouponUsed coupon,
                          BigDecimal carbonSavedKg, String carbonRegion, BigDecimal carbonKgPerKwh) {}

    /** The coupon an order used: its id, code and campaign name. */
    public record CouponUsed(long id, String code, String name) {}

    /**
     * The parking line: {@code idleMinutes} in the bay after charging finished, {@code billedMinutes} after the grace
     * period, the amount, how it was paid ({@code state} CHARGED from the wallet, DUE, NONE, PENDING) and the bill's
     * payable amount with it.
     */
    public record Parking(String plate, long idleMinutes, long billedMinutes, Money amount, String state, Money payableWithParking) {}

    public record RefundLine(Instant at, Money amount, String reason) {}

    /**
     * The order's entry in the transparency log: {@code verifyLink} (also the QR code's payload) checks publicly that
     * the entry with this leaf hash is in the signed log; {@code meterData} says whether the charger's signed meter
     * readings verified (VERIFIED, UNVERIFIABLE, FAILED or NONE).
     */
    public record Verification(long logIndex, String leafHash, String verifyLink, String qrPayload, String meterData) {}
}
