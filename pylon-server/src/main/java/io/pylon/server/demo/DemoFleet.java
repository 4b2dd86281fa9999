package io.pylon.server.demo;

import io.pylon.domain.auth.IdToken;
import io.pylon.domain.auth.IdTokenRepository;
import io.pylon.domain.auth.IdTokenStatus;
import io.pylon.server.config.PylonProperties;
import io.pylon.server.ocpp.OcppGateway;
import io.pylon.simulator.Fleet;
import io.pylon.simulator.FleetConfig;
import io.pylon.simulator.YkcFleet;
import io.pylon.simulator.YkcFleetConfig;
import io.pylon.server.ykc.YkcGateway;
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
 * they use already registered — so the API shows live sessions and meter values at once. A third as many
 * simulated YKC piles (pile codes 3201&lt;station&gt;…, hex cards DE000001…) join each station over the YKC port.
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
    private final List<Fleet> fleets = new ArrayList<>();
    private final YkcGateway ykc;

    public DemoFleet(PylonProperties properties, OcppGateway gateway, IdTokenRepository tokens, Clock clock,
                     io.pylon.server.persistence.Tenancy tenancy, DemoStations places, YkcGateway ykc) {
        this.places = places;
        this.ykc = ykc;
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
        int piles = startPiles(demo, now);
        log.info("Demo fleet: {} simulated OCPP chargers and {} YKC piles over {} stations (ports {} and {})",
                demo.chargers(), piles, STATIONS.size(), gateway.port(), ykc.port());
    }

    /** YKC piles, a third as many as the OCPP chargers, spread over the same stations; returns how many. */
    private int startPiles(PylonProperties.Demo demo, Instant now) {
        int total = Math.max(1, demo.chargers() / 3);
        List<String> cards = java.util.stream.IntStream.rangeClosed(1, Math.max(60, total * 20))
                .mapToObj(i -> String.format("DE%06d", i)).toList();
        for (String idTag : cards) {
            tokens.insert(new IdToken(idTag, IdTokenStatus.ACCEPTED, null, null, "demo YKC card", now, now, tenancy.defaultOperatorId()));
        }
        int perStation = Math.max(1, total / STATIONS.size());
        int left = total;
        for (int i = 0; i < STATIONS.size() && left > 0; i++) {
            int count = i == STATIONS.size() - 1 ? left : Math.min(perStation, left);
            left -= count;
            YkcFleetConfig config = YkcFleetConfig.defaults("127.0.0.1", ykc.port()).withCount(count)
                    .withPilePrefix("3201" + (i + 1)).withCharging(demo.chargingShare(), cards, java.time.Duration.ofMinutes(3), 60)
                    .withIntervals(java.time.Duration.ofSeconds(10), demo.meterInterval())
                    .withRun(50, null, 4242L + i, List.of());
            places.prepare(DemoStations.PLACES.get(i), java.util.stream.IntStream.rangeClosed(1, count)
                    .mapToObj(config::pileCode).toList());
            fleets.add(YkcFleet.start(config));
        }
        return total;
    }

    @Override
    public void close() {
        fleets.forEach(Fleet::close);
        fleets.clear();
    }
}
