package io.pylon.server.ocpp;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.ssl.SslContext;
import io.pylon.domain.charger.ChargerService;
import io.pylon.server.config.PylonProperties;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The OCPP-J WebSocket server ({@code ws[s]://host:PYLON_OCPP_PORT/ocpp/{chargerId}}) on Netty.
 * Event loops only decode, validate and write; anything that may block runs on virtual threads.
 */
@Component
public class OcppGateway implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OcppGateway.class);
    /** Largest HTTP upgrade request (headers) accepted. */
    private static final int MAX_UPGRADE_BYTES = 8192;
    /** How long a stopping node waits for its chargers to close after asking them to go. */
    private static final java.time.Duration DRAIN_WAIT = java.time.Duration.ofSeconds(5);

    private final PylonProperties.Ocpp settings;
    private final ChargerService chargers;
    private final Ocpp16Dispatcher dispatcher;
    private final ConnectionRegistry registry;
    private final ExecutorService workers;
    private final SslContext sslContext;
    private EventLoopGroup boss;
    private EventLoopGroup io;
    private Channel serverChannel;
    private volatile int boundPort;

    public OcppGateway(PylonProperties properties, ChargerService chargers, Ocpp16Dispatcher dispatcher,
                       ConnectionRegistry registry, @Qualifier("ocppWorkers") ExecutorService workers,
                       OcppTls tls) {
        this.settings = properties.ocpp();
        this.chargers = chargers;
        this.dispatcher = dispatcher;
        this.registry = registry;
        this.workers = workers;
        this.sslContext = tls.context();
    }

    PylonProperties.Ocpp settings() {
        return settings;
    }

    ChargerService chargers() {
        return chargers;
    }

    Ocpp16Dispatcher dispatcher() {
        return dispatcher;
    }

    ExecutorService workers() {
        return workers;
    }

    /** The port actually bound (differs from the setting when that is 0). */
    public int port() {
        return boundPort;
    }

    OcppSession newSession(String chargerId, Channel channel, boolean accepted) {
        OcppSession session = new OcppSession(chargerId, OcppHandshakeHandler.SUBPROTOCOL, channel, workers,
                settings.callTimeout(), settings.maxQueuedCalls());
        session.accepted(accepted);
        return session;
    }

    void opened(OcppSession session) {
        registry.register(session);
        session.inbound().execute(() -> chargers.connected(session.chargerId()));
        log.info("Charger {} connected from {}", session.chargerId(), session.channel().remoteAddress());
    }

    void closed(OcppSession session) {
        if (registry.unregister(session)) {
            session.inbound().execute(() -> chargers.disconnected(session.chargerId()));
            log.info("Charger {} disconnected", session.chargerId());
        }
    }

    @Override
    public void start() {
        boolean epoll = Epoll.isAvailable();
        boss = new MultiThreadIoEventLoopGroup(1, epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
        io = new MultiThreadIoEventLoopGroup(0, epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
        ServerBootstrap bootstrap = new ServerBootstrap().group(boss, io)
                .channel(epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 4096)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        if (sslContext != null) {
                            ch.pipeline().addLast(sslContext.newHandler(ch.alloc()));
                        }
                        ch.pipeline().addLast(new HttpServerCodec(4096, MAX_UPGRADE_BYTES, 8192));
                        ch.pipeline().addLast(new HttpObjectAggregator(MAX_UPGRADE_BYTES));
                        ch.pipeline().addLast(new OcppHandshakeHandler(OcppGateway.this));
                    }
                });
        try {
            serverChannel = bootstrap.bind(settings.port()).sync().channel();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while binding the OCPP port", e);
        }
        boundPort = ((java.net.InetSocketAddress) serverChannel.localAddress()).getPort();
        chargers.markAllOffline();
        log.info("OCPP-J gateway listening on {}://0.0.0.0:{}/ocpp/{{chargerId}} ({})",
                sslContext == null ? "ws" : "wss", boundPort, epoll ? "epoll" : "nio");
    }

    @Override
    public void stop() {
        if (serverChannel == null) return;
        serverChannel.close().syncUninterruptibly();
        drain();
        io.shutdownGracefully(0, 2, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
        boss.shutdownGracefully(0, 2, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
        serverChannel = null;
    }

    /**
     * Asks every charger to go ("1001 going away: node shutting down", so it reconnects — through the load balancer,
     * to another node) and waits up to {@link #DRAIN_WAIT} for their connections to close and their last
     * messages to be handled, before the event loops go.
     */
    private void drain() {
        var goingAway = new WebSocketCloseStatus(WebSocketCloseStatus.ENDPOINT_UNAVAILABLE.code(), "node shutting down");
        registry.all().forEach(s -> s.close(goingAway));
        long deadline = System.nanoTime() + DRAIN_WAIT.toNanos();
        while (registry.size() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        if (registry.size() > 0) {
            log.warn("{} chargers still connected after {}; closing their sockets", registry.size(), DRAIN_WAIT);
        }
    }

    @Override
    public boolean isRunning() {
        return serverChannel != null;
    }

    /** Stops before the meter value writer (phase 0) so that queued readings are written. */
    @Override
    public int getPhase() {
        return 100;
    }
}
