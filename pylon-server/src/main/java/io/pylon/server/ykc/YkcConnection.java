package io.pylon.server.ykc;

import io.netty.channel.Channel;
import io.pylon.domain.command.CommandFailure;
import io.pylon.server.ocpp.SerialExecutor;
import io.pylon.ykc.message.YkcMessage;
import io.pylon.ykc.message.YkcMessages;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * One pile's TCP connection: who it is once logged in, its frames handled in order on a {@link SerialExecutor}
 * (virtual threads, never the event loop), and the commands waiting for the pile's answer, matched by reply type
 * (and, for a remote start, by transaction serial).
 */
public final class YkcConnection {

    private final Channel channel;
    private final SerialExecutor inbound;
    private final AtomicInteger sequence = new AtomicInteger();
    private final List<Pending> pending = new ArrayList<>();
    private final Map<Integer, GunState> guns = new ConcurrentHashMap<>();
    /** Transaction serial → the following gun of a parallel (two-gun) session started on this connection. */
    private final Map<String, Integer> partners = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicBoolean pushing = new java.util.concurrent.atomic.AtomicBoolean();
    private volatile String pile;
    private final java.time.Instant openedAt = java.time.Instant.now();
    private int framesBeforeLogin;

    /** A command waiting for its answer. */
    private record Pending(int replyType, Predicate<YkcMessage> matches, CompletableFuture<YkcMessage> answer) {}

    /** What the gateway remembers of a gun between real-time reports. */
    static final class GunState {
        volatile Integer status;
        volatile int idleReportsInSession;
        volatile boolean fault;
    }

    YkcConnection(Channel channel, Executor workers) {
        this.channel = channel;
        this.inbound = new SerialExecutor(workers);
    }

    /** When the TCP connection was accepted (wall clock: compared with other nodes' times). */
    public java.time.Instant openedAt() {
        return openedAt;
    }

    public Channel channel() {
        return channel;
    }

    SerialExecutor inbound() {
        return inbound;
    }

    /** The pile code once logged in, else null. */
    public String pile() {
        return pile;
    }

    void loggedIn(String pileCode) {
        this.pile = pileCode;
    }

    /** Claims the right to push a billing model (one push in flight per pile); false while one is. */
    boolean startPush() {
        return pushing.compareAndSet(false, true);
    }

    void pushDone() {
        pushing.set(false);
    }

    /** Remembers the following gun of a parallel session, for its remote stop. */
    void partner(String serial, int gun) {
        partners.put(serial, gun);
    }

    /** The following gun of a parallel session, or null. */
    Integer partner(String serial) {
        return partners.get(serial);
    }

    /** Counts a frame that came before login; returns how many have. */
    int frameBeforeLogin() {
        return ++framesBeforeLogin;
    }

    GunState gun(int gun) {
        return guns.computeIfAbsent(gun, g -> new GunState());
    }

    public boolean isOpen() {
        return channel.isActive();
    }

    /** Answers a pile's frame: the reply carries the request's two sequence bytes unchanged. */
    void reply(int requestSequence, YkcMessage message) {
        channel.writeAndFlush(YkcMessages.frame(requestSequence, message));
    }

    /** Sends a frame of the platform's own, numbered by this connection's counter (written low byte first). */
    void send(YkcMessage message) {
        channel.writeAndFlush(YkcMessages.frame(nextSequence(), message));
    }

    private int nextSequence() {
        int n = sequence.incrementAndGet() & 0xFFFF;
        return (n & 0xFF) << 8 | n >>> 8;
    }

    /**
     * Sends a command and completes with the first answer of {@code replyType} that {@code matches}, or fails
     * with {@link CommandFailure.Kind#TIMEOUT}. The body is built before anything is sent, so a value that
     * does not fit fails the caller with {@link IllegalArgumentException}.
     */
    CompletableFuture<YkcMessage> call(YkcMessage command, int replyType, Predicate<YkcMessage> matches, Duration timeout) {
        var frame = YkcMessages.frame(nextSequence(), command);
        CompletableFuture<YkcMessage> answer = new CompletableFuture<>();
        Pending waiting = new Pending(replyType, matches, answer);
        synchronized (pending) {
            pending.add(waiting);
        }
        channel.eventLoop().schedule(() -> {
            if (forget(waiting)) {
                answer.completeExceptionally(new CommandFailure(CommandFailure.Kind.TIMEOUT,
                        "Pile " + pile + " did not answer 0x" + Integer.toHexString(command.type()) + " in " + timeout));
            }
        }, timeout.toMillis(), TimeUnit.MILLISECONDS);
        channel.writeAndFlush(frame).addListener(f -> {
            if (!f.isSuccess() && forget(waiting)) {
                answer.completeExceptionally(new CommandFailure(CommandFailure.Kind.OFFLINE, "Pile " + pile + " went offline"));
            }
        });
        return answer;
    }

    /** Hands an answer to the oldest command waiting for it; false when none was. */
    boolean answer(YkcMessage reply) {
        Pending found = null;
        synchronized (pending) {
            for (Iterator<Pending> it = pending.iterator(); it.hasNext(); ) {
                Pending p = it.next();
                if (p.replyType() == reply.type() && p.matches().test(reply)) {
                    it.remove();
                    found = p;
                    break;
                }
            }
        }
        if (found == null) return false;
        found.answer().complete(reply);
        return true;
    }

    private boolean forget(Pending waiting) {
        synchronized (pending) {
            return pending.remove(waiting);
        }
    }

    /** The connection closed: every command still waiting fails as offline. */
    void closed() {
        List<Pending> left;
        synchronized (pending) {
            left = new ArrayList<>(pending);
            pending.clear();
        }
        left.forEach(p -> p.answer().completeExceptionally(
                new CommandFailure(CommandFailure.Kind.OFFLINE, "Pile " + pile + " went offline")));
    }

    public void close() {
        channel.close();
    }
}
