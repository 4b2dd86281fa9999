package io.pylon.server.thermal;

import io.pylon.domain.tenant.TenantScope;
import io.pylon.domain.thermal.BayWatch;
import io.pylon.server.persistence.JooqThermal;
import io.pylon.server.persistence.JooqThermal.Bay;
import io.pylon.server.persistence.JooqThermal.Camera;
import io.pylon.server.persistence.JooqThermal.Zone;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * What each camera watches, as the detector needs it on every frame: the camera (with its key hash), its bays with the
 * zones' thresholds for the bay's current vehicle type, and each bay's neighbours' connectors. Cached per node for
 * {@code pylon.thermal.layout-ttl}; a change through this node's API empties the cache at once.
 */
@Component
public class ThermalLayouts {

    /** A connector to stop when a neighbouring bay evacuates. */
    public record Neighbour(long bayId, String bayName, String chargerId, int connectorId) {}

    /** One bay as the detector and the alarm see it. */
    public record BayLayout(Bay bay, BayWatch watch, List<Neighbour> neighbours) {}

    /** A camera and everything it watches. */
    public record Layout(Camera camera, List<BayLayout> bays, long loadedAt) {

        public List<BayWatch> watches() {
            return bays.stream().map(BayLayout::watch).toList();
        }

        public Optional<BayLayout> bay(long bayId) {
            return bays.stream().filter(b -> b.bay().id() == bayId).findFirst();
        }
    }

    private final JooqThermal thermal;
    private final long ttlNanos;
    private final Map<String, Layout> cache = new ConcurrentHashMap<>();

    public ThermalLayouts(JooqThermal thermal, ThermalProperties properties) {
        this.thermal = thermal;
        this.ttlNanos = properties.layoutTtl().toNanos();
    }

    /** The camera's layout; empty if there is no such camera. */
    public Optional<Layout> of(String cameraId) {
        Layout cached = cache.get(cameraId);
        if (cached != null && System.nanoTime() - cached.loadedAt() < ttlNanos) return Optional.of(cached);
        Optional<Layout> loaded = load(cameraId);
        loaded.ifPresentOrElse(l -> cache.put(cameraId, l), () -> cache.remove(cameraId));
        return loaded;
    }

    /** Something changed in the registry: read everything again. */
    public void invalidate() {
        cache.clear();
    }

    private Optional<Layout> load(String cameraId) {
        return thermal.camera(TenantScope.platform(), cameraId).map(camera -> {
            List<Bay> bays = thermal.baysOfCamera(cameraId);
            List<Bay> station = bays.isEmpty() ? List.of() : thermal.baysOfStation(camera.stationId());
            Map<Long, List<Zone>> zones = thermal.zones(bays.stream().map(Bay::id).toList());
            List<BayLayout> layouts = new ArrayList<>();
            for (Bay bay : bays) {
                List<BayWatch.Zone> watched = zones.getOrDefault(bay.id(), List.of()).stream()
                        .map(z -> new BayWatch.Zone(z.id(), z.name(), z.area(), z.thresholds().with(
                                bay.vehicleType() == null ? null : z.overrides().get(bay.vehicleType()))))
                        .toList();
                layouts.add(new BayLayout(bay, new BayWatch(bay.id(), bay.area(), watched), neighbours(bay, station)));
            }
            return new Layout(camera, List.copyOf(layouts), System.nanoTime());
        });
    }

    /** Named by hand in either direction, or next to it in the same row; never the bay's own connector. */
    static List<Neighbour> neighbours(Bay bay, List<Bay> station) {
        Set<Neighbour> found = new LinkedHashSet<>();
        for (Bay other : station) {
            if (other.id() == bay.id()) continue;
            boolean named = bay.neighbours().contains(other.id()) || other.neighbours().contains(bay.id());
            boolean beside = bay.row() != null && bay.row().equals(other.row()) && bay.position() != null && other.position() != null
                    && Math.abs(bay.position() - other.position()) == 1;
            boolean sameConnector = other.chargerId().equals(bay.chargerId()) && other.connectorId() == bay.connectorId();
            if ((named || beside) && !sameConnector) {
                found.add(new Neighbour(other.id(), other.name(), other.chargerId(), other.connectorId()));
            }
        }
        return List.copyOf(found);
    }
}
