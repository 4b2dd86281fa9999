package io.pylon.ykc.message;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.pylon.ykc.GoldenFrames;
import io.pylon.ykc.codec.YkcFrame;
import io.pylon.ykc.codec.YkcFrameEncoder;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The frames captured from real piles decode to the right values, and ours encode to the same bytes. */
class GoldenMessagesTest {

    private static final String PILE = "20231212000010";

    static YkcMessage decode(int type) {
        byte[] bytes = GoldenFrames.of(type);
        return YkcMessages.decode(new YkcFrame(seq(bytes), bytes[4] & 0xFF, bytes[5] & 0xFF,
                Arrays.copyOfRange(bytes, 6, bytes.length - 2)));
    }

    static int seq(byte[] frame) {
        return (frame[2] & 0xFF) << 8 | frame[3] & 0xFF;
    }

    static byte[] encode(int sequence, YkcMessage message) {
        ByteBuf out = Unpooled.buffer();
        YkcFrameEncoder.write(YkcMessages.frame(sequence, message), out);
        byte[] bytes = new byte[out.readableBytes()];
        out.readBytes(bytes);
        out.release();
        return bytes;
    }

    @Test
    void login() {
        Login.Request login = (Login.Request) decode(0x01);
        assertThat(login).isEqualTo(new Login.Request(PILE, 1, 1, Login.V16, "GV.95r13", 0, "898604D11722D0348606", 2));
    }

    @Test
    void realTimeData() {
        RealTimeData.Report r = (RealTimeData.Report) decode(0x13);
        assertThat(r.transaction()).isEqualTo("20231212000010000000001005713600");
        assertThat(r.status()).isEqualTo(RealTimeData.CHARGING);
        assertThat(r.gunReturned()).isEqualTo(2);
        assertThat(r.plugged()).isTrue();
        assertThat(r.voltage()).isEqualByComparingTo("373.2");
        assertThat(r.current()).isEqualByComparingTo("101.2");
        assertThat(r.gunTemperature()).isEqualTo(34);
        assertThat(r.soc()).isEqualTo(78);
        assertThat(r.batteryMaxTemperature()).isEqualTo(35);
        assertThat(r.chargedMinutes()).isEqualTo(16);
        assertThat(r.remainingMinutes()).isEqualTo(32);
        assertThat(r.energy()).isEqualByComparingTo("8.8");
        assertThat(r.lossEnergy()).isEqualByComparingTo("0");
        assertThat(r.amount()).isEqualByComparingTo("9.328");
        assertThat(r.faults()).isZero();
        // The capture's pile/gun fields (32 01 06 00 39 56 00 / 02) do not name the pile of the capture: the
        // gateway skips a frame that names another pile than the one logged in on its connection (ADR 0007).
        assertThat(r.pile()).isEqualTo("32010600395600");
    }

    @Test
    void transactionRecord() {
        TransactionRecord.Record r = (TransactionRecord.Record) decode(0x3B);
        assertThat(r.transaction()).isEqualTo("20231212000010323239000000000000");
        assertThat(r.pile()).isEqualTo(PILE);
        assertThat(r.gun()).isEqualTo(1);
        assertThat(r.start()).isEqualTo(LocalDateTime.of(2023, 12, 13, 17, 4, 14));
        assertThat(r.end()).isEqualTo(LocalDateTime.of(2023, 12, 13, 17, 9, 36));
        assertThat(r.bands()).extracting(TransactionRecord.BandUsage::unitPrice).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("1.5"), new BigDecimal("1.3"), new BigDecimal("1.1"), new BigDecimal("0.9"));
        assertThat(r.bands().get(3).energy()).isEqualByComparingTo("0.165");
        assertThat(r.bands().get(3).amount()).isEqualByComparingTo("0.14");
        assertThat(r.totalEnergy()).isEqualByComparingTo("0.165");
        assertThat(r.totalAmount()).isEqualByComparingTo("0.14");
        assertThat(r.kind()).isEqualTo(TransactionRecord.APP);
        assertThat(r.stopReason()).isEqualTo(0x40);
        assertThat(r.vin()).isEmpty();
        assertThat(r.physicalCard()).isEqualTo("0000000000000000");
    }

    @Test
    void remoteStartAndItsReply() {
        RemoteStart.Command c = (RemoteStart.Command) decode(0x34);
        assertThat(c).isEqualTo(new RemoteStart.Command("00000000000012345678901234567890", PILE, 1,
                "5678901234567890", "5678901234567890", new BigDecimal("100.00")));
        RemoteStart.Reply reply = (RemoteStart.Reply) decode(0x33);
        assertThat(reply).isEqualTo(new RemoteStart.Reply("00000000000012345678901234567890", PILE, 1, true, 0));
    }

    @Test
    void smallFrames() {
        assertThat(decode(0x03)).isEqualTo(new Heartbeat.Ping(PILE, 1, false));
        assertThat(decode(0x05)).isEqualTo(new BillingModelCheck.Request(PILE, 0));
        assertThat(decode(0x09)).isEqualTo(new BillingModel.Request(PILE));
        assertThat(decode(0x91)).isEqualTo(new RemoteReboot.Reply(PILE, true));
        assertThat(decode(0x92)).isEqualTo(new RemoteReboot.Command(PILE, RemoteReboot.NOW));
        assertThat(decode(0x56)).isEqualTo(ClockSync.set(PILE, LocalDateTime.of(2024, 12, 18, 17, 15, 30)));
    }

    /** Platform frames: ours are the captured bytes (sequence echoed raw, CRC low byte first). */
    @Test
    void platformFramesAreReproducedByteForByte() {
        assertSame(0x02, new Login.Reply(PILE, true));
        assertSame(0x56, ClockSync.set(PILE, LocalDateTime.of(2024, 12, 18, 17, 15, 30)));
        assertSame(0x06, new BillingModelCheck.Reply(PILE, 0, true));
        assertSame(0x34, new RemoteStart.Command("00000000000012345678901234567890", PILE, 1, "5678901234567890",
                "5678901234567890", new BigDecimal("100")));
        assertSame(0x40, new TransactionRecord.Confirmation("20231212000010323239000000000000", true));
        assertSame(0x92, new RemoteReboot.Command(PILE, RemoteReboot.NOW));
    }

    /** The capture's 0x04 and 0x0A carry a hand-edited length byte; everything else, CRC included, matches. */
    @Test
    void framesWithAnEditedLengthMatchApartFromTheLengthByte() {
        List<Integer> slots = Stream.of(0, 1, 2, 3).flatMap(b -> Collections.nCopies(12, b).stream()).toList();
        List<BigDecimal> e = Collections.nCopies(4, new BigDecimal("0.75"));
        List<BigDecimal> s = Collections.nCopies(4, new BigDecimal("0.45"));
        assertSameButLength(0x0A, new BillingModel.Answer(new BillingModel(PILE, 1, e, s, 0, slots)), 0x5E);
        assertSameButLength(0x04, new Heartbeat.Pong(PILE, 1), 0x0D);
    }

    @ParameterizedTest
    @ValueSource(ints = {0x01, 0x03, 0x05, 0x09, 0x13, 0x33, 0x3B, 0x91})
    void pileFramesSurviveARoundTrip(int type) {
        byte[] golden = GoldenFrames.of(type);
        byte[] ours = encode(seq(golden), decode(type));
        assertThat(Arrays.copyOf(ours, ours.length - 2)).isEqualTo(Arrays.copyOf(golden, golden.length - 2));
    }

    private static void assertSame(int type, YkcMessage message) {
        byte[] golden = GoldenFrames.of(type);
        assertThat(encode(seq(golden), message)).as("type 0x%02X", type).isEqualTo(golden);
    }

    private static void assertSameButLength(int type, YkcMessage message, int rightLength) {
        byte[] golden = GoldenFrames.of(type);
        byte[] ours = encode(seq(golden), message);
        assertThat(ours[1] & 0xFF).isEqualTo(rightLength).isEqualTo(golden.length - 6 + 2);
        golden[1] = ours[1];
        assertThat(ours).isEqualTo(golden);
    }
}
