package io.pylon.domain.trust;

/** What a log entry records. */
public enum EntryKind {
    /** A finished session with its order: meter readings, times, bill lines, signed meter data. */
    SESSION,
    /** A tariff version created or changed. */
    TARIFF,
    /** A meter seal event: cover opened, seal broken, meter replaced or re-verified. */
    METER_SEAL
}
