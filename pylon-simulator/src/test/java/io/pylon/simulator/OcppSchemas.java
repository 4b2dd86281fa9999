package io.pylon.simulator;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;

/** Validates OCPP 1.6 payloads against the official JSON schemas in the shared reference folder. */
final class OcppSchemas {
    static final Path DIR = Path.of(System.getProperty("ocpp.schemas", "/work/shared/reference/ocpp-schemas/1.6"));
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);
    private static final Map<String, Schema> CACHE = new ConcurrentHashMap<>();

    private OcppSchemas() {
    }

    static boolean available() {
        return Files.isDirectory(DIR);
    }

    /**
     * @param name {@code Action} for a request or {@code ActionResponse} for an answer
     * @return human-readable violations (empty when valid or when the schemas are not available)
     */
    static List<String> validate(String name, JsonNode payload) {
        if (!available()) {
            return List.of();
        }
        Path file = DIR.resolve(name + ".json");
        if (!Files.exists(file)) {
            return List.of("no schema " + name);
        }
        Schema schema = CACHE.computeIfAbsent(name, n -> {
            try {
                return REGISTRY.getSchema(Files.readString(file));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        List<Error> errors = schema.validate(payload);
        return errors.stream().map(e -> name + ": " + e + " in " + payload).toList();
    }
}
