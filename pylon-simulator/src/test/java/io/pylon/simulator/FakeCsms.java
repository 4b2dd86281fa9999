package io.pylon.simulator;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.util.AttributeKey;
import io.pylon.simulator.ocpp.Json;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A tiny in-test CSMS: accepts OCPP 1.6J WebSocket connections on {@code /ocpp/{id}}, answers the charge point's
 * CALLs, records them, validates every payload the simulator sends against the official schemas and can send
 * CALLs to a charger.
 */
final class FakeCsms implements AutoCloseable {
    /** A CALL received from a charger. */
    record Received(String chargerId, String action, JsonNode payload, Instant at, int connection) {
    }

    private static final AttributeKey<String> ID = AttributeKey.valueOf("chargerId");
    private final MultiThreadIoEventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final Channel server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<String> schemaErrors = new CopyOnWriteArrayList<>();
    private final Map<String, Channel> channels = new ConcurrentHashMap<>();
    private final Map<String, String> authorization = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final Map<String, String> pendingAction = new ConcurrentHashMap<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger nextTransactionId = new AtomicInteger(1000);
    private final AtomicInteger nextMessageId = new AtomicInteger();
    volatile String bootStatus = "Accepted";
    volatile int heartbeatInterval = 300;
    volatile String startTransactionStatus = "Accepted";

    FakeCsms() throws InterruptedException {
        WebSocketServerProtocolConfig config = WebSocketServerProtocolConfig.newBuilder().websocketPath("/ocpp")
                .checkStartsWith(true).subprotocols("ocpp1.6").build();
        server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(1 << 20),
                                new WebSocketServerProtocolHandler(config), new Handler());
                    }
                }).bind("127.0.0.1", 0).sync().channel();
    }

    URI baseUrl() {
        return URI.create("ws://127.0.0.1:" + ((InetSocketAddress) server.localAddress()).getPort() + "/ocpp");
    }

    List<String> schemaErrors() {
        return List.copyOf(schemaErrors);
    }

    List<Received> received(String chargerId) {
        return received.stream().filter(r -> r.chargerId().equals(chargerId)).toList();
    }

    List<Received> received(String chargerId, String action) {
        return received.stream().filter(r -> r.chargerId().equals(chargerId) && r.action().equals(action)).toList();
    }

    String authorizationHeader(String chargerId) {
        return authorization.get(chargerId);
    }

    boolean isConnected(String chargerId) {
        Channel ch = channels.get(chargerId);
        return ch != null && ch.isActive();
    }

    /** Waits for a CALL from the charger with the given action matching the predicate. */
    Received await(String chargerId, String action, Predicate<JsonNode> match, long timeoutMillis) {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (System.currentTimeMillis() < deadline) {
            for (Received r : received) {
                if (r.chargerId().equals(chargerId) && r.action().equals(action) && match.test(r.payload())) {
                    return r;
                }
            }
            sleep(20);
        }
        throw new AssertionError("no " + action + " from " + chargerId + " within " + timeoutMillis + " ms; got "
                + received(chargerId).stream().map(Received::action).toList());
    }

    Received await(String chargerId, String action) {
        return await(chargerId, action, p -> true, 10_000);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sends a CALL to the charger; completes with the CALLRESULT payload or fails with the CALLERROR code. */
    JsonNode call(String chargerId, String action, JsonNode payload) throws Exception {
        return callAsync(chargerId, action, payload).get(10, TimeUnit.SECONDS);
    }

    CompletableFuture<JsonNode> callAsync(String chargerId, String action, JsonNode payload) {
        String id = "csms-" + nextMessageId.incrementAndGet();
        CompletableFuture<JsonNode> future = new CompletableFuture<>();
        pending.put(id, future);
        pendingAction.put(id, action);
        sendRaw(chargerId, Json.call(id, action, payload));
        return future;
    }

    /** Sends raw text; answers to ids starting with "csms-" complete {@link #callAsync}. */
    void sendRaw(String chargerId, String text) {
        Channel ch = channels.get(chargerId);
        if (ch == null) {
            throw new IllegalStateException(chargerId + " not connected");
        }
        ch.writeAndFlush(new TextWebSocketFrame(text));
    }

    /** Waits for a raw frame answering the message id (used for malformed-message tests). */
    CompletableFuture<JsonNode> expectAnswer(String messageId) {
        CompletableFuture<JsonNode> future = new CompletableFuture<>();
        pending.put(messageId, future);
        return future;
    }

    /** Closes the server side of a charger's connection. */
    void drop(String chargerId) {
        Channel ch = channels.remove(chargerId);
        if (ch != null) {
            ch.close().syncUninterruptibly();
        }
    }

    @Override
    public void close() {
        server.close().syncUninterruptibly();
        channels.values().forEach(ch -> ch.close().syncUninterruptibly()); // as a dead node: every connection drops
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private ObjectNode answer(String action) {
        String now = Json.time(Instant.now());
        return switch (action) {
            case "BootNotification" -> Json.object().put("status", bootStatus).put("currentTime", now)
                    .put("interval", heartbeatInterval);
            case "Heartbeat" -> Json.object().put("currentTime", now);
            case "Authorize" -> idTagInfo(Json.object(), "Accepted");
            case "StartTransaction" -> idTagInfo(Json.object().put("transactionId", nextTransactionId.incrementAndGet()),
                    startTransactionStatus);
            case "StopTransaction" -> idTagInfo(Json.object(), "Accepted");
            default -> Json.object();
        };
    }

    private static ObjectNode idTagInfo(ObjectNode node, String status) {
        node.putObject("idTagInfo").put("status", status);
        return node;
    }

    private final class Handler extends SimpleChannelInboundHandler<TextWebSocketFrame> {
        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
            if (evt instanceof WebSocketServerProtocolHandler.HandshakeComplete hs) {
                String uri = hs.requestUri();
                String id = uri.substring(uri.lastIndexOf('/') + 1);
                ctx.channel().attr(ID).set(id);
                String auth = hs.requestHeaders().get("Authorization");
                if (auth != null) {
                    authorization.put(id, auth);
                }
                if (!"ocpp1.6".equals(hs.selectedSubprotocol())) {
                    schemaErrors.add("subprotocol " + hs.selectedSubprotocol());
                }
                connections.incrementAndGet();
                Channel old = channels.put(id, ctx.channel());
                if (old != null && old != ctx.channel()) {
                    old.close();
                }
            }
            super.userEventTriggered(ctx, evt);
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, TextWebSocketFrame frame) {
            String id = ctx.channel().attr(ID).get();
            JsonNode msg = Json.parse(frame.text());
            ArrayNode array = (ArrayNode) msg;
            String messageId = array.get(1).stringValue();
            switch (array.get(0).intValue()) {
                case 2 -> {
                    String action = array.get(2).stringValue();
                    JsonNode payload = array.get(3);
                    schemaErrors.addAll(OcppSchemas.validate(action, payload));
                    received.add(new Received(id, action, payload, Instant.now(), connections.get()));
                    ctx.writeAndFlush(new TextWebSocketFrame(Json.callResult(messageId, answer(action))));
                }
                case 3 -> {
                    String action = pendingAction.remove(messageId);
                    if (action != null) {
                        schemaErrors.addAll(OcppSchemas.validate(action + "Response", array.get(2)));
                    }
                    complete(messageId, array.get(2), null);
                }
                case 4 -> complete(messageId, null, array.get(2).stringValue());
                default -> schemaErrors.add("unexpected frame " + frame.text());
            }
        }

        private void complete(String messageId, JsonNode payload, String error) {
            CompletableFuture<JsonNode> future = pending.remove(messageId);
            if (future == null) {
                return;
            }
            if (error != null) {
                future.completeExceptionally(new CallErrorException(error));
            } else {
                future.complete(payload);
            }
        }
    }

    /** A CALLERROR answer from the charger. */
    static final class CallErrorException extends RuntimeException {
        final String code;

        CallErrorException(String code) {
            super(code);
            this.code = code;
        }
    }

    static List<Received> after(List<Received> list, Instant instant) {
        List<Received> result = new ArrayList<>();
        for (Received r : list) {
            if (r.at().isAfter(instant)) {
                result.add(r);
            }
        }
        return result;
    }
}
