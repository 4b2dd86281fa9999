package io.pylon.server.alarm;

import io.pylon.domain.alarm.Telemetry;
import io.pylon.domain.alarm.TelemetrySink;
import org.springframework.stereotype.Component;

/** Evaluates the operators' alarm rules on every observation (threshold, duration, rate of change, hysteresis). */
@Component
public class AlarmRules implements TelemetrySink {

    @Override
    public void accept(Telemetry telemetry) {
        // rules land in the next commit
    }
}
