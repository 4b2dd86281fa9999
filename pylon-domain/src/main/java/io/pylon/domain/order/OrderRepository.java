package io.pylon.domain.order;

import io.pylon.domain.billing.Bill;
import io.pylon.domain.common.Page;
import io.pylon.domain.common.PageRequest;
import io.pylon.domain.session.ChargingSession;
import io.pylon.domain.tenant.TenantScope;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/** Port: where orders are kept. One order per session, enforced by the store. */
public interface OrderRepository {

    /** Opens the order of a session in state CHARGING; does nothing if the session has one already. */
    void open(ChargingSession session, Long driverId, Currency currency, Instant now);

    Optional<Order> find(long id);

    Optional<Order> bySession(long sessionId);

    /**
     * Stores the bill of a CHARGING order and moves it to FINISHED, adding it to the daily figures of its
     * station for {@code localDay} (the station-local date the session started); false if it was not CHARGING.
     *
     * @param idleFrom null, or where idle time started when the order must wait for the vehicle to leave
     *                 before its idle fee is known ({@link Order#awaitingPlugOut()})
     */
    boolean finish(long orderId, ChargingSession session, Bill bill, long points, BigDecimal carbonKg,
                   java.time.LocalDate localDay, Instant idleFrom, Instant now);

    /**
     * Replaces the idle fee (and flags) of an order awaiting plug-out with {@code bill}'s, adds it to the daily
     * figures and ends the wait; false if the order was not awaiting plug-out (someone else did it).
     *
     * @param pluggedOutAt when the vehicle left, or null when unknown
     */
    boolean chargeIdle(long orderId, Bill bill, Instant pluggedOutAt, Instant now);

    /** Orders awaiting plug-out at a connector. */
    List<Order> awaitingPlugOut(String chargerId, int connectorId);

    /**
     * Orders awaiting plug-out that are due a look: their connector shows Available now (the report that
     * ended the wait may have reached another node, or come before the order was billed), or they have waited
     * since before {@code waitedSince}.
     */
    List<Order> awaitingPlugOutDue(Instant waitedSince, int limit);

    /** Marks a CHARGING order ABNORMAL with a reason; false if it was not CHARGING. */
    boolean abnormal(long orderId, ChargingSession session, String reason, Instant now);

    /** Adds a flag to a billed order's bill (FINISHED or later); false when the order has no bill. */
    boolean addFlag(long orderId, io.pylon.domain.billing.BillFlag flag, Instant now);

    /** Locks the order until the end of the current transaction (refunds of one order happen one at a time). */
    void lock(long orderId);

    /** Moves a FINISHED order to SETTLED; false if it was not FINISHED. */
    boolean settled(long orderId, Instant now);

    /**
     * Records a refund once per idempotency key and adds it to the order's refunded amount (the order becomes
     * REFUNDED when the whole payable amount is refunded); a repeated key changes nothing.
     */
    void recordRefund(long orderId, String idempotencyKey, BigDecimal amount, String reason, String actor, Instant now);

    /** Orders still CHARGING whose session completed before {@code before} (billing missed, e.g. a crash). */
    List<Long> stranded(Instant before, int limit);

    Page<Order> list(TenantScope scope, OrderFilter filter, PageRequest page);
}
