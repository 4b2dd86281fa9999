package io.pylon.domain.tariff;

import java.time.Instant;
import java.util.Objects;

/**
 * One immutable version of a tariff: {@code terms} in force from {@code effectiveFrom} until the next
 * version's {@code effectiveFrom}. A session is billed entirely with the version in force when it
 * started (see {@link Tariff#versionAt}), so a revision never alters a running session.
 *
 * @param version 1 for the first version, then consecutive
 */
public record TariffVersion(long tariffId, int version, Instant effectiveFrom, TariffTerms terms) {

    public TariffVersion {
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        Objects.requireNonNull(terms, "terms");
        if (version < 1) {
            throw new IllegalArgumentException("Versions start at 1: " + version);
        }
    }

    public java.util.Currency currency() {
        return terms.currency();
    }
}
