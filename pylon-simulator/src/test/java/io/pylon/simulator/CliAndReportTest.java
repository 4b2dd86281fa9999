package io.pylon.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon.simulator.ocpp.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class CliAndReportTest {
    @Test
    void helpDocumentsEveryOption() {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new SimulatorMain());
        cli.setOut(new PrintWriter(out));
        assertThat(cli.execute("--help")).isZero();
        assertThat(out.toString()).contains("--url", "--count", "--prefix", "--connectors", "--charging",
                "--meter-interval", "--heartbeat", "--source-addresses", "--password", "--ramp", "--duration",
                "--id-tags", "--report-json", "--report-md");
    }

    @Test
    void optionsBecomeAFleetConfig() throws Exception {
        SimulatorMain main = new SimulatorMain();
        new CommandLine(main).parseArgs("--url", "ws://10.0.0.1:8180/ocpp", "--count", "250", "--prefix", "LT-",
                "--heartbeat", "30", "--source-addresses", "127.0.0.1-127.0.0.3,127.0.1.1", "--id-tags", "A,B",
                "--meter-interval", "15", "--duration", "0", "--charging", "0.7");
        FleetConfig config = main.toConfig();
        assertThat(config.count()).isEqualTo(250);
        assertThat(config.chargerId(7)).isEqualTo("LT-00007");
        assertThat(config.heartbeatInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.meterInterval()).isEqualTo(Duration.ofSeconds(15));
        assertThat(config.duration()).isNull();
        assertThat(config.chargingShare()).isEqualTo(0.7);
        assertThat(config.idTags()).containsExactly("A", "B");
        assertThat(config.sourceAddresses()).containsExactly(InetAddress.getByName("127.0.0.1"),
                InetAddress.getByName("127.0.0.2"), InetAddress.getByName("127.0.0.3"), InetAddress.getByName("127.0.1.1"));
    }

    @Test
    void reportRendersJsonAndMarkdown() {
        LatencyRecorder recorder = new LatencyRecorder(Clock.systemUTC());
        for (int i = 1; i <= 100; i++) {
            recorder.answered("Heartbeat", i * 1_000_000L, false);
        }
        recorder.answered("StartTransaction", 5_000_000L, true);
        recorder.timedOut("StartTransaction");
        LatencyReport report = recorder.report();
        assertThat(report.action("Heartbeat").count()).isEqualTo(100);
        assertThat(report.action("Heartbeat").p50Ms()).isBetween(49.0, 51.0);
        assertThat(report.action("Heartbeat").p99Ms()).isBetween(98.0, 100.0);
        assertThat(report.total().count()).isEqualTo(101);
        assertThat(report.total().errors()).isEqualTo(1);
        assertThat(report.total().timeouts()).isEqualTo(1);
        var json = Json.parse(report.toJson());
        assertThat(json.path("actions")).hasSize(2);
        assertThat(json.path("total").path("count").asInt()).isEqualTo(101);
        assertThat(report.toMarkdown()).contains("| Heartbeat | 100 |", "| StartTransaction | 1 |", "**ALL**");
        assertThat(List.of(report.toMarkdown().split("\n"))).hasSizeGreaterThan(5);
    }
}
