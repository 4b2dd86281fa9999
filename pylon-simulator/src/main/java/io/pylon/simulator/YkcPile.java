package io.pylon.simulator;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoop;
import io.netty.channel.SimpleChannelInboundHandler;
import io.pylon.ykc.codec.YkcFrame;
import io.pylon.ykc.codec.YkcFrameDecoder;
import io.pylon.ykc.codec.YkcFrameEncoder;
import io.pylon.ykc.message.*;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.LocalDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One simulated YKC pile: logs in, keeps its clock and billing model as the platform sets them, heartbeats,
 * reports real-time data (charging guns every {@link YkcFleetConfig#realTimeInterval()}, idle ones every
 * {@link YkcFleetConfig#idleReportInterval()}), charges for card starts (0x31), remote starts (0x34) and parallel
 * two-gun remote starts (0xA3, answered 0xA4: the leading gun charges and records, the other follows), answers card
 * balance updates and offline card list commands, and writes a transaction
 * record (0x3B) at the end of each session. Records are kept until confirmed (0x40): re-sent every
 * {@link YkcFleetConfig#recordRetry()} up to three times while connected, and all uploaded again after the
 * pile reconnects — sessions carry on while the platform is unreachable. All state lives on the pile's event loop.
 */
public final class YkcPile {

    private static final int RETRIES = 3;
    private final String code;
    private final YkcFleetConfig config;
    private final EventLoop loop;
    private final Bootstrap bootstrap;
    private final InetAddress source;
    private final LatencyRecorder recorder;
    private final AtomicInteger sequence = new AtomicInteger();
    private final Map<Integer, Gun> guns = new HashMap<>();
    private final Map<Integer, Deque<Long>> waiting = new HashMap<>();
    private final Map<String, Long> recordsSentAt = new HashMap<>();
    private final LinkedHashMap<String, Unconfirmed> records = new LinkedHashMap<>();
    private final Map<Integer, CompletableFuture<String>> cardStarts = new HashMap<>();
    /** Replayed sessions waiting for their record's confirmation, by serial. */
    private final Map<String, CompletableFuture<String>> replays = new HashMap<>();
    /** Replayed sessions so far: the last four digits of their serials (event loop only). */
    private int replayed;
    private BillingModel model;
    private Channel channel;
    private volatile boolean loggedIn;
    private volatile boolean wanted = true;
    private ScheduledFuture<?> heartbeat;
    private ScheduledFuture<?> idleReports;
    private final CompletableFuture<Void> firstLogin = new CompletableFuture<>();
    /** Chooses start times and cards when this pile drives sessions on its own (event loop only). */
    private java.util.Random driver;

    /** A session on one gun. Energy in kWh with 4 decimals; amounts in yuan with 4. */
    private static final class Gun {
        String serial;
        String card = "0";
        int kind;
        LocalDateTime start;
        long stepNanos;
        long stopAtNanos;
        BigDecimal[] energy = zeros();
        BigDecimal[] amount = zeros();
        ScheduledFuture<?> reports;
        /** The serial of the parallel session this gun follows (V1.6 two-gun charging; the leading gun records it). */
        String following;
        /** The next start of a driven session ({@link #drive}), if one is due. */
        ScheduledFuture<?> nextStart;

        boolean charging() {
            return serial != null;
        }

        BigDecimal total(BigDecimal[] values) {
            BigDecimal sum = BigDecimal.ZERO.setScale(4);
            for (BigDecimal v : values) sum = sum.add(v);
            return sum;
        }

        static BigDecimal[] zeros() {
            BigDecimal[] z = new BigDecimal[4];
            java.util.Arrays.fill(z, BigDecimal.ZERO.setScale(4));
            return z;
        }
    }

    private record Unconfirmed(TransactionRecord.Record record, int attempts) {}

    YkcPile(String code, YkcFleetConfig config, EventLoop loop, Bootstrap bootstrap, InetAddress source, LatencyRecorder recorder) {
        this.code = code;
        this.config = config;
        this.loop = loop;
        this.bootstrap = bootstrap;
        this.source = source;
        this.recorder = recorder;
        for (int g = 1; g <= config.guns(); g++) guns.put(g, new Gun());
    }

    public String code() {
        return code;
    }

    public boolean isLoggedIn() {
        return loggedIn;
    }

    /** Completes when the pile first logs in. */
    public CompletableFuture<Void> loggedIn() {
        return firstLogin;
    }

    /** Records not yet confirmed by the platform. */
    public int unconfirmedRecords() {
        return onLoop(records::size);
    }

    public int chargingGuns() {
        return onLoop(() -> (int) guns.values().stream().filter(Gun::charging).count());
    }

    public String serial(int gun) {
        return onLoop(() -> guns.get(gun).serial);
    }

    /** The billing model number the pile holds (0 = none yet). */
    public int modelNumber() {
        return onLoop(() -> model == null ? 0 : model.model());
    }

    void connect() {
        loop.execute(this::open);
    }

    private void open() {
        if (!wanted || channel != null && channel.isActive()) return;
        Bootstrap b = bootstrap.clone(loop).handler(new ChannelInitializer<Channel>() {
            @Override
            protected void initChannel(Channel ch) {
                ch.pipeline().addLast(new YkcFrameDecoder(), new YkcFrameEncoder(), new Inbound());
            }
        });
        InetSocketAddress remote = new InetSocketAddress(config.host(), config.port());
        var future = source == null ? b.connect(remote) : b.connect(remote, new InetSocketAddress(source, 0));
        future.addListener(f -> {
            if (!f.isSuccess()) {
                reconnectLater();
                return;
            }
            channel = future.channel();
            expect(Login.REPLY);
            send(new Login.Request(code, 0, config.guns(), Login.V16, "PYSIM1.0", 1, "0".repeat(20), 4));
        });
    }

    /** Drops the connection (an outage); the pile reconnects after the configured delay. */
    public CompletableFuture<Void> dropConnection() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        loop.execute(() -> {
            if (channel != null) channel.close();
            done.complete(null);
        });
        return done;
    }

    /** Stops for good: no reconnect. */
    CompletableFuture<Void> close() {
        wanted = false;
        CompletableFuture<Void> done = new CompletableFuture<>();
        loop.execute(() -> {
            if (channel != null) channel.close();
            done.complete(null);
        });
        return done;
    }

    private void reconnectLater() {
        loggedIn = false;
        if (heartbeat != null) heartbeat.cancel(false);
        if (idleReports != null) idleReports.cancel(false);
        if (wanted) loop.schedule(this::open, config.reconnectDelay().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** A driver presents a card at a gun (0x31); completes with the serial, or exceptionally when refused. */
    public CompletableFuture<String> startCard(int gun, String card) {
        CompletableFuture<String> result = new CompletableFuture<>();
        loop.execute(() -> {
            if (!loggedIn || !idle(guns.get(gun)) || cardStarts.containsKey(gun)) {
                result.completeExceptionally(new IllegalStateException("pile " + code + " gun " + gun + " cannot start now"));
                return;
            }
            cardStarts.put(gun, result);
            guns.get(gun).card = card;
            expect(StartRequest.AUTHORISATION);
            send(new StartRequest.Request(code, gun, StartRequest.CARD, false, "0".repeat(16 - card.length()) + card,
                    "0".repeat(32), ""));
        });
        return result;
    }

    /**
     * A session the pile ran on its own (an offline card start) and now uploads: a transaction record (0x3B, kind
     * offline card) of {@code kwh} delivered at constant power from {@code start} to {@code end}, split over the
     * bands of the pile's billing model half hour by half hour and priced by it, sent and retried like every record.
     * Completes with the record's serial once the platform confirmed it, exceptionally when it refused it.
     */
    public CompletableFuture<String> replaySession(int gun, String card, LocalDateTime start, LocalDateTime end, BigDecimal kwh) {
        if (!end.isAfter(start) || kwh.signum() < 0) {
            throw new IllegalArgumentException("a session ends after it starts and delivers no negative energy");
        }
        CompletableFuture<String> confirmed = new CompletableFuture<>();
        loop.execute(() -> {
            String serial = code + String.format("%02d", gun) + start.format(java.time.format.DateTimeFormatter.ofPattern("yyMMddHHmmss"))
                    + String.format("%04d", ++replayed % 10_000);
            BigDecimal[] energy = Gun.zeros();
            long total = java.time.Duration.between(start, end).getSeconds();
            for (LocalDateTime t = start; t.isBefore(end); ) {
                LocalDateTime slotEnd = t.truncatedTo(java.time.temporal.ChronoUnit.HOURS).plusMinutes(t.getMinute() < 30 ? 30 : 60);
                LocalDateTime to = slotEnd.isBefore(end) ? slotEnd : end;
                int band = model == null ? 2 : model.slots().get(t.getHour() * 2 + t.getMinute() / 30);
                energy[band] = energy[band].add(kwh.multiply(BigDecimal.valueOf(java.time.Duration.between(t, to).getSeconds()))
                        .divide(BigDecimal.valueOf(total), 8, RoundingMode.HALF_UP));
                t = to;
            }
            int largest = 0;
            for (int b = 0; b < 4; b++) {
                energy[b] = energy[b].setScale(4, RoundingMode.HALF_UP);
                if (energy[b].compareTo(energy[largest]) > 0) largest = b;
            }
            BigDecimal sum = energy[0].add(energy[1]).add(energy[2]).add(energy[3]);
            energy[largest] = energy[largest].add(kwh.setScale(4, RoundingMode.HALF_UP).subtract(sum)); // the bands add up to the total
            List<TransactionRecord.BandUsage> bands = new ArrayList<>();
            BigDecimal amount = BigDecimal.ZERO.setScale(4);
            for (int b = 0; b < 4; b++) {
                BigDecimal price = model == null ? BigDecimal.ZERO : model.electricity().get(b).add(model.service().get(b));
                BigDecimal bandAmount = energy[b].multiply(price).setScale(4, RoundingMode.HALF_UP);
                amount = amount.add(bandAmount);
                bands.add(new TransactionRecord.BandUsage(price, energy[b], energy[b], bandAmount));
            }
            BigDecimal energyTotal = kwh.setScale(4, RoundingMode.HALF_UP);
            String physical = "0".repeat(16 - card.length()) + card;
            TransactionRecord.Record record = new TransactionRecord.Record(serial, code, gun, start.withNano(0), end.withNano(0), bands,
                    BigDecimal.ZERO, energyTotal, energyTotal, energyTotal, amount, "", TransactionRecord.OFFLINE_CARD,
                    end.withNano(0), 0x41, physical);
            replays.put(serial, confirmed);
            records.put(serial, new Unconfirmed(record, 0));
            sendRecord(serial, false);
        });
        return confirmed;
    }

    /** The driver ends the session at the pile; the record follows. */
    public CompletableFuture<Void> stop(int gun) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        loop.execute(() -> {
            finish(gun, 0x41);
            done.complete(null);
        });
        return done;
    }

    /**
     * Drives card sessions so that about {@code share} of the guns charge from the start, as the OCPP simulator does:
     * a gun starts a few seconds after start-up with probability {@code share} (the steady state), otherwise after an
     * idle gap; after every session the next start follows an idle gap. Gaps are exponential with the mean that keeps
     * the share ({@code session × (1 − share) / share}).
     */
    void drive(java.util.Random random) {
        if (config.cards().isEmpty() || config.chargingShare() <= 0) return;
        loop.execute(() -> {
            driver = random;
            for (int g = 1; g <= config.guns(); g++) {
                scheduleStart(g, random.nextDouble() < config.chargingShare() ? 2_000 + (long) (random.nextDouble() * 10_000) : idleGap());
            }
        });
    }

    private long idleGap() {
        double meanMs = config.sessionDuration().toMillis() * (1 - config.chargingShare()) / config.chargingShare();
        return 1_000 + (long) (-Math.log(1 - driver.nextDouble()) * meanMs);
    }

    /** The next driven start on this gun (one timer a gun). */
    private void scheduleStart(int gun, long delayMs) {
        Gun g = guns.get(gun);
        if (g.nextStart != null) g.nextStart.cancel(false);
        g.nextStart = loop.schedule(() -> tryStart(gun), delayMs, TimeUnit.MILLISECONDS);
    }

    /** After a session on a driven pile: the driver comes back after an idle gap. */
    private void sessionEnded(int gun) {
        if (driver != null) scheduleStart(gun, idleGap());
    }

    private void tryStart(int gun) {
        Gun g = guns.get(gun);
        g.nextStart = null;
        if (!wanted) return;
        if (!loggedIn) {
            scheduleStart(gun, 1_000 + driver.nextInt(2_000)); // (re)connecting: try again shortly
            return;
        }
        if (!idle(g) || cardStarts.containsKey(gun)) return; // busy: the end of that session schedules the next start
        startCard(gun, config.cards().get(driver.nextInt(config.cards().size())))
                .whenComplete((serial, refused) -> {
                    if (refused != null) loop.execute(() -> sessionEnded(gun));
                });
    }

    // ------------------------------------------------------------------ frames from the platform

    private final class Inbound extends SimpleChannelInboundHandler<YkcFrame> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, YkcFrame frame) {
            recorder.received();
            YkcMessage m;
            try {
                m = YkcMessages.decode(frame);
            } catch (MalformedBodyException e) {
                recorder.answered("malformed", 0, true);
                return;
            }
            answered(m.type());
            handle(frame.sequence(), m);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            waiting.clear();
            reconnectLater();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }

    private void handle(int seq, YkcMessage m) {
        switch (m) {
            case Login.Reply r -> {
                if (!r.accepted()) {
                    channel.close();
                    return;
                }
                loggedIn = true;
                firstLogin.complete(null);
                heartbeat = loop.scheduleAtFixedRate(this::heartbeat, config.heartbeatInterval().toMillis(),
                        config.heartbeatInterval().toMillis(), TimeUnit.MILLISECONDS);
                idleReports = loop.scheduleAtFixedRate(this::idleReports, config.idleReportInterval().toMillis(),
                        config.idleReportInterval().toMillis(), TimeUnit.MILLISECONDS);
                expect(BillingModelCheck.REPLY);
                send(new BillingModelCheck.Request(code, model == null ? 0 : model.model()));
                for (int g = 1; g <= config.guns(); g++) report(g);
                new ArrayList<>(records.keySet()).forEach(serial -> sendRecord(serial, true));
            }
            case ClockSync c when c.type() == ClockSync.SET -> reply(seq, new ClockSync(ClockSync.REPLY, code, c.time()));
            case BillingModelCheck.Reply r -> {
                if (!r.same()) {
                    expect(BillingModel.MODEL);
                    send(new BillingModel.Request(code));
                }
            }
            case BillingModel.Answer a -> model = a.model();
            case BillingModel.Push p -> {
                model = p.model();
                reply(seq, new BillingModel.PushReply(code, true));
            }
            case Heartbeat.Pong ignored -> { }
            case StartRequest.Authorisation a -> {
                CompletableFuture<String> waiter = cardStarts.remove(a.gun());
                if (a.accepted()) {
                    begin(a.gun(), a.transaction(), guns.get(a.gun()).card, TransactionRecord.CARD);
                    if (waiter != null) waiter.complete(a.transaction());
                } else if (waiter != null) {
                    waiter.completeExceptionally(new IllegalStateException("card refused, reason " + a.reason()));
                }
            }
            case RemoteStart.Command c -> {
                boolean free = guns.containsKey(c.gun()) && idle(guns.get(c.gun()));
                reply(seq, new RemoteStart.Reply(c.transaction(), code, c.gun(), free, free ? 0 : 2));
                if (free) begin(c.gun(), c.transaction(), "0", TransactionRecord.APP);
            }
            case ParallelCharging.RemoteStartCommand p -> {
                RemoteStart.Command c = p.single();
                boolean free = guns.containsKey(c.gun()) && idle(guns.get(c.gun()));
                reply(seq, new ParallelCharging.RemoteStartReply(new RemoteStart.Reply(c.transaction(), code, c.gun(), free,
                        free ? 0 : 2), p.master(), p.parallelSerial()));
                if (free && p.master()) begin(c.gun(), c.transaction(), "0", TransactionRecord.APP);
                else if (free) {
                    guns.get(c.gun()).following = c.transaction();
                    report(c.gun());
                }
            }
            case RemoteStop.Command c -> {
                Gun g = guns.get(c.gun());
                boolean charging = g != null && !idle(g);
                reply(seq, new RemoteStop.Reply(code, c.gun(), charging, charging ? 0 : 2));
                if (charging && g.following != null) {
                    g.following = null;
                    report(c.gun());
                } else if (charging) {
                    finish(c.gun(), 0x40);
                }
            }
            case TransactionRecord.Confirmation c -> {
                Long sent = recordsSentAt.remove(c.transaction());
                if (sent != null) recorder.answered("record", System.nanoTime() - sent, !c.accepted());
                records.remove(c.transaction());
                CompletableFuture<String> replayed = replays.remove(c.transaction());
                if (replayed != null && c.accepted()) replayed.complete(c.transaction());
                else if (replayed != null) replayed.completeExceptionally(new IllegalStateException("record " + c.transaction() + " refused"));
            }
            case RealTimeData.Read r -> report(r.gun());
            case RemoteReboot.Command c -> reply(seq, new RemoteReboot.Reply(code, true));
            case WorkParameters.Set s -> reply(seq, new WorkParameters.Reply(code, true));
            case ParkingLock.Command c -> reply(seq, new ParkingLock.Reply(code, c.gun(), true, 0));
            case CardBalance.Update u -> reply(seq, new CardBalance.Reply(code, u.card(), 0));
            case OfflineCards.Sync s -> reply(seq, new OfflineCards.SyncReply(code, true, 0));
            case OfflineCards.Cards c -> reply(seq, new OfflineCards.CardsReply(
                    c.type() == OfflineCards.CLEAR ? OfflineCards.CLEAR_REPLY : OfflineCards.QUERY_REPLY, code,
                    c.physical().stream().map(card -> new OfflineCards.CardResult(card, true, 0)).toList()));
            case FirmwareUpdate.Command f -> reply(seq, new FirmwareUpdate.Reply(code, 0));
            default -> { }
        }
    }

    // ------------------------------------------------------------------ sessions

    private void begin(int gun, String serial, String card, int kind) {
        Gun g = guns.get(gun);
        g.serial = serial;
        g.card = card;
        g.kind = kind;
        g.start = now();
        g.energy = Gun.zeros();
        g.amount = Gun.zeros();
        g.stepNanos = System.nanoTime();
        // exponential, as in the OCPP simulator: memoryless, so a fleet that starts in its steady state stays in it
        g.stopAtNanos = g.stepNanos + 1_000_000_000L + (long) (-Math.log(1 - Math.random()) * config.sessionDuration().toNanos());
        report(gun);
        g.reports = loop.scheduleAtFixedRate(() -> {
            if (System.nanoTime() >= g.stopAtNanos && kind == TransactionRecord.CARD) finish(gun, 0x41);
            else report(gun);
        }, config.realTimeInterval().toMillis(), config.realTimeInterval().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Adds the energy since the last step to the band of the current half hour, priced by the pile's model. */
    private void step(Gun g) {
        long nowNanos = System.nanoTime();
        BigDecimal kwh = BigDecimal.valueOf(config.powerKw() * (nowNanos - g.stepNanos) / 3.6e12).setScale(4, RoundingMode.HALF_UP);
        g.stepNanos = nowNanos;
        LocalDateTime t = now();
        int band = model == null ? 2 : model.slots().get(t.getHour() * 2 + t.getMinute() / 30);
        BigDecimal price = model == null ? BigDecimal.ZERO : model.electricity().get(band).add(model.service().get(band));
        g.energy[band] = g.energy[band].add(kwh);
        g.amount[band] = g.amount[band].add(kwh.multiply(price).setScale(4, RoundingMode.HALF_UP));
    }

    private void finish(int gun, int reason) {
        Gun g = guns.get(gun);
        if (!g.charging()) return;
        step(g);
        if (g.reports != null) g.reports.cancel(false);
        List<TransactionRecord.BandUsage> bands = new ArrayList<>();
        for (int b = 0; b < 4; b++) {
            BigDecimal price = model == null ? BigDecimal.ZERO : model.electricity().get(b).add(model.service().get(b));
            bands.add(new TransactionRecord.BandUsage(price, g.energy[b], g.energy[b], g.amount[b]));
        }
        BigDecimal energy = g.total(g.energy);
        LocalDateTime end = now().withNano(0);
        TransactionRecord.Record record = new TransactionRecord.Record(g.serial, code, gun, g.start.withNano(0), end, bands,
                BigDecimal.ZERO, energy, energy, energy, g.total(g.amount), "", g.kind, end, reason,
                "0".repeat(16 - g.card.length()) + g.card);
        records.put(g.serial, new Unconfirmed(record, 0));
        for (Map.Entry<Integer, Gun> other : guns.entrySet()) { // the gun that followed in parallel stops too
            if (g.serial.equals(other.getValue().following)) {
                other.getValue().following = null;
                report(other.getKey());
                sessionEnded(other.getKey());
            }
        }
        g.serial = null;
        report(gun);
        sendRecord(record.transaction(), false);
        sessionEnded(gun);
    }

    private void sendRecord(String serial, boolean afterReconnect) {
        Unconfirmed u = records.get(serial);
        if (u == null || !loggedIn) return; // kept until the pile is back online
        if (!afterReconnect && u.attempts() >= RETRIES + 1) return; // given up until the next reconnect
        records.put(serial, new Unconfirmed(u.record(), u.attempts() + 1));
        recordsSentAt.put(serial, System.nanoTime());
        send(u.record());
        loop.schedule(() -> sendRecord(serial, false), config.recordRetry().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Neither charging nor following a parallel session. */
    private static boolean idle(Gun g) {
        return !g.charging() && g.following == null;
    }

    /** Idle guns report their state every {@link YkcFleetConfig#idleReportInterval()} (charging ones report on their own). */
    private void idleReports() {
        for (Map.Entry<Integer, Gun> g : guns.entrySet()) {
            if (idle(g.getValue())) report(g.getKey());
        }
    }

    private void report(int gun) {
        Gun g = guns.get(gun);
        if (g == null || !loggedIn) return;
        if (g.following != null) {
            send(new RealTimeData.Report(g.following, code, gun, RealTimeData.CHARGING, 0, true, new BigDecimal("400.0"),
                    BigDecimal.ZERO.setScale(1), 25, "0".repeat(16), 50, 25, 0, 0, BigDecimal.ZERO.setScale(4),
                    BigDecimal.ZERO.setScale(4), BigDecimal.ZERO.setScale(4), 0));
            return;
        }
        if (g.charging()) step(g);
        BigDecimal energy = g.charging() ? g.total(g.energy) : BigDecimal.ZERO;
        BigDecimal amount = g.charging() ? g.total(g.amount) : BigDecimal.ZERO;
        int minutes = g.charging() ? (int) java.time.Duration.between(g.start, now()).toMinutes() : 0;
        send(new RealTimeData.Report(g.charging() ? g.serial : "0".repeat(32), code, gun,
                g.charging() ? RealTimeData.CHARGING : RealTimeData.IDLE, 0, g.charging(),
                new BigDecimal(g.charging() ? "400.0" : "0.0"),
                BigDecimal.valueOf(g.charging() ? config.powerKw() * 1000 / 400 : 0).setScale(1, RoundingMode.HALF_UP),
                25, "0".repeat(16), g.charging() ? 50 : 0, 25, minutes, 0, energy, energy, amount, 0));
    }

    private void heartbeat() {
        if (!loggedIn) return;
        for (int g = 1; g <= config.guns(); g++) {
            expect(Heartbeat.PONG);
            send(new Heartbeat.Ping(code, g, false));
        }
    }

    // ------------------------------------------------------------------ plumbing

    private LocalDateTime now() {
        return LocalDateTime.now(config.zone());
    }

    private void send(YkcMessage m) {
        if (channel == null || !channel.isActive()) return;
        int n = sequence.incrementAndGet() & 0xFFFF;
        channel.writeAndFlush(YkcMessages.frame(n, m));
        recorder.sent();
    }

    private void reply(int seq, YkcMessage m) {
        if (channel == null || !channel.isActive()) return;
        channel.writeAndFlush(YkcMessages.frame(seq, m));
        recorder.sent();
    }

    private void expect(int replyType) {
        waiting.computeIfAbsent(replyType, t -> new ArrayDeque<>()).add(System.nanoTime());
    }

    private void answered(int type) {
        Deque<Long> q = waiting.get(type);
        Long sent = q == null ? null : q.poll();
        if (sent != null) recorder.answered(name(type), System.nanoTime() - sent, false);
    }

    private static String name(int type) {
        return switch (type) {
            case Login.REPLY -> "login";
            case Heartbeat.PONG -> "heartbeat";
            case BillingModelCheck.REPLY -> "billing model check";
            case BillingModel.MODEL -> "billing model";
            case StartRequest.AUTHORISATION -> "card start";
            default -> "0x" + Integer.toHexString(type);
        };
    }

    private <T> T onLoop(java.util.concurrent.Callable<T> read) {
        if (loop.inEventLoop()) {
            try {
                return read.call();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        try {
            return loop.submit(read).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
