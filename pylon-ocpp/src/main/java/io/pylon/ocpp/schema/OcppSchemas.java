package io.pylon.ocpp.schema;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import io.pylon.ocpp.rpc.OcppErrorCode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The official OCPP JSON schemas of one protocol version, loaded from the classpath
 * ({@code /ocpp/<version>/<Action>.json} and {@code <Action>Response.json}), compiled once.
 *
 * <p>Validation maps the first error to the CALLERROR code the spec asks for: a missing field →
 * OccurenceConstraintViolation, a wrong JSON type → TypeConstraintViolation, an unknown field →
 * FormationViolation, a value out of range/enum/length/format → PropertyConstraintViolation.
 */
public final class OcppSchemas {

    /** Which half of an exchange a payload is. */
    public enum Kind { REQUEST, RESPONSE }

    private final String version;
    private final Map<String, Schema> schemas = new HashMap<>();

    private OcppSchemas(String version, Set<String> actions) {
        this.version = version;
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7,
                builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder()
                        .formatAssertionsEnabled(true).build()));
        for (String action : actions) {
            schemas.put(key(action, Kind.REQUEST), load(registry, action));
            schemas.put(key(action, Kind.RESPONSE), load(registry, action + "Response"));
        }
    }

    /** The OCPP 1.6 schemas (all 39 actions of the spec and the security extension). */
    public static OcppSchemas ocpp16() {
        return new OcppSchemas("1.6", Ocpp16Actions.ALL);
    }

    public String version() {
        return version;
    }

    /** Whether the version defines this action at all. */
    public boolean knows(String action) {
        return schemas.containsKey(key(action, Kind.REQUEST));
    }

    /**
     * Validates one payload.
     *
     * @throws IllegalArgumentException if the action is unknown to this version (check {@link #knows} first)
     */
    public Optional<SchemaViolation> validate(String action, Kind kind, JsonNode payload) {
        Schema schema = schemas.get(key(action, kind));
        if (schema == null) {
            throw new IllegalArgumentException("No OCPP " + version + " schema for " + action);
        }
        List<Error> errors = schema.validate(payload);
        if (errors.isEmpty()) {
            return Optional.empty();
        }
        Error first = errors.getFirst();
        String field = first.getInstanceLocation() == null ? "$" : first.getInstanceLocation().toString();
        if (first.getProperty() != null && "required".equals(first.getKeyword())) {
            field = field + "." + first.getProperty();
        }
        return Optional.of(new SchemaViolation(codeFor(first.getKeyword()), field, first.getMessage()));
    }

    private static OcppErrorCode codeFor(String keyword) {
        return switch (keyword == null ? "" : keyword) {
            case "required" -> OcppErrorCode.OCCURRENCE_CONSTRAINT_VIOLATION;
            case "type" -> OcppErrorCode.TYPE_CONSTRAINT_VIOLATION;
            case "additionalProperties" -> OcppErrorCode.FORMATION_VIOLATION;
            case "minItems", "maxItems" -> OcppErrorCode.OCCURRENCE_CONSTRAINT_VIOLATION;
            default -> OcppErrorCode.PROPERTY_CONSTRAINT_VIOLATION;
        };
    }

    private Schema load(SchemaRegistry registry, String name) {
        String path = "/ocpp/" + version + "/" + name + ".json";
        try (InputStream in = OcppSchemas.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Missing schema " + path);
            }
            return registry.getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String key(String action, Kind kind) {
        return action + (kind == Kind.RESPONSE ? "Response" : "");
    }
}
