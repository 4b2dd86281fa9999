package io.pylon.server.nearby;

import io.pylon.domain.common.PageRequest;
import io.pylon.domain.order.BillingContext;
import io.pylon.domain.station.Station;
import io.pylon.domain.station.StationStatus;
import io.pylon.domain.tariff.DayPrices;
import io.pylon.server.me.Me;
import io.pylon.server.persistence.JooqFleetStats;
import io.pylon.server.persistence.JooqLive;
import io.pylon.server.persistence.JooqStations;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The driver app's station finder: the operational stations of the driver's operator nearest to a point, with how many
 * connectors are free now and the price per kWh in force now (station-local time, the station's tariff).
 */
@Tag(name = "Driver app", description = "Self-service for drivers: their account, cards, vehicles, charging, wallet")
@Validated
@RestController
@RequestMapping("/api/v1/me/stations")
public class NearbyController {

    /** Most stations looked at for one request (a large operator's whole network). */
    static final int MAX_STATIONS = 20_000;

    /**
     * @param distanceKm great-circle distance from the given point, 2 decimals
     * @param free       connectors Available on online chargers now
     * @param priceNow   electricity + service per kWh now; null when the station has no tariff
     */
    public record NearbyStation(long id, String name, String address, BigDecimal latitude, BigDecimal longitude,
                                String openingHours, String parkingInfo, double distanceKm, long free, long total,
                                String band, BigDecimal priceNow, String currency) {}

    /** A station for the driver: where it is, its connectors now and today's prices by time of day. */
    public record StationDetail(NearbyStation station, List<JooqLive.ConnectorNow> connectors,
                                List<PriceRange> pricesToday) {}

    /** Unit prices of one range of the station's local day ({@code to} 24:00 = end of day). */
    public record PriceRange(String from, String to, String band, BigDecimal electricityPerKwh, BigDecimal servicePerKwh,
                             BigDecimal totalPerKwh) {}

    private final Me me;
    private final JooqLive live;
    private final JooqStations stations;
    private final JooqFleetStats fleet;
    private final BillingContext.Source contexts;
    private final Clock clock;

    public NearbyController(Me me, JooqStations stations, JooqFleetStats fleet, BillingContext.Source contexts, Clock clock,
                            JooqLive live) {
        this.me = me;
        this.live = live;
        this.stations = stations;
        this.fleet = fleet;
        this.contexts = contexts;
        this.clock = clock;
    }

    @Operation(summary = "Stations nearest to a point, with free connectors and the price now",
            description = "Operational stations of your operator, nearest first, at most limit (default 20, max 50).")
    @GetMapping
    public List<NearbyStation> nearby(@RequestParam @DecimalMin("-90") @DecimalMax("90") double latitude,
                                      @RequestParam @DecimalMin("-180") @DecimalMax("180") double longitude,
                                      @RequestParam(defaultValue = "20") @Min(1) @Max(50) int limit) {
        var driver = me.driver();
        var scope = Me.scope(driver);
        List<Station> all = new ArrayList<>();
        for (int page = 0; all.size() < MAX_STATIONS; page++) {
            var batch = stations.list(scope, null, StationStatus.OPERATIONAL, new PageRequest(page, PageRequest.MAX_SIZE)).items();
            all.addAll(batch);
            if (batch.size() < PageRequest.MAX_SIZE) break;
        }
        var nearest = all.stream().sorted(Comparator.comparingDouble(s -> distanceKm(latitude, longitude, s))).limit(limit).toList();
        Map<Long, JooqFleetStats.StationStatus> status = fleet.status(scope, null).stations().stream()
                .filter(s -> s.stationId() != null).collect(Collectors.toMap(JooqFleetStats.StationStatus::stationId, Function.identity()));
        return nearest.stream().map(s -> view(s, latitude, longitude, status.get(s.id()))).toList();
    }

    @Operation(summary = "One station of your operator: its connectors now and today's prices",
            description = "latitude/longitude, if given, fill in the distance.")
    @GetMapping("/{id}")
    public StationDetail station(@org.springframework.web.bind.annotation.PathVariable long id,
                                 @RequestParam(required = false) @DecimalMin("-90") @DecimalMax("90") Double latitude,
                                 @RequestParam(required = false) @DecimalMin("-180") @DecimalMax("180") Double longitude) {
        var scope = Me.scope(me.driver());
        Station s = stations.find(scope, id).orElseThrow(() -> new java.util.NoSuchElementException("No station " + id));
        var status = fleet.status(scope, id).stations().stream().filter(x -> Long.valueOf(id).equals(x.stationId())).findFirst().orElse(null);
        double lat = latitude == null ? s.latitude().doubleValue() : latitude;
        double lon = longitude == null ? s.longitude().doubleValue() : longitude;
        BillingContext context = contexts.of(null, s.id(), s.operatorId());
        List<PriceRange> prices = context.tariff().flatMap(t -> DayPrices.at(t, context.zone(), context.calendar(), clock.instant()))
                .map(day -> day.ranges().stream().map(r -> new PriceRange(r.from().toString(),
                        r.to().equals(LocalTime.MIDNIGHT) ? "24:00" : r.to().toString(), r.band().name(), r.price().electricityPerKwh(),
                        r.price().servicePerKwh(), r.price().electricityPerKwh().add(r.price().servicePerKwh()))).toList())
                .orElse(List.of());
        return new StationDetail(view(s, lat, lon, status), live.stationConnectors(scope, id), prices);
    }

    private NearbyStation view(Station s, double lat, double lon, JooqFleetStats.StationStatus status) {
        BillingContext context = contexts.of(null, s.id(), s.operatorId());
        var now = clock.instant();
        var range = context.tariff().flatMap(t -> DayPrices.at(t, context.zone(), context.calendar(), now)).flatMap(day -> {
            LocalTime local = LocalTime.ofInstant(now, context.zone());
            return day.ranges().stream().filter(r -> !local.isBefore(r.from()) && (r.to().equals(LocalTime.MIDNIGHT) || local.isBefore(r.to())))
                    .findFirst();
        });
        double km = BigDecimal.valueOf(distanceKm(lat, lon, s)).setScale(2, RoundingMode.HALF_UP).doubleValue();
        return new NearbyStation(s.id(), s.name(), s.address(), s.latitude(), s.longitude(), s.openingHours(), s.parkingInfo(), km,
                status == null ? 0 : status.available(), status == null ? 0 : status.total(),
                range.map(r -> r.band().name()).orElse(null),
                range.map(r -> r.price().electricityPerKwh().add(r.price().servicePerKwh())).orElse(null),
                context.currency().getCurrencyCode());
    }

    /** Haversine distance in km. */
    static double distanceKm(double lat, double lon, Station s) {
        double lat2 = s.latitude().doubleValue();
        double lon2 = s.longitude().doubleValue();
        double dLat = Math.toRadians(lat2 - lat);
        double dLon = Math.toRadians(lon2 - lon);
        double a = Math.pow(Math.sin(dLat / 2), 2)
                + Math.cos(Math.toRadians(lat)) * Math.cos(Math.toRadians(lat2)) * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * 6371 * Math.asin(Math.sqrt(a));
    }
}
