package io.pylon.server.me;

import io.pylon.domain.charger.Charger;
import io.pylon.domain.charger.ChargerRepository;
import io.pylon.domain.charger.ConnectorState;
import io.pylon.domain.charger.ConnectorStatus;
import io.pylon.domain.command.ChargerGateway;
import io.pylon.domain.driver.Driver;
import io.pylon.domain.order.BillingContext;
import io.pylon.domain.station.ConnectorRef;
import io.pylon.domain.station.ConnectorSpec;
import io.pylon.domain.station.Station;
import io.pylon.domain.station.StationStatus;
import io.pylon.domain.tariff.DayPrices;
import io.pylon.server.persistence.JooqEquipment;
import io.pylon.server.persistence.JooqStations;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Finds the connector a driver names by code or QR payload ({@link ConnectorRef}) among their operator's chargers
 * (another operator's connector is as unknown as a missing one: cards never cross tenants), with what decides
 * whether a session can start there now: live status, connection, station and today's prices.
 */
@Component
public class ConnectorFinder {

    /** Statuses in which a remote start can begin a session (a car may be plugged in already: Preparing). */
    static final Set<ConnectorStatus> STARTABLE = Set.of(ConnectorStatus.AVAILABLE, ConnectorStatus.PREPARING);

    /**
     * A connector of the driver's operator and what is known about it now.
     *
     * @param spec    the operator's description (code, standard, power), if any
     * @param state   the latest status the charger reported, if any
     * @param station where the charger stands, if placed
     * @param prices  today's prices at the station, if it has a tariff in force
     */
    public record Found(Charger charger, int connectorId, Optional<ConnectorSpec> spec, Optional<ConnectorState> state,
                        boolean online, Optional<Station> station, Optional<DayPrices> prices) {

        ConnectorStatus status() {
            return state.map(ConnectorState::status).orElse(null);
        }

        /** Whether a start would be sent: connected, startable status, open station with prices. */
        boolean startable() {
            return online && STARTABLE.contains(status()) && prices.isPresent()
                    && station.map(s -> s.status() == StationStatus.OPERATIONAL).orElse(false);
        }
    }

    private final JooqEquipment equipment;
    private final ChargerRepository chargers;
    private final JooqStations stations;
    private final ChargerGateway gateway;
    /** Chargers connected to other nodes of the cluster count as connected too. */
    private final io.pylon.server.cluster.ClusterPresence presence;
    private final BillingContext.Source contexts;
    private final Clock clock;

    public ConnectorFinder(JooqEquipment equipment, ChargerRepository chargers, JooqStations stations, ChargerGateway gateway,
                           BillingContext.Source contexts, Clock clock, io.pylon.server.cluster.ClusterPresence presence) {
        this.presence = presence;
        this.equipment = equipment;
        this.chargers = chargers;
        this.stations = stations;
        this.gateway = gateway;
        this.contexts = contexts;
        this.clock = clock;
    }

    /** The connector named by a typed code or scanned payload, if it is one of the driver's operator's. */
    public Optional<Found> find(Driver driver, String codeOrPayload) {
        return ConnectorRef.parse(codeOrPayload).flatMap(ref -> switch (ref) {
            case ConnectorRef.ByCode c -> equipment.byCode(c.code()).or(() -> equipment.byCode(c.code().toUpperCase(Locale.ROOT)))
                    .flatMap(spec -> at(driver, spec.chargerId(), spec.connectorId()));
            case ConnectorRef.ByConnector c -> at(driver, c.chargerId(), c.connectorId());
        });
    }

    /** A connector of a charger of the driver's operator that the charger reported or the operator described. */
    private Optional<Found> at(Driver driver, String chargerId, int connectorId) {
        Optional<Charger> charger = chargers.find(chargerId)
                .filter(c -> Long.valueOf(driver.operatorId()).equals(c.operatorId()));
        if (charger.isEmpty()) return Optional.empty();
        Optional<ConnectorSpec> spec = equipment.specs(chargerId).stream().filter(s -> s.connectorId() == connectorId).findFirst();
        Optional<ConnectorState> state = chargers.connectors(chargerId).stream().filter(s -> s.connectorId() == connectorId).findFirst();
        if (spec.isEmpty() && state.isEmpty()) return Optional.empty();
        Charger c = charger.get();
        Optional<Station> station = c.stationId() == null ? Optional.empty() : stations.find(Me.scope(driver), c.stationId());
        return Optional.of(new Found(c, connectorId, spec, state, gateway.isConnected(chargerId) || presence.elsewhere(chargerId), station, prices(c)));
    }

    private Optional<DayPrices> prices(Charger charger) {
        if (charger.stationId() == null) return Optional.empty();
        BillingContext context = contexts.of(charger.id(), charger.stationId(), charger.operatorId());
        return context.tariff().flatMap(t -> DayPrices.at(t, context.zone(), context.calendar(), clock.instant()));
    }
}
