package io.pylon.server.config;

import io.pylon.domain.auth.Authorizer;
import io.pylon.domain.auth.IdTokenRepository;
import io.pylon.domain.charger.ChargerRepository;
import io.pylon.domain.charger.ChargerService;
import io.pylon.domain.charger.ChargerSettings;
import io.pylon.domain.charger.PasswordHasher;
import io.pylon.domain.command.ChargerGateway;
import io.pylon.domain.command.CommandService;
import io.pylon.domain.common.Transactions;
import io.pylon.domain.reservation.ReservationRepository;
import io.pylon.domain.session.MeterValueStore;
import io.pylon.domain.session.SessionRepository;
import io.pylon.domain.session.SessionService;
import io.pylon.ocpp.schema.OcppSchemas;
import io.pylon.server.cluster.ChargerRouting;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jooq.conf.RenderQuotedNames;
import org.springframework.boot.jooq.autoconfigure.DefaultConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Wires the framework-free domain services to their adapters. */
@Configuration
@EnableScheduling
public class DomainConfig {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    OcppSchemas ocpp16Schemas() {
        return OcppSchemas.ocpp16();
    }

    /** Handlers and other blocking work of device connections: one virtual thread per task. */
    @Bean(name = "ocppWorkers", destroyMethod = "close")
    ExecutorService ocppWorkers() {
        return Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("ocpp-", 0).factory());
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    PasswordHasher passwordHasher(PasswordEncoder encoder) {
        return new PasswordHasher() {
            @Override
            public String hash(String secret) {
                return encoder.encode(secret);
            }

            @Override
            public boolean matches(String secret, String hash) {
                return encoder.matches(secret, hash);
            }
        };
    }

    @Bean
    ChargerService chargerService(ChargerRepository chargers, PasswordHasher hasher, PylonProperties properties, Clock clock,
                                  Transactions tx) {
        var ocpp = properties.ocpp();
        return new ChargerService(chargers, hasher,
                new ChargerSettings(ocpp.unknownChargers(), ocpp.heartbeatInterval(), ocpp.pendingRetry()), clock, tx);
    }

    @Bean
    Authorizer authorizer(IdTokenRepository tokens, io.pylon.domain.auth.ChargerOwners owners, Clock clock) {
        return new Authorizer(tokens, owners, clock);
    }

    @Bean
    SessionService sessionService(SessionRepository sessions, MeterValueStore meterValues,
                                  ReservationRepository reservations, Authorizer authorizer, Transactions tx) {
        return new SessionService(sessions, meterValues, reservations, authorizer, tx);
    }

    /** Commands go through the cluster router: {@code gateway} (the primary, local one) serves chargers connected here. */
    @Bean
    CommandService commandService(ChargerGateway gateway, ChargerRouting routing, ChargerRepository chargers,
                                  IdTokenRepository tokens, ReservationRepository reservations, Authorizer authorizer,
                                  Clock clock) {
        return new CommandService(routing.wrap(gateway), chargers, tokens, reservations, authorizer, clock);
    }

    /** Table and column names are written unquoted, as in the migrations, so H2 and PostgreSQL fold them alike. */
    @Bean
    DefaultConfigurationCustomizer jooqSettings() {
        return configuration -> configuration.settings().withRenderQuotedNames(RenderQuotedNames.NEVER);
    }
}
