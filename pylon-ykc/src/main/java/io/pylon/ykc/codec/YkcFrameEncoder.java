package io.pylon.ykc.codec;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;

/**
 * Writes {@link YkcFrame}s: start byte 0x68, length, sequence bytes as given, encryption flag, type, body,
 * CRC-16/MODBUS low byte first (as the specification's sample code sends it).
 */
@ChannelHandler.Sharable
public final class YkcFrameEncoder extends MessageToByteEncoder<YkcFrame> {

    public YkcFrameEncoder() {
        super(YkcFrame.class);
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, YkcFrame frame, ByteBuf out) {
        write(frame, out);
    }

    /** Appends the whole frame to {@code out}. */
    public static void write(YkcFrame frame, ByteBuf out) {
        out.writeByte(YkcFrameDecoder.START);
        out.writeByte(4 + frame.body().length);
        int from = out.writerIndex();
        out.writeShort(frame.sequence());
        out.writeByte(frame.encrypted());
        out.writeByte(frame.type());
        out.writeBytes(frame.body());
        int crc = Crc16Modbus.of(out, from, out.writerIndex() - from);
        out.writeShortLE(crc);
    }
}
