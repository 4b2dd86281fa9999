package io.pylon.server.demo;

import io.pylon.domain.charger.ChargerService;
import io.pylon.domain.charger.RegistrationStatus;
import io.pylon.domain.station.Station;
import io.pylon.domain.station.StationStatus;
import io.pylon.domain.tariff.Band;
import io.pylon.domain.tariff.BandPrice;
import io.pylon.domain.tariff.DaySchedule;
import io.pylon.domain.tariff.Tariff;
import io.pylon.domain.tariff.TariffTerms;
import io.pylon.domain.tenant.TenantScope;
import io.pylon.server.persistence.JooqOperators;
import io.pylon.server.persistence.JooqStations;
import io.pylon.server.persistence.JooqTariffs;
import io.pylon.server.persistence.Tenancy;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The demo's places: three stations of the default operator with a 尖峰平谷 tariff, and the demo chargers
 * created in them, so the demo's sessions become billed orders at once. Safe to run on every start.
 */
@Component
class DemoStations {

    record Place(String prefix, String name, String address, String lat, String lon) {}

    static final List<Place> PLACES = List.of(
            new Place("HZ-XIHU-", "Hangzhou West Lake", "1 Longjing Road, Xihu, Hangzhou", "30.246000", "120.148000"),
            new Place("SH-PUDONG-", "Shanghai Pudong", "88 Century Avenue, Pudong, Shanghai", "31.235000", "121.505000"),
            new Place("SZ-NANSHAN-", "Shenzhen Nanshan", "9 Keyuan Road, Nanshan, Shenzhen", "22.540000", "113.934000"));

    private final Tenancy tenancy;
    private final JooqOperators operators;
    private final JooqStations stations;
    private final JooqTariffs tariffs;
    private final ChargerService chargers;
    private final Clock clock;

    DemoStations(Tenancy tenancy, JooqOperators operators, JooqStations stations, JooqTariffs tariffs,
                 ChargerService chargers, Clock clock) {
        this.tenancy = tenancy;
        this.operators = operators;
        this.stations = stations;
        this.tariffs = tariffs;
        this.chargers = chargers;
        this.clock = clock;
    }

    /** Creates what is missing and places {@code count} chargers named prefix + number in the station. */
    @org.springframework.transaction.annotation.Transactional
    void prepare(Place place, List<String> chargerIds) {
        Long operatorId = tenancy.defaultOperatorId();
        if (operatorId == null) {
            return; // multi-operator mode: demo chargers stay unassigned
        }
        TenantScope scope = TenantScope.operator(operatorId);
        Instant now = clock.instant();
        long stationId = stations.list(scope, place.name(), null, new io.pylon.domain.common.PageRequest(0, 1)).items()
                .stream().findFirst().map(Station::id).orElseGet(() -> stations.insert(new Station(0, operatorId, null, null,
                        place.name(), place.address(), new BigDecimal(place.lat()), new BigDecimal(place.lon()),
                        ZoneId.of("Asia/Shanghai"), "00:00-24:00", "First 2 hours free", List.of(), List.of("toilet", "shop"),
                        StationStatus.OPERATIONAL, null, now, now), now));
        if (tariffs.forStation(stationId).isEmpty()) {
            var currency = operators.find(operatorId).orElseThrow().currency();
            TariffTerms terms = TariffTerms.simple(currency, DaySchedule.parse("00:00-08:00 VALLEY, 08:00-10:00 FLAT, "
                            + "10:00-15:00 PEAK, 15:00-18:00 FLAT, 18:00-21:00 SHARP, 21:00-23:00 PEAK, 23:00-24:00 VALLEY"),
                    BandPrice.of(Band.SHARP, "1.10", "0.80"), BandPrice.of(Band.PEAK, "0.95", "0.80"),
                    BandPrice.of(Band.FLAT, "0.65", "0.60"), BandPrice.of(Band.VALLEY, "0.35", "0.40"));
            Tariff first = Tariff.create(0, operatorId, "Demo TOU", terms, now);
            long tariffId = tariffs.insert(operatorId, "Demo TOU " + place.name(), false, first.latest(), now, "demo");
            tariffs.assign(stationId, tariffId, now);
        }
        for (String id : chargerIds) { // a charger made on an earlier start is kept as it is
            chargers.create(id, "demo charger", 0, null, RegistrationStatus.ACCEPTED, operatorId, stationId);
        }
    }
}
