package io.pylon.server.thermal;

import io.pylon.domain.charger.ChargerRepository;
import io.pylon.domain.tenant.TenantScope;
import io.pylon.domain.thermal.ThermalDetector;
import io.pylon.server.api.ConflictException;
import io.pylon.server.persistence.JooqStations;
import io.pylon.server.persistence.JooqThermal;
import io.pylon.server.persistence.JooqThermal.Bay;
import io.pylon.server.persistence.JooqThermal.Zone;
import io.pylon.server.security.Callers;
import io.pylon.server.thermal.ThermalViews.BayRequest;
import io.pylon.server.thermal.ThermalViews.BayView;
import io.pylon.server.thermal.ThermalViews.Latest;
import io.pylon.server.thermal.ThermalViews.ZoneView;
import java.util.List;
import java.util.NoSuchElementException;
import org.springframework.stereotype.Component;

/**
 * The checks and views the bay and zone endpoints share: a bay visible to the caller (another tenant's answers 404 like
 * a missing one), a bay request that holds together (station, camera, charger and neighbours of the caller, at one
 * station; one bay per connector; the area inside the camera's frame; the zones inside the area).
 */
@Component
class ThermalRegistry {

    private final JooqThermal thermal;
    private final JooqStations stations;
    private final ChargerRepository chargers;
    private final ThermalDetector detector;
    private final ThermalLayouts layouts;
    private final Callers callers;

    ThermalRegistry(JooqThermal thermal, JooqStations stations, ChargerRepository chargers, ThermalDetector detector,
                    ThermalLayouts layouts, Callers callers) {
        this.thermal = thermal;
        this.stations = stations;
        this.chargers = chargers;
        this.detector = detector;
        this.layouts = layouts;
        this.callers = callers;
    }

    Bay bay(long id) {
        return thermal.bay(callers.scope(), id).orElseThrow(() -> new NoSuchElementException("Bay " + id));
    }

    Zone zone(Bay bay, long zoneId) {
        return thermal.zones(bay.id()).stream().filter(z -> z.id() == zoneId).findFirst()
                .orElseThrow(() -> new NoSuchElementException("Zone " + zoneId + " of bay " + bay.id()));
    }

    /** A bay as asked for, checked; {@code id} 0 for a new one. */
    Bay checked(long id, BayRequest r, Bay before) {
        TenantScope scope = callers.scope();
        var station = stations.find(scope, r.stationId()).orElseThrow(() -> new IllegalArgumentException("stationId: no station " + r.stationId()));
        if (before != null && before.stationId() != station.id()) throw new IllegalArgumentException("stationId: a bay cannot move to another station");
        var camera = thermal.camera(scope, r.cameraId()).filter(c -> c.stationId() == station.id())
                .orElseThrow(() -> new IllegalArgumentException("cameraId: no camera " + r.cameraId() + " at station " + station.id()));
        var area = r.area().area();
        if (camera.width() != null && !area.fits(camera.width(), camera.height())) {
            throw new IllegalArgumentException("area: " + area + " lies outside camera " + camera.id() + "'s " + camera.width() + "×"
                    + camera.height() + " frame");
        }
        chargers.find(r.chargerId()).filter(c -> c.stationId() != null && c.stationId() == station.id() && scope.includes(c.operatorId(), c.stationId()))
                .orElseThrow(() -> new IllegalArgumentException("chargerId: no charger " + r.chargerId() + " at station " + station.id()));
        thermal.bayAt(r.chargerId(), r.connectorId()).filter(other -> other != id).ifPresent(other -> {
            throw new ConflictException("Connector " + r.connectorId() + " of " + r.chargerId() + " is mapped to bay " + other + " already");
        });
        List<Long> neighbours = r.neighbours() == null ? List.of() : r.neighbours().stream().distinct().toList();
        List<Long> atStation = thermal.baysOfStation(station.id()).stream().map(Bay::id).toList();
        for (Long n : neighbours) {
            if (n == id || !atStation.contains(n)) throw new IllegalArgumentException("neighbours: no other bay " + n + " at station " + station.id());
        }
        if (before != null) {
            for (Zone z : thermal.zones(id)) {
                if (!z.area().within(area)) throw new IllegalArgumentException("area: zone " + z.name() + " (" + z.area() + ") would lie outside it");
            }
        }
        return new Bay(id, station.operatorId(), station.id(), r.name().trim(), camera.id(), area, r.chargerId(), r.connectorId(),
                blankToNull(r.row()), r.position(), r.vehicleType(), neighbours, null, null);
    }

    BayView view(Bay bay) {
        List<Long> stops = ThermalLayouts.neighbours(bay, thermal.baysOfStation(bay.stationId())).stream()
                .map(ThermalLayouts.Neighbour::bayId).toList();
        List<ZoneView> zones = thermal.zones(bay.id()).stream().map(z -> ZoneView.of(z, bay.vehicleType())).toList();
        return new BayView(bay.id(), bay.operatorId(), bay.stationId(), bay.name(), bay.cameraId(), bay.area(), bay.chargerId(),
                bay.connectorId(), bay.row(), bay.position(), bay.vehicleType(), bay.neighbours(), stops, zones,
                detector.latest(bay.id()).map(Latest::of).orElse(null), bay.createdAt(), bay.updatedAt());
    }

    /** The registry changed: the next frame reads it again; with {@code bayId}, that bay's history starts over. */
    void changed(Long bayId) {
        layouts.invalidate();
        if (bayId != null) detector.forget(bayId);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
