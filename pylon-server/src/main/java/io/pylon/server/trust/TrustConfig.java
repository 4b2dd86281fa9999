package io.pylon.server.trust;

import io.pylon.domain.anomaly.AnomalyService;
import io.pylon.domain.anomaly.AnomalyStore;
import io.pylon.domain.anomaly.SessionFacts;
import io.pylon.domain.charger.ChargerRepository;
import io.pylon.domain.charger.ChargerService;
import io.pylon.domain.metering.MeterRepository;
import java.math.BigDecimal;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import io.pylon.domain.metering.MeteringService;
import io.pylon.domain.metering.OcmfCodec;
import io.pylon.domain.metering.SignedMeterData;
import io.pylon.domain.order.OrderService;
import io.pylon.domain.trust.SessionLogger;
import io.pylon.domain.trust.TransparencyLog;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires trusted metering: signed meter data checks, and the transparency log hearing of every final order. */
@Configuration
public class TrustConfig {

    @Bean
    MeteringService meteringService(SignedMeterData signed, MeterRepository meters, OcmfCodec codec) {
        return new MeteringService(signed, meters, codec);
    }

    /**
     * Anomaly detection on every final order and on chargers' meter seal reports.
     *
     * @param tolerance share by which session energy and integrated power may differ (pylon.trust.power-tolerance)
     */
    @Bean
    AnomalyService anomalyService(AnomalyStore store, SessionFacts.Source facts, MeteringService metering,
                                  TransparencyLog log, Clock clock, OrderService orders,
                                  @Value("${pylon.trust.power-tolerance:0.02}") BigDecimal tolerance,
                                  io.pylon.domain.alarm.TelemetrySink rules) {
        AnomalyService service = new AnomalyService(new AnomalyTelemetry(store, rules), facts, metering, log, clock, tolerance);
        orders.listen(service);
        return service;
    }

    @Bean
    SealWatch sealWatch(AnomalyService anomalies, ChargerRepository chargerRepository, ChargerService chargers) {
        SealWatch watch = new SealWatch(anomalies, chargerRepository);
        chargers.listen(watch::status);
        chargers.listenEvents(watch::event);
        return watch;
    }

    @Bean
    SessionLogger sessionLogger(TransparencyLog log, MeteringService metering, OrderService orders) {
        SessionLogger logger = new SessionLogger(log, metering);
        orders.listen(logger);
        return logger;
    }
}
