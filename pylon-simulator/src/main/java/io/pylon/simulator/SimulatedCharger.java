package io.pylon.simulator;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.ssl.SslContext;
import io.netty.util.concurrent.ScheduledFuture;
import io.pylon.simulator.model.ChargingProfiles;
import io.pylon.simulator.model.Configuration;
import io.pylon.simulator.model.LocalAuthList;
import io.pylon.simulator.model.PowerModel;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.time.Instant;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One simulated OCPP 1.6J charge point with its connectors. All state lives on one Netty event loop; the public
 * methods are thread-safe and hop onto that loop. Obtain instances from {@link SimulatedFleet#chargers()}.
 */
public final class SimulatedCharger {
    private static final Logger log = LoggerFactory.getLogger(SimulatedCharger.class);
    /** StopTransaction reasons of OCPP 1.6. */
    public static final Set<String> STOP_REASONS = Set.of("EmergencyStop", "EVDisconnected", "HardReset", "Local",
            "Other", "PowerLoss", "Reboot", "Remote", "SoftReset", "UnlockCommand", "DeAuthorized");

    final String id;
    final FleetConfig config;
    final EventLoop loop;
    final PowerModel power;
    final Configuration configuration;
    final LocalAuthList authList = new LocalAuthList();
    final ChargingProfiles profiles = new ChargingProfiles();
    final ConnectorState[] connectors;
    final CallQueue calls;
    final LatencyRecorder recorder;
    final Random random;
    final Clock clock;
    final Sessions sessions;
    final ChargerProtocol protocol;
    private final Bootstrap bootstrap;
    private final SslContext ssl;
    private final InetAddress localAddress;

    Channel channel;
    private Channel pendingChannel;
    volatile boolean connected;
    private boolean wantConnected;
    private boolean rebooting;
    private int backoffAttempts;
    private ScheduledFuture<?> reconnectTimer;
    /** The node this charger connects to: the base URL, or after a failure one of the failover URLs. */
    private java.net.URI target;
    private CompletableFuture<Void> connectFuture = new CompletableFuture<>();
    volatile boolean registered;
    volatile String firmwareVersion = "1.4.2";
    volatile String firmwareStatus = "Idle";
    volatile String diagnosticsStatus = "Idle";

    SimulatedCharger(String id, FleetConfig config, EventLoop loop, Bootstrap bootstrap, SslContext ssl,
            InetAddress localAddress, LatencyRecorder recorder, PowerModel power, Random random) {
        this.id = id;
        this.config = config;
        this.loop = loop;
        this.bootstrap = bootstrap;
        this.ssl = ssl;
        this.localAddress = localAddress;
        this.recorder = recorder;
        this.power = power;
        this.random = random;
        this.clock = config.clock();
        int heartbeat = config.heartbeatInterval() == null ? 300 : (int) config.heartbeatInterval().toSeconds();
        this.configuration = new Configuration(config.connectorsPerCharger(), heartbeat,
                (int) Math.ceil(config.meterInterval().toMillis() / 1000.0));
        this.connectors = new ConnectorState[config.connectorsPerCharger() + 1];
        for (int i = 0; i < connectors.length; i++) {
            connectors[i] = new ConnectorState(i, i == 0 ? 0 : 1_000_000 + random.nextInt(5_000_000));
        }
        this.calls = new CallQueue(loop, recorder, config.callTimeout());
        this.sessions = new Sessions(this);
        this.protocol = new ChargerProtocol(this);
    }

    // ---------------------------------------------------------------- public API

    /** @return the charge point identity (last path segment of the WebSocket URL) */
    public String id() {
        return id;
    }

    /** @return AC or DC */
    public ChargerKind kind() {
        return power.kind();
    }

    /** @return the rated power per connector in W */
    public double ratedPowerW() {
        return power.ratedW();
    }

    /** @return the number of connectors (excluding connector 0) */
    public int connectorCount() {
        return connectors.length - 1;
    }

    /**
     * Opens the WebSocket connection (and keeps reconnecting with backoff when it drops until
     * {@link #disconnect()}). Boots with BootNotification unless the charger already booted.
     *
     * @return completes when the WebSocket handshake succeeded
     */
    public CompletableFuture<Void> connect() {
        return onLoop(() -> {
            wantConnected = true;
            if (channel == null && pendingChannel == null) {
                cancel(reconnectTimer);
                doConnect();
            }
            return connectFuture;
        }).thenCompose(f -> f);
    }

    /**
     * Closes the connection (simulated network loss: sessions keep running and transaction messages are queued)
     * and stops reconnecting until {@link #connect()} is called again.
     *
     * @return completes when the connection is closed
     */
    public CompletableFuture<Void> disconnect() {
        return onLoop(() -> {
            wantConnected = false;
            cancel(reconnectTimer);
            Channel ch = channel != null ? channel : pendingChannel;
            if (ch == null) {
                return CompletableFuture.<Void>completedFuture(null);
            }
            CompletableFuture<Void> closed = new CompletableFuture<>();
            // Mark it closed before completing: the handler's own close notice may come later.
            ch.closeFuture().addListener(f -> loop.execute(() -> {
                closed(ch);
                closed.complete(null);
            }));
            if (channel != null) {
                ch.writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.NORMAL_CLOSURE))
                        .addListener(ChannelFutureListener.CLOSE);
                loop.schedule(() -> ch.close(), 1, TimeUnit.SECONDS);
            } else {
                ch.close();
            }
            return closed;
        }).thenCompose(f -> f);
    }

    /** @return whether the WebSocket is open */
    public boolean isConnected() {
        return connected;
    }

    /** @return whether the CSMS accepted the BootNotification since the last (re)boot */
    public boolean isRegistered() {
        return registered;
    }

    /**
     * Starts a session as if a driver presented {@code idTag} and plugged in: Preparing, Authorize (unless the local
     * list or cache accepts it), StartTransaction, Charging. Works offline too (queued).
     *
     * @return completes with true once the transaction started, false when refused
     */
    public CompletableFuture<Boolean> startSession(int connectorId, String idTag) {
        return onLoop(() -> sessions.start(connectorId, idTag, false)).thenCompose(f -> f);
    }

    /**
     * A session this charger ran while the central system could not see it, uploaded now: StartTransaction and
     * StopTransaction with their own timestamps, the meter advancing by {@code energyWh} (as a charger sends what it
     * queued offline). The connector must be free.
     *
     * @return completes with the transaction id once the StopTransaction was answered
     */
    public CompletableFuture<Integer> replaySession(int connectorId, String idTag, Instant start, Instant end, long energyWh) {
        return onLoop(() -> sessions.replay(connectorId, idTag, start, end, energyWh)).thenCompose(f -> f);
    }

    /**
     * Stops the session on a connector with a StopTransaction reason (Local, EVDisconnected, Remote, ...).
     *
     * @return completes with true when a session was stopped
     */
    public CompletableFuture<Boolean> stopSession(int connectorId, String reason) {
        if (!STOP_REASONS.contains(reason)) {
            throw new IllegalArgumentException("unknown StopTransaction reason " + reason);
        }
        return onLoop(() -> sessions.stop(connectorId, reason));
    }

    /** @return the current status of a connector (0 = the charge point) */
    public ConnectorStatus status(int connectorId) {
        return connector(connectorId).status;
    }

    /** @return whether a session is running on the connector */
    public boolean isCharging(int connectorId) {
        return connector(connectorId).session != null;
    }

    /** @return the transactionId of the running session, or null (none, or not yet assigned by the CSMS) */
    public Integer transactionId(int connectorId) {
        Session s = connector(connectorId).session;
        return s == null ? null : s.transactionId;
    }

    /** @return the connector's energy register in Wh (as last integrated) */
    public long meterWh(int connectorId) {
        return join(onLoop(() -> (long) Math.floor(connector(connectorId).registerWh)));
    }

    /** @return a snapshot of the configuration keys and values */
    public Map<String, String> configuration() {
        Map<String, String> map = new LinkedHashMap<>();
        configuration.all().forEach((k, e) -> map.put(k, e.value()));
        return map;
    }

    /** @return the version of the installed local authorization list */
    public int localListVersion() {
        return join(onLoop(authList::version));
    }

    /** @return the firmware version reported in BootNotification */
    public String firmwareVersion() {
        return firmwareVersion;
    }

    /** @return the number of CALLs queued or outstanding (including the offline queue) */
    public int pendingCalls() {
        return join(onLoop(calls::pending));
    }

    /** @return the number of connectors currently charging */
    public int chargingConnectors() {
        int n = 0;
        for (int i = 1; i < connectors.length; i++) {
            Session s = connectors[i].session;
            if (s != null && !s.stopping) {
                n++;
            }
        }
        return n;
    }

    // ---------------------------------------------------------------- internals

    ConnectorState connector(int connectorId) {
        if (connectorId < 0 || connectorId >= connectors.length) {
            throw new IllegalArgumentException("no connector " + connectorId + " on " + id);
        }
        return connectors[connectorId];
    }

    boolean validConnector(int connectorId) {
        return connectorId >= 1 && connectorId < connectors.length;
    }

    <T> CompletableFuture<T> onLoop(Callable<T> task) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Runnable run = () -> {
            try {
                result.complete(task.call());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        };
        if (loop.inEventLoop()) {
            run.run();
        } else {
            loop.execute(run);
        }
        return result;
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static void cancel(ScheduledFuture<?> timer) {
        if (timer != null) {
            timer.cancel(false);
        }
    }

    boolean online() {
        return connected && registered;
    }

    private void doConnect() {
        if (target == null) target = config.baseUrl();
        var future = OcppConnection.connect(bootstrap, loop, OcppConnection.endpoint(target, id),
                localAddress, id, config.password(), ssl, 10_000, new OcppConnection.Listener() {
                    @Override
                    public void onOpen(Channel ch) {
                        opened(ch);
                    }

                    @Override
                    public void onText(Channel ch, String text) {
                        if (ch == channel) {
                            protocol.received(text);
                        }
                    }

                    @Override
                    public void onClose(Channel ch) {
                        closed(ch);
                    }
                });
        pendingChannel = future.channel();
        future.addListener(f -> {
            if (!f.isSuccess() && pendingChannel == future.channel()) {
                log.debug("{}: connect failed: {}", id, f.cause().toString());
                pendingChannel = null;
                scheduleReconnect();
            }
        });
    }

    private void opened(Channel ch) {
        if (ch != pendingChannel) {
            ch.close();
            return;
        }
        pendingChannel = null;
        channel = ch;
        connected = true;
        backoffAttempts = 0;
        calls.online(ch);
        connectFuture.complete(null);
        if (!registered) {
            protocol.boot();
        } else {
            sessions.resyncStatuses();
        }
    }

    private void closed(Channel ch) {
        if (ch == pendingChannel) {
            pendingChannel = null;
        } else if (ch == channel) {
            channel = null;
            connected = false;
            connectFuture = new CompletableFuture<>();
            calls.offline();
        } else {
            return;
        }
        if (!rebooting) {
            scheduleReconnect();
        }
    }

    private void scheduleReconnect() {
        if (!wantConnected || rebooting) {
            return;
        }
        long base = config.reconnectDelay().toMillis();
        long max = Math.max(base, 60_000);
        long delay = Math.min(max, base << Math.min(backoffAttempts, 16));
        delay = delay / 2 + (long) (random.nextDouble() * delay / 2);
        backoffAttempts++;
        failOver();
        cancel(reconnectTimer);
        reconnectTimer = loop.schedule(() -> {
            if (wantConnected && channel == null && pendingChannel == null) {
                doConnect();
            }
        }, Math.max(1, delay), TimeUnit.MILLISECONDS);
    }

    /** With failover URLs: the next attempt goes to another node, picked at random, as a load balancer would. */
    private void failOver() {
        if (config.failoverUrls().isEmpty()) return;
        List<java.net.URI> others = new ArrayList<>(config.failoverUrls());
        others.add(config.baseUrl());
        others.remove(target);
        target = others.get(random.nextInt(others.size()));
    }

    /**
     * Reboots: stops all sessions with the reason, waits (up to 10 s) until the queue is drained, closes the
     * connection, forgets the registration and reconnects with a fresh BootNotification.
     */
    void reboot(String reason) {
        rebooting = true;
        for (int c = 1; c < connectors.length; c++) {
            sessions.stop(c, reason);
        }
        awaitDrained(System.nanoTime() + Duration.ofSeconds(10).toNanos(), () -> {
            registered = false;
            calls.setAccepted(false);
            protocol.stopTimers();
            sessions.resetAfterReboot();
            Channel ch = channel;
            if (ch != null) {
                ch.writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.SERVICE_RESTART))
                        .addListener(ChannelFutureListener.CLOSE);
            }
            loop.schedule(() -> {
                rebooting = false;
                if (wantConnected && channel == null && pendingChannel == null) {
                    doConnect();
                }
            }, 2, TimeUnit.SECONDS);
        });
    }

    void awaitDrained(long deadlineNanos, Runnable then) {
        if (calls.idle() || !connected || System.nanoTime() > deadlineNanos) {
            then.run();
        } else {
            loop.schedule(() -> awaitDrained(deadlineNanos, then), 100, TimeUnit.MILLISECONDS);
        }
    }

    /** Stops everything for fleet shutdown: sessions end (reason Local) and the queue drains, then disconnect. */
    CompletableFuture<Void> shutdown(Duration drain) {
        return onLoop(() -> {
            CompletableFuture<Void> done = new CompletableFuture<>();
            sessions.stopDriver();
            for (int c = 1; c < connectors.length; c++) {
                sessions.stop(c, "Local");
            }
            awaitDrained(System.nanoTime() + drain.toNanos(), () -> disconnect().whenComplete((v, e) -> done.complete(null)));
            return done;
        }).thenCompose(f -> f);
    }


}
