package io.pylon.server.regulator;

import io.pylon.domain.order.OrderService;
import io.pylon.domain.trust.TransparencyLog;
import io.pylon.server.config.PylonProperties;
import io.pylon.server.config.SecretFiles;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;

/** The regulator feed: listens to final orders, pushes the outbox on a schedule. */
@Configuration
public class RegulatorConfig {

    private static final Logger log = LoggerFactory.getLogger(RegulatorConfig.class);

    @Bean
    RegulatorFeed regulatorFeed(RegulatorOutbox outbox, TransparencyLog transparency, RegulatorProperties properties,
                                PylonProperties pylon, Clock clock, OrderService orders,
                                io.pylon.domain.trust.SessionLogger loggedFirst) {
        String secret = properties.hmacSecret() == null || properties.hmacSecret().isBlank()
                ? SecretFiles.loadOrCreate(pylon.dataDir().resolve("regulator-hmac.secret"), "regulator HMAC secret")
                : properties.hmacSecret();
        RegulatorFeed feed = new RegulatorFeed(outbox, transparency, properties, RegulatorFeed.secretBytes(secret), clock);
        orders.listen(feed); // after the session logger (a dependency above), so the entry exists
        return feed;
    }

    @Bean
    Pusher regulatorPusher(RegulatorFeed feed) {
        return new Pusher(feed);
    }

    /** Pushes the outbox every {@code pylon.regulator.push-interval}. */
    static class Pusher {
        private final RegulatorFeed feed;

        Pusher(RegulatorFeed feed) {
            this.feed = feed;
        }

        @Scheduled(fixedDelayString = "${pylon.regulator.push-interval:5s}")
        void push() {
            try {
                feed.push(200);
            } catch (RuntimeException e) {
                log.warn("Regulator push failed; it runs again", e);
            }
        }
    }
}
