package io.pylon.server.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A single KRaft Kafka broker in a JVM of its own, for the multi-node benchmarks on one machine (docs/benchmarks.md
 * §7, {@code bench/cluster.sh}): the same in-JVM broker the cluster tests use, until killed. It listens on a port
 * of its choosing (the test kit takes no fixed port) and writes its bootstrap address to {@code out}. Not a
 * production broker: one replica, data in a temporary directory. Test-scope tool, never part of the tests.
 *
 * <pre>./pylon bench-kafka [out=target/kafka.bootstrap] [partitions=12]</pre>
 */
public final class KafkaBroker {

    private KafkaBroker() {}

    public static void main(String[] args) throws InterruptedException, IOException {
        Map<String, String> options = BenchArgs.parse(Map.of("out", "target/kafka.bootstrap", "partitions", "12"), args);
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, Integer.parseInt(options.get("partitions")));
        broker.brokerProperty("log.retention.ms", Long.toString(2 * 3600_000L));
        broker.afterPropertiesSet();
        Files.writeString(Path.of(options.get("out")), broker.getBrokersAsString());
        System.out.println("kafka: ready on " + broker.getBrokersAsString());
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            broker.destroy();
            stop.countDown();
        }));
        stop.await();
    }
}
