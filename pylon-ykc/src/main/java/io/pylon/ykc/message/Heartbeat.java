package io.pylon.ykc.message;

/** 0x03 heartbeat (every 10 s) and its 0x04 reply. */
public final class Heartbeat {
    private Heartbeat() {}

    public static final int PING = 0x03;
    public static final int PONG = 0x04;

    /** @param gunFault the gun's state: false = normal (0), true = fault (1) */
    public record Ping(String pile, int gun, boolean gunFault) implements YkcMessage {
        static Ping read(BodyReader r) {
            return new Ping(r.bcd(7), r.bcdNumber(1), r.u8() != 0);
        }

        @Override
        public int type() {
            return PING;
        }

        @Override
        public void write(BodyWriter w) {
            w.bcd(pile, 7).bcdNumber(gun, 1).u8(gunFault ? 1 : 0);
        }
    }

    public record Pong(String pile, int gun) implements YkcMessage {
        static Pong read(BodyReader r) {
            Pong pong = new Pong(r.bcd(7), r.bcdNumber(1));
            r.u8();
            return pong;
        }

        @Override
        public int type() {
            return PONG;
        }

        @Override
        public void write(BodyWriter w) {
            w.bcd(pile, 7).bcdNumber(gun, 1).u8(0);
        }
    }
}
