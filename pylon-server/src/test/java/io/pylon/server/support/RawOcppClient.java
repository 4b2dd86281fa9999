package io.pylon.server.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A bare WebSocket charge point for tests that must send what no OCPP library would: malformed
 * frames, wrong types, replays. Built on the JDK's WebSocket client.
 */
public final class RawOcppClient implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final WebSocket socket;
    private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();

    private RawOcppClient(WebSocket.Builder builder, URI uri) {
        this.socket = builder.buildAsync(uri, new Listener()).join();
    }

    /** Connects as {@code chargerId} with subprotocol ocpp1.6 and, if given, Basic auth. */
    public static RawOcppClient connect(int port, String chargerId, String password) {
        return connectAs(port, chargerId, chargerId, password);
    }

    /** Connects to {@code chargerId}'s URL presenting the Basic-auth user {@code user}. */
    public static RawOcppClient connectAs(int port, String chargerId, String user, String password) {
        return open(HttpClient.newHttpClient(), URI.create("ws://127.0.0.1:" + port + "/ocpp/" + chargerId), user, password);
    }

    /** Connects over TLS with the given client. */
    public static RawOcppClient connectTls(HttpClient client, int port, String chargerId, String password) {
        return open(client, URI.create("wss://localhost:" + port + "/ocpp/" + chargerId), chargerId, password);
    }

    /** Connects to any path offering one subprotocol. */
    public static RawOcppClient connectWithSubprotocol(int port, String path, String subprotocol) {
        return new RawOcppClient(HttpClient.newHttpClient().newWebSocketBuilder().subprotocols(subprotocol)
                .connectTimeout(Duration.ofSeconds(5)), URI.create("ws://127.0.0.1:" + port + path));
    }

    private static RawOcppClient open(HttpClient client, URI uri, String user, String password) {
        WebSocket.Builder builder = client.newWebSocketBuilder().subprotocols("ocpp1.6").connectTimeout(Duration.ofSeconds(5));
        if (password != null) {
            builder.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return new RawOcppClient(builder, uri);
    }

    public void sendText(String text) {
        socket.sendText(text, true).join();
    }

    /** Sends a CALL and returns the next frame received (the reply), parsed. */
    public JsonNode call(String id, String action, String payloadJson) {
        sendText("[2,\"" + id + "\",\"" + action + "\"," + payloadJson + "]");
        return next();
    }

    /** The next frame the server sent, parsed; fails after 10 s. */
    public JsonNode next() {
        try {
            String text = received.poll(10, TimeUnit.SECONDS);
            if (text == null) throw new AssertionError("no frame from the server within 10 s");
            return JSON.readTree(text);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The close code the server sent, waiting up to 10 s. */
    public int awaitClose() {
        return closed.orTimeout(10, TimeUnit.SECONDS).join();
    }

    public boolean isOpen() {
        return !closed.isDone();
    }

    @Override
    public void close() {
        if (!closed.isDone()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
            socket.abort();
        }
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                received.add(partial.toString());
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.complete(-1);
        }
    }
}
