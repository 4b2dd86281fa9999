package io.pylon.ykc.message;

/**
 * V1.6 parallel (two-gun) charging: each frame is its single-gun counterpart followed by a master/slave flag
 * and the 6-byte BCD parallel serial that ties the two guns together. 0xA1 ~ 0x31 (pile asks), 0xA2 ~ 0x32
 * (authorisation), 0xA3 ~ 0x34 (remote start, platform to pile), 0xA4 ~ 0x33 (its answer, pile to platform).
 */
public final class ParallelCharging {
    private ParallelCharging() {}

    public static final int REQUEST = 0xA1, AUTHORISATION = 0xA2, REMOTE_START = 0xA3, REMOTE_START_REPLY = 0xA4;

    /** @param master true when this gun leads the pair (flag 0x01; 0x00 = slave) */
    public record Request(StartRequest.Request single, boolean master, String parallelSerial) implements YkcMessage {
        static Request read(BodyReader r) {
            return new Request(StartRequest.Request.read(r), r.u8() == 1, r.bcd(6));
        }

        @Override
        public int type() {
            return REQUEST;
        }

        @Override
        public void write(BodyWriter w) {
            single.write(w);
            w.u8(master ? 1 : 0).bcd(parallelSerial, 6);
        }
    }

    public record Authorisation(StartRequest.Authorisation single, boolean master, String parallelSerial)
            implements YkcMessage {
        static Authorisation read(BodyReader r) {
            return new Authorisation(StartRequest.Authorisation.read(r), r.u8() == 1, r.bcd(6));
        }

        @Override
        public int type() {
            return AUTHORISATION;
        }

        @Override
        public void write(BodyWriter w) {
            single.write(w);
            w.u8(master ? 1 : 0).bcd(parallelSerial, 6);
        }
    }

    public record RemoteStartCommand(RemoteStart.Command single, boolean master, String parallelSerial)
            implements YkcMessage {
        static RemoteStartCommand read(BodyReader r) {
            return new RemoteStartCommand(RemoteStart.Command.read(r), r.u8() == 1, r.bcd(6));
        }

        @Override
        public int type() {
            return REMOTE_START;
        }

        @Override
        public void write(BodyWriter w) {
            single.write(w);
            w.u8(master ? 1 : 0).bcd(parallelSerial, 6);
        }
    }

    public record RemoteStartReply(RemoteStart.Reply single, boolean master, String parallelSerial)
            implements YkcMessage {
        static RemoteStartReply read(BodyReader r) {
            return new RemoteStartReply(RemoteStart.Reply.read(r), r.u8() == 1, r.bcd(6));
        }

        @Override
        public int type() {
            return REMOTE_START_REPLY;
        }

        @Override
        public void write(BodyWriter w) {
            single.write(w);
            w.u8(master ? 1 : 0).bcd(parallelSerial, 6);
        }
    }
}
