package io.pylon.server.demo;

import io.pylon.domain.auth.IdToken;
import io.pylon.domain.auth.IdTokenRepository;
import io.pylon.domain.auth.IdTokenStatus;
import io.pylon.server.config.PylonProperties;
import io.pylon.server.ocpp.OcppGateway;
import io.pylon.simulator.FleetConfig;
import io.pylon.simulator.SimulatedFleet;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * {@code ./pylon demo}: once the platform is up, a fleet of simulated OCPP 1.6 chargers connects
 * to its own OCPP port, spread over a few stations (one id prefix per station), with the id tags
 * they use already registered — so the API shows live sessions and meter values at once.
 */
@Component
public class DemoFleet implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DemoFleet.class);
    /** Demo stations, as charger id prefixes. */
    static final List<String> STATIONS = DemoStations.PLACES.stream().map(DemoStations.Place::prefix).toList();

    private final PylonProperties properties;
    private final OcppGateway gateway;
    private final IdTokenRepository tokens;
    private final Clock clock;
    private final io.pylon.server.persistence.Tenancy tenancy;
    private final DemoStations places;
    private final List<SimulatedFleet> fleets = new ArrayList<>();

    public DemoFleet(PylonProperties properties, OcppGateway gateway, IdTokenRepository tokens, Clock clock,
                     io.pylon.server.persistence.Tenancy tenancy, DemoStations places) {
        this.places = places;
        this.properties = properties;
        this.tenancy = tenancy;
        this.gateway = gateway;
        this.tokens = tokens;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void start() {
        PylonProperties.Demo demo = properties.demo();
        if (demo.chargers() <= 0) return;
        // Simulated drivers pick a card at random: ten cards per connector keep ConcurrentTx refusals rare.
        List<String> cards = java.util.stream.IntStream.rangeClosed(1, Math.max(200, demo.chargers() * 20))
                .mapToObj(i -> String.format("DEMO%06d", i)).toList();
        FleetConfig base = FleetConfig.defaults(URI.create("ws://127.0.0.1:" + gateway.port() + "/ocpp")).withIdTags(cards);
        Instant now = clock.instant();
        for (String idTag : base.idTags()) {
            tokens.insert(new IdToken(idTag, IdTokenStatus.ACCEPTED, null, null, "demo card", now, now, tenancy.defaultOperatorId()));
        }
        int perStation = Math.max(1, demo.chargers() / STATIONS.size());
        int left = demo.chargers();
        for (int i = 0; i < STATIONS.size() && left > 0; i++) {
            int count = i == STATIONS.size() - 1 ? left : Math.min(perStation, left);
            left -= count;
            FleetConfig config = base.withCount(count).withIdPrefix(STATIONS.get(i));
            places.prepare(DemoStations.PLACES.get(i), java.util.stream.IntStream.rangeClosed(1, count)
                    .mapToObj(config::chargerId).toList());
            fleets.add(SimulatedFleet.start(config
                    .withChargingShare(demo.chargingShare()).withMeterInterval(demo.meterInterval())
                    .withMeanSessionDuration(java.time.Duration.ofMinutes(3)).withSeed(42L + i)));
        }
        log.info("Demo fleet: {} simulated chargers over {} stations connecting to port {}",
                demo.chargers(), fleets.size(), gateway.port());
    }

    @Override
    public void close() {
        fleets.forEach(SimulatedFleet::close);
        fleets.clear();
    }
}
