package io.pylon.ykc.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.util.ResourceLeakDetector;
import io.pylon.ykc.GoldenFrames;
import io.pylon.ykc.message.MalformedBodyException;
import io.pylon.ykc.message.SampleMessages;
import io.pylon.ykc.message.YkcMessage;
import io.pylon.ykc.message.YkcMessages;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Seeded random mutations of real and generated frames, fed through the decoder and the message codec the way
 * the gateway does: nothing but {@link MalformedBodyException} (a bad body) or {@link CorruptedFrameException}
 * (a peer to hang up on) may come out, and every buffer handed in is released.
 */
class DecoderFuzzTest {

    private static final long SEED = 0x59_4B_43L;
    private static final int ROUNDS = 5_000;
    private static ResourceLeakDetector.Level previous;

    @BeforeAll
    static void paranoid() {
        previous = ResourceLeakDetector.getLevel();
        ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.PARANOID);
    }

    @AfterAll
    static void restore() {
        ResourceLeakDetector.setLevel(previous);
    }

    @Test
    void mutatedFramesNeverEscapeAsAnythingButMalformedAndLeakNothing() {
        Random random = new Random(SEED);
        List<byte[]> seeds = seeds();
        Outcomes outcomes = new Outcomes();
        List<ByteBuf> fed = new ArrayList<>();
        EmbeddedChannel channel = channel(outcomes);
        for (int round = 0; round < ROUNDS; round++) {
            byte[] input = mutate(seeds.get(random.nextInt(seeds.size())), random);
            ByteBuf buf = PooledByteBufAllocator.DEFAULT.buffer(input.length).writeBytes(input);
            fed.add(buf);
            try {
                channel.writeInbound(buf);
            } catch (CorruptedFrameException e) {
                outcomes.corrupted++;
                channel.finishAndReleaseAll();
                channel = channel(outcomes);
            }
            if (round % 250 == 249) { // a fresh connection now and then, so a stray start byte does not hide everything
                channel.finishAndReleaseAll();
                channel = channel(outcomes);
            }
        }
        channel.finishAndReleaseAll();
        assertThat(fed).allSatisfy(buf -> assertThat(buf.refCnt()).isZero());
        assertThat(outcomes.unexpected).isEmpty();
        assertThat(outcomes.decoded).as("mutations still reach the message codec").isGreaterThan(ROUNDS / 10);
        assertThat(outcomes.malformed).as("and some of them are malformed bodies").isGreaterThan(100);
    }

    private static EmbeddedChannel channel(Outcomes outcomes) {
        return new EmbeddedChannel(new YkcFrameDecoder(), new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                try {
                    YkcMessages.decode((YkcFrame) msg);
                    outcomes.decoded++;
                } catch (MalformedBodyException e) {
                    outcomes.malformed++;
                } catch (RuntimeException e) {
                    outcomes.unexpected.add(e);
                }
            }
        });
    }

    private static List<byte[]> seeds() {
        List<byte[]> seeds = new ArrayList<>(GoldenFrames.FRAMES.values());
        for (YkcMessage m : SampleMessages.all()) {
            ByteBuf out = PooledByteBufAllocator.DEFAULT.buffer();
            YkcFrameEncoder.write(YkcMessages.frame(1, m), out);
            byte[] bytes = new byte[out.readableBytes()];
            out.readBytes(bytes);
            out.release();
            seeds.add(bytes);
        }
        return seeds;
    }

    /** One of: flip bytes (then usually fix the CRC so the body codec sees it), cut, extend, splice, change the length. */
    static byte[] mutate(byte[] frame, Random random) {
        byte[] out = frame.clone();
        switch (random.nextInt(6)) {
            case 0 -> out[random.nextInt(out.length)] = (byte) random.nextInt(256);
            case 1 -> out = Arrays.copyOf(out, 1 + random.nextInt(out.length));
            case 2 -> {
                out = Arrays.copyOf(out, out.length + 1 + random.nextInt(20));
                for (int i = frame.length; i < out.length; i++) out[i] = (byte) random.nextInt(256);
            }
            case 3 -> {
                int cut = 6 + random.nextInt(Math.max(1, out.length - 8));
                byte[] body = Arrays.copyOfRange(out, 6, Math.min(cut, out.length - 2));
                out = resized(out, body);
            }
            case 4 -> out[1] = (byte) random.nextInt(256);
            default -> {
                for (int i = 0; i < 1 + random.nextInt(4); i++) {
                    int at = 6 + random.nextInt(Math.max(1, out.length - 8));
                    if (at < out.length - 2) out[at] = (byte) random.nextInt(256);
                }
            }
        }
        if (random.nextInt(4) != 0) fixCrc(out);
        return out;
    }

    /** The frame with another body, length and CRC made consistent. */
    private static byte[] resized(byte[] frame, byte[] body) {
        byte[] out = new byte[6 + body.length + 2];
        System.arraycopy(frame, 0, out, 0, 6);
        System.arraycopy(body, 0, out, 6, body.length);
        out[1] = (byte) (4 + body.length);
        return out;
    }

    private static void fixCrc(byte[] frame) {
        if (frame.length < 8) return;
        int crc = Crc16Modbus.of(Arrays.copyOfRange(frame, 2, frame.length - 2));
        frame[frame.length - 2] = (byte) crc;
        frame[frame.length - 1] = (byte) (crc >>> 8);
    }

    private static final class Outcomes {
        int decoded;
        int malformed;
        int corrupted;
        final List<RuntimeException> unexpected = new ArrayList<>();
    }
}
