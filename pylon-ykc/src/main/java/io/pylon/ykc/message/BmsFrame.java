package io.pylon.ykc.message;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * The GB/T 27930 BMS data a DC pile forwards during a session (0x15…0x25, odd). Every one begins with the
 * transaction serial, pile and gun; the GB/T fields that follow are kept as bytes, to be stored with the
 * session as the pile sent them.
 */
public record BmsFrame(Kind kind, String transaction, String pile, int gun, byte[] data) implements YkcMessage {

    public enum Kind {
        HANDSHAKE(0x15), PARAMETERS(0x17), END_STATISTICS(0x19), ERROR(0x1B), BMS_STOP(0x1D), CHARGER_STOP(0x1F),
        /** 0x21: not named by the V1.6 text; kept like the others. */
        RESERVED(0x21), DEMAND_OUTPUT(0x23), BMS_STATUS(0x25);

        public final int type;

        Kind(int type) {
            this.type = type;
        }

        public static Kind of(int type) {
            for (Kind k : values()) {
                if (k.type == type) return k;
            }
            throw new IllegalArgumentException("not a BMS frame type: " + type);
        }
    }

    public BmsFrame {
        data = data.clone();
    }

    static BmsFrame read(int type, BodyReader r) {
        return new BmsFrame(Kind.of(type), r.bcd(16), r.bcd(7), r.bcdNumber(1), r.rest());
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    public String dataHex() {
        return HexFormat.of().withUpperCase().formatHex(data);
    }

    @Override
    public int type() {
        return kind.type;
    }

    @Override
    public void write(BodyWriter w) {
        w.bcd(transaction, 16).bcd(pile, 7).bcdNumber(gun, 1).bytes(data);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BmsFrame b && b.kind == kind && b.transaction.equals(transaction) && b.pile.equals(pile)
                && b.gun == gun && Arrays.equals(b.data, data);
    }

    @Override
    public int hashCode() {
        return transaction.hashCode() * 31 + Arrays.hashCode(data);
    }
}
