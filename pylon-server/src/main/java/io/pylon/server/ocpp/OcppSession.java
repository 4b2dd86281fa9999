package io.pylon.server.ocpp;

import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.pylon.domain.command.CommandFailure;
import io.pylon.ocpp.rpc.FrameCodec;
import io.pylon.ocpp.rpc.OcppMessage;
import io.pylon.ocpp.rpc.OcppMessage.Call;
import io.pylon.ocpp.rpc.OcppMessage.CallError;
import io.pylon.ocpp.rpc.OcppMessage.CallResult;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * One charger's WebSocket connection. Holds the RPC state of the central-system side: at most one
 * CALL of ours outstanding (the rest wait in a bounded queue), a timeout on each, and the serial
 * executor that handles the charger's own CALLs in order off the event loop.
 */
public final class OcppSession {

    private static final Logger log = LoggerFactory.getLogger(OcppSession.class);
    private static final FrameCodec CODEC = new FrameCodec();

    private record Outbound(String action, JsonNode payload, CompletableFuture<JsonNode> reply) {}

    private final String chargerId;
    private final String protocol;
    private final Channel channel;
    private final SerialExecutor inbound;
    private final Duration callTimeout;
    private final int maxQueued;
    private final Queue<Outbound> queued = new ArrayDeque<>();
    private Outbound inFlight;
    private String inFlightId;
    private ScheduledFuture<?> inFlightTimeout;
    private volatile boolean accepted;
    private final java.time.Instant openedAt = java.time.Instant.now();

    OcppSession(String chargerId, String protocol, Channel channel, Executor workers, Duration callTimeout, int maxQueued) {
        this.chargerId = chargerId;
        this.protocol = protocol;
        this.channel = channel;
        this.inbound = new SerialExecutor(workers);
        this.callTimeout = callTimeout;
        this.maxQueued = maxQueued;
    }

    public String chargerId() {
        return chargerId;
    }

    /** When the WebSocket was accepted (wall clock: compared with other nodes' times). */
    public java.time.Instant openedAt() {
        return openedAt;
    }

    public String protocol() {
        return protocol;
    }

    Channel channel() {
        return channel;
    }

    Executor inbound() {
        return inbound;
    }

    /** Whether the charger's registration is accepted (set on boot, read for every CALL). */
    public boolean accepted() {
        return accepted;
    }

    public void accepted(boolean value) {
        this.accepted = value;
    }

    public boolean isOpen() {
        return channel.isActive();
    }

    /** Sends a frame; safe from any thread. */
    void send(OcppMessage message) {
        channel.writeAndFlush(new TextWebSocketFrame(CODEC.encode(message)));
    }

    /**
     * Sends a CALL to the charger once no other CALL of ours is outstanding. The future completes with the
     * reply payload, or exceptionally with a {@link CommandFailure} (timeout, CALLERROR, connection closed).
     */
    public CompletableFuture<JsonNode> call(String action, JsonNode payload) {
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        channel.eventLoop().execute(() -> {
            if (!channel.isActive()) {
                reply.completeExceptionally(new CommandFailure(CommandFailure.Kind.OFFLINE, "Charger " + chargerId + " disconnected"));
            } else if (queued.size() >= maxQueued) {
                reply.completeExceptionally(new CommandFailure(CommandFailure.Kind.TIMEOUT,
                        "Too many commands queued for charger " + chargerId));
            } else {
                queued.add(new Outbound(action, payload, reply));
                sendNext();
            }
        });
        return reply;
    }

    /** On the event loop: sends the next queued CALL if none is outstanding. */
    private void sendNext() {
        if (inFlight != null || queued.isEmpty()) return;
        inFlight = queued.poll();
        inFlightId = UUID.randomUUID().toString();
        inFlightTimeout = channel.eventLoop().schedule(this::timedOut, callTimeout.toMillis(), TimeUnit.MILLISECONDS);
        send(new Call(inFlightId, inFlight.action(), inFlight.payload()));
    }

    private void timedOut() {
        if (inFlight == null) return;
        Outbound timedOut = inFlight;
        clearInFlight();
        timedOut.reply().completeExceptionally(new CommandFailure(CommandFailure.Kind.TIMEOUT,
                "Charger " + chargerId + " did not answer " + timedOut.action() + " within " + callTimeout.toSeconds() + " s"));
        sendNext();
    }

    /** On the event loop: a CALLRESULT or CALLERROR arrived. One that answers nothing of ours is dropped. */
    void onReply(OcppMessage reply) {
        if (inFlight == null || !reply.id().equals(inFlightId)) {
            log.info("Charger {}: dropping reply with unknown id {}", chargerId, reply.id());
            return;
        }
        Outbound answered = inFlight;
        clearInFlight();
        switch (reply) {
            case CallResult result -> answered.reply().complete(result.payload());
            case CallError error -> answered.reply().completeExceptionally(new CommandFailure(CommandFailure.Kind.CHARGER_ERROR,
                    "Charger answered " + answered.action() + " with " + error.code().wireName() + ": " + error.description()));
            case Call ignored -> throw new IllegalArgumentException("not a reply");
        }
        sendNext();
    }

    /** The action of the outstanding CALL, for validating its reply. */
    String inFlightAction(String replyId) {
        return inFlight != null && replyId.equals(inFlightId) ? inFlight.action() : null;
    }

    private void clearInFlight() {
        if (inFlightTimeout != null) inFlightTimeout.cancel(false);
        inFlight = null;
        inFlightId = null;
        inFlightTimeout = null;
    }

    /** On the event loop, once the channel closed: fails everything still waiting. */
    void onClosed() {
        CommandFailure failure = new CommandFailure(CommandFailure.Kind.OFFLINE, "Charger " + chargerId + " disconnected");
        if (inFlight != null) {
            Outbound lost = inFlight;
            clearInFlight();
            lost.reply().completeExceptionally(failure);
        }
        Outbound next;
        while ((next = queued.poll()) != null) {
            next.reply().completeExceptionally(failure);
        }
    }

    /** Closes the connection with a WebSocket close frame. */
    public void close(WebSocketCloseStatus status) {
        if (channel.isActive()) {
            channel.writeAndFlush(new CloseWebSocketFrame(status)).addListener(f -> channel.close());
        }
    }
}
