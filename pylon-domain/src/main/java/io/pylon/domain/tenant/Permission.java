package io.pylon.domain.tenant;

/** What a person may do; roles are sets of permissions ({@link Role}). */
public enum Permission {
    /** Create and change operators (tenants); platform admins only. */
    OPERATORS_MANAGE,
    /** Create and change people and their roles within the caller's operator. */
    USERS_MANAGE,
    STATIONS_READ,
    STATIONS_WRITE,
    CHARGERS_READ,
    CHARGERS_WRITE,
    /** Send remote commands to chargers (start, stop, reset, configuration, firmware…). */
    CHARGERS_COMMAND,
    SESSIONS_READ,
    TARIFFS_READ,
    TARIFFS_WRITE,
    ORDERS_READ,
    /** Money on billed orders: refunds, and payment collected for orders without a wallet (anonymous cards). */
    ORDERS_REFUND,
    DRIVERS_READ,
    /** Drivers, their cards, vehicles and id tokens. */
    DRIVERS_WRITE,
    /** Top-ups, payouts and other wallet movements recorded by staff. */
    WALLET_WRITE,
    /** Coupon campaigns, membership plans, points rates and carbon factors; drivers' coupons and points with DRIVERS_READ. */
    MARKETING_READ,
    /** Create and end campaigns, issue coupons, plans and enrolments, points adjustments, carbon factors. */
    MARKETING_WRITE,
    /** Usage reports, the trial balance, the money flow journal and daily reconciliations. */
    REPORTS_READ,
    /** Drivers' invoice requests (发票) over their settled orders. */
    INVOICES_READ,
    /** Record, issue, reject and cancel invoice requests. */
    INVOICES_WRITE,
    /** Run a day's reconciliation on demand (it also runs every night by itself). */
    RECONCILE,
    AUDIT_READ,
    /** Alarms, their history and evidence; cameras, bays, sensors and their events. */
    ALARMS_READ,
    /** Acknowledge and clear alarms (clearing is the only way to lift a lock-out). */
    ALARMS_HANDLE,
    /** Alarm rules, notification webhooks, cameras, thermal zones, bays, parking and sensor set-up. */
    SAFETY_CONFIGURE,
    /** A driver acting on their own account (driver app). */
    SELF_SERVICE
}
