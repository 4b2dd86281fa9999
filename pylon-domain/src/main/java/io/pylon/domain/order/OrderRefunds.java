package io.pylon.domain.order;

import io.pylon.domain.common.Transactions;
import io.pylon.domain.ledger.Rejected;
import io.pylon.domain.ledger.RefundOutcome;
import io.pylon.domain.ledger.WalletService;
import io.pylon.domain.money.Money;
import java.time.Clock;

/**
 * Refunds of settled orders back to the driver's wallet. The wallet refuses more than was paid minus earlier
 * refunds; the order records each refund once per idempotency key, in the same transaction, so two refunds
 * racing for one order, or a retried request, never refund too much or count twice.
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
        if (order.driverId() == null || order.operatorId() == null
                || order.state() != OrderState.SETTLED && order.state() != OrderState.REFUNDED) {
            return new Rejected(Rejected.Reason.NOT_SETTLED, null);
        }
        if (!amount.currency().equals(order.currency())) {
            throw new IllegalArgumentException("amount: the order is in " + order.currency());
        }
        return tx.inTransaction(() -> {
            RefundOutcome outcome = wallet.refund(order.operatorId(), order.driverId(), OrderService.reference(order.id()),
                    amount, reason, "refund:" + idempotencyKey, actor);
            if (outcome instanceof RefundOutcome.Refunded refunded) {
                orders.recordRefund(order.id(), idempotencyKey, refunded.amount().amount(), reason, actor, clock.instant());
            }
            return outcome;
        });
    }
}
