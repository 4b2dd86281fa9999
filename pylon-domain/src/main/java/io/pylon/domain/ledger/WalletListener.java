package io.pylon.domain.ledger;

/**
 * Port: told after a driver's wallet balance changed — a top-up, a session's settlement or released hold, a
 * refund or a payout (not a hold placed at a session's start: the charger was just told the balance). Called after
 * the change was recorded, on the caller's thread; must not throw for ordinary failures.
 */
@FunctionalInterface
public interface WalletListener {

    void changed(long operatorId, long driverId);
}
