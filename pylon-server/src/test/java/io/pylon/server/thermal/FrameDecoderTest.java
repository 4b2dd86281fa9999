package io.pylon.server.thermal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pylon.domain.thermal.ThermalFrame;
import io.pylon.server.thermal.FrameDecoder.Format;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class FrameDecoderTest {

    private static final Instant AT = Instant.parse("2026-11-22T08:00:00Z");
    private static final Instant NOW = Instant.parse("2026-11-22T09:00:00Z");
    private final FrameDecoder decoder = new FrameDecoder(JsonMapper.builder().build());
    private final SyntheticFrames frames = SyntheticFrames.of("CAM-1", 8, 6, 21.5).paint(2, 1, 3, 2, 64.2).paint(0, 5, 1, 1, -12.3);

    private ThermalFrame decode(Format format, byte[] body, String camera, Instant timestamp) {
        return decoder.decode(format, body, camera, timestamp, NOW);
    }

    @Test
    void theThreeFormsReadTheSameFrame() throws Exception {
        ThermalFrame json = decode(Format.JSON, frames.json(AT).getBytes(StandardCharsets.UTF_8), null, null);
        ThermalFrame binary = decode(Format.BINARY, frames.binary(AT), "CAM-1", null);
        ThermalFrame png = decode(Format.PNG, frames.png(), "CAM-1", AT);
        for (ThermalFrame f : new ThermalFrame[] {json, binary, png}) {
            assertThat(f.cameraId()).isEqualTo("CAM-1");
            assertThat(f.at()).isEqualTo(AT);
            assertThat(f.width()).isEqualTo(8);
            assertThat(f.height()).isEqualTo(6);
            assertThat(f.deciCelsius()).containsExactly(frames.frame(AT).deciCelsius());
            assertThat(f.celsius(3, 2)).isEqualTo(64.2);
            assertThat(f.celsius(0, 5)).isEqualTo(-12.3);
        }
        assertThat(decode(Format.PNG, frames.png(), "CAM-1", null).at()).as("no timestamp: time of receipt").isEqualTo(NOW);
    }

    @Test
    void jsonMayListTemperaturesBeforeTheSizeAndGiveTheTimeInMilliseconds() {
        String body = "{\"temperatures\":[250,251,252,253,254,255],\"width\":3,\"height\":2,\"timestamp\":" + AT.toEpochMilli()
                + ",\"extra\":{\"ignored\":[1,2]}}";
        ThermalFrame f = decode(Format.JSON, body.getBytes(StandardCharsets.UTF_8), "CAM-9", null);
        assertThat(f.cameraId()).isEqualTo("CAM-9");
        assertThat(f.at()).isEqualTo(AT);
        assertThat(f.celsius(2, 1)).isEqualTo(25.5);
    }

    @Test
    void badJsonSaysWhatIsWrong() {
        assertThatThrownBy(() -> json("{\"width\":3,\"height\":2,\"temperatures\":[1,2,3]}", "C")).hasMessageContaining("3 values for a 3×2 frame (6 expected)");
        assertThatThrownBy(() -> json("{\"width\":2,\"height\":1,\"temperatures\":[1,2,3]}", "C")).hasMessageContaining("more values than the frame's 2×1");
        assertThatThrownBy(() -> json("{\"width\":2,\"height\":1,\"temperatures\":[1,\"x\"]}", "C")).hasMessageContaining("value 1 is not an integer");
        assertThatThrownBy(() -> json("{\"width\":2,\"height\":1,\"temperatures\":[1,99999]}", "C")).hasMessageContaining("value 1 (99999) is outside");
        assertThatThrownBy(() -> json("{\"width\":1281,\"height\":1,\"temperatures\":[]}", "C")).hasMessageContaining("frame size 1281×1 is outside");
        assertThatThrownBy(() -> json("{\"width\":2,\"height\":1,\"temperatures\":[1,2]", "C")).hasMessageContaining("not a JSON frame");
        assertThatThrownBy(() -> json("{\"width\":2,\"height\":1,\"temperatures\":[1,2]}", null)).hasMessageContaining("cameraId");
        assertThatThrownBy(() -> json("{\"cameraId\":\"OTHER\",\"width\":2,\"height\":1,\"temperatures\":[1,2]}", "C"))
                .hasMessageContaining("the body names OTHER");
        assertThatThrownBy(() -> json("{\"width\":2,\"height\":1,\"timestamp\":\"yesterday\",\"temperatures\":[1,2]}", "C"))
                .hasMessageContaining("timestamp: 'yesterday'");
        assertThatThrownBy(() -> json("[]", "C")).hasMessageContaining("a JSON object is expected");
    }

    private ThermalFrame json(String body, String camera) {
        return decode(Format.JSON, body.getBytes(StandardCharsets.UTF_8), camera, null);
    }

    @Test
    void badBinarySaysWhatIsWrong() {
        byte[] good = frames.binary(AT);
        assertThatThrownBy(() -> decode(Format.BINARY, java.util.Arrays.copyOf(good, good.length - 2), "C", null))
                .hasMessageContaining(good.length - 2 + " bytes for a 8×6 frame (" + good.length + " expected)");
        byte[] magic = good.clone();
        magic[0] = 'X';
        assertThatThrownBy(() -> decode(Format.BINARY, magic, "C", null)).hasMessageContaining("PYTF");
        byte[] huge = ByteBuffer.allocate(20).order(ByteOrder.LITTLE_ENDIAN).putInt(FrameDecoder.MAGIC).put((byte) 1).put((byte) 0)
                .putShort((short) 2000).putShort((short) 2000).array();
        assertThatThrownBy(() -> decode(Format.BINARY, huge, "C", null)).hasMessageContaining("2000×2000 is outside");
        assertThatThrownBy(() -> decode(Format.BINARY, new byte[5], "C", null)).hasMessageContaining("shorter than its 20-byte header");
        assertThatThrownBy(() -> decode(Format.BINARY, good, null, null)).hasMessageContaining("X-Camera-Id");
        byte[] now = good.clone();
        ByteBuffer.wrap(now).order(ByteOrder.LITTLE_ENDIAN).putLong(12, 0);
        assertThat(decode(Format.BINARY, now, "C", null).at()).isEqualTo(NOW);
    }

    @Test
    void onlySixteenBitGreyPngsAreFrames() throws Exception {
        assertThatThrownBy(() -> decode(Format.PNG, "not a picture".getBytes(StandardCharsets.UTF_8), "C", null))
                .hasMessageContaining("png: the body is not an image");
        byte[] png = frames.png();
        assertThatThrownBy(() -> decode(Format.PNG, java.util.Arrays.copyOf(png, 60), "C", null)).hasMessageContaining("png:");
        BufferedImage eight = new BufferedImage(4, 4, BufferedImage.TYPE_BYTE_GRAY);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(eight, "png", out);
        assertThatThrownBy(() -> decode(Format.PNG, out.toByteArray(), "C", null)).hasMessageContaining("16-bit greyscale")
                .hasMessageContaining("8 bits");
        BufferedImage wide = new BufferedImage(1400, 2, BufferedImage.TYPE_USHORT_GRAY);
        ByteArrayOutputStream big = new ByteArrayOutputStream();
        ImageIO.write(wide, "png", big);
        assertThatThrownBy(() -> decode(Format.PNG, big.toByteArray(), "C", null)).hasMessageContaining("1400×2 is outside");
    }

    @Test
    void contentTypesNameTheForms() {
        assertThat(Format.of("application/json; charset=utf-8")).isEqualTo(Format.JSON);
        assertThat(Format.of("application/octet-stream")).isEqualTo(Format.BINARY);
        assertThat(Format.of("IMAGE/PNG")).isEqualTo(Format.PNG);
        assertThat(Format.of("text/plain")).isNull();
        assertThat(Format.of(null)).isNull();
    }
}
