package io.pylon.simulator;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fleet of simulated YKC piles ({@code ./pylon simulate --protocol ykc}) on one Netty event loop group,
 * connecting at the configured ramp, with the same latency report as the OCPP fleet: login, heartbeat,
 * billing model, card start and record (0x3B → 0x40) round trips.
 */
public final class YkcFleet implements Fleet {

    private static final Logger log = LoggerFactory.getLogger(YkcFleet.class);
    private final YkcFleetConfig config;
    private final MultiThreadIoEventLoopGroup group;
    private final List<YkcPile> piles;
    private final LatencyRecorder recorder = new LatencyRecorder(Clock.systemUTC());
    private final AtomicBoolean closed = new AtomicBoolean();
    private final CompletableFuture<Void> done = new CompletableFuture<>();

    private YkcFleet(YkcFleetConfig config) {
        this.config = config;
        boolean epoll = epoll();
        IoHandlerFactory factory = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        this.group = new MultiThreadIoEventLoopGroup(0, new DefaultThreadFactory("pylon-ykc-sim", true), factory);
        Class<? extends Channel> type = epoll ? EpollSocketChannel.class : NioSocketChannel.class;
        Bootstrap bootstrap = new Bootstrap().channel(type).option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 10_000)
                .option(ChannelOption.TCP_NODELAY, true).option(ChannelOption.SO_KEEPALIVE, true);
        List<YkcPile> list = new ArrayList<>();
        for (int n = 1; n <= config.count(); n++) {
            List<InetAddress> sources = config.sourceAddresses();
            InetAddress source = sources.isEmpty() ? null : sources.get((n - 1) % sources.size());
            list.add(new YkcPile(config.pileCode(n), config, group.next(), bootstrap, source, recorder));
        }
        this.piles = List.copyOf(list);
        log.info("Simulating {} YKC piles against {}:{}", piles.size(), config.host(), config.port());
    }

    private static boolean epoll() {
        try {
            return Epoll.isAvailable();
        } catch (Throwable t) {
            return false;
        }
    }

    public static YkcFleet start(YkcFleetConfig config) {
        YkcFleet fleet = new YkcFleet(config);
        fleet.launch();
        return fleet;
    }

    private void launch() {
        for (int i = 0; i < piles.size(); i++) {
            YkcPile pile = piles.get(i);
            long delayMicros = config.connectsPerSecond() <= 0 ? 0 : (long) (i * 1_000_000.0 / config.connectsPerSecond());
            Random random = new Random(config.seed() * 1_000_003L + i);
            group.schedule(() -> {
                if (closed.get()) return;
                pile.connect();
                pile.drive(random);
            }, delayMicros, TimeUnit.MICROSECONDS);
        }
        if (config.duration() != null) {
            group.schedule(() -> Thread.ofPlatform().daemon().name("pylon-ykc-sim-stop").start(this::close),
                    config.duration().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    public List<YkcPile> piles() {
        return piles;
    }

    public YkcPile pile(String code) {
        return piles.stream().filter(p -> p.code().equals(code)).findFirst().orElse(null);
    }

    @Override
    public CompletableFuture<Void> done() {
        return done;
    }

    @Override
    public LatencyReport report() {
        return recorder.report();
    }

    @Override
    public void resetLatency() {
        recorder.reset();
    }

    @Override
    public int size() {
        return piles.size();
    }

    @Override
    public int connectedCount() {
        return (int) piles.stream().filter(YkcPile::isLoggedIn).count();
    }

    @Override
    public int chargingCount() {
        return piles.stream().mapToInt(YkcPile::chargingGuns).sum();
    }

    @Override
    public long messageCount() {
        return recorder.messagesSent() + recorder.messagesReceived();
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) return;
        CompletableFuture.allOf(piles.stream().map(YkcPile::close).toArray(CompletableFuture[]::new))
                .orTimeout(10, TimeUnit.SECONDS).exceptionally(e -> null).join();
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        done.complete(null);
    }
}
