package io.pylon.domain.order;

import io.pylon.domain.billing.Bill;
import io.pylon.domain.money.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;

/**
 * A charging order: what one session cost and how it was paid. The bill (lines per band, fees,
 * discounts) is present once the session has stopped.
 *
 * @param driverId      the driver whose token started the session, or null (anonymous card)
 * @param abnormalReason why the order could not be billed (ABNORMAL only)
 * @param refunded      amount refunded so far
 * @param carbonSavedKg CO₂ saved by driving on electricity, kg, 3 decimals
 * @param idleFrom      while FINISHED and waiting for the vehicle to leave (the tariff charges an idle fee):
 *                      where the idle time started; null otherwise
 * @param pluggedOutAt  when the vehicle left, if the charger said so
 */
public record Order(long id, long sessionId, Long operatorId, Long stationId, String chargerId, int connectorId,
                    String idTag, Long driverId, OrderState state, Currency currency, Instant startedAt,
                    Instant stoppedAt, Long energyWh, Bill bill, Money refunded, String abnormalReason, long points,
                    BigDecimal carbonSavedKg, Instant createdAt, Instant settledAt, Instant idleFrom,
                    Instant pluggedOutAt) {

    /** What the driver owes: the bill's payable amount (zero until billed). */
    public Money payable() {
        return bill == null ? Money.zero(currency) : bill.payable();
    }

    /** Billed, but paid only once the vehicle has left and the idle fee is known. */
    public boolean awaitingPlugOut() {
        return state == OrderState.FINISHED && idleFrom != null;
    }
}
