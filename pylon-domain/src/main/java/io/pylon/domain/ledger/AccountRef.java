package io.pylon.domain.ledger;

import java.util.Objects;

/**
 * Names one account in one operator's books. Per-driver types ({@link AccountType#perDriver()}) need the driver
 * id as {@code ownerId}; operator accounts must have none.
 */
public record AccountRef(long operatorId, AccountType type, Long ownerId) {

    public AccountRef {
        Objects.requireNonNull(type, "type");
        if (type.perDriver() && ownerId == null) {
            throw new IllegalArgumentException(type + " needs the driver id as owner");
        }
        if (!type.perDriver() && ownerId != null) {
            throw new IllegalArgumentException(type + " is an operator account and has no owner");
        }
    }

    /** The driver's available balance. */
    public static AccountRef wallet(long operatorId, long driverId) {
        return new AccountRef(operatorId, AccountType.DRIVER_WALLET, driverId);
    }

    /** The driver's money on hold. */
    public static AccountRef holds(long operatorId, long driverId) {
        return new AccountRef(operatorId, AccountType.DRIVER_HOLDS, driverId);
    }

    /** One of the operator's own accounts. */
    public static AccountRef operator(long operatorId, AccountType type) {
        return new AccountRef(operatorId, type, null);
    }
}
