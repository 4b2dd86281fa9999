package io.pylon.ykc.message;

import java.math.BigDecimal;

/** 0x42: the platform updates the balance shown for a card; 0x41: the pile's answer. */
public final class CardBalance {
    private CardBalance() {}

    public static final int UPDATE = 0x42;
    public static final int REPLY = 0x41;

    /** @param card physical card, 16 hex digits; @param balance yuan, 2 decimals */
    public record Update(String pile, int gun, String card, BigDecimal balance) implements YkcMessage {
        static Update read(BodyReader r) {
            return new Update(r.bcd(7), r.bcdNumber(1), r.hex(8), r.scaled(4, 2));
        }

        @Override
        public int type() {
            return UPDATE;
        }

        @Override
        public void write(BodyWriter w) {
            w.bcd(pile, 7).bcdNumber(gun, 1).hex(card, 8).scaled(balance, 4, 2);
        }
    }

    /** @param result 0 = updated, 1 = card unknown to the pile (other values as the pile sends them) */
    public record Reply(String pile, String card, int result) implements YkcMessage {
        static Reply read(BodyReader r) {
            return new Reply(r.bcd(7), r.hex(8), r.u8());
        }

        @Override
        public int type() {
            return REPLY;
        }

        @Override
        public void write(BodyWriter w) {
            w.bcd(pile, 7).hex(card, 8).u8(result);
        }
    }
}
