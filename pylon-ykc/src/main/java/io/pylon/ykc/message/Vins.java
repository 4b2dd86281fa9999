package io.pylon.ykc.message;

/** VINs: 17 ASCII characters, zero-padded; 0x31/0xA1 carry them reversed, 0x3B forward. */
final class Vins {
    private Vins() {}

    static final int LENGTH = 17;

    static String readReversed(BodyReader r) {
        byte[] raw = r.bytes(LENGTH);
        StringBuilder vin = new StringBuilder();
        for (int i = LENGTH - 1; i >= 0; i--) {
            if (raw[i] != 0) vin.append((char) (raw[i] & 0xFF));
        }
        return vin.toString();
    }

    static void writeReversed(BodyWriter w, String vin) {
        String padded = vin + "\0".repeat(Math.max(0, LENGTH - vin.length()));
        w.ascii(new StringBuilder(padded).reverse().toString(), LENGTH);
    }
}
