package io.pylon.simulator;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.pylon.simulator.model.PowerModel;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fleet of simulated OCPP 1.6J charge points sharing one Netty event loop group (epoll when available).
 * Chargers connect at the configured ramp rate, boot, heartbeat and run sessions so that roughly
 * {@link FleetConfig#chargingShare()} of the connectors are charging.
 *
 * <pre>{@code
 * try (SimulatedFleet fleet = SimulatedFleet.start(FleetConfig.defaults(URI.create("ws://127.0.0.1:8180/ocpp")))) {
 *     ...
 *     System.out.println(fleet.report().toMarkdown());
 * }
 * }</pre>
 */
public final class SimulatedFleet implements Fleet {
    private static final Logger log = LoggerFactory.getLogger(SimulatedFleet.class);
    private static final double[] AC_RATINGS = {7_400, 11_000, 22_000};
    private static final double[] DC_RATINGS = {60_000, 90_000, 120_000};

    private final FleetConfig config;
    private final MultiThreadIoEventLoopGroup group;
    private final List<SimulatedCharger> chargers;
    private final LatencyRecorder recorder;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final CompletableFuture<Void> done = new CompletableFuture<>();

    private SimulatedFleet(FleetConfig config) {
        this.config = config;
        this.recorder = new LatencyRecorder(config.clock());
        boolean epoll = epollAvailable();
        IoHandlerFactory factory = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        this.group = new MultiThreadIoEventLoopGroup(0, new DefaultThreadFactory("pylon-sim", true), factory);
        Class<? extends Channel> channelType = epoll ? EpollSocketChannel.class : NioSocketChannel.class;
        Bootstrap bootstrap = new Bootstrap().channel(channelType)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 10_000)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.SO_KEEPALIVE, true);
        SslContext ssl = sslContext(config);
        List<SimulatedCharger> list = new ArrayList<>(config.count());
        for (int n = 1; n <= config.count(); n++) {
            Random random = new Random(config.seed() * 1_000_003L + n);
            boolean dc = random.nextDouble() < config.dcShare();
            PowerModel model = dc ? PowerModel.dc(DC_RATINGS[random.nextInt(DC_RATINGS.length)])
                    : PowerModel.ac(AC_RATINGS[random.nextInt(AC_RATINGS.length)]);
            List<InetAddress> sources = config.sourceAddresses();
            InetAddress local = sources.isEmpty() ? null : sources.get((n - 1) % sources.size());
            EventLoop loop = group.next();
            list.add(new SimulatedCharger(config.chargerId(n), config, loop, bootstrap, ssl, local, recorder, model,
                    random));
        }
        this.chargers = List.copyOf(list);
        log.info("Simulating {} charge points against {} ({} transport)", chargers.size(), config.baseUrl(),
                epoll ? "epoll" : "nio");
    }

    private static boolean epollAvailable() {
        try {
            return Epoll.isAvailable();
        } catch (Throwable t) {
            return false;
        }
    }

    private static SslContext sslContext(FleetConfig config) {
        if (!"wss".equalsIgnoreCase(config.baseUrl().getScheme())) {
            return null;
        }
        try {
            return SslContextBuilder.forClient().build();
        } catch (SSLException e) {
            throw new IllegalStateException("cannot create TLS context", e);
        }
    }

    /**
     * Creates the chargers and starts connecting them at {@link FleetConfig#connectsPerSecond()}.
     *
     * @param config fleet configuration
     * @return the running fleet
     */
    public static SimulatedFleet start(FleetConfig config) {
        SimulatedFleet fleet = new SimulatedFleet(config);
        fleet.launch();
        return fleet;
    }

    private void launch() {
        double rate = config.connectsPerSecond();
        for (int i = 0; i < chargers.size(); i++) {
            SimulatedCharger charger = chargers.get(i);
            long delayMicros = rate <= 0 ? 0 : (long) (i * 1_000_000.0 / rate);
            charger.loop.schedule(() -> {
                if (closed.get()) {
                    return;
                }
                charger.connect();
                if (config.chargingShare() > 0 && !config.idTags().isEmpty()) {
                    charger.sessions.startDriver(config.chargingShare(), config.meanSessionDuration());
                }
            }, delayMicros, TimeUnit.MICROSECONDS);
        }
        Duration duration = config.duration();
        if (duration != null) {
            group.schedule(() -> Thread.ofPlatform().daemon().name("pylon-sim-stop").start(this::close),
                    duration.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** @return the configuration the fleet runs with */
    public FleetConfig config() {
        return config;
    }

    @Override
    public int size() {
        return chargers.size();
    }

    /** @return the simulated chargers in id order */
    public List<SimulatedCharger> chargers() {
        return chargers;
    }

    /** @return the charger with the given id, or null */
    public SimulatedCharger charger(String id) {
        return chargers.stream().filter(c -> c.id().equals(id)).findFirst().orElse(null);
    }

    /** @return a snapshot of the CALL latency statistics */
    /** Starts the latency histograms afresh, e.g. once the connect ramp is over. */
    LatencyRecorder recorder() {
        return recorder;
    }

    public void resetLatency() {
        recorder.reset();
    }

    public LatencyReport report() {
        return recorder.report();
    }

    /** @return the number of chargers with an open WebSocket */
    public int connectedCount() {
        return (int) chargers.stream().filter(SimulatedCharger::isConnected).count();
    }

    /** @return the number of connectors currently charging */
    public int chargingCount() {
        return chargers.stream().mapToInt(SimulatedCharger::chargingConnectors).sum();
    }

    /** @return OCPP messages sent plus received so far */
    public long messageCount() {
        return recorder.messagesSent() + recorder.messagesReceived();
    }

    /** @return completes once the fleet is closed (by {@link #close()} or after {@link FleetConfig#duration()}) */
    public CompletableFuture<Void> done() {
        return done;
    }

    /**
     * Stops all sessions (StopTransaction with reason Local), waits briefly for the queues to drain, closes the
     * connections and shuts down the event loops. Idempotent.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            done.join();
            return;
        }
        try {
            List<CompletableFuture<Void>> stops = chargers.stream().map(c -> c.shutdown(Duration.ofSeconds(3))).toList();
            CompletableFuture.allOf(stops.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            log.debug("fleet shutdown did not drain completely: {}", e.toString());
        } finally {
            group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
            done.complete(null);
        }
    }
}
