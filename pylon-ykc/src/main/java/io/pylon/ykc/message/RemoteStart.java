package io.pylon.ykc.message;

import java.math.BigDecimal;

/** 0x34: the platform starts a session (the transaction serial is the platform's); 0x33: the pile's answer. */
public final class RemoteStart {
    private RemoteStart() {}

    public static final int COMMAND = 0x34;
    public static final int REPLY = 0x33;

    /** @param physicalCard 16 hex digits; @param balance yuan, 2 decimals */
    public record Command(String transaction, String pile, int gun, String logicalCard, String physicalCard,
                          BigDecimal balance) implements YkcMessage {
        static Command read(BodyReader r) {
            return new Command(r.bcd(16), r.bcd(7), r.bcdNumber(1), r.bcd(8), r.hex(8), r.scaled(4, 2));
        }

        @Override
        public int type() {
            return COMMAND;
        }

        @Override
        public void write(BodyWriter w) {
            w.bcd(transaction, 16).bcd(pile, 7).bcdNumber(gun, 1).bcd(logicalCard, 8).hex(physicalCard, 8)
                    .scaled(balance, 4, 2);
        }
    }

    /** @param reason when refused: 1 id mismatch, 2 already charging, 3 fault, 4 offline, 5 not plugged */
    public record Reply(String transaction, String pile, int gun, boolean started, int reason) implements YkcMessage {
        static Reply read(BodyReader r) {
            return new Reply(r.bcd(16), r.bcd(7), r.bcdNumber(1), r.u8() == 1, r.u8());
        }

        @Override
        public int type() {
            return REPLY;
        }

        @Override
        public void write(BodyWriter w) {
            w.bcd(transaction, 16).bcd(pile, 7).bcdNumber(gun, 1).u8(started ? 1 : 0).u8(reason);
        }
    }
}
