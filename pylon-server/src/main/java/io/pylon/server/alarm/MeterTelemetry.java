package io.pylon.server.alarm;

import io.pylon.domain.alarm.Telemetry;
import io.pylon.domain.alarm.Telemetry.Metrics;
import io.pylon.domain.session.MeterReading;
import io.pylon.domain.session.MeterSample;
import io.pylon.domain.session.SessionService;
import java.math.BigDecimal;
import java.math.MathContext;
import jakarta.annotation.PreDestroy;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.stereotype.Component;

/**
 * Feeds the alarm rules with what chargers measure: OCPP MeterValues and YKC real-time data (both arrive as meter
 * samples) become voltage, current, power (W), connector and battery temperature (°C) and SoC observations. Phases other
 * than the first are left out, so a rule sees one series per connector. Nothing is converted while no rule exists.
 * Rules are evaluated off the meter path (the charger's reply never waits for an alarm), in order per charger.
 */
@Component
public class MeterTelemetry {

    private final AlarmRules rules;
    private final ExecutorService workers = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("meter-rules-", 0).factory());
    /** The last evaluation queued per charger: the next one runs after it. */
    private final Map<String, CompletableFuture<Void>> tails = new ConcurrentHashMap<>();

    public MeterTelemetry(AlarmRules rules, SessionService sessions) {
        this.rules = rules;
        sessions.watch(this::readings);
    }

    void readings(List<MeterReading> readings) {
        if (rules.size() == 0 || readings.isEmpty()) return;
        List<Telemetry> observations = readings.stream().map(MeterTelemetry::of).filter(java.util.Objects::nonNull).toList();
        if (observations.isEmpty()) return;
        tails.compute(readings.getFirst().chargerId(), (charger, tail) -> (tail == null ? CompletableFuture.<Void>completedFuture(null) : tail)
                .thenRunAsync(() -> observations.forEach(rules::accept), workers)
                .exceptionally(e -> null));
    }

    @PreDestroy
    void stop() {
        workers.close();
    }

    /** The observation a sample makes, or null if rules have no metric for it. */
    static Telemetry of(MeterReading r) {
        MeterSample s = r.sample();
        if (s.measurand() == null || !firstPhase(s.phase())) return null;
        BigDecimal v = s.numeric();
        if (v == null) return null;
        String metric;
        switch (s.measurand()) {
            case "Voltage" -> metric = Metrics.VOLTAGE;
            case "Current.Import" -> metric = Metrics.CURRENT;
            case "Power.Active.Import" -> {
                metric = Metrics.POWER;
                if ("kW".equals(s.unit())) v = v.movePointRight(3);
            }
            case "SoC" -> metric = Metrics.SOC;
            case "Temperature" -> {
                metric = "EV".equals(s.location()) ? Metrics.BATTERY_TEMPERATURE : Metrics.CONNECTOR_TEMPERATURE;
                v = celsius(v, s.unit());
            }
            default -> {
                return null;
            }
        }
        return new Telemetry(metric, v, null, null, null, r.chargerId(), r.connectorId(), null,
                s.timestamp() != null ? s.timestamp() : java.time.Instant.now());
    }

    private static boolean firstPhase(String phase) {
        return phase == null || phase.isEmpty() || "L1".equals(phase) || "L1-N".equals(phase);
    }

    private static BigDecimal celsius(BigDecimal v, String unit) {
        if ("Fahrenheit".equals(unit)) return v.subtract(BigDecimal.valueOf(32)).multiply(BigDecimal.valueOf(5)).divide(BigDecimal.valueOf(9), MathContext.DECIMAL64);
        if ("K".equals(unit)) return v.subtract(new BigDecimal("273.15"));
        return v;
    }
}
