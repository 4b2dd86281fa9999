package io.pylon.domain.tariff;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A named tariff of one operator and its versions, numbered 1, 2, … with strictly increasing
 * {@code effectiveFrom}. Immutable: {@link #revise} returns a new value with one more version.
 */
public record Tariff(long id, long operatorId, String name, List<TariffVersion> versions) {

    public Tariff {
        Objects.requireNonNull(name, "name");
        versions = List.copyOf(versions);
        if (versions.isEmpty()) {
            throw new IllegalArgumentException("A tariff has at least one version");
        }
        for (int i = 0; i < versions.size(); i++) {
            TariffVersion v = versions.get(i);
            if (v.tariffId() != id || v.version() != i + 1) {
                throw new IllegalArgumentException("Version " + (i + 1) + " of tariff " + id + " expected, got "
                        + v.version() + " of tariff " + v.tariffId());
            }
            if (i > 0 && !v.effectiveFrom().isAfter(versions.get(i - 1).effectiveFrom())) {
                throw new IllegalArgumentException("Version " + v.version() + " must start after version " + i);
            }
        }
    }

    /** A new tariff whose first version takes effect at {@code effectiveFrom}. */
    public static Tariff create(long id, long operatorId, String name, TariffTerms terms, Instant effectiveFrom) {
        return new Tariff(id, operatorId, name, List.of(new TariffVersion(id, 1, effectiveFrom, terms)));
    }

    /** The version in force at an instant (a session's start), empty before the first version. */
    public Optional<TariffVersion> versionAt(Instant instant) {
        TariffVersion found = null;
        for (TariffVersion v : versions) {
            if (!v.effectiveFrom().isAfter(instant)) {
                found = v;
            }
        }
        return Optional.ofNullable(found);
    }

    public TariffVersion latest() {
        return versions.getLast();
    }

    /**
     * Adds the next version, in force from {@code effectiveFrom}, which must be now or later (a revision
     * never reaches back to sessions already started) and after the latest version's start.
     */
    public Tariff revise(TariffTerms terms, Instant effectiveFrom, Instant now) {
        if (effectiveFrom.isBefore(now)) {
            throw new IllegalArgumentException("A revision cannot take effect in the past: " + effectiveFrom
                    + " is before " + now);
        }
        if (!effectiveFrom.isAfter(latest().effectiveFrom())) {
            throw new IllegalArgumentException("A revision must take effect after version " + latest().version()
                    + " (" + latest().effectiveFrom() + ")");
        }
        List<TariffVersion> next = new ArrayList<>(versions);
        next.add(new TariffVersion(id, latest().version() + 1, effectiveFrom, terms));
        return new Tariff(id, operatorId, name, next);
    }
}
