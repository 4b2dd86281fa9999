package io.pylon.simulator;

import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.util.concurrent.ScheduledFuture;
import io.pylon.simulator.ocpp.Json;
import io.pylon.simulator.ocpp.OcppException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.UnaryOperator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The charger's outgoing CALLs: at most one outstanding at a time, the rest queued in order, each with a timeout.
 * Transaction-related CALLs survive disconnects (offline queue) and are retried; other CALLs fail when the
 * connection is lost. Until the BootNotification is accepted only "gate-bypassing" CALLs are sent.
 * Confined to the charger's event loop.
 */
final class CallQueue {
    static final int MAX_QUEUED = 50_000;
    private static final int MAX_ATTEMPTS = 3;

    private static final class Call {
        final String action;
        final ObjectNode payload;
        final boolean transactional;
        final boolean bypassGate;
        final UnaryOperator<ObjectNode> beforeSend;
        final CompletableFuture<JsonNode> result = new CompletableFuture<>();
        int attempts;

        Call(String action, ObjectNode payload, boolean transactional, boolean bypassGate,
                UnaryOperator<ObjectNode> beforeSend) {
            this.action = action;
            this.payload = payload;
            this.transactional = transactional;
            this.bypassGate = bypassGate;
            this.beforeSend = beforeSend;
        }
    }

    private final EventLoop loop;
    private final LatencyRecorder recorder;
    private final Duration timeout;
    private final Deque<Call> queue = new ArrayDeque<>();
    private Channel channel;
    private boolean accepted;
    private Call inFlight;
    private String inFlightId;
    private long sentAt;
    private ScheduledFuture<?> timer;
    private long sequence;

    CallQueue(EventLoop loop, LatencyRecorder recorder, Duration timeout) {
        this.loop = loop;
        this.recorder = recorder;
        this.timeout = timeout;
    }

    /** Sends a CALL that is dropped (failed) when the connection is lost. */
    CompletableFuture<JsonNode> send(String action, ObjectNode payload) {
        if (channel == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("offline"));
        }
        return enqueue(new Call(action, payload, false, false, null), false);
    }

    /** Sends a CALL allowed before the boot is accepted (BootNotification), optionally ahead of the queue. */
    CompletableFuture<JsonNode> sendBypassingGate(String action, ObjectNode payload, boolean first) {
        if (channel == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("offline"));
        }
        return enqueue(new Call(action, payload, false, true, null), first);
    }

    /**
     * Queues a transaction-related CALL that is kept while offline and sent in order after reconnecting.
     *
     * @param beforeSend patches the payload right before sending (e.g. the transactionId learnt meanwhile);
     *                   returning null drops the CALL
     */
    CompletableFuture<JsonNode> sendTransactional(String action, ObjectNode payload, UnaryOperator<ObjectNode> beforeSend) {
        if (queue.size() >= MAX_QUEUED && "MeterValues".equals(action)) {
            return CompletableFuture.failedFuture(new IllegalStateException("offline queue full"));
        }
        return enqueue(new Call(action, payload, true, false, beforeSend), false);
    }

    private CompletableFuture<JsonNode> enqueue(Call call, boolean first) {
        if (first) {
            queue.addFirst(call);
        } else {
            queue.addLast(call);
        }
        pump();
        return call.result;
    }

    void online(Channel ch) {
        channel = ch;
        pump();
    }

    void offline() {
        channel = null;
        cancelTimer();
        if (inFlight != null) {
            Call call = inFlight;
            inFlight = null;
            inFlightId = null;
            if (call.transactional) {
                queue.addFirst(call);
            } else {
                call.result.completeExceptionally(new IllegalStateException("connection lost"));
            }
        }
        queue.removeIf(call -> {
            if (!call.transactional) {
                call.result.completeExceptionally(new IllegalStateException("connection lost"));
                return true;
            }
            return false;
        });
    }

    void setAccepted(boolean value) {
        accepted = value;
        pump();
    }

    /** @return whether nothing is queued or outstanding */
    boolean idle() {
        return inFlight == null && queue.isEmpty();
    }

    /** @return the number of queued (not yet answered) CALLs including the outstanding one */
    int pending() {
        return queue.size() + (inFlight == null ? 0 : 1);
    }

    void onResult(String id, JsonNode payload) {
        Call call = take(id);
        if (call != null) {
            recorder.answered(call.action, System.nanoTime() - sentAt, false);
            call.result.complete(payload);
            pump();
        }
    }

    void onError(String id, String code, String description) {
        Call call = take(id);
        if (call != null) {
            recorder.answered(call.action, System.nanoTime() - sentAt, true);
            call.result.completeExceptionally(new OcppException(code, description));
            pump();
        }
    }

    private Call take(String id) {
        if (inFlight == null || !id.equals(inFlightId)) {
            return null;
        }
        Call call = inFlight;
        inFlight = null;
        inFlightId = null;
        cancelTimer();
        return call;
    }

    private void pump() {
        while (inFlight == null && channel != null && !queue.isEmpty()) {
            Call head = queue.peekFirst();
            if (!accepted && !head.bypassGate) {
                return;
            }
            queue.pollFirst();
            ObjectNode payload = head.beforeSend == null ? head.payload : head.beforeSend.apply(head.payload);
            if (payload == null) {
                head.result.completeExceptionally(new IllegalStateException("dropped: transaction unknown"));
                continue;
            }
            inFlight = head;
            inFlightId = Long.toString(++sequence, 36) + "-" + Integer.toHexString(System.identityHashCode(this));
            head.attempts++;
            sentAt = System.nanoTime();
            recorder.sent();
            channel.writeAndFlush(new TextWebSocketFrame(Json.call(inFlightId, head.action, payload)));
            String expected = inFlightId;
            timer = loop.schedule(() -> onTimeout(expected), timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void onTimeout(String id) {
        if (inFlight == null || !id.equals(inFlightId)) {
            return;
        }
        Call call = inFlight;
        inFlight = null;
        inFlightId = null;
        timer = null;
        recorder.timedOut(call.action);
        if (call.transactional && call.attempts < MAX_ATTEMPTS) {
            queue.addFirst(call);
        } else {
            call.result.completeExceptionally(new TimeoutException(call.action + " not answered in " + timeout));
        }
        pump();
    }

    private void cancelTimer() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }
}
