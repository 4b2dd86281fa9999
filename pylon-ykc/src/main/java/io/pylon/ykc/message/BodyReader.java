package io.pylon.ykc.message;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.HexFormat;

/**
 * Reads the fields of a frame body in order. BIN fields are little-endian unsigned integers, scaled by a power
 * of ten; BCD fields are read as their hex digits (so a BCD pile code 20 23 12 12 00 00 10 reads
 * "20231212000010", and a field with non-decimal nibbles, as some ICCIDs have, still reads). Running past the
 * end throws {@link MalformedBodyException}.
 */
public final class BodyReader {

    private static final HexFormat HEX = HexFormat.of().withUpperCase();
    private final byte[] body;
    private int position;

    public BodyReader(byte[] body) {
        this.body = body;
    }

    private int next(int n) {
        if (position + n > body.length) {
            throw new MalformedBodyException("body of " + body.length + " bytes ends before byte " + (position + n));
        }
        int at = position;
        position += n;
        return at;
    }

    public int u8() {
        return body[next(1)] & 0xFF;
    }

    public int u16() {
        int at = next(2);
        return (body[at] & 0xFF) | (body[at + 1] & 0xFF) << 8;
    }

    /** An unsigned little-endian integer of 1..7 bytes. */
    public long uint(int bytes) {
        int at = next(bytes);
        long value = 0;
        for (int i = bytes - 1; i >= 0; i--) {
            value = value << 8 | (body[at + i] & 0xFF);
        }
        return value;
    }

    /** An unsigned little-endian integer of {@code bytes} bytes divided by 10^{@code scale}. */
    public BigDecimal scaled(int bytes, int scale) {
        return BigDecimal.valueOf(uint(bytes), scale);
    }

    public String bcd(int bytes) {
        int at = next(bytes);
        return HEX.formatHex(body, at, at + bytes);
    }

    /** BCD as a number (e.g. a two-byte billing model number "0001" = 1); non-decimal digits are malformed. */
    public int bcdNumber(int bytes) {
        String digits = bcd(bytes);
        if (!digits.chars().allMatch(Character::isDigit)) {
            throw new MalformedBodyException("not BCD: " + digits);
        }
        return Integer.parseInt(digits);
    }

    public byte[] bytes(int n) {
        int at = next(n);
        byte[] copy = new byte[n];
        System.arraycopy(body, at, copy, 0, n);
        return copy;
    }

    /** Raw bytes as upper-case hex (card numbers, cable codes). */
    public String hex(int n) {
        return bcd(n);
    }

    /** ASCII, zero padding removed at the end. */
    public String ascii(int n) {
        int at = next(n);
        int end = at + n;
        while (end > at && body[end - 1] == 0) end--;
        return new String(body, at, end - at, StandardCharsets.US_ASCII);
    }

    public LocalDateTime time() {
        return Cp56Time2a.read(this);
    }

    public int remaining() {
        return body.length - position;
    }

    /** The rest of the body. */
    public byte[] rest() {
        return bytes(remaining());
    }

    /** Checks the whole body was read. */
    public void end() {
        if (remaining() != 0) {
            throw new MalformedBodyException(remaining() + " unexpected bytes at the end of a " + body.length + "-byte body");
        }
    }
}
