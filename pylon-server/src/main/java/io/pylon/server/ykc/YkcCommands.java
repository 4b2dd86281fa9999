package io.pylon.server.ykc;

import io.pylon.domain.command.ChargerCommand;
import io.pylon.domain.command.CommandResult;
import io.pylon.server.config.PylonProperties;
import io.pylon.ykc.message.BillingModel;
import io.pylon.ykc.message.ClockSync;
import io.pylon.ykc.message.FirmwareUpdate;
import io.pylon.ykc.message.ParallelCharging;
import io.pylon.ykc.message.ParkingLock;
import io.pylon.ykc.message.RealTimeData;
import io.pylon.ykc.message.RemoteReboot;
import io.pylon.ykc.message.RemoteStart;
import io.pylon.ykc.message.RemoteStop;
import io.pylon.ykc.message.WorkParameters;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.springframework.stereotype.Component;

/**
 * Protocol-neutral commands as YKC frames, and the pile's answers as {@link CommandResult}s ("Accepted" or
 * "Rejected" with the pile's reason). Remote start makes the transaction serial and, once the pile confirms
 * (0x33), opens the session like any other start; remote stop finds the gun by the session.
 */
@Component
public class YkcCommands {

    private final PylonProperties.Ykc settings;
    private final YkcSessions sessions;
    private final YkcStore store;
    private final YkcCards cards;
    private final BillingModels models;
    private final YkcCardCommands cardCommands;

    public YkcCommands(PylonProperties properties, YkcSessions sessions, YkcStore store, YkcCards cards,
                       BillingModels models, YkcCardCommands cardCommands) {
        this.settings = properties.ykc();
        this.sessions = sessions;
        this.store = store;
        this.cards = cards;
        this.models = models;
        this.cardCommands = cardCommands;
    }

    CompletableFuture<CommandResult> send(YkcConnection c, ChargerCommand command) {
        String pile = c.pile();
        Duration timeout = settings.callTimeout();
        return switch (command) {
            case ChargerCommand.RemoteStart s -> remoteStart(c, s);
            case ChargerCommand.RemoteStop s -> remoteStop(c, s.transactionId());
            case ChargerCommand.Reset r -> c.call(new RemoteReboot.Command(pile, r.hard() ? RemoteReboot.NOW : RemoteReboot.WHEN_IDLE),
                    RemoteReboot.REPLY, m -> true, timeout).thenApply(m -> result(((RemoteReboot.Reply) m).ok(), null));
            case ChargerCommand.UpdateFirmware u -> c.call(firmware(pile, u), FirmwareUpdate.REPLY, m -> true, timeout)
                    .thenApply(m -> result(((FirmwareUpdate.Reply) m).result() == 0, ((FirmwareUpdate.Reply) m).result()));
            case ChargerCommand.ClockSync ignored -> {
                ClockSync set = ClockSync.set(pile, sessionsClock().localNow());
                yield c.call(set, ClockSync.REPLY, m -> true, timeout).thenApply(m -> {
                    Map<String, Object> data = new LinkedHashMap<>();
                    data.put("pileTime", ((ClockSync) m).time().toString());
                    return new CommandResult("Accepted", data);
                });
            }
            case ChargerCommand.PushTariff ignored -> pushTariff(c);
            case ChargerCommand.ParkingLock l -> c.call(new ParkingLock.Command(pile, l.connectorId(), l.raise()),
                    ParkingLock.REPLY, m -> ((ParkingLock.Reply) m).gun() == l.connectorId(), timeout)
                    .thenApply(m -> result(((ParkingLock.Reply) m).ok(), ((ParkingLock.Reply) m).reason()));
            case ChargerCommand.WorkParameters w -> c.call(new WorkParameters.Set(pile, w.enabled(), w.maxPowerPercent()),
                    WorkParameters.REPLY, m -> true, timeout).thenApply(m -> result(((WorkParameters.Reply) m).ok(), null));
            case ChargerCommand.TriggerMessage t when "MeterValues".equals(t.message()) || "StatusNotification".equals(t.message()) -> {
                c.send(new RealTimeData.Read(pile, t.connectorId() == null ? 1 : t.connectorId()));
                yield CompletableFuture.completedFuture(new CommandResult("Accepted", Map.of()));
            }
            case ChargerCommand.SendLocalList l -> cardCommands.sendLocalList(c, l, timeout);
            case ChargerCommand.QueryLocalList q -> cardCommands.query(c, q, timeout);
            case ChargerCommand.CardBalance b -> cardCommands.balance(c, b, timeout);
            case ChargerCommand.ParallelRemoteStart p -> parallelStart(c, p);
            default -> CompletableFuture.completedFuture(new CommandResult("NotSupported", Map.of()));
        };
    }

    private YkcClock sessionsClock() {
        return sessions.clock();
    }

    private CompletableFuture<CommandResult> remoteStart(YkcConnection c, ChargerCommand.RemoteStart start) {
        String pile = c.pile();
        int gun = start.connectorId() == null ? 1 : start.connectorId();
        String idTag = start.idTag();
        String serial = sessions.newSerial(pile, gun, idTag, YkcStore.Origin.REMOTE_START);
        RemoteStart.Command command = new RemoteStart.Command(serial, pile, gun, cards.logicalCard(idTag),
                YkcCards.physicalCard(idTag), cards.balance(pile, idTag));
        return c.call(command, RemoteStart.REPLY, m -> ((RemoteStart.Reply) m).transaction().equals(serial), settings.startTimeout())
                .thenApply(m -> {
                    RemoteStart.Reply reply = (RemoteStart.Reply) m;
                    if (!reply.started()) {
                        return rejected(reply.reason(), serial);
                    }
                    YkcSessions.Opened opened = sessions.open(serial, pile, gun, idTag, sessions.clock().now(), true);
                    if (!opened.accepted()) {
                        c.send(new RemoteStop.Command(pile, gun));
                        Map<String, Object> data = new LinkedHashMap<>();
                        data.put("transactionSerial", serial);
                        data.put("authorization", opened.authorization().status().name());
                        return new CommandResult("Rejected", data);
                    }
                    Map<String, Object> data = new LinkedHashMap<>();
                    data.put("transactionId", opened.sessionId());
                    data.put("transactionSerial", serial);
                    return new CommandResult("Accepted", data);
                });
    }

    /**
     * V1.6 parallel charging: 0xA3 to the leading gun (master flag) and to the following gun, both with the one
     * transaction serial and one parallel serial; once both guns started, the session opens on the leading gun. A
     * gun that started while the other refused is stopped again; when either gun does not answer in time, both are
     * told to stop and the command fails as a single start would.
     */
    private CompletableFuture<CommandResult> parallelStart(YkcConnection c, ChargerCommand.ParallelRemoteStart start) {
        if (start.connectorId() == start.secondConnectorId() || start.connectorId() < 1 || start.secondConnectorId() < 1) {
            throw new IllegalArgumentException("secondConnectorId: two different guns (1 or more) charge in parallel");
        }
        String pile = c.pile();
        String idTag = start.idTag();
        String serial = sessions.newSerial(pile, start.connectorId(), idTag, YkcStore.Origin.REMOTE_START);
        String parallel = serial.substring(serial.length() - 12); // day, time and counter of the serial: 12 digits
        String logical = cards.logicalCard(idTag);
        String physical = YkcCards.physicalCard(idTag);
        var balance = cards.balance(pile, idTag);
        CompletableFuture<ParallelCharging.RemoteStartReply> lead = parallelCall(c, serial, parallel, start.connectorId(), true, logical, physical, balance);
        CompletableFuture<ParallelCharging.RemoteStartReply> follow = parallelCall(c, serial, parallel, start.secondConnectorId(), false, logical, physical, balance);
        // both answers, or the failure of either (no answer in time, connection lost): then every gun that may have
        // started is stopped again (a stop to a gun that did not start changes nothing), and the failure is the answer
        CompletableFuture<Void> both = CompletableFuture.allOf(lead, follow).exceptionallyCompose(failure -> {
            c.send(new RemoteStop.Command(pile, start.connectorId()));
            c.send(new RemoteStop.Command(pile, start.secondConnectorId()));
            return CompletableFuture.failedFuture(failure);
        });
        return both.thenApply(ignored -> {
            ParallelCharging.RemoteStartReply a = lead.join();
            ParallelCharging.RemoteStartReply b = follow.join();
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("transactionSerial", serial);
            data.put("parallelSerial", parallel);
            if (!a.single().started() || !b.single().started()) {
                for (var r : List.of(a, b)) {
                    if (r.single().started()) c.send(new RemoteStop.Command(pile, r.single().gun()));
                    else data.put("reason" + (r.master() ? "" : "Second"), r.single().reason());
                }
                return new CommandResult("Rejected", data);
            }
            YkcSessions.Opened opened = sessions.open(serial, pile, start.connectorId(), idTag, sessions.clock().now(), true);
            if (!opened.accepted()) {
                c.send(new RemoteStop.Command(pile, start.connectorId()));
                c.send(new RemoteStop.Command(pile, start.secondConnectorId()));
                data.put("authorization", opened.authorization().status().name());
                return new CommandResult("Rejected", data);
            }
            c.partner(serial, start.secondConnectorId());
            data.put("transactionId", opened.sessionId());
            return new CommandResult("Accepted", data);
        });
    }

    private CompletableFuture<ParallelCharging.RemoteStartReply> parallelCall(YkcConnection c, String serial, String parallel,
            int gun, boolean master, String logical, String physical, java.math.BigDecimal balance) {
        var command = new ParallelCharging.RemoteStartCommand(
                new RemoteStart.Command(serial, c.pile(), gun, logical, physical, balance), master, parallel);
        return c.call(command, ParallelCharging.REMOTE_START_REPLY, m -> {
            var reply = (ParallelCharging.RemoteStartReply) m;
            return reply.single().transaction().equals(serial) && reply.single().gun() == gun;
        }, settings.startTimeout()).thenApply(m -> (ParallelCharging.RemoteStartReply) m);
    }

    private CompletableFuture<CommandResult> remoteStop(YkcConnection c, long sessionId) {
        Optional<YkcStore.Transaction> t = store.bySession(sessionId).filter(x -> x.chargerId().equals(c.pile()));
        if (t.isEmpty()) {
            return CompletableFuture.completedFuture(new CommandResult("Rejected", Map.of("reason", "unknown transaction")));
        }
        int gun = t.get().connectorId();
        Integer partner = c.partner(t.get().serial());
        if (partner != null) c.send(new RemoteStop.Command(c.pile(), partner)); // the following gun of a parallel session
        return c.call(new RemoteStop.Command(c.pile(), gun), RemoteStop.REPLY, m -> ((RemoteStop.Reply) m).gun() == gun,
                settings.callTimeout()).thenApply(m -> result(((RemoteStop.Reply) m).stopped(), ((RemoteStop.Reply) m).reason()));
    }

    private CompletableFuture<CommandResult> pushTariff(YkcConnection c) {
        Optional<BillingModel> model = models.current(c.pile());
        if (model.isEmpty()) {
            return CompletableFuture.completedFuture(new CommandResult("Rejected", Map.of("reason", "the station has no tariff in force")));
        }
        return c.call(new BillingModel.Push(model.get()), BillingModel.PUSH_REPLY, m -> true, settings.callTimeout())
                .thenApply(m -> {
                    boolean ok = ((BillingModel.PushReply) m).ok();
                    if (ok) models.sent(model.get());
                    Map<String, Object> data = new LinkedHashMap<>();
                    data.put("model", model.get().model());
                    return new CommandResult(ok ? "Accepted" : "Rejected", data);
                });
    }

    /** An FTP location {@code ftp://user:password@host:port/path} as the 0x94 fields; download timeout from the retry interval. */
    static FirmwareUpdate.Command firmware(String pile, ChargerCommand.UpdateFirmware u) {
        URI uri = URI.create(u.location());
        if (!"ftp".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("YKC piles fetch firmware by FTP: location must be ftp://[user:password@]host[:port]/path");
        }
        String[] credentials = uri.getRawUserInfo() == null ? new String[] {"", ""} : uri.getUserInfo().split(":", 2);
        int minutes = u.retryIntervalSeconds() == null ? 15 : Math.max(1, Math.min(255, u.retryIntervalSeconds() / 60));
        return new FirmwareUpdate.Command(pile, uri.getHost(), uri.getPort() < 0 ? 21 : uri.getPort(), credentials[0],
                credentials.length > 1 ? credentials[1] : "", uri.getPath(), 1, minutes);
    }

    private static CommandResult result(boolean ok, Integer reason) {
        if (ok || reason == null) return new CommandResult(ok ? "Accepted" : "Rejected", Map.of());
        return new CommandResult("Rejected", Map.of("reason", reason));
    }

    private static CommandResult rejected(int reason, String serial) {
        return new CommandResult("Rejected", Map.of("reason", reason, "transactionSerial", serial));
    }
}
