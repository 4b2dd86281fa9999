package io.pylon.server.regulator;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The feed of finished transactions to a market regulator's platform ({@code pylon.regulator.*}).
 *
 * @param endpoint     where each record is POSTed as JSON (env PYLON_REGULATOR_ENDPOINT); empty = no feed, nothing queued
 * @param hmacSecret   key of the HMAC-SHA256 signature in header X-Pylon-Signature (env PYLON_REGULATOR_HMAC_SECRET);
 *                     blank = generated on first start into {@code <data dir>/regulator-hmac.secret}
 * @param pushInterval how often the outbox is looked at
 * @param maxBackoff   longest wait between two attempts of one record (doubling from 5 s)
 * @param timeout      HTTP connect and request timeout
 */
@ConfigurationProperties("pylon.regulator")
public record RegulatorProperties(URI endpoint, String hmacSecret, @DefaultValue("5s") Duration pushInterval,
                                  @DefaultValue("1h") Duration maxBackoff, @DefaultValue("10s") Duration timeout) {

    public boolean enabled() {
        return endpoint != null && !endpoint.toString().isBlank();
    }
}
