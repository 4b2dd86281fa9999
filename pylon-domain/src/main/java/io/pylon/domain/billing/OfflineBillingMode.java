package io.pylon.domain.billing;

/**
 * How a charger bills sessions it records while it cannot reach the platform (YKC 离线计费模式). Sessions
 * recorded online are billed normally in every mode. For a session recorded offline, {@link #settle}:
 * <ul>
 *   <li>{@link #ONLINE_BILLING}: the charger should not start offline; if such a session arrives it is
 *       billed normally and flagged {@link BillFlag#UNEXPECTED_OFFLINE_START} for review;</li>
 *   <li>{@link #OFFLINE_FREE}: energy lines are kept, all amounts and fees become zero, flagged
 *       {@link BillFlag#OFFLINE_FREE};</li>
 *   <li>{@link #OFFLINE_BILLING}: billed with the tariff version in force at the session's start (what
 *       {@link BillingEngine#bill(io.pylon.domain.tariff.Tariff, java.time.ZoneId,
 *       io.pylon.domain.tariff.HolidayCalendar, SessionUsage)} does), flagged {@link BillFlag#RECORDED_OFFLINE}.</li>
 * </ul>
 */
public enum OfflineBillingMode {
    ONLINE_BILLING,
    OFFLINE_FREE,
    OFFLINE_BILLING;

    /** Whether the charger may start a session while offline. */
    public boolean allowsOfflineStart() {
        return this != ONLINE_BILLING;
    }

    /** The bill to keep, given the normal bill (version at start) and whether it was recorded offline. */
    public Bill settle(Bill normalBill, boolean recordedOffline) {
        if (!recordedOffline) {
            return normalBill;
        }
        return switch (this) {
            case ONLINE_BILLING -> normalBill.withFlag(BillFlag.UNEXPECTED_OFFLINE_START);
            case OFFLINE_FREE -> normalBill.free().withFlag(BillFlag.OFFLINE_FREE);
            case OFFLINE_BILLING -> normalBill.withFlag(BillFlag.RECORDED_OFFLINE);
        };
    }
}
