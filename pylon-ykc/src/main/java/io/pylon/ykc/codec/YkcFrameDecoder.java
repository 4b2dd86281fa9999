package io.pylon.ykc.codec;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.CorruptedFrameException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Splits a pile's byte stream into {@link YkcFrame}s. A frame is {@code 0x68, length, seq(2), enc, type,
 * body, crc(2)}, its length byte counting seq..body, so no frame exceeds {@value #MAX_FRAME} bytes.
 * <ul>
 *   <li>Bytes before a start byte are skipped (counted as garbage).</li>
 *   <li>A length below {@value #MIN_LENGTH}, or an encryption flag other than 0 or 1, cannot be a
 *       frame: the start byte is skipped and the search goes on from the next byte.</li>
 *   <li>The CRC-16/MODBUS is accepted low byte first (specification) or high byte first (many piles);
 *       a frame with neither is dropped, and the search resumes right after its start byte, so a
 *       0x68 inside a body never hides the next good frame for long.</li>
 *   <li>More than {@link #maxGarbage} bytes skipped since the last good frame means the peer is not
 *       speaking YKC: a {@link CorruptedFrameException} goes up the pipeline, whose handler closes
 *       the connection.</li>
 * </ul>
 * A truncated frame waits for more bytes, unless a complete good frame is already buffered behind its start
 * byte: then that start was a 0x68 inside a dropped frame, not a frame, and decoding goes on from the good one.
 * The connection's idle timeout ends a peer that stops halfway. Nothing here allocates more than one frame's body.
 */
public final class YkcFrameDecoder extends ByteToMessageDecoder {

    private static final Logger log = LoggerFactory.getLogger(YkcFrameDecoder.class);
    public static final int START = 0x68;
    /** seq(2) + enc(1) + type(1): a frame with an empty body. */
    public static final int MIN_LENGTH = 4;
    /** start + length + 255 + crc. */
    public static final int MAX_FRAME = 1 + 1 + 255 + 2;
    /** Default for {@link #maxGarbage}. */
    public static final int DEFAULT_MAX_GARBAGE = 4 * MAX_FRAME;

    private final int maxGarbage;
    private int garbage;
    private long droppedFrames;

    public YkcFrameDecoder() {
        this(DEFAULT_MAX_GARBAGE);
    }

    /** @param maxGarbage bytes that may be skipped between two good frames before the peer is given up on */
    public YkcFrameDecoder(int maxGarbage) {
        this.maxGarbage = maxGarbage;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        while (in.isReadable()) {
            int start = in.readerIndex();
            if (in.getUnsignedByte(start) != START) {
                skip(ctx, in, 1);
                continue;
            }
            if (in.readableBytes() < 2) return;
            int length = in.getUnsignedByte(start + 1);
            if (length < MIN_LENGTH) {
                skip(ctx, in, 1);
                continue;
            }
            if (in.readableBytes() >= 5 && in.getUnsignedByte(start + 4) > 1) {
                skip(ctx, in, 1); // the encryption flag is 0 or 1: this 0x68 was not a start
                continue;
            }
            int total = 2 + length + 2;
            if (in.readableBytes() < total) {
                // Maybe a real frame still arriving, maybe a 0x68 inside a dropped frame whose next bytes happen to
                // read as a long length. A complete, valid frame already buffered after it settles the question:
                // real piles send one frame at a time, so this start was false and waiting on it would stall the pile.
                int next = nextCompleteFrame(in, start + 1);
                if (next < 0) return;
                skip(ctx, in, next - start);
                continue;
            }
            if (!crcMatches(in, start, length)) {
                droppedFrames++;
                log.debug("{}: frame with bad CRC dropped (type 0x{})", ctx.channel().remoteAddress(),
                        Integer.toHexString(in.getUnsignedByte(start + 5)));
                skip(ctx, in, 1);
                continue;
            }
            int sequence = in.getUnsignedShort(start + 2);
            int encrypted = in.getUnsignedByte(start + 4);
            int type = in.getUnsignedByte(start + 5);
            byte[] body = new byte[length - MIN_LENGTH];
            in.getBytes(start + 6, body);
            in.skipBytes(total);
            garbage = 0;
            out.add(new YkcFrame(sequence, encrypted, type, body));
        }
    }

    private static boolean crcMatches(ByteBuf in, int start, int length) {
        int crc = Crc16Modbus.of(in, start + 2, length);
        int wire = in.getUnsignedShort(start + 2 + length);
        return wire == crc || wire == (((crc & 0xFF) << 8) | (crc >>> 8));
    }

    /**
     * The index of the first start byte at or after {@code from} that begins a complete frame with a good CRC, or -1.
     * Only called while a frame is incomplete, when fewer than {@value #MAX_FRAME} bytes are buffered.
     */
    private static int nextCompleteFrame(ByteBuf in, int from) {
        int end = in.writerIndex();
        for (int i = in.indexOf(from, end, (byte) START); i >= 0; i = in.indexOf(i + 1, end, (byte) START)) {
            if (end - i < 2 + MIN_LENGTH + 2) return -1;
            int length = in.getUnsignedByte(i + 1);
            if (length < MIN_LENGTH || in.getUnsignedByte(i + 4) > 1 || end - i < 2 + length + 2) continue;
            if (crcMatches(in, i, length)) return i;
        }
        return -1;
    }

    private void skip(ChannelHandlerContext ctx, ByteBuf in, int n) {
        in.skipBytes(n);
        garbage += n;
        if (garbage > maxGarbage) {
            garbage = 0;
            in.skipBytes(in.readableBytes());
            throw new CorruptedFrameException("more than " + maxGarbage + " bytes without a valid YKC frame");
        }
    }

    /** Frames dropped for a bad CRC on this connection. */
    public long droppedFrames() {
        return droppedFrames;
    }
}
