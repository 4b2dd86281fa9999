package io.pylon.server.live;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The figures of the dashboard and the big-screen for the caller's scope. Days and months are in {@code timeZone}
 * (the operator's; UTC for platform-wide callers) and come from the daily rollups (settled orders). Revenue is null
 * for roles that may not read reports; it is per currency, since a platform spans operators.
 *
 * @param trend energy of orders that stopped in each of the last 24 hours, oldest first
 */
public record Dashboard(Instant at, String timeZone, LocalDate today, DayFigures todayFigures, DayFigures monthFigures,
                        ConnectorCounts connectors, long runningSessions, long openAlarms, List<HourEnergy> trend,
                        List<StationFigures> topStations) {

    public record DayFigures(long sessions, long energyWh, List<Revenue> revenue) {}

    public record Revenue(String currency, BigDecimal amount) {}

    public record ConnectorCounts(long available, long charging, long faulted, long unavailable, long offline, long total) {}

    public record HourEnergy(Instant hour, long energyWh) {}

    public record StationFigures(long stationId, String name, long sessions, long energyWh) {}
}
