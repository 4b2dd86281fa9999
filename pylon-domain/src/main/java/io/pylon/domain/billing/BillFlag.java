package io.pylon.domain.billing;

/** Facts about how a bill was made that an operator may want to review. */
public enum BillFlag {
    /** Some meter samples were dropped, merged or clamped (see {@link MeterCurve}). */
    METER_SAMPLES_ADJUSTED,
    /** Recorded while the charger was offline and billed at the tariff in force at its start. */
    RECORDED_OFFLINE,
    /** Recorded offline on a charger whose offline sessions are free: energy kept, amounts zero. */
    OFFLINE_FREE,
    /** Started offline on a charger that must bill online; billed normally, to be reviewed. */
    UNEXPECTED_OFFLINE_START,
    /**
     * The tariff charges an idle fee but the charger never reported the vehicle leaving within the wait
     * (see {@code pylon.billing.plug-out-wait}): settled without an idle fee, to be reviewed.
     */
    IDLE_END_UNKNOWN,
    /**
     * The charger's own amount for the session (YKC transaction record) differs from this bill's energy amounts
     * by more than rounding explains: the charger may hold another billing model. Billed at Pylon's amounts.
     */
    CHARGER_AMOUNT_DIFFERS,
    /** The charger reported the connector idle while the session was running (YKC: two idle reports). */
    CHARGER_REPORTED_IDLE
}
