package io.pylon.server.alarm;

import io.pylon.domain.alarm.AlarmSeverity;
import io.pylon.domain.alarm.AlarmSignal;
import io.pylon.domain.alarm.Telemetry;
import io.pylon.domain.alarm.Telemetry.Metrics;
import io.pylon.domain.charger.ChargerService;
import io.pylon.domain.charger.ConnectorStatus;
import io.pylon.domain.charger.StatusListener;
import io.pylon.domain.charger.StatusReport;
import io.pylon.server.persistence.JooqAlarms;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Raises an alarm (source {@code charger}) when a connector reports Faulted or any error code other than NoError, and
 * clears the connector's charger-reported alarms when it reports a healthy status again. Faulted is CRITICAL, an error
 * code on a working connector a WARNING. Connectors with alarms not cleared are remembered, so the healthy status
 * notifications of the rest of the fleet cost no query.
 */
@Component
public class AlarmWatch implements StatusListener {

    static final String SOURCE = "charger";
    private static final Logger log = LoggerFactory.getLogger(AlarmWatch.class);

    private final AlarmEngine engine;
    private final JooqAlarms alarms;
    private final AlarmRules rules;
    private final Set<String> alarmed = ConcurrentHashMap.newKeySet();

    public AlarmWatch(AlarmEngine engine, JooqAlarms alarms, AlarmRules rules, ChargerService chargers) {
        this.engine = engine;
        this.alarms = alarms;
        this.rules = rules;
        alarms.unclearedConnectors().forEach(alarmed::add);
        chargers.listen(this);
    }

    static boolean faulty(StatusReport report) {
        return report.status() == ConnectorStatus.FAULTED || hasError(report);
    }

    private static boolean hasError(StatusReport report) {
        return report.errorCode() != null && !report.errorCode().isBlank() && !"NoError".equalsIgnoreCase(report.errorCode());
    }

    @Override
    public void status(String chargerId, StatusReport report, Instant at) {
        String key = chargerId + "#" + report.connectorId();
        if (rules.size() > 0) {
            String code = hasError(report) ? report.errorCode() : report.status() == ConnectorStatus.FAULTED ? "Faulted" : "NoError";
            rules.accept(new Telemetry(Metrics.STATUS, null, code, null, null, chargerId, report.connectorId(), null, at));
        }
        try {
            if (faulty(report)) {
                String code = hasError(report) ? report.errorCode() : report.status().name();
                engine.raise(AlarmSignal.of(SOURCE, code, report.status() == ConnectorStatus.FAULTED ? AlarmSeverity.CRITICAL
                                : AlarmSeverity.WARNING)
                        .charger(chargerId, report.connectorId()).message(join(report.info(), report.vendorErrorCode())).build());
                alarmed.add(key);
            } else if (alarmed.remove(key)) {
                for (var open : alarms.openAt(chargerId, report.connectorId())) {
                    if (SOURCE.equals(open.source())) engine.resolve(open.dedupKey(), at, SOURCE);
                }
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
