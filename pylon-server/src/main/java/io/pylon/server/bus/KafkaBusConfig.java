package io.pylon.server.bus;

import io.pylon.server.cluster.NodeIdentity;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;

/**
 * Kafka clients for {@code pylon.bus=kafka}: one idempotent producer (ordered per partition, no duplicates from
 * its own retries), string keys (the charger id) and JSON values, and the three topics, created at start-up
 * when missing.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "pylon.bus", havingValue = "kafka")
public class KafkaBusConfig {

    @Bean
    KafkaAdmin kafkaAdmin(KafkaBusProperties kafka) {
        KafkaAdmin admin = new KafkaAdmin(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrap()));
        admin.setFatalIfBrokerNotAvailable(true);
        return admin;
    }

    @Bean
    KafkaAdmin.NewTopics pylonTopics(KafkaBusProperties kafka) {
        return new KafkaAdmin.NewTopics(
                TopicBuilder.name(kafka.eventsTopic()).partitions(kafka.partitions()).replicas(kafka.replicationFactor()).build(),
                TopicBuilder.name(kafka.commandsTopic()).partitions(kafka.partitions()).replicas(kafka.replicationFactor()).build(),
                TopicBuilder.name(kafka.repliesTopic()).partitions(kafka.partitions()).replicas(kafka.replicationFactor()).build());
    }

    @Bean
    ProducerFactory<String, String> pylonProducerFactory(KafkaBusProperties kafka, NodeIdentity self) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrap());
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "pylon-" + self.id());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 2);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        return new DefaultKafkaProducerFactory<>(config);
    }

    @Bean
    KafkaTemplate<String, String> pylonKafkaTemplate(ProducerFactory<String, String> producers) {
        return new KafkaTemplate<>(producers);
    }

    /** Consumers without a group: every node reads every partition itself (see {@link KafkaInbox}). */
    @Bean
    ConsumerFactory<String, String> pylonConsumerFactory(KafkaBusProperties kafka, NodeIdentity self) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrap());
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "pylon-inbox-" + self.id());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        return new DefaultKafkaConsumerFactory<>(config);
    }
}
