package io.pylon.domain.order;

/**
 * Port: told once an order's bill is final — billed and due for payment with no idle fee pending, billed after
 * its idle fee, or closed ABNORMAL. Called after the order is stored; must not throw for ordinary failures
 * (whoever listens has its own catch-up for orders it missed, e.g. after a crash).
 */
@FunctionalInterface
public interface OrderListener {

    void closed(Order order);
}
