package io.pylon.domain.anomaly;

/** The checks that raise anomalies, each with its severity. */
public enum AnomalyRule {
    /** The energy register went down during a session, or meter stop is below meter start. */
    REGISTER_BACKWARDS(Severity.CRITICAL),
    /** Session energy and the integral of the reported power differ by more than the tolerance (meter drift). */
    ENERGY_POWER_MISMATCH(Severity.WARNING),
    /** More energy than the connector's rated power could deliver in the session's duration. */
    ENERGY_ABOVE_RATED(Severity.CRITICAL),
    /** A bill line priced otherwise than the tariff version it names, or band energies that do not add up. */
    PRICE_MISMATCH(Severity.CRITICAL),
    /** The meter cover was opened or its seal broken (security event, status error code, vendor data transfer). */
    SEAL_BROKEN(Severity.CRITICAL),
    /** The charger's signed meter data failed verification (tampered, wrong meter, meter error). */
    SIGNED_DATA_FAILED(Severity.CRITICAL),
    /** The amount a pile reported for a session (YKC transaction record) differs from Pylon's bill. */
    PILE_AMOUNT_MISMATCH(Severity.WARNING);

    private final Severity severity;

    AnomalyRule(Severity severity) {
        this.severity = severity;
    }

    public Severity severity() {
        return severity;
    }

    public enum Severity { WARNING, CRITICAL }
}
