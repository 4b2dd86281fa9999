package io.pylon.domain.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {

    @Test
    void membersAreSortedWithoutWhitespaceAndDecimalsAreStrings() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("z", 1L);
        m.put("a", List.of("x", true));
        m.put("m", Map.of("b", new BigDecimal("12.30"), "a", Instant.parse("2026-01-02T03:04:05Z")));
        m.put("n", null);
        assertThat(CanonicalJson.text(m))
                .isEqualTo("{\"a\":[\"x\",true],\"m\":{\"a\":\"2026-01-02T03:04:05Z\",\"b\":\"12.30\"},\"n\":null,\"z\":1}");
    }

    @Test
    void stringsGetOnlyTheRequiredEscapesAndStayUtf8() {
        assertThat(CanonicalJson.text("安心\"\\\n\u0001/")).isEqualTo("\"安心\\\"\\\\\\n\\u0001/\"");
        assertThat(Arrays.equals(CanonicalJson.encode("安"), "\"安\"".getBytes(java.nio.charset.StandardCharsets.UTF_8))).isTrue();
    }

    @Test
    void floatingPointIsRefused() {
        assertThatThrownBy(() -> CanonicalJson.encode(Map.of("x", 1.5d))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theSameContentGivesTheSameBytesWhateverTheInsertionOrder() {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("b", 2L);
        a.put("a", 1L);
        assertThat(CanonicalJson.encode(a)).isEqualTo(CanonicalJson.encode(Map.of("a", 1L, "b", 2L)));
    }
}
