package io.pylon.server.me;

import io.pylon.domain.auth.AuthorizationStatus;
import io.pylon.domain.billing.Bill;
import io.pylon.domain.charger.ConnectorStatus;
import io.pylon.domain.money.Money;
import io.pylon.domain.order.OrderState;
import io.pylon.domain.session.SessionState;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A driver's session, live. Energy is Wh (from the latest energy register reading while running, the stop reading
 * once stopped); {@code powerKw} and {@code socPercent} are the latest the charger reported, null when it reports
 * none; {@code estimate} is present while running; {@code payable} once the order is billed. {@code coupon} is the
 * coupon chosen for the session while it charges (null: none chosen, the best applies at billing);
 * {@code awaitingPlugOutSince} is set while the order waits for the car to leave (the tariff charges an idle fee
 * from then on; the order is paid once the car has left).
 */
public record LiveSessionView(long sessionId, long orderId, SessionState state, AuthorizationStatus authStatus,
                              String chargerId, int connectorId, String connectorCode, Long stationId,
                              ConnectorStatus connectorStatus, Instant startedAt, Instant stoppedAt, long durationSeconds,
                              long meterStartWh, long energyWh, BigDecimal powerKw, BigDecimal socPercent,
                              Instant lastReadingAt, Estimate estimate, OrderState orderState, Money payable,
                              MyCoupon coupon, Instant awaitingPlugOutSince) {

    /**
     * What the session has cost so far: an ESTIMATE, the meter curve up to {@code upTo} billed with the station's
     * tariff version in force at the start. Idle fee, discounts and energy after {@code upTo} are not in it; the
     * final amount is the order's, once the charger reports the stop.
     */
    public record Estimate(boolean estimate, String note, Instant upTo, long tariffId, int tariffVersion, long energyWh,
                           List<ReceiptLine> lines, Money electricity, Money service, Money sessionFee, Money total) {

        static final String NOTE = "Estimate so far: energy up to the latest meter reading at the station's prices, "
                + "session fee included; idle fee and discounts are not. The final amount is billed at stop.";

        static Estimate of(Bill bill, Instant upTo) {
            return new Estimate(true, NOTE, upTo, bill.tariffId(), bill.tariffVersion(), bill.energyWh(),
                    bill.lines().stream().map(ReceiptLine::of).toList(), bill.electricityTotal(), bill.serviceTotal(),
                    bill.sessionFee(), bill.electricityTotal().plus(bill.serviceTotal()).plus(bill.sessionFee()));
        }
    }
}
