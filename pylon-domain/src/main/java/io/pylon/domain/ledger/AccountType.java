package io.pylon.domain.ledger;

/**
 * The kinds of account in an operator's books. Per-driver accounts ({@link #perDriver()}) carry the driver's
 * id as owner; the others belong to the operator and have no owner.
 */
public enum AccountType {
    /** A driver's available (spendable) balance. */
    DRIVER_WALLET(true),
    /** A driver's money reserved by holds for sessions that have not been settled yet. */
    DRIVER_HOLDS(true),
    /** Money received from a payment provider or recorded by the operator (cash, bank); a source, runs negative. */
    PAYMENT_CLEARING(false),
    REVENUE_ELECTRICITY(false),
    REVENUE_SERVICE(false),
    REVENUE_IDLE_FEE(false),
    /** Discounts granted (the operator's marketing cost); a source, runs negative. */
    DISCOUNTS(false),
    /** Money paid back out to drivers (withdrawals of wallet balance). */
    PAYOUTS(false);

    private final boolean perDriver;

    AccountType(boolean perDriver) {
        this.perDriver = perDriver;
    }

    /** Whether each driver has an account of this type (the owner id is then the driver id). */
    public boolean perDriver() {
        return perDriver;
    }
}
