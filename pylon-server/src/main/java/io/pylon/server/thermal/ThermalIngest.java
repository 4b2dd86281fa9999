package io.pylon.server.thermal;

import io.pylon.server.security.DeviceKeys;
import io.pylon.domain.alarm.RaisedAlarm;
import io.pylon.domain.alarm.Telemetry;
import io.pylon.domain.alarm.TelemetrySink;
import io.pylon.domain.thermal.BayDecision;
import io.pylon.domain.thermal.BayDecision.Action;
import io.pylon.domain.thermal.ThermalDetector;
import io.pylon.domain.thermal.ThermalFrame;
import io.pylon.domain.thermal.ZoneReading;
import io.pylon.server.api.ConflictException;
import io.pylon.server.persistence.JooqThermal.Bay;
import io.pylon.server.thermal.ThermalLayouts.BayLayout;
import io.pylon.server.thermal.ThermalLayouts.Layout;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * One frame from receipt to decision: authenticate the camera by its key, read the frame, judge every bay it watches,
 * hand each zone's hottest pixel to the alarm rules ({@value #MAX_TEMPERATURE}), then raise, upgrade or resolve the bays'
 * alarms and keep the frame's heat map with every alarm it raised or made worse. The stop commands are sent before the
 * heat map is drawn, so drawing never delays them.
 */
@Service
public class ThermalIngest {

    /** Telemetry metric: a zone's hottest pixel in °C; subject {@code bay:<id>}, code = the zone's name. */
    public static final String MAX_TEMPERATURE = "thermal.max_temperature";
    private static final Logger log = LoggerFactory.getLogger(ThermalIngest.class);

    /** What became of a frame: the decisions and the alarm each bay's stands for now (null if none was raised). */
    public record Result(ThermalFrame frame, List<BayDecision> decisions, Map<Long, Long> alarmIds) {}

    private final ThermalLayouts layouts;
    private final ThermalDetector detector;
    private final ThermalAlarms alarms;
    private final TelemetrySink telemetry;
    private final FrameDecoder decoder;
    private final Clock clock;

    public ThermalIngest(ThermalLayouts layouts, ThermalDetector detector, ThermalAlarms alarms, TelemetrySink telemetry,
                         JsonMapper json, Clock clock) {
        this.layouts = layouts;
        this.detector = detector;
        this.alarms = alarms;
        this.telemetry = telemetry;
        this.decoder = new FrameDecoder(json);
        this.clock = clock;
    }

    /**
     * @param cameraId  the camera of the path or X-Camera-Id; null if a JSON body names it
     * @param timestamp the frame's time from X-Frame-Timestamp, or null
     * @throws CameraRefused for an unknown camera or a wrong key
     * @throws IllegalArgumentException for a frame that cannot be read or does not fit the camera's bays
     * @throws ConflictException for a frame not newer than the last one of the camera's bays
     */
    public Result ingest(String cameraId, String key, FrameDecoder.Format format, byte[] body, Instant timestamp) {
        Instant received = clock.instant();
        Layout layout = cameraId == null ? null : authenticate(cameraId, key);
        ThermalFrame frame = decoder.decode(format, body, cameraId, timestamp, received);
        if (layout == null) layout = authenticate(frame.cameraId(), key);
        var camera = layout.camera();
        if (camera.width() != null && (camera.width() != frame.width() || camera.height() != frame.height())) {
            throw new IllegalArgumentException("frame size " + frame.width() + "×" + frame.height() + " is not camera " + camera.id()
                    + "'s " + camera.width() + "×" + camera.height());
        }
        List<BayDecision> decisions = detector.analyse(frame, layout.watches());
        if (!decisions.isEmpty() && decisions.stream().allMatch(d -> d.action() == Action.STALE)) {
            throw new ConflictException("frame at " + frame.at() + " is not newer than camera " + camera.id() + "'s last frame");
        }
        Map<Long, Long> alarmIds = act(layout, frame, decisions);
        return new Result(frame, decisions, alarmIds);
    }

    private Layout authenticate(String cameraId, String key) {
        Layout layout = layouts.of(cameraId).orElseThrow(CameraRefused::new);
        if (!DeviceKeys.matches(key, layout.camera().keyHash())) throw new CameraRefused();
        return layout;
    }

    private Map<Long, Long> act(Layout layout, ThermalFrame frame, List<BayDecision> decisions) {
        Map<Long, Long> alarmIds = new LinkedHashMap<>();
        List<Long> evidenceFor = new ArrayList<>();
        for (BayDecision d : decisions) {
            if (d.action() == Action.STALE) continue;
            BayLayout bay = layout.bay(d.bayId()).orElseThrow();
            report(bay.bay(), frame, d);
            switch (d.action()) {
                case RAISE, REFRESH -> {
                    RaisedAlarm raised = alarms.raise(bay, frame, d);
                    alarmIds.put(d.bayId(), raised.id());
                    if (d.action() == Action.RAISE || raised.created()) evidenceFor.add(raised.id());
                }
                case RESOLVE -> alarms.resolve(bay.bay());
                default -> { }
            }
        }
        if (!evidenceFor.isEmpty()) attachHeatMap(layout, frame, decisions, evidenceFor);
        return alarmIds;
    }

    private void report(Bay bay, ThermalFrame frame, BayDecision d) {
        for (ZoneReading z : d.zones()) {
            telemetry.accept(new Telemetry(MAX_TEMPERATURE, BigDecimal.valueOf(z.maxC()), z.zone(), bay.operatorId(), bay.stationId(),
                    bay.chargerId(), bay.connectorId(), ThermalAlarms.subject(bay.id()), frame.at()));
        }
    }

    private void attachHeatMap(Layout layout, ThermalFrame frame, List<BayDecision> decisions, List<Long> alarmIds) {
        try {
            Map<Long, BayDecision> byBay = new HashMap<>();
            decisions.forEach(d -> byBay.put(d.bayId(), d));
            String caption = "camera " + frame.cameraId() + " · " + frame.at();
            byte[] png = HeatMap.render(frame, layout.watches(), byBay, caption);
            for (long id : alarmIds) alarms.attach(id, png);
        } catch (RuntimeException e) {
            log.warn("Heat map of camera {} at {} not kept: {}", frame.cameraId(), frame.at(), e.toString());
        }
    }

    /** An unknown camera or a wrong key: answered 401 the same way, so camera ids cannot be probed. */
    public static final class CameraRefused extends RuntimeException {
        CameraRefused() {
            super("Unknown camera or wrong camera key (X-Camera-Key)", null, false, false);
        }
    }
}
