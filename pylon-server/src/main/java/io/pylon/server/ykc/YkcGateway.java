package io.pylon.server.ykc;

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
import io.netty.handler.timeout.IdleStateHandler;
import io.pylon.domain.charger.ChargerService;
import io.pylon.server.config.PylonProperties;
import io.pylon.ykc.codec.YkcFrameDecoder;
import io.pylon.ykc.codec.YkcFrameEncoder;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The YKC TCP server (port {@code PYLON_YKC_PORT}, default 8767) on Netty. Event loops only split, check and
 * decode frames; handlers run on virtual threads, one connection's frames in order.
 */
@Component
public class YkcGateway implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(YkcGateway.class);
    /** Heartbeats missed before a pile counts as offline. */
    static final int MISSED_HEARTBEATS = 3;

    private final PylonProperties.Ykc settings;
    private final YkcDispatcher dispatcher;
    private final YkcConnections connections;
    private final ChargerService chargers;
    private final ExecutorService workers;
    private final YkcFrameEncoder encoder = new YkcFrameEncoder();
    private EventLoopGroup boss;
    private EventLoopGroup io;
    private Channel serverChannel;
    private volatile int boundPort;

    public YkcGateway(PylonProperties properties, YkcDispatcher dispatcher, YkcConnections connections,
                      ChargerService chargers, @Qualifier("ocppWorkers") ExecutorService workers) {
        this.settings = properties.ykc();
        this.dispatcher = dispatcher;
        this.connections = connections;
        this.chargers = chargers;
        this.workers = workers;
    }

    /** The port actually bound (differs from the setting when that is 0). */
    public int port() {
        return boundPort;
    }

    YkcDispatcher dispatcher() {
        return dispatcher;
    }

    YkcConnection newConnection(Channel channel) {
        return new YkcConnection(channel, workers);
    }

    void closed(YkcConnection connection) {
        connection.closed();
        if (connections.unregister(connection)) {
            connection.inbound().execute(() -> chargers.disconnected(connection.pile()));
            log.info("Pile {} disconnected", connection.pile());
        }
    }

    @Override
    public void start() {
        boolean epoll = Epoll.isAvailable();
        boss = new MultiThreadIoEventLoopGroup(1, epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
        io = new MultiThreadIoEventLoopGroup(0, epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
        long silentMillis = settings.heartbeatInterval().toMillis() * MISSED_HEARTBEATS;
        ServerBootstrap bootstrap = new ServerBootstrap().group(boss, io)
                .channel(epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 4096)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new IdleStateHandler(silentMillis, 0, 0, TimeUnit.MILLISECONDS));
                        ch.pipeline().addLast(new YkcFrameDecoder(settings.maxGarbageBytes()));
                        ch.pipeline().addLast(encoder);
                        ch.pipeline().addLast(new YkcChannelHandler(YkcGateway.this));
                    }
                });
        try {
            serverChannel = bootstrap.bind(settings.port()).sync().channel();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while binding the YKC port", e);
        }
        boundPort = ((InetSocketAddress) serverChannel.localAddress()).getPort();
        log.info("YKC gateway listening on tcp://0.0.0.0:{} ({})", boundPort, epoll ? "epoll" : "nio");
    }

    @Override
    public void stop() {
        if (serverChannel == null) return;
        serverChannel.close().syncUninterruptibly();
        connections.all().forEach(YkcConnection::close);
        io.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        boss.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        serverChannel = null;
    }

    @Override
    public boolean isRunning() {
        return serverChannel != null;
    }

    /** Stops with the OCPP gateway, before the meter value writer (phase 0). */
    @Override
    public int getPhase() {
        return 100;
    }
}
