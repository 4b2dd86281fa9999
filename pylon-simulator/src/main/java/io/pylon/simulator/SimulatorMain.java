package io.pylon.simulator;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Command line entry point: {@code ./pylon simulate [options]} runs a fleet of simulated OCPP 1.6J charge points
 * against a CSMS, prints a progress line every 10 s and a latency report at the end.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true, version = "Pylon simulator 0.1",
        sortOptions = false, usageHelpAutoWidth = true,
        description = {"Simulated OCPP 1.6J charge points: demo fleet and load generator.",
                "Each charger connects to <url>/<id> (subprotocol ocpp1.6), boots, heartbeats, answers every CSMS "
                        + "command and runs charging sessions with realistic meter values.",
                "With --protocol ykc: YKC V1.6 piles over TCP (--url tcp://host:8767) that log in, heartbeat, report "
                        + "real-time data, charge by card and remote start, and keep records made offline until confirmed.",
                "Prints a progress line every 10 s and a latency report at the end; Ctrl-C stops cleanly."})
public final class SimulatorMain implements Callable<Integer> {
    @Option(names = "--url", defaultValue = "ws://127.0.0.1:8180/ocpp",
            description = "CSMS WebSocket base URL; the charger id is appended (default: ${DEFAULT-VALUE}).")
    URI url;

    @Option(names = "--failover-url", split = ",", paramLabel = "URL",
            description = "OCPP: further nodes' base URLs; a charger whose connection is lost or refused reconnects to "
                    + "one of these or --url at random, as a load balancer would send it.")
    List<URI> failoverUrls;

    @Option(names = "--protocol", defaultValue = "ocpp",
            description = "ocpp (OCPP 1.6J over WebSocket) or ykc (YKC V1.6 piles over TCP; --url tcp://host:8767) (default: ${DEFAULT-VALUE}).")
    String protocol;

    @Option(names = "--pile-prefix", defaultValue = "3201",
            description = "YKC: digits the 14-digit pile codes start with (default: ${DEFAULT-VALUE}).")
    String pilePrefix;

    @Option(names = "--count", defaultValue = "10", description = "Number of charge points (default: ${DEFAULT-VALUE}).")
    int count;

    @Option(names = "--prefix", defaultValue = "SIM-",
            description = "Charger id prefix; ids are prefix + zero-padded number, e.g. SIM-00001 (default: ${DEFAULT-VALUE}).")
    String prefix;

    @Option(names = "--connectors", defaultValue = "2", description = "Connectors per charge point (default: ${DEFAULT-VALUE}).")
    int connectors;

    @Option(names = "--charging", defaultValue = "0.5",
            description = "Share 0..1 of connectors charging at a time; 0 disables automatic sessions (default: ${DEFAULT-VALUE}).")
    double charging;

    @Option(names = "--meter-drift", defaultValue = "0%", paramLabel = "PERCENT",
            description = "Registers count this much faster than the power reported, e.g. 3%% (default: ${DEFAULT-VALUE}).")
    String meterDrift;

    @Option(names = "--broken-seal", description = "Every charger reports its meter seal broken after booting.")
    boolean brokenSeal;

    @Option(names = "--meter-interval", defaultValue = "60",
            description = "Seconds between MeterValues during a session (default: ${DEFAULT-VALUE}).")
    int meterInterval;

    @Option(names = "--idle-report", defaultValue = "300", paramLabel = "SECONDS",
            description = "YKC: seconds between the real-time reports (status idle) of a gun that is not charging (default: ${DEFAULT-VALUE}).")
    int idleReport;

    @Option(names = "--heartbeat", defaultValue = "0",
            description = "Heartbeat interval in seconds; 0 uses the interval from the BootNotification answer (default: ${DEFAULT-VALUE}).")
    int heartbeat;

    @Option(names = "--source-addresses", split = ",", paramLabel = "ADDR",
            description = "Local addresses to bind, round robin: a range like 127.0.0.1-127.0.0.20 or a comma list.")
    List<String> sourceAddresses = new ArrayList<>();

    @Option(names = "--password", description = "HTTP Basic password on the upgrade (user = charger id); none if omitted.")
    String password;

    @Option(names = "--ramp", defaultValue = "50",
            description = "Connects per second while ramping up; 0 connects all at once (default: ${DEFAULT-VALUE}).")
    double ramp;

    @Option(names = "--duration", defaultValue = "0",
            description = "Run time in seconds; 0 runs until Ctrl-C (default: ${DEFAULT-VALUE}).")
    long duration;

    @Option(names = "--id-tags", split = ",", paramLabel = "TAG",
            description = "Comma separated id tags used to start sessions (default: SIMTAG0001..SIMTAG0010).")
    List<String> idTags;

    @Option(names = "--dc-share", defaultValue = "0.2",
            description = "Share 0..1 of charge points that are DC fast chargers (default: ${DEFAULT-VALUE}).")
    double dcShare;

    @Option(names = "--vendor", defaultValue = "Pylon", description = "chargePointVendor (default: ${DEFAULT-VALUE}).")
    String vendor;

    @Option(names = "--model", defaultValue = "PylonSim", description = "chargePointModel (default: ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--session-minutes", defaultValue = "20",
            description = "Mean length of an automatic session in minutes (default: ${DEFAULT-VALUE}).")
    double sessionMinutes;

    @Option(names = "--warmup", defaultValue = "0",
            description = "Seconds after which the latency histograms start afresh, so that the report covers the "
                    + "steady state and not the connect ramp (default: 0 = report everything).")
    long warmup;

    @Option(names = "--fan-out", defaultValue = "0", paramLabel = "SHARE",
            description = "Load mode command fan-out: every --fan-out-every seconds, this share 0..1 of the connected chargers "
                    + "each get a TriggerMessage through the platform's REST API; the API-to-answer time is reported as '"
                    + CommandFanOut.ACTION + "' (default: 0 = off).")
    double fanOut;

    @Option(names = "--fan-out-every", defaultValue = "30", description = "Seconds between fan-out rounds (default: ${DEFAULT-VALUE}).")
    int fanOutEvery;

    @Option(names = "--api-url", description = "Platform HTTP base URL for --fan-out (default: the --url host on port 8080).")
    URI apiUrl;

    @Option(names = "--api-user", defaultValue = "admin", description = "Operator login for --fan-out (default: ${DEFAULT-VALUE}).")
    String apiUser;

    @Option(names = "--api-password", description = "Password of --api-user (default: env PYLON_ADMIN_PASSWORD).")
    String apiPassword;

    @Option(names = "--report-json", paramLabel = "FILE", description = "Write the latency report as JSON to FILE at the end.")
    Path reportJson;

    @Option(names = "--report-md", paramLabel = "FILE", description = "Write the latency report as Markdown to FILE at the end.")
    Path reportMd;

    /** Runs the CLI and exits with its status. */
    public static void main(String[] args) {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "pylon-simulator-logback.xml");
        }
        System.exit(new CommandLine(new SimulatorMain()).execute(args));
    }

    /** @return the fleet configuration these options describe */
    FleetConfig toConfig() throws UnknownHostException {
        FleetConfig config = FleetConfig.defaults(url).withCount(count).withIdPrefix(prefix)
                .withConnectorsPerCharger(connectors).withChargingShare(charging)
                .withMeterInterval(Duration.ofSeconds(meterInterval))
                .withHeartbeatInterval(heartbeat > 0 ? Duration.ofSeconds(heartbeat) : null)
                .withSourceAddresses(parseAddresses(sourceAddresses)).withPassword(password)
                .withConnectsPerSecond(ramp).withDcShare(dcShare).withVendor(vendor).withModel(model)
                .withMeanSessionDuration(Duration.ofMillis((long) (sessionMinutes * 60_000)))
                .withDuration(duration > 0 ? Duration.ofSeconds(duration) : null)
                .withFailoverUrls(failoverUrls);
        return idTags == null || idTags.isEmpty() ? config : config.withIdTags(idTags);
    }

    /** Parses "a.b.c.d-a.b.c.e" ranges (IPv4) and single addresses. */
    static List<InetAddress> parseAddresses(List<String> specs) throws UnknownHostException {
        List<InetAddress> result = new ArrayList<>();
        for (String spec : specs) {
            String s = spec.trim();
            if (s.isEmpty()) {
                continue;
            }
            int dash = s.indexOf('-');
            if (dash > 0 && !s.contains(":")) {
                long from = ipv4(InetAddress.getByName(s.substring(0, dash)));
                long to = ipv4(InetAddress.getByName(s.substring(dash + 1)));
                if (to < from || to - from > 1 << 20) {
                    throw new IllegalArgumentException("bad address range " + s);
                }
                for (long v = from; v <= to; v++) {
                    result.add(InetAddress.getByAddress(new byte[] {
                            (byte) (v >> 24), (byte) (v >> 16), (byte) (v >> 8), (byte) v}));
                }
            } else {
                result.add(InetAddress.getByName(s));
            }
        }
        return result;
    }

    private static long ipv4(InetAddress address) {
        byte[] b = address.getAddress();
        if (b.length != 4) {
            throw new IllegalArgumentException("ranges need IPv4 addresses: " + address);
        }
        return ((b[0] & 0xffL) << 24) | ((b[1] & 0xffL) << 16) | ((b[2] & 0xffL) << 8) | (b[3] & 0xffL);
    }

    @Override
    public Integer call() throws Exception {
        MeterFaults.configure(MeterFaults.parsePercent(meterDrift), brokenSeal);
        PrintWriter out = new PrintWriter(System.out, true);
        Fleet fleet = "ykc".equalsIgnoreCase(protocol) ? YkcFleet.start(toYkcConfig()) : SimulatedFleet.start(toConfig());
        CommandFanOut fanOutLoad = fanOut > 0 && fleet instanceof SimulatedFleet ocpp ? new CommandFanOut(apiBase(), apiUser,
                apiPassword != null ? apiPassword : System.getenv().getOrDefault("PYLON_ADMIN_PASSWORD", ""),
                fanOut, Duration.ofSeconds(fanOutEvery), ocpp, ocpp.recorder()) : null;
        if (fanOutLoad != null) {
            fanOutLoad.start();
        } else if (fanOut > 0) {
            out.println("--fan-out drives OCPP fleets only; ignored for YKC piles");
        }
        AtomicBoolean finished = new AtomicBoolean();
        Runnable finish = () -> {
            if (finished.compareAndSet(false, true)) {
                if (fanOutLoad != null) {
                    fanOutLoad.stop();
                }
                // The report ends where the run ends: the shutdown (every charger stopping its sessions at once)
                // is not part of the load that was asked for.
                LatencyReport report = fleet.report();
                fleet.close();
                writeReports(report, out);
            }
        };
        Thread hook = new Thread(finish, "pylon-sim-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        long started = System.nanoTime();
        boolean warm = warmup <= 0;
        while (!fleet.done().isDone()) {
            try {
                fleet.done().get(10, TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                long elapsed = (System.nanoTime() - started) / 1_000_000_000L;
                out.println(progress(fleet, elapsed));
                if (!warm && elapsed >= warmup) {
                    warm = true;
                    fleet.resetLatency();
                    out.println("warm-up over: latency histograms start afresh");
                }
            }
        }
        finish.run();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException ignored) {
            // already shutting down
        }
        return 0;
    }

    URI apiBase() {
        return apiUrl != null ? apiUrl : URI.create("http://" + url.getHost() + ":8080");
    }

    /** The YKC fleet these options describe: --url tcp://host:port (a ws:// default means the local YKC port 8767). */
    YkcFleetConfig toYkcConfig() throws UnknownHostException {
        boolean tcp = "tcp".equalsIgnoreCase(url.getScheme());
        String host = tcp ? url.getHost() : "127.0.0.1";
        int port = tcp && url.getPort() > 0 ? url.getPort() : 8767;
        return YkcFleetConfig.defaults(host, port).withCount(count).withPilePrefix(pilePrefix).withGuns(connectors)
                .withIntervals(Duration.ofSeconds(heartbeat > 0 ? heartbeat : 10), Duration.ofSeconds(meterInterval))
                .withIdleReports(Duration.ofSeconds(Math.max(1, idleReport)))
                .withCharging(charging, idTags == null ? List.of() : idTags,
                        Duration.ofMillis((long) (sessionMinutes * 60_000)), 60)
                .withRun(ramp, duration > 0 ? Duration.ofSeconds(duration) : null, 1L, parseAddresses(sourceAddresses));
    }

    static String progress(Fleet fleet, long seconds) {
        LatencyReport report = fleet.report();
        return String.format(Locale.ROOT, "[%5ds] connected %d/%d, charging %d, messages %d, p99 %.1f ms, errors %d, timeouts %d",
                seconds, fleet.connectedCount(), fleet.size(), fleet.chargingCount(), fleet.messageCount(),
                report.total().p99Ms(), report.total().errors(), report.total().timeouts());
    }

    private void writeReports(LatencyReport report, PrintWriter out) {
        out.println();
        out.println(report.toMarkdown());
        try {
            if (reportJson != null) {
                Files.writeString(reportJson, report.toJson());
            }
            if (reportMd != null) {
                Files.writeString(reportMd, report.toMarkdown());
            }
        } catch (IOException e) {
            out.println("could not write report: " + e.getMessage());
        }
        out.flush();
    }
}
