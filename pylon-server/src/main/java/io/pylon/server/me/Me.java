package io.pylon.server.me;

import io.pylon.domain.driver.Driver;
import io.pylon.domain.tenant.Operator;
import io.pylon.domain.tenant.TenantScope;
import io.pylon.server.persistence.JooqDrivers;
import io.pylon.server.persistence.JooqOperators;
import io.pylon.server.security.Callers;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * The driver behind a driver-app call, read from the {@code drv} and {@code op} claims of their token. Every
 * {@code /api/v1/me} endpoint starts here, so each reads and changes only that driver's data; a token without a
 * driver (staff) is refused, as is one whose driver no longer exists at that operator.
 */
@Component
public class Me {

    private final Callers callers;
    private final JooqDrivers drivers;
    private final JooqOperators operators;

    public Me(Callers callers, JooqDrivers drivers, JooqOperators operators) {
        this.callers = callers;
        this.drivers = drivers;
        this.operators = operators;
    }

    /** The calling driver, as stored now (status and contact may have changed since the token was issued). */
    public Driver driver() {
        var caller = callers.current();
        if (caller.driverId() == null || caller.operatorId() == null) {
            throw new AccessDeniedException("Only drivers use the driver app");
        }
        return drivers.find(TenantScope.operator(caller.operatorId()), caller.driverId())
                .orElseThrow(() -> new AccessDeniedException("Driver account not found"));
    }

    /** The operator of a driver (their currency and time zone). */
    public Operator operatorOf(Driver driver) {
        return operators.find(driver.operatorId()).orElseThrow();
    }

    /** Who the audit log names for a driver's own changes: {@code driver:<id>}, the token's subject. */
    public static String actor(Driver driver) {
        return "driver:" + driver.id();
    }

    /** The scope of the driver's operator, for queries shared with staff endpoints. */
    public static TenantScope scope(Driver driver) {
        return TenantScope.operator(driver.operatorId());
    }
}
