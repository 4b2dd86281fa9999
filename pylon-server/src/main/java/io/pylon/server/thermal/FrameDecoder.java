package io.pylon.server.thermal;

import io.pylon.domain.thermal.ThermalFrame;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a thermal frame in one of its three wire forms (docs/thermal.md), checking sizes before allocating anything:
 * <ul>
 *   <li>{@code application/json}: {@code {"cameraId","timestamp","width","height","temperatures":[int…]}}, temperatures in
 *       0.1 °C, row-major; read with a streaming parser straight into a {@code short[]} (no boxing, no tree);</li>
 *   <li>{@code application/octet-stream}: a 20-byte little-endian header ({@link #MAGIC}, version 1, flags, width,
 *       height, reserved, timestamp in ms since the epoch, 0 = time of receipt) and {@code width × height} int16 LE;</li>
 *   <li>{@code image/png}: 16-bit greyscale, pixel value = temperature in 0.1 °C + {@link #PNG_OFFSET}.</li>
 * </ul>
 * Every problem is an {@link IllegalArgumentException} whose message says what is wrong (answered as 400).
 */
public final class FrameDecoder {

    /** "PYTF": Pylon thermal frame. */
    public static final int MAGIC = 0x46545950;
    public static final int BINARY_HEADER = 20;
    /** A PNG pixel is the temperature in 0.1 °C plus 1000: 0 is −100.0 °C, 1250 is 25.0 °C. */
    public static final int PNG_OFFSET = 1000;
    private static final int MAX_PIXELS = ThermalFrame.MAX_WIDTH * ThermalFrame.MAX_HEIGHT;

    static {
        ImageIO.setUseCache(false); // decode in memory, never through temporary files
    }

    /** The wire forms, by content type. */
    public enum Format {
        JSON, BINARY, PNG;

        /** The form of a Content-Type header; null if it is none of them. */
        public static Format of(String contentType) {
            if (contentType == null) return null;
            String type = contentType.split(";", 2)[0].trim().toLowerCase(java.util.Locale.ROOT);
            return switch (type) {
                case "application/json" -> JSON;
                case "application/octet-stream", "application/vnd.pylon.thermal-frame" -> BINARY;
                case "image/png" -> PNG;
                default -> null;
            };
        }
    }

    private final JsonMapper json;

    public FrameDecoder(JsonMapper json) {
        this.json = json;
    }

    /**
     * Reads a frame.
     *
     * @param cameraId   the camera named by the path or a header; null if the JSON body must name it
     * @param timestamp  the frame's time when the form carries none (PNG) or says "now" (binary 0); null = receivedAt
     */
    public ThermalFrame decode(Format format, byte[] body, String cameraId, Instant timestamp, Instant receivedAt) {
        Instant at = timestamp != null ? timestamp : receivedAt;
        return switch (format) {
            case JSON -> json(body, cameraId, at);
            case BINARY -> binary(body, required(cameraId), at);
            case PNG -> png(body, required(cameraId), at);
        };
    }

    private static String required(String cameraId) {
        if (cameraId == null || cameraId.isBlank()) throw new IllegalArgumentException("cameraId: name the camera in the path or in X-Camera-Id");
        return cameraId;
    }

    // ------------------------------------------------------------------ JSON

    ThermalFrame json(byte[] body, String cameraId, Instant defaultAt) {
        String bodyCamera = null;
        Instant at = null;
        int width = -1, height = -1, count = 0;
        short[] values = null;
        try (JsonParser p = json.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) throw new IllegalArgumentException("body: a JSON object is expected");
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                String field = p.currentName();
                JsonToken token = p.nextToken();
                switch (field) {
                    case "cameraId" -> bodyCamera = text(p, token, field);
                    case "timestamp" -> at = timestamp(p, token);
                    case "width" -> width = dimension(p, token, field);
                    case "height" -> height = dimension(p, token, field);
                    case "temperatures" -> {
                        if (token != JsonToken.START_ARRAY) throw new IllegalArgumentException("temperatures: an array of integers is expected");
                        values = width > 0 && height > 0 ? new short[Math.min(width * height, MAX_PIXELS)] : new short[16_384];
                        while ((token = p.nextToken()) != JsonToken.END_ARRAY) {
                            if (token != JsonToken.VALUE_NUMBER_INT) {
                                throw new IllegalArgumentException("temperatures: value " + count + " is not an integer (0.1 °C)");
                            }
                            if (count == values.length) {
                                if (count >= MAX_PIXELS || width > 0 && height > 0) {
                                    throw new IllegalArgumentException("temperatures: more values than the frame's " + width + "×" + height
                                            + (width > 0 ? "" : " (at most " + MAX_PIXELS + ")"));
                                }
                                values = Arrays.copyOf(values, Math.min(values.length * 2, MAX_PIXELS));
                            }
                            values[count++] = deci(p.getLongValue(), count - 1);
                        }
                    }
                    default -> p.skipChildren();
                }
            }
        } catch (JacksonException e) {
            throw new IllegalArgumentException("body: not a JSON frame (" + e.getOriginalMessage() + ")");
        }
        if (width < 0 || height < 0) throw new IllegalArgumentException("width and height are required");
        if (values == null) throw new IllegalArgumentException("temperatures: required");
        ThermalFrame.checkSize(width, height);
        if (count != width * height) {
            throw new IllegalArgumentException("temperatures: " + count + " values for a " + width + "×" + height + " frame ("
                    + width * height + " expected)");
        }
        String camera = camera(cameraId, bodyCamera);
        return new ThermalFrame(camera, at != null ? at : defaultAt, width, height, values.length == count ? values : Arrays.copyOf(values, count));
    }

    private static String camera(String given, String inBody) {
        if (given != null && inBody != null && !given.equals(inBody)) {
            throw new IllegalArgumentException("cameraId: the body names " + inBody + ", the request camera " + given);
        }
        String camera = given != null ? given : inBody;
        return required(camera);
    }

    private static short deci(long value, int index) {
        if (value < ThermalFrame.MIN_DECI_C || value > ThermalFrame.MAX_DECI_C) {
            throw new IllegalArgumentException("temperatures: value " + index + " (" + value + ") is outside " + ThermalFrame.MIN_DECI_C
                    + "…" + ThermalFrame.MAX_DECI_C + " (0.1 °C)");
        }
        return (short) value;
    }

    private static String text(JsonParser p, JsonToken token, String field) {
        if (token != JsonToken.VALUE_STRING) throw new IllegalArgumentException(field + ": a string is expected");
        return p.getString();
    }

    private static int dimension(JsonParser p, JsonToken token, String field) {
        if (token != JsonToken.VALUE_NUMBER_INT) throw new IllegalArgumentException(field + ": an integer is expected");
        long v = p.getLongValue();
        if (v < 1 || v > 100_000) throw new IllegalArgumentException(field + ": " + v + " is not a frame size");
        return (int) v;
    }

    private static Instant timestamp(JsonParser p, JsonToken token) {
        if (token == JsonToken.VALUE_NUMBER_INT) return Instant.ofEpochMilli(p.getLongValue());
        if (token == JsonToken.VALUE_STRING) return parseTimestamp(p.getString());
        throw new IllegalArgumentException("timestamp: ISO-8601 text or milliseconds since the epoch expected");
    }

    /** ISO-8601 with an offset ("2026-11-22T08:00:00Z") or milliseconds since the epoch. */
    public static Instant parseTimestamp(String text) {
        try {
            if (!text.isEmpty() && text.chars().allMatch(Character::isDigit)) return Instant.ofEpochMilli(Long.parseLong(text));
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new IllegalArgumentException("timestamp: '" + text + "' is neither ISO-8601 with an offset nor milliseconds since the epoch");
        }
    }

    // ------------------------------------------------------------------ binary

    ThermalFrame binary(byte[] body, String cameraId, Instant defaultAt) {
        if (body.length < BINARY_HEADER) throw new IllegalArgumentException("binary frame: " + body.length + " bytes, shorter than its 20-byte header");
        ByteBuffer b = ByteBuffer.wrap(body).order(ByteOrder.LITTLE_ENDIAN);
        if (b.getInt(0) != MAGIC) throw new IllegalArgumentException("binary frame: does not start with \"PYTF\"");
        if (b.get(4) != 1) throw new IllegalArgumentException("binary frame: version " + b.get(4) + " is not known (1 is)");
        int width = Short.toUnsignedInt(b.getShort(6));
        int height = Short.toUnsignedInt(b.getShort(8));
        long millis = b.getLong(12);
        ThermalFrame.checkSize(width, height);
        int expected = BINARY_HEADER + 2 * width * height;
        if (body.length != expected) {
            throw new IllegalArgumentException("binary frame: " + body.length + " bytes for a " + width + "×" + height + " frame ("
                    + expected + " expected)");
        }
        short[] values = new short[width * height];
        b.position(BINARY_HEADER);
        b.asShortBuffer().get(values);
        return new ThermalFrame(cameraId, millis == 0 ? defaultAt : Instant.ofEpochMilli(millis), width, height, values);
    }

    /** The binary form of a frame (for cameras' adapters, tests and the benchmark). */
    public static byte[] toBinary(ThermalFrame frame) {
        ByteBuffer b = ByteBuffer.allocate(BINARY_HEADER + 2 * frame.deciCelsius().length).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(MAGIC).put((byte) 1).put((byte) 0).putShort((short) frame.width()).putShort((short) frame.height()).putShort((short) 0)
                .putLong(frame.at().toEpochMilli());
        b.asShortBuffer().put(frame.deciCelsius());
        return b.array();
    }

    // ------------------------------------------------------------------ PNG

    ThermalFrame png(byte[] body, String cameraId, Instant at) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(body))) {
            var readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) throw new IllegalArgumentException("png: the body is not an image");
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                if (!"png".equalsIgnoreCase(reader.getFormatName())) throw new IllegalArgumentException("png: the body is a " + reader.getFormatName() + " image, not a PNG");
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                ThermalFrame.checkSize(width, height);
                Raster raster = reader.read(0).getRaster();
                if (raster.getNumBands() != 1 || raster.getSampleModel().getSampleSize(0) != 16) {
                    throw new IllegalArgumentException("png: must be 16-bit greyscale (this one has " + raster.getNumBands() + " band(s) of "
                            + raster.getSampleModel().getSampleSize(0) + " bits)");
                }
                int[] samples = raster.getSamples(0, 0, width, height, 0, new int[width * height]);
                short[] values = new short[samples.length];
                for (int i = 0; i < samples.length; i++) values[i] = deci(samples[i] - PNG_OFFSET, i);
                return new ThermalFrame(cameraId, at, width, height, values);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof IllegalArgumentException bad) throw bad;
            throw new IllegalArgumentException("png: cannot be read (" + e.getMessage() + ")");
        }
    }
}
