package io.pylon.simulator.model;

import io.pylon.simulator.ocpp.Json;
import io.pylon.simulator.ocpp.OcppException;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The local authorization list (OCPP 1.6 Local Auth List Management) plus the authorization cache.
 * Not thread-safe: used from the owning charger's event loop.
 */
public final class LocalAuthList {
    /** IdTagInfo as held in the list or cache. */
    public record IdTagInfo(String status, Instant expiryDate, String parentIdTag) {
        /** @return whether the tag may charge at {@code now} */
        public boolean acceptedAt(Instant now) {
            return "Accepted".equals(status) && (expiryDate == null || expiryDate.isAfter(now));
        }

        /** @return the OCPP JSON form */
        public ObjectNode toJson() {
            ObjectNode node = Json.object().put("status", status);
            if (expiryDate != null) {
                node.put("expiryDate", Json.time(expiryDate));
            }
            if (parentIdTag != null) {
                node.put("parentIdTag", parentIdTag);
            }
            return node;
        }

        /** Parses an idTagInfo object. */
        public static IdTagInfo parse(JsonNode node) {
            return new IdTagInfo(Json.requireString(node, "status"), Json.optTime(node, "expiryDate"),
                    Json.optString(node, "parentIdTag"));
        }
    }

    private final Map<String, IdTagInfo> entries = new LinkedHashMap<>();
    private final Map<String, IdTagInfo> cache = new HashMap<>();
    private int version;

    /** @return the current list version (0 = no list installed) */
    public int version() {
        return version;
    }

    /** @return the number of entries in the list */
    public int size() {
        return entries.size();
    }

    /** @return the list entry for a tag, or the cached authorization, or null */
    public IdTagInfo lookup(String idTag) {
        IdTagInfo info = entries.get(idTag);
        return info != null ? info : cache.get(idTag);
    }

    /** @return the list entry only (not the cache) */
    public IdTagInfo listEntry(String idTag) {
        return entries.get(idTag);
    }

    /** Remembers the CSMS's answer for a tag in the authorization cache. */
    public void cache(String idTag, IdTagInfo info) {
        cache.put(idTag, info);
    }

    /** Clears the authorization cache (ClearCache). */
    public void clearCache() {
        cache.clear();
    }

    /**
     * Applies a SendLocalList request.
     *
     * @return the SendLocalList status: Accepted, Failed or VersionMismatch
     */
    public String apply(JsonNode request, int maxLength) {
        int newVersion = Json.requireInt(request, "listVersion");
        String updateType = Json.requireString(request, "updateType");
        JsonNode list = request.path("localAuthorizationList");
        Map<String, IdTagInfo> updates = new LinkedHashMap<>();
        if (list.isArray()) {
            for (JsonNode item : list) {
                updates.put(Json.requireString(item, "idTag"),
                        item.hasNonNull("idTagInfo") ? IdTagInfo.parse(Json.requireObject(item, "idTagInfo")) : null);
            }
        } else if (!list.isMissingNode() && !list.isNull()) {
            throw OcppException.type("localAuthorizationList", "an array");
        }
        switch (updateType) {
            case "Full" -> {
                if (updates.size() > maxLength) {
                    return "Failed";
                }
                entries.clear();
                updates.forEach((tag, info) -> {
                    if (info != null) {
                        entries.put(tag, info);
                    }
                });
            }
            case "Differential" -> {
                if (newVersion <= version) {
                    return "VersionMismatch";
                }
                Map<String, IdTagInfo> next = new LinkedHashMap<>(entries);
                updates.forEach((tag, info) -> {
                    if (info == null) {
                        next.remove(tag);
                    } else {
                        next.put(tag, info);
                    }
                });
                if (next.size() > maxLength) {
                    return "Failed";
                }
                entries.clear();
                entries.putAll(next);
            }
            default -> throw new OcppException("PropertyConstraintViolation", "updateType " + updateType);
        }
        version = newVersion;
        return "Accepted";
    }
}
