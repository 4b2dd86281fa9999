package io.pylon.ykc.message;

/**
 * 0x92: the platform reboots the pile; 0x91: the answer. The V1.6 text gives 0x92 one control byte after the
 * pile code; frames captured from real platforms carry three zero bytes before it (11-byte body). Both are
 * read; the captured form is written.
 */
public final class RemoteReboot {
    private RemoteReboot() {}

    public static final int COMMAND = 0x92;
    public static final int REPLY = 0x91;
    public static final int NOW = 1;
    public static final int WHEN_IDLE = 2;

    /** @param when 1 now, 2 when idle */
    public record Command(String pile, int when) implements YkcMessage {
        static Command read(BodyReader r) {
            String pile = r.bcd(7);
            if (r.remaining() == 4) {
                r.bytes(3);
            }
            return new Command(pile, r.u8());
        }

        @Override
        public int type() {
            return COMMAND;
        }

        @Override
        public void write(BodyWriter w) {
            w.bcd(pile, 7).bytes(new byte[3]).u8(when);
        }
    }

    public record Reply(String pile, boolean ok) implements YkcMessage {
        static Reply read(BodyReader r) {
            return new Reply(r.bcd(7), r.u8() == 1);
        }

        @Override
        public int type() {
            return REPLY;
        }

        @Override
        public void write(BodyWriter w) {
            w.bcd(pile, 7).u8(ok ? 1 : 0);
        }
    }
}
