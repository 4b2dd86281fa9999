package io.pylon.server.console;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads a server-sent event stream ({@code GET /api/v1/live} unless told) as a browser would: named events, JSON data, one queue. */
public final class SseStream implements AutoCloseable {

    public record Event(String name, JsonNode data) {}

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final CompletableFuture<HttpResponse<Stream<String>>> response;
    private volatile Stream<String> lines;

    private SseStream(int port, String token, String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Accept", "text/event-stream").GET();
        if (token != null) request.header("Authorization", "Bearer " + token);
        if (headers.length > 0) request.headers(headers);
        response = HttpClient.newHttpClient().sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines());
        // on a thread of its own: a dependent action run by whoever completes or awaits the future would read forever there
        response.thenAcceptAsync(r -> {
            lines = r.body();
            String[] name = {"message"};
            StringBuilder data = new StringBuilder();
            try {
                lines.forEach(line -> {
                    if (line.startsWith("event:")) name[0] = line.substring(6).strip();
                    else if (line.startsWith("data:")) data.append(line.substring(5));
                    else if (line.isEmpty() && !data.isEmpty()) {
                        events.add(new Event(name[0], JSON.readTree(data.toString())));
                        data.setLength(0);
                        name[0] = "message";
                    }
                });
            } catch (RuntimeException closed) {
                // the stream was closed by close()
            }
        }, task -> Thread.ofPlatform().daemon().name("sse-reader").start(task));
    }

    static SseStream open(int port, String token) {
        return new SseStream(port, token, "/api/v1/live");
    }

    /** A stream at another path, with extra request headers (name, value, ...). */
    public static SseStream open(int port, String token, String path, String... headers) {
        return new SseStream(port, token, path, headers);
    }

    public int status() throws Exception {
        return response.get(10, TimeUnit.SECONDS).statusCode();
    }

    public java.net.http.HttpHeaders headers() throws Exception {
        return response.get(10, TimeUnit.SECONDS).headers();
    }

    /** The next event matching, skipping others; fails after {@code timeout}. */
    public Event await(Predicate<Event> wanted, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            Event e = events.poll(Math.max(0, left), TimeUnit.NANOSECONDS);
            if (e == null) throw new AssertionError("no matching event within " + timeout);
            if (wanted.test(e)) return e;
        }
    }

    /** Every event received so far, and those arriving within {@code wait}. */
    public java.util.List<Event> drain(Duration wait) throws InterruptedException {
        Thread.sleep(wait.toMillis());
        java.util.List<Event> out = new java.util.ArrayList<>();
        events.drainTo(out);
        return out;
    }

    @Override
    public void close() {
        response.cancel(true);
        if (lines != null) lines.close();
    }
}
