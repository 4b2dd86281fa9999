package io.pylon.domain.station;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a driver names to start charging: a connector code typed in, or the payload of the QR code on the
 * connector. Three payloads are understood (ADR 0006), all protocol-neutral:
 * <ol>
 *   <li>{@code pylon:<chargerId>:<connectorId>}, e.g. {@code pylon:HZ-0001:1} — what Pylon prints; the
 *       charger id may itself contain {@code :}, so the connector id is what follows the last colon;</li>
 *   <li>an {@code http(s)} URL carrying the connector code in the query parameter {@code code}, or else as its
 *       last path segment, e.g. {@code https://go.example.com/c/HZ-0001-1} — a phone camera opens the operator's
 *       page or app, which sends the whole URL;</li>
 *   <li>anything else is the connector code itself ({@code [A-Za-z0-9-]{1,32}}, as operators set it).</li>
 * </ol>
 */
public sealed interface ConnectorRef {

    /** Longest payload read; a QR code on a charger holds a few dozen characters. */
    int MAX_PAYLOAD = 512;
    /** The prefix of Pylon's own QR payload. */
    String SCHEME = "pylon:";
    /** Connector codes as operators set them (see the connector spec). */
    Pattern CODE = Pattern.compile("[A-Za-z0-9-]{1,32}");

    /** A connector named by the human-readable code of its spec. */
    record ByCode(String code) implements ConnectorRef {}

    /** A connector named by its charger and connector number. */
    record ByConnector(String chargerId, int connectorId) implements ConnectorRef {}

    /** The payload of Pylon's own QR code for a connector. */
    static String qrPayload(String chargerId, int connectorId) {
        return SCHEME + chargerId + ":" + connectorId;
    }

    /** Reads a typed code or a scanned payload; empty when it is neither. */
    static Optional<ConnectorRef> parse(String payload) {
        if (payload == null) return Optional.empty();
        String text = payload.strip();
        if (text.isEmpty() || text.length() > MAX_PAYLOAD) return Optional.empty();
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        if (lower.startsWith(SCHEME)) return pylon(text.substring(SCHEME.length()));
        if (lower.startsWith("http://") || lower.startsWith("https://")) return url(text);
        return code(text);
    }

    private static Optional<ConnectorRef> pylon(String rest) {
        int colon = rest.lastIndexOf(':');
        if (colon <= 0 || colon == rest.length() - 1) return Optional.empty();
        String chargerId = rest.substring(0, colon);
        String number = rest.substring(colon + 1);
        if (chargerId.length() > 64 || !number.matches("[0-9]{1,2}")) return Optional.empty();
        int connectorId = Integer.parseInt(number);
        return connectorId < 1 ? Optional.empty() : Optional.of(new ByConnector(chargerId, connectorId));
    }

    private static Optional<ConnectorRef> url(String text) {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0 && pair.substring(0, eq).equals("code")) {
                    return code(URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        String path = uri.getPath() == null ? "" : uri.getPath();
        while (path.endsWith("/")) path = path.substring(0, path.length() - 1);
        return code(path.substring(path.lastIndexOf('/') + 1));
    }

    private static Optional<ConnectorRef> code(String text) {
        return CODE.matcher(text).matches() ? Optional.of(new ByCode(text)) : Optional.empty();
    }
}
