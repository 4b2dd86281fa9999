package io.pylon.ykc.codec;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * One YKC frame without its start byte, length and CRC.
 *
 * @param sequence  the two sequence bytes as they were on the wire, first byte high ({@code (b0 << 8) | b1});
 *                  a reply carries its request's value unchanged, whatever byte order the pile counts in
 * @param encrypted the encryption flag: 0x00 plain, 0x01 3DES over the body (no key exchange is specified,
 *                  so an encrypted body can only be passed on, not read)
 * @param type      the frame type (odd: pile to platform, even: platform to pile, except 0xA3/0xA4)
 * @param body      the body bytes; the record owns this copy
 */
public record YkcFrame(int sequence, int encrypted, int type, byte[] body) {

    /** Length byte limit: the length counts sequence (2) + encryption (1) + type (1) + body in one byte. */
    public static final int MAX_BODY = 255 - 4;

    public YkcFrame {
        if (sequence < 0 || sequence > 0xFFFF) throw new IllegalArgumentException("sequence " + sequence);
        if (encrypted < 0 || encrypted > 0xFF) throw new IllegalArgumentException("encryption flag " + encrypted);
        if (type < 0 || type > 0xFF) throw new IllegalArgumentException("type " + type);
        if (body.length > MAX_BODY) throw new IllegalArgumentException("body of " + body.length + " bytes");
    }

    public static YkcFrame plain(int sequence, int type, byte[] body) {
        return new YkcFrame(sequence, 0, type, body);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof YkcFrame f && f.sequence == sequence && f.encrypted == encrypted && f.type == type
                && Arrays.equals(f.body, body);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * sequence + type) + Arrays.hashCode(body);
    }

    @Override
    public String toString() {
        return String.format("YkcFrame[type=0x%02X, seq=%04X, enc=%d, body=%s]", type, sequence, encrypted,
                HexFormat.of().withUpperCase().formatHex(body));
    }
}
