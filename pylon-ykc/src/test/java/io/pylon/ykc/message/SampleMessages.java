package io.pylon.ykc.message;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** One message of every frame type, with values away from zero so that byte order mistakes show. */
public final class SampleMessages {

    private SampleMessages() {}

    static final String PILE = "32010200000123";
    static final String TXN = "32010200000123012312131704140001";
    static final LocalDateTime AT = LocalDateTime.of(2024, 3, 16, 17, 14, 47, 123_000_000);

    public static List<YkcMessage> all() {
        List<YkcMessage> all = new ArrayList<>();
        all.add(new Login.Request(PILE, 0, 2, Login.V15, "V1.2.3", 1, "89860412345678901234", 3));
        all.add(new Login.Reply(PILE, false));
        all.add(new Heartbeat.Ping(PILE, 2, true));
        all.add(new Heartbeat.Pong(PILE, 2));
        all.add(new BillingModelCheck.Request(PILE, 1234));
        all.add(new BillingModelCheck.Reply(PILE, 1234, false));
        all.add(new BillingModel.Request(PILE));
        BillingModel model = model();
        all.add(new BillingModel.Answer(model));
        all.add(new BillingModel.Push(model));
        all.add(new BillingModel.PushReply(PILE, true));
        all.add(new RealTimeData.Read(PILE, 1));
        all.add(new RealTimeData.Report(TXN, PILE, 1, RealTimeData.CHARGING, 0, true, new BigDecimal("750.3"),
                new BigDecimal("125.7"), 41, "0102030405060708", 66, 29, 75, 12, new BigDecimal("42.1234"),
                new BigDecimal("43.0001"), new BigDecimal("50.5432"), 0x0102));
        for (BmsFrame.Kind kind : BmsFrame.Kind.values()) {
            all.add(new BmsFrame(kind, TXN, PILE, 1, new byte[] {1, 2, 3, (byte) kind.type}));
        }
        StartRequest.Request start = new StartRequest.Request(PILE, 1, StartRequest.VIN, true, "00000000DEADBEEF",
                "0123456789ABCDEF0123456789ABCDEF", "LSVAU2180N2183294");
        all.add(start);
        StartRequest.Authorisation auth = new StartRequest.Authorisation(TXN, PILE, 1, "1000000000000001",
                new BigDecimal("88.80"), false, 3);
        all.add(auth);
        RemoteStart.Command remote = new RemoteStart.Command(TXN, PILE, 2, "1000000000000001", "00000000DEADBEEF",
                new BigDecimal("12.34"));
        all.add(remote);
        RemoteStart.Reply reply = new RemoteStart.Reply(TXN, PILE, 2, false, 5);
        all.add(reply);
        all.add(new RemoteStop.Command(PILE, 2));
        all.add(new RemoteStop.Reply(PILE, 2, true, 0));
        all.add(record());
        all.add(new TransactionRecord.Confirmation(TXN, false));
        all.add(new CardBalance.Update(PILE, 1, "00000000DEADBEEF", new BigDecimal("321.09")));
        all.add(new CardBalance.Reply(PILE, "00000000DEADBEEF", 0));
        all.add(new OfflineCards.Sync(PILE, List.of(new OfflineCards.Card("1000000000000001", "00000000DEADBEEF"),
                new OfflineCards.Card("1000000000000002", "00000000CAFEBABE"))));
        all.add(new OfflineCards.SyncReply(PILE, false, 2));
        all.add(new OfflineCards.Cards(OfflineCards.CLEAR, PILE, List.of("00000000DEADBEEF")));
        all.add(new OfflineCards.Cards(OfflineCards.QUERY, PILE, List.of("00000000DEADBEEF", "00000000CAFEBABE")));
        all.add(new OfflineCards.CardsReply(OfflineCards.CLEAR_REPLY, PILE,
                List.of(new OfflineCards.CardResult("00000000DEADBEEF", true, 0))));
        all.add(new OfflineCards.CardsReply(OfflineCards.QUERY_REPLY, PILE,
                List.of(new OfflineCards.CardResult("00000000DEADBEEF", false, 1))));
        all.add(new WorkParameters.Set(PILE, false, 60));
        all.add(new WorkParameters.Reply(PILE, true));
        all.add(ClockSync.set(PILE, AT));
        all.add(new ClockSync(ClockSync.REPLY, PILE, AT));
        all.add(new ParkingLock.State(PILE, 1, ParkingLock.RAISED, true, 87, 0));
        all.add(new ParkingLock.Command(PILE, 1, false));
        all.add(new ParkingLock.Reply(PILE, 1, false, 1));
        all.add(new RemoteReboot.Command(PILE, RemoteReboot.WHEN_IDLE));
        all.add(new RemoteReboot.Reply(PILE, false));
        all.add(new FirmwareUpdate.Command(PILE, "10.0.0.5", 2121, "pile", "secret", "/fw/v2.bin", 1, 15));
        all.add(new FirmwareUpdate.Reply(PILE, 2));
        all.add(new ParallelCharging.Request(start, true, "000000000042"));
        all.add(new ParallelCharging.Authorisation(auth, false, "000000000042"));
        all.add(new ParallelCharging.RemoteStartCommand(remote, true, "000000000042"));
        all.add(new ParallelCharging.RemoteStartReply(reply, true, "000000000042"));
        return all;
    }

    static BillingModel model() {
        List<Integer> slots = new ArrayList<>();
        for (int i = 0; i < BillingModel.SLOTS; i++) slots.add((i / 6) % 4);
        return new BillingModel(PILE, 17, List.of(new BigDecimal("1.23456"), new BigDecimal("1.1"), new BigDecimal("0.8"),
                new BigDecimal("0.4")), Collections.nCopies(4, new BigDecimal("0.60000")), 5, slots);
    }

    static TransactionRecord.Record record() {
        var none = new TransactionRecord.BandUsage(new BigDecimal("1.5"), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);
        var flat = new TransactionRecord.BandUsage(new BigDecimal("1.1"), new BigDecimal("12.3456"),
                new BigDecimal("12.3456"), new BigDecimal("13.5802"));
        return new TransactionRecord.Record(TXN, PILE, 1, AT.withNano(0), AT.plusMinutes(40).withNano(0),
                List.of(none, none, flat, none), new BigDecimal("1000.0001"), new BigDecimal("1012.3457"),
                new BigDecimal("12.3456"), new BigDecimal("12.3456"), new BigDecimal("13.5802"), "LSVAU2180N2183294",
                TransactionRecord.OFFLINE_CARD, AT.plusMinutes(41).withNano(0), 0x41, "00000000DEADBEEF");
    }
}
