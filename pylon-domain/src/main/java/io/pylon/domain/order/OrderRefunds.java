package io.pylon.domain.order;

import io.pylon.domain.common.Transactions;
import io.pylon.domain.ledger.Rejected;
import io.pylon.domain.ledger.RefundOutcome;
import io.pylon.domain.ledger.SettleOutcome;
import io.pylon.domain.ledger.WalletService;
import io.pylon.domain.money.Money;
import java.time.Clock;

/**
 * Money on orders after billing: refunds of settled orders back to the driver's wallet (or, for an order paid
 * outside any wallet, back out the way it came), and payment collected for an order that has no wallet (an
 * anonymous card's session, paid later in cash, by transfer or at a terminal). The books refuse more than was paid
 * minus earlier refunds; the order records each refund once per idempotency key, in the same transaction, so two
 * refunds racing for one order, or a retried request, never refund too much or count twice.
 */
public final class OrderRefunds {

    private final OrderRepository orders;
    private final WalletService wallet;
    private final Transactions tx;
    private final Clock clock;

    public OrderRefunds(OrderRepository orders, WalletService wallet, Transactions tx, Clock clock) {
        this.orders = orders;
        this.wallet = wallet;
        this.tx = tx;
        this.clock = clock;
    }

    public RefundOutcome refund(Order order, Money amount, String reason, String idempotencyKey, String actor) {
        if (order.operatorId() == null || order.state() != OrderState.SETTLED && order.state() != OrderState.REFUNDED) {
            return new Rejected(Rejected.Reason.NOT_SETTLED, null);
        }
        if (!amount.currency().equals(order.currency())) {
            throw new IllegalArgumentException("amount: the order is in " + order.currency());
        }
        String reference = OrderService.reference(order.id());
        return tx.inTransaction(() -> {
            RefundOutcome outcome;
            if (order.driverId() == null) {
                orders.lock(order.id());
                outcome = wallet.refundDirect(order.operatorId(), reference, amount, reason, "refund:" + idempotencyKey, actor);
            } else {
                outcome = wallet.refund(order.operatorId(), order.driverId(), reference, amount, reason,
                        "refund:" + idempotencyKey, actor);
            }
            if (outcome instanceof RefundOutcome.Refunded refunded) {
                orders.recordRefund(order.id(), idempotencyKey, refunded.amount().amount(), reason, actor, clock.instant());
            }
            return outcome;
        });
    }

    /**
     * Records payment collected for a billed order that has no wallet; {@code source} says how it was paid (e.g.
     * {@code cash:R-17}). The order becomes SETTLED. Once per order: a repeat answers the recorded settlement.
     */
    public SettleOutcome collect(Order order, String source, String actor) {
        boolean payable = order.operatorId() != null && order.driverId() == null && order.bill() != null
                && (order.state() == OrderState.FINISHED && !order.awaitingPlugOut()
                    || order.state() == OrderState.SETTLED || order.state() == OrderState.REFUNDED);
        if (!payable) {
            return new Rejected(Rejected.Reason.NOT_PAYABLE, null);
        }
        return tx.inTransaction(() -> {
            orders.lock(order.id());
            SettleOutcome outcome = wallet.settleDirect(order.operatorId(), OrderService.reference(order.id()),
                    OrderService.amounts(order.bill()), source, actor);
            if (outcome instanceof SettleOutcome.Settled) {
                orders.settled(order.id(), clock.instant());
            }
            return outcome;
        });
    }
}
