package io.pylon.server.thermal;

import io.pylon.domain.thermal.ThermalDetector;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The detector, one per node: it holds the sliding windows of the cameras whose frames reach this node. */
@Configuration
class ThermalConfig {

    @Bean
    ThermalDetector thermalDetector(ThermalProperties properties) {
        return new ThermalDetector(properties.detector());
    }
}
