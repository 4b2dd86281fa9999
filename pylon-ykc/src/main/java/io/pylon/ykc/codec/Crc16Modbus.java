package io.pylon.ykc.codec;

import io.netty.buffer.ByteBuf;

/**
 * CRC-16/MODBUS (reflected polynomial 0xA001, initial value 0xFFFF, no final xor), the checksum of every
 * YKC frame over sequence..body. Table-driven.
 */
public final class Crc16Modbus {

    private static final int[] TABLE = new int[256];

    static {
        for (int i = 0; i < 256; i++) {
            int crc = i;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0xA001 : crc >>> 1;
            }
            TABLE[i] = crc;
        }
    }

    private Crc16Modbus() {}

    /** The CRC of {@code length} readable bytes of {@code buf} from {@code index}, without moving its indexes. */
    public static int of(ByteBuf buf, int index, int length) {
        Running running = new Running();
        buf.forEachByte(index, length, running);
        return running.crc;
    }

    /** Folds bytes into the CRC in one pass over the buffer (one bounds check, no per-byte access tracking). */
    private static final class Running implements io.netty.util.ByteProcessor {
        int crc = 0xFFFF;

        @Override
        public boolean process(byte value) {
            crc = (crc >>> 8) ^ TABLE[(crc ^ value) & 0xFF];
            return true;
        }
    }

    public static int of(byte[] bytes) {
        int crc = 0xFFFF;
        for (byte b : bytes) {
            crc = (crc >>> 8) ^ TABLE[(crc ^ b) & 0xFF];
        }
        return crc;
    }
}
