package io.pylon.ykc.message;

import io.pylon.ykc.codec.YkcFrame;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Frame bodies to message records and back, for every frame type of YKC V1.5/V1.6. Decoding checks the body
 * has exactly the type's length; anything else is a {@link MalformedBodyException}, never another exception.
 */
public final class YkcMessages {

    private static final Map<Integer, Function<BodyReader, YkcMessage>> READERS = new HashMap<>();

    static {
        READERS.put(Login.REQUEST, Login.Request::read);
        READERS.put(Login.REPLY, Login.Reply::read);
        READERS.put(Heartbeat.PING, Heartbeat.Ping::read);
        READERS.put(Heartbeat.PONG, Heartbeat.Pong::read);
        READERS.put(BillingModelCheck.REQUEST, BillingModelCheck.Request::read);
        READERS.put(BillingModelCheck.REPLY, BillingModelCheck.Reply::read);
        READERS.put(BillingModel.REQUEST, BillingModel.Request::read);
        READERS.put(BillingModel.MODEL, BillingModel.Answer::read);
        READERS.put(BillingModel.PUSH, BillingModel.Push::read);
        READERS.put(BillingModel.PUSH_REPLY, BillingModel.PushReply::read);
        READERS.put(RealTimeData.READ, RealTimeData.Read::read);
        READERS.put(RealTimeData.REPORT, RealTimeData.Report::read);
        for (BmsFrame.Kind kind : BmsFrame.Kind.values()) {
            READERS.put(kind.type, r -> BmsFrame.read(kind.type, r));
        }
        READERS.put(StartRequest.REQUEST, StartRequest.Request::read);
        READERS.put(StartRequest.AUTHORISATION, StartRequest.Authorisation::read);
        READERS.put(RemoteStart.COMMAND, RemoteStart.Command::read);
        READERS.put(RemoteStart.REPLY, RemoteStart.Reply::read);
        READERS.put(RemoteStop.COMMAND, RemoteStop.Command::read);
        READERS.put(RemoteStop.REPLY, RemoteStop.Reply::read);
        READERS.put(TransactionRecord.RECORD, TransactionRecord.Record::read);
        READERS.put(TransactionRecord.CONFIRMATION, TransactionRecord.Confirmation::read);
        READERS.put(CardBalance.UPDATE, CardBalance.Update::read);
        READERS.put(CardBalance.REPLY, CardBalance.Reply::read);
        READERS.put(OfflineCards.SYNC, OfflineCards.Sync::read);
        READERS.put(OfflineCards.SYNC_REPLY, OfflineCards.SyncReply::read);
        READERS.put(OfflineCards.CLEAR, r -> OfflineCards.Cards.read(OfflineCards.CLEAR, r));
        READERS.put(OfflineCards.QUERY, r -> OfflineCards.Cards.read(OfflineCards.QUERY, r));
        READERS.put(OfflineCards.CLEAR_REPLY, r -> OfflineCards.CardsReply.read(OfflineCards.CLEAR_REPLY, r));
        READERS.put(OfflineCards.QUERY_REPLY, r -> OfflineCards.CardsReply.read(OfflineCards.QUERY_REPLY, r));
        READERS.put(WorkParameters.SET, WorkParameters.Set::read);
        READERS.put(WorkParameters.REPLY, WorkParameters.Reply::read);
        READERS.put(ClockSync.SET, r -> ClockSync.read(ClockSync.SET, r));
        READERS.put(ClockSync.REPLY, r -> ClockSync.read(ClockSync.REPLY, r));
        READERS.put(ParkingLock.STATE, ParkingLock.State::read);
        READERS.put(ParkingLock.COMMAND, ParkingLock.Command::read);
        READERS.put(ParkingLock.REPLY, ParkingLock.Reply::read);
        READERS.put(RemoteReboot.COMMAND, RemoteReboot.Command::read);
        READERS.put(RemoteReboot.REPLY, RemoteReboot.Reply::read);
        READERS.put(FirmwareUpdate.COMMAND, FirmwareUpdate.Command::read);
        READERS.put(FirmwareUpdate.REPLY, FirmwareUpdate.Reply::read);
        READERS.put(ParallelCharging.REQUEST, ParallelCharging.Request::read);
        READERS.put(ParallelCharging.AUTHORISATION, ParallelCharging.Authorisation::read);
        READERS.put(ParallelCharging.REMOTE_START, ParallelCharging.RemoteStartCommand::read);
        READERS.put(ParallelCharging.REMOTE_START_REPLY, ParallelCharging.RemoteStartReply::read);
    }

    private YkcMessages() {}

    /** Whether the codec knows the frame type. */
    public static boolean knows(int type) {
        return READERS.containsKey(type);
    }

    /**
     * The message in a plain frame's body; {@link Unknown} for a type the codec does not know.
     *
     * @throws MalformedBodyException when the body does not fit the type, or the frame is encrypted
     */
    public static YkcMessage decode(YkcFrame frame) {
        if (frame.encrypted() != 0) {
            throw new MalformedBodyException("encrypted body (flag " + frame.encrypted() + "): no key to read it");
        }
        Function<BodyReader, YkcMessage> reader = READERS.get(frame.type());
        if (reader == null) {
            return new Unknown(frame.type(), frame.body());
        }
        BodyReader r = new BodyReader(frame.body());
        YkcMessage message;
        try {
            message = reader.apply(r);
        } catch (IllegalArgumentException e) {
            throw new MalformedBodyException(e.getMessage());
        }
        r.end();
        return message;
    }

    /** A plain frame carrying {@code message} with the given sequence bytes. */
    public static YkcFrame frame(int sequence, YkcMessage message) {
        return YkcFrame.plain(sequence, message.type(), message.body());
    }
}
