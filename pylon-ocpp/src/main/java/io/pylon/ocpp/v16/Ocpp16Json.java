package io.pylon.ocpp.v16;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Maps schema-checked payloads to the records of this package and back. Absent optional fields
 * are left out of what we send; timestamps are written as ISO-8601 UTC.
 */
public final class Ocpp16Json {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            .changeDefaultPropertyInclusion(incl -> incl.withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();

    private Ocpp16Json() {}

    public static <T> T read(JsonNode payload, Class<T> type) {
        return MAPPER.treeToValue(payload, type);
    }

    public static JsonNode write(Object value) {
        return MAPPER.valueToTree(value);
    }

    public static JsonMapper mapper() {
        return MAPPER;
    }
}
