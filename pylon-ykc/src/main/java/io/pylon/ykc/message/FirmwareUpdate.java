package io.pylon.ykc.message;

/** 0x94: the platform has the pile fetch new firmware over FTP; 0x93: the pile's answer. */
public final class FirmwareUpdate {
    private FirmwareUpdate() {}

    public static final int COMMAND = 0x94;
    public static final int REPLY = 0x93;

    /**
     * @param when           1 now, 2 when idle
     * @param timeoutMinutes how long the pile may take to download
     */
    public record Command(String pile, String host, int port, String user, String password, String path, int when,
                          int timeoutMinutes) implements YkcMessage {
        static Command read(BodyReader r) {
            return new Command(r.bcd(7), r.ascii(16), r.u16(), r.ascii(16), r.ascii(16), r.ascii(32), r.u8(), r.u8());
        }

        @Override
        public int type() {
            return COMMAND;
        }

        @Override
        public void write(BodyWriter w) {
            w.bcd(pile, 7).ascii(host, 16).u16(port).ascii(user, 16).ascii(password, 16).ascii(path, 32).u8(when)
                    .u8(timeoutMinutes);
        }
    }

    /** @param result 0 ok, 1 id error, 2 model mismatch, 3 download timeout */
    public record Reply(String pile, int result) implements YkcMessage {
        static Reply read(BodyReader r) {
            return new Reply(r.bcd(7), r.u8());
        }

        @Override
        public int type() {
            return REPLY;
        }

        @Override
        public void write(BodyWriter w) {
            w.bcd(pile, 7).u8(result);
        }
    }
}
