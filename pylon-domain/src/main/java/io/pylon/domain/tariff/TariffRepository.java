package io.pylon.domain.tariff;

import java.util.Optional;

/**
 * Port: where tariffs and their versions are kept, and which tariff a station bills with. Versions are
 * append-only: a revision adds a version, it never changes one.
 */
public interface TariffRepository {

    Optional<Tariff> find(long tariffId);

    /** The tariff assigned to a station, with all its versions; empty if the station has none. */
    Optional<Tariff> forStation(long stationId);

    /** The operator's holiday calendar (public holidays and make-up working days). */
    HolidayCalendar calendar(long operatorId);
}
