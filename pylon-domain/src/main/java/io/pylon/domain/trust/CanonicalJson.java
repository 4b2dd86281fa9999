package io.pylon.domain.trust;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The canonical bytes of a log record: JSON as RFC 8785 (JCS) writes it for the values a record holds —
 * UTF-8, no whitespace, object members sorted by key (UTF-16 code units), strings with only the escapes
 * JSON requires ({@code \"}, {@code \\}, {@code \b \f \n \r \t}, other controls as <code>&#92;u00XX</code>).
 * Numbers are integers only ({@code long}); decimals (money, prices) are written as strings in plain notation
 * ({@code "12.30"}), times as ISO-8601 UTC strings, so no floating point ever enters a hash.
 */
public final class CanonicalJson {

    private CanonicalJson() {}

    public static byte[] encode(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void write(Object value, StringBuilder out) {
        switch (value) {
            case null -> out.append("null");
            case String s -> string(s, out);
            case Boolean b -> out.append(b);
            case Long l -> out.append(l);
            case Integer i -> out.append(i);
            case BigDecimal d -> string(d.toPlainString(), out);
            case Instant t -> string(t.toString(), out);
            case Enum<?> e -> string(e.name(), out);
            case Map<?, ?> map -> object(map, out);
            case Collection<?> list -> {
                out.append('[');
                boolean first = true;
                for (Object item : list) {
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    write(item, out);
                }
                out.append(']');
            }
            default -> throw new IllegalArgumentException("Not a record value: " + value.getClass().getName());
        }
    }

    private static void object(Map<?, ?> map, StringBuilder out) {
        List<String> keys = new ArrayList<>();
        for (Object key : map.keySet()) {
            if (!(key instanceof String k)) {
                throw new IllegalArgumentException("Record keys are strings: " + key);
            }
            keys.add(k);
        }
        keys.sort(null); // String.compareTo compares UTF-16 code units, as JCS asks
        out.append('{');
        boolean first = true;
        for (String key : keys) {
            if (!first) {
                out.append(',');
            }
            first = false;
            string(key, out);
            out.append(':');
            write(map.get(key), out);
        }
        out.append('}');
    }

    private static void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** For tests and tools: the bytes as text. */
    static String text(Object value) {
        return new String(encode(value), StandardCharsets.UTF_8);
    }

}
