package io.pylon.server.me;

import io.pylon.domain.charger.ConnectorStatus;
import io.pylon.domain.money.Money;
import io.pylon.domain.station.ConnectorRef;
import io.pylon.domain.station.ConnectorSpec;
import io.pylon.domain.station.ConnectorStandard;
import io.pylon.domain.station.Station;
import io.pylon.domain.station.StationStatus;
import io.pylon.domain.tariff.Band;
import io.pylon.domain.tariff.DayPrices;
import io.pylon.domain.tariff.DayType;
import io.pylon.domain.tariff.TariffTerms;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * A connector as the driver app shows it before a start: where it is, whether a start can begin now
 * ({@code startable}), and today's prices at its station.
 *
 * @param qr     Pylon's QR payload for this connector ({@code pylon:<chargerId>:<connectorId>})
 * @param status the latest status the charger reported; null when it has reported none
 * @param prices null when the station has no tariff in force (a start is then refused)
 */
public record ConnectorView(String code, String qr, String chargerId, int connectorId, ConnectorStandard standard,
                            BigDecimal maxPowerKw, ConnectorStatus status, Instant statusSince, boolean chargerOnline,
                            boolean startable, StationView station, PricesView prices) {

    public record StationView(long id, String name, String address, BigDecimal latitude, BigDecimal longitude,
                              String openingHours, String parkingInfo, StationStatus status) {
        static StationView of(Station s) {
            return new StationView(s.id(), s.name(), s.address(), s.latitude(), s.longitude(), s.openingHours(),
                    s.parkingInfo(), s.status());
        }
    }

    /** Unit prices per kWh of one range of the local day; {@code to} "24:00" is the end of the day. */
    public record BandRange(String from, String to, Band band, BigDecimal electricityPerKwh, BigDecimal servicePerKwh,
                            BigDecimal totalPerKwh) {
        static BandRange of(DayPrices.Range r) {
            return new BandRange(r.from().toString(), r.to().equals(LocalTime.MIDNIGHT) ? "24:00" : r.to().toString(),
                    r.band(), r.price().electricityPerKwh(), r.price().servicePerKwh(),
                    r.price().electricityPerKwh().add(r.price().servicePerKwh()));
        }
    }

    /** The idle fee after charging ends: per minute beyond the grace minutes, up to the cap (null = none). */
    public record ConnectorIdleFeeView(BigDecimal perMinute, int graceMinutes, Money cap) {}

    /** Today's prices in the station's local time, from the tariff version in force now. */
    public record PricesView(LocalDate date, DayType dayType, String currency, long tariffId, int tariffVersion,
                             List<BandRange> bands, Money sessionFee, ConnectorIdleFeeView idleFee) {
        static PricesView of(DayPrices day) {
            TariffTerms terms = day.version().terms();
            var idle = terms.idleFee();
            return new PricesView(day.date(), day.dayType(), terms.currency().getCurrencyCode(), day.version().tariffId(),
                    day.version().version(), day.ranges().stream().map(BandRange::of).toList(), terms.sessionFee(),
                    idle.charges() ? new ConnectorIdleFeeView(idle.perMinute(), idle.graceMinutes(), idle.cap()) : null);
        }
    }

    static ConnectorView of(ConnectorFinder.Found f) {
        ConnectorSpec spec = f.spec().orElse(null);
        return new ConnectorView(spec == null ? null : spec.code(), ConnectorRef.qrPayload(f.charger().id(), f.connectorId()),
                f.charger().id(), f.connectorId(), spec == null ? null : spec.standard(), spec == null ? null : spec.maxPowerKw(),
                f.status(), f.state().map(s -> s.since()).orElse(null), f.online(), f.startable(),
                f.station().map(StationView::of).orElse(null), f.prices().map(PricesView::of).orElse(null));
    }
}
