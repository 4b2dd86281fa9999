package io.pylon.domain.tenant;

import static io.pylon.domain.tenant.Permission.*;

import java.util.EnumSet;
import java.util.Set;

/**
 * The roles of people who use Pylon and what each may do. Every role but {@link #PLATFORM_ADMIN} and
 * {@link #REGULATOR} works inside one operator; station managers and agents see only their stations
 * (see {@link TenantScope}).
 */
public enum Role {
    /** Runs the platform: every operator, every permission. */
    PLATFORM_ADMIN(EnumSet.allOf(Permission.class), true, false),
    /** Runs one operator (运营商管理员). */
    OPERATOR_ADMIN(EnumSet.complementOf(EnumSet.of(OPERATORS_MANAGE, SELF_SERVICE)), false, false),
    /** Runs the stations assigned to them (场站管理员). */
    STATION_MANAGER(EnumSet.of(STATIONS_READ, STATIONS_WRITE, CHARGERS_READ, CHARGERS_WRITE, CHARGERS_COMMAND,
            SESSIONS_READ, TARIFFS_READ, ORDERS_READ, REPORTS_READ, ALARMS_READ, ALARMS_HANDLE, SAFETY_CONFIGURE), false, true),
    /** Keeps chargers working (运维): equipment and commands, no money. */
    MAINTENANCE(EnumSet.of(STATIONS_READ, CHARGERS_READ, CHARGERS_WRITE, CHARGERS_COMMAND, SESSIONS_READ,
            ALARMS_READ, ALARMS_HANDLE), false, false),
    /** Money: orders, refunds, wallets, invoices, reconciliations, reports (财务). */
    FINANCE(EnumSet.of(STATIONS_READ, CHARGERS_READ, SESSIONS_READ, TARIFFS_READ, ORDERS_READ, ORDERS_REFUND,
            DRIVERS_READ, WALLET_WRITE, MARKETING_READ, REPORTS_READ, AUDIT_READ, INVOICES_READ, INVOICES_WRITE, RECONCILE),
            false, false),
    /** A distributor or station owner linked to an operator: reads its own stations (代理商/场站业主). */
    AGENT(EnumSet.of(STATIONS_READ, CHARGERS_READ, SESSIONS_READ, ORDERS_READ, REPORTS_READ, ALARMS_READ), false, true),
    /**
     * Market supervision: reads every operator's stations, chargers, sessions, orders, promotions (not drivers'
     * own coupons and points), invoices and reports (监管).
     */
    REGULATOR(EnumSet.of(STATIONS_READ, CHARGERS_READ, SESSIONS_READ, TARIFFS_READ, ORDERS_READ, MARKETING_READ,
            REPORTS_READ, AUDIT_READ, INVOICES_READ, ALARMS_READ), true, false),
    /** A driver using the app on their own account. */
    DRIVER(EnumSet.of(SELF_SERVICE), false, false);

    private final Set<Permission> permissions;
    private final boolean allOperators;
    private final boolean stationScoped;

    Role(Set<Permission> permissions, boolean allOperators, boolean stationScoped) {
        this.permissions = Set.copyOf(permissions);
        this.allOperators = allOperators;
        this.stationScoped = stationScoped;
    }

    public Set<Permission> permissions() {
        return permissions;
    }

    public boolean can(Permission permission) {
        return permissions.contains(permission);
    }

    /** Sees every operator's data (platform admin, regulator). */
    public boolean allOperators() {
        return allOperators;
    }

    /** Sees only some stations of its operator (station manager, agent). */
    public boolean stationScoped() {
        return stationScoped;
    }

    /** Whether a person with this role may give {@code other} to someone: never more than they have. */
    public boolean mayGrant(Role other) {
        if (this == PLATFORM_ADMIN) {
            return true;
        }
        return this == OPERATOR_ADMIN && !other.allOperators && other != DRIVER;
    }
}
