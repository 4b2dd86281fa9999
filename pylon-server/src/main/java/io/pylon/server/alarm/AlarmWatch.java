package io.pylon.server.alarm;

import io.pylon.domain.charger.ChargerService;
import io.pylon.domain.charger.ConnectorStatus;
import io.pylon.domain.charger.StatusListener;
import io.pylon.domain.charger.StatusReport;
import io.pylon.server.live.LiveHub;
import io.pylon.server.persistence.JooqAlarms;
import io.pylon.server.persistence.JooqLive;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Raises an alarm when a connector reports Faulted or any error code other than NoError, and clears the connector's
 * alarms when it reports a healthy status again. Connectors with alarms not cleared are remembered, so the healthy
 * status notifications of the rest of the fleet cost no query. New and cleared alarms go to the live feed.
 */
@Component
public class AlarmWatch implements StatusListener {

    private static final Logger log = LoggerFactory.getLogger(AlarmWatch.class);

    private final JooqAlarms alarms;
    private final JooqLive live;
    private final LiveHub hub;
    private final Set<String> alarmed = ConcurrentHashMap.newKeySet();

    public AlarmWatch(JooqAlarms alarms, JooqLive live, LiveHub hub, ChargerService chargers) {
        this.alarms = alarms;
        this.live = live;
        this.hub = hub;
        alarms.unclearedConnectors().forEach(alarmed::add);
        chargers.listen(this);
    }

    static boolean faulty(StatusReport report) {
        return report.status() == ConnectorStatus.FAULTED
                || report.errorCode() != null && !report.errorCode().isBlank() && !"NoError".equalsIgnoreCase(report.errorCode());
    }

    @Override
    public void status(String chargerId, StatusReport report, Instant at) {
        String key = chargerId + "#" + report.connectorId();
        try {
            if (faulty(report)) {
                var owner = live.owner(chargerId).orElse(new JooqLive.Owner(null, null));
                String code = report.errorCode() == null || report.errorCode().isBlank() || "NoError".equalsIgnoreCase(report.errorCode())
                        ? report.status().name() : report.errorCode();
                String info = join(report.info(), report.vendorErrorCode());
                alarms.raise(owner.operatorId(), owner.stationId(), chargerId, report.connectorId(), code, info, at)
                        .ifPresent(a -> hub.alarm(AlarmView.of(a)));
                alarmed.add(key);
            } else if (alarmed.remove(key)) {
                alarms.clearConnector(chargerId, report.connectorId(), at).forEach(a -> hub.alarm(AlarmView.of(a)));
            }
        } catch (RuntimeException e) {
            log.warn("alarm for {} connector {} not recorded: {}", chargerId, report.connectorId(), e.toString());
        }
    }

    private static String join(String info, String vendorCode) {
        String text = (info == null ? "" : info) + (vendorCode == null || vendorCode.isBlank() ? "" : " [" + vendorCode + "]");
        text = text.strip();
        return text.isEmpty() ? null : text.length() > 300 ? text.substring(0, 300) : text;
    }
}
