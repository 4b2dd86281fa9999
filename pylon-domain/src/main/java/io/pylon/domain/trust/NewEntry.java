package io.pylon.domain.trust;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An entry to append. Its record is {@code content} plus {@code "kind"} and {@code "subject"}, written as
 * canonical JSON, so every record names what it is on its own.
 */
public record NewEntry(EntryKind kind, String subject, Long operatorId, Map<String, Object> content) {

    public NewEntry {
        Objects.requireNonNull(kind, "kind");
        if (subject == null || subject.isBlank() || subject.length() > 128) {
            throw new IllegalArgumentException("subject: 1 to 128 characters");
        }
        content = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(content)); // values may be null
    }

    public byte[] record() {
        Map<String, Object> all = new LinkedHashMap<>(content);
        all.put("kind", kind.name());
        all.put("subject", subject);
        return CanonicalJson.encode(all);
    }
}
