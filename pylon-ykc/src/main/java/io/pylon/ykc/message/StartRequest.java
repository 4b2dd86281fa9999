package io.pylon.ykc.message;

import java.math.BigDecimal;

/** 0x31: the pile asks to start for a card, account or VIN; 0x32: the platform's authorisation. */
public final class StartRequest {
    private StartRequest() {}

    public static final int REQUEST = 0x31;
    public static final int AUTHORISATION = 0x32;
    public static final int CARD = 1;
    public static final int ACCOUNT = 2;
    public static final int VIN = 3;

    /**
     * @param mode             1 card, 2 account, 3 VIN
     * @param passwordRequired whether {@code passwordMd5} carries a password
     * @param card             card or account number, 16 hex digits (big-endian, zero-padded)
     * @param passwordMd5      32 hex digits
     * @param vin              forward (the wire carries it reversed)
     */
    public record Request(String pile, int gun, int mode, boolean passwordRequired, String card, String passwordMd5,
                          String vin) implements YkcMessage {
        static Request read(BodyReader r) {
            return new Request(r.bcd(7), r.bcdNumber(1), r.u8(), r.u8() != 0, r.hex(8), r.hex(16), Vins.readReversed(r));
        }

        @Override
        public int type() {
            return REQUEST;
        }

        @Override
        public void write(BodyWriter w) {
            w.bcd(pile, 7).bcdNumber(gun, 1).u8(mode).u8(passwordRequired ? 1 : 0).hex(card, 8).hex(passwordMd5, 16);
            Vins.writeReversed(w, vin);
        }
    }

    /**
     * @param logicalCard 16 digits
     * @param balance     yuan, 2 decimals
     * @param reason      why refused (0 when accepted): 1 unknown account, 2 account frozen, 3 balance too low,
     *                    4 card locked, 5 VIN not bound, ...
     */
    public record Authorisation(String transaction, String pile, int gun, String logicalCard, BigDecimal balance,
                                boolean accepted, int reason) implements YkcMessage {
        static Authorisation read(BodyReader r) {
            return new Authorisation(r.bcd(16), r.bcd(7), r.bcdNumber(1), r.bcd(8), r.scaled(4, 2), r.u8() == 1, r.u8());
        }

        @Override
        public int type() {
            return AUTHORISATION;
        }

        @Override
        public void write(BodyWriter w) {
            w.bcd(transaction, 16).bcd(pile, 7).bcdNumber(gun, 1).bcd(logicalCard, 8).scaled(balance, 4, 2)
                    .u8(accepted ? 1 : 0).u8(reason);
        }
    }
}
