package io.pylon.ykc.message;

/** 0x36: the platform stops a gun; 0x35: the pile's answer. */
public final class RemoteStop {
    private RemoteStop() {}

    public static final int COMMAND = 0x36;
    public static final int REPLY = 0x35;

    public record Command(String pile, int gun) implements YkcMessage {
        static Command read(BodyReader r) {
            return new Command(r.bcd(7), r.bcdNumber(1));
        }

        @Override
        public int type() {
            return COMMAND;
        }

        @Override
        public void write(BodyWriter w) {
            w.bcd(pile, 7).bcdNumber(gun, 1);
        }
    }

    /** @param reason when refused: 1 id mismatch, 2 not charging, 3 other */
    public record Reply(String pile, int gun, boolean stopped, int reason) implements YkcMessage {
        static Reply read(BodyReader r) {
            return new Reply(r.bcd(7), r.bcdNumber(1), r.u8() == 1, r.u8());
        }

        @Override
        public int type() {
            return REPLY;
        }

        @Override
        public void write(BodyWriter w) {
            w.bcd(pile, 7).bcdNumber(gun, 1).u8(stopped ? 1 : 0).u8(reason);
        }
    }
}
