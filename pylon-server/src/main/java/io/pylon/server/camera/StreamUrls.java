package io.pylon.server.camera;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/**
 * Checks the URLs of a camera's live video and snapshots before they are kept and handed to the console: the scheme
 * fits the kind of stream, there is a host, and no user name or password is in the URL (credentials stay on the
 * operator's media server; anyone who may read alarms sees these URLs).
 */
final class StreamUrls {

    static final Set<String> RTSP = Set.of("rtsp", "rtsps");
    static final Set<String> HTTP = Set.of("http", "https");
    /** WebRTC: a WHEP endpoint over HTTP(S), or the webrtc:// form some media servers (SRS, ZLMediaKit) use. */
    static final Set<String> WEBRTC = Set.of("http", "https", "webrtc");
    /** FLV: HTTP-FLV or WebSocket-FLV. */
    static final Set<String> FLV = Set.of("http", "https", "ws", "wss");

    private StreamUrls() {}

    /** The URL, trimmed, or null when blank; IllegalArgumentException naming the field when it is not acceptable. */
    static String check(String field, String url, Set<String> schemes) {
        if (url == null || url.isBlank()) return null;
        String u = url.strip();
        URI uri;
        try {
            uri = new URI(u);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(field + ": not a URL (" + e.getReason() + ")");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!schemes.contains(scheme)) {
            throw new IllegalArgumentException(field + ": the scheme must be one of " + schemes.stream().sorted().toList()
                    + ", not '" + scheme + "'");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new IllegalArgumentException(field + ": the URL has no host");
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException(field + ": no user name or password in the URL; keep them on the media server");
        }
        return u;
    }
}
