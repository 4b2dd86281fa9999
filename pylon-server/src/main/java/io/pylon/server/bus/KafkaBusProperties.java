package io.pylon.server.bus;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Kafka for {@code pylon.bus=kafka} ({@code pylon.kafka.*}); ignored in in-process mode.
 *
 * @param bootstrap         brokers, host:port[,host:port] (env PYLON_KAFKA_BOOTSTRAP)
 * @param topicPrefix       topics are {@code <prefix>.events}, {@code <prefix>.commands}, {@code <prefix>.command-replies};
 *                          two clusters may share brokers with different prefixes
 * @param partitions        partitions of each topic when Pylon creates it (order is kept per charger, so more
 *                          partitions only spread the load)
 * @param replicationFactor replicas of each topic when Pylon creates it (1 for one broker; 3 in production)
 * @param outboxInterval    how often the relay looks for committed events to publish (their delay at most)
 * @param outboxBatch       events the relay publishes per round trip to the database
 * @param relayLease        how long the relay's lease lasts: another node takes over publishing this long after the
 *                          relaying node stopped renewing it
 * @param commandTimeout    how long a node waits for the answer to a command it routed to another node;
 *                          0 = the OCPP call timeout plus 5 s (the far node's own wait, plus the trip)
 */
@Validated
@ConfigurationProperties("pylon.kafka")
public record KafkaBusProperties(@DefaultValue("localhost:9092") String bootstrap,
                                 @DefaultValue("pylon") String topicPrefix,
                                 @DefaultValue("12") int partitions,
                                 @DefaultValue("1") short replicationFactor,
                                 @DefaultValue("100ms") Duration outboxInterval,
                                 @DefaultValue("500") int outboxBatch,
                                 @DefaultValue("10s") Duration relayLease,
                                 @DefaultValue("0s") Duration commandTimeout) {

    public KafkaBusProperties {
        if (partitions < 1 || replicationFactor < 1 || outboxBatch < 1) {
            throw new IllegalArgumentException("pylon.kafka.partitions, replication-factor and outbox-batch must be at least 1");
        }
    }

    public String eventsTopic() {
        return topicPrefix + ".events";
    }

    public String commandsTopic() {
        return topicPrefix + ".commands";
    }

    public String repliesTopic() {
        return topicPrefix + ".command-replies";
    }
}
