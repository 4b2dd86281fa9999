package io.pylon.ykc.message;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Writes the fields of a frame body; the mirror of {@link BodyReader}. A value that does not fit its field
 * (too many digits or decimals, negative, too large) throws {@link IllegalArgumentException}: it is a bug or a
 * bad value from the platform, never something to send cut short.
 */
public final class BodyWriter {

    private byte[] bytes = new byte[64];
    private int size;

    private void put(int b) {
        if (size == bytes.length) bytes = Arrays.copyOf(bytes, size * 2);
        bytes[size++] = (byte) b;
    }

    public BodyWriter u8(int value) {
        return uint(value, 1);
    }

    public BodyWriter u16(int value) {
        return uint(value, 2);
    }

    public BodyWriter uint(long value, int n) {
        if (value < 0 || n < 8 && value >>> (8 * n) != 0) {
            throw new IllegalArgumentException(value + " does not fit " + n + " unsigned byte(s)");
        }
        for (int i = 0; i < n; i++) put((int) (value >>> (8 * i)));
        return this;
    }

    /** {@code value × 10^scale} as an unsigned little-endian integer; more decimals than {@code scale} are refused. */
    public BodyWriter scaled(BigDecimal value, int n, int scale) {
        try {
            return uint(value.movePointRight(scale).longValueExact(), n);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(value + " has more than " + scale + " decimals");
        }
    }

    /** Hex digits as BCD bytes, left-padded with zeros to {@code n} bytes. */
    public BodyWriter bcd(String digits, int n) {
        if (digits.length() > 2 * n) {
            throw new IllegalArgumentException("'" + digits + "' has more than " + 2 * n + " digits");
        }
        String padded = "0".repeat(2 * n - digits.length()) + digits;
        for (byte b : HexFormat.of().parseHex(padded)) put(b);
        return this;
    }

    public BodyWriter bcdNumber(int value, int n) {
        return bcd(Integer.toString(value), n);
    }

    public BodyWriter hex(String hex, int n) {
        return bcd(hex, n);
    }

    public BodyWriter bytes(byte[] value) {
        for (byte b : value) put(b);
        return this;
    }

    /** ASCII, zero-padded at the end to {@code n} bytes. */
    public BodyWriter ascii(String text, int n) {
        byte[] ascii = text.getBytes(StandardCharsets.US_ASCII);
        if (ascii.length > n) throw new IllegalArgumentException("'" + text + "' is longer than " + n + " bytes");
        bytes(ascii);
        for (int i = ascii.length; i < n; i++) put(0);
        return this;
    }

    public BodyWriter time(LocalDateTime time) {
        Cp56Time2a.write(this, time, false);
        return this;
    }

    public BodyWriter timeWithWeekday(LocalDateTime time) {
        Cp56Time2a.write(this, time, true);
        return this;
    }

    public byte[] toBytes() {
        return Arrays.copyOf(bytes, size);
    }
}
