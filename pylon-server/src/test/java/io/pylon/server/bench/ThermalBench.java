package io.pylon.server.bench;

import io.pylon.domain.thermal.Area;
import io.pylon.domain.thermal.BayDecision;
import io.pylon.domain.thermal.BayWatch;
import io.pylon.domain.thermal.DetectorSettings;
import io.pylon.domain.thermal.ThermalDetector;
import io.pylon.domain.thermal.ThermalFrame;
import io.pylon.domain.thermal.Thresholds;
import io.pylon.server.thermal.FrameDecoder;
import io.pylon.server.thermal.FrameDecoder.Format;
import io.pylon.server.thermal.HeatMap;
import io.pylon.server.thermal.SyntheticFrames;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import tools.jackson.databind.json.JsonMapper;

/**
 * Benchmark of thermal detection (issue #7: one node analyses ≥ 200 frames/s of 384 × 288 with the decision latency
 * measured). Not a test: run by hand with {@code ./pylon bench-thermal} (see docs/benchmarks.md).
 *
 * <p>Each frame goes the way a posted frame goes after HTTP: its body (JSON, binary or PNG, encoded beforehand) is read
 * by {@link FrameDecoder} and judged by {@link ThermalDetector} for every bay its camera watches. The latency of a frame
 * is from the moment its body is in hand to the moment the decisions on its bays are made (what the alarm is then told).
 * Raising an alarm (database, commands) is not in it: it happens on the few frames that change a bay's grade.
 * {@code cameras} cameras, each watching {@code bays} bays of {@code zones} zones, send frames that warm and cool (so
 * grades change and reasons are written); each camera's frames go in order on one of {@code threads} threads.
 *
 * <p>Arguments ({@code key=value}): format (binary | json | png | all), frames (20000 per format), warmup (3000),
 * cameras (8), bays (4), zones (3), threads (2), heatmaps (100: heat maps drawn afterwards, timed apart).
 */
public final class ThermalBench {

    private static final int WIDTH = 384;
    private static final int HEIGHT = 288;
    private static final int VARIANTS = 24;

    private ThermalBench() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> a = BenchArgs.parse(Map.of("format", "all", "frames", "20000", "warmup", "3000", "cameras", "8",
                "bays", "4", "zones", "3", "threads", "2", "heatmaps", "100"), args);
        int cameras = Integer.parseInt(a.get("cameras")), bays = Integer.parseInt(a.get("bays")), zones = Integer.parseInt(a.get("zones"));
        int threads = Integer.parseInt(a.get("threads"));
        List<BayWatch> layout = layout(bays, zones);
        System.out.printf("thermal bench: %d×%d frames, %d cameras × %d bays × %d zones, %d threads, %d cores, Java %s%n", WIDTH, HEIGHT,
                cameras, bays, zones, threads, Runtime.getRuntime().availableProcessors(), Runtime.version());
        List<Format> formats = a.get("format").equals("all") ? List.of(Format.BINARY, Format.JSON, Format.PNG)
                : List.of(Format.valueOf(a.get("format").toUpperCase()));
        for (Format format : formats) {
            byte[][] bodies = bodies(format, layout);
            System.out.printf("%-6s body %,d bytes%n", format, bodies[0].length);
            run(format, bodies, layout, cameras, threads, Integer.parseInt(a.get("warmup")), false);
            run(format, bodies, layout, cameras, threads, Integer.parseInt(a.get("frames")), true);
        }
        heatMaps(layout, Integer.parseInt(a.get("heatmaps")));
    }

    /** Bays side by side across the frame; zones stacked inside each (front, middle, rear …). */
    private static List<BayWatch> layout(int bays, int zones) {
        List<BayWatch> watches = new ArrayList<>();
        int bayWidth = WIDTH / bays;
        long zoneId = 1;
        for (int b = 0; b < bays; b++) {
            Area area = new Area(b * bayWidth, 16, bayWidth, HEIGHT - 32);
            List<BayWatch.Zone> zs = new ArrayList<>();
            int zoneHeight = (area.height() - 16) / zones;
            for (int z = 0; z < zones; z++) {
                zs.add(new BayWatch.Zone(zoneId++, "zone" + z, new Area(area.x() + 8, area.y() + 8 + z * zoneHeight, bayWidth - 16, zoneHeight - 4),
                        Thresholds.DEFAULT));
            }
            watches.add(new BayWatch(b + 1, area, zs));
        }
        return watches;
    }

    /** Frame bodies without a timestamp (the bench gives each its camera time): a spot that warms to 100 °C and cools. */
    private static byte[][] bodies(Format format, List<BayWatch> layout) {
        byte[][] bodies = new byte[VARIANTS][];
        for (int v = 0; v < VARIANTS; v++) {
            double spot = 30 + 70 * Math.sin(Math.PI * v / VARIANTS);
            SyntheticFrames f = SyntheticFrames.of("BENCH", WIDTH, HEIGHT, 19).noise(0.4, v);
            for (BayWatch bay : layout) {
                Area z = bay.zones().get(bay.zones().size() / 2).area();
                f.paint(z.x() + z.width() / 4, z.y() + z.height() / 4, z.width() / 2, z.height() / 2, bay.bayId() % 2 == 0 ? spot : 25);
            }
            bodies[v] = switch (format) {
                case BINARY -> {
                    byte[] b = f.binary(Instant.EPOCH);
                    Arrays.fill(b, 12, 20, (byte) 0); // timestamp 0: the time of receipt
                    yield b;
                }
                case JSON -> f.json(Instant.EPOCH).replace("\"cameraId\":\"BENCH\",\"timestamp\":\"1970-01-01T00:00:00Z\",", "").getBytes(StandardCharsets.UTF_8);
                case PNG -> f.png();
            };
        }
        return bodies;
    }

    private static void run(Format format, byte[][] bodies, List<BayWatch> layout, int cameras, int threads, int frames, boolean report)
            throws Exception {
        FrameDecoder decoder = new FrameDecoder(JsonMapper.builder().build());
        ThermalDetector detector = new ThermalDetector(DetectorSettings.DEFAULT);
        // one detector per camera's bays: bay ids are made unique per camera
        List<List<BayWatch>> layouts = new ArrayList<>();
        for (int c = 0; c < cameras; c++) {
            List<BayWatch> own = new ArrayList<>();
            long base = c * 1000L;
            for (BayWatch b : layout) {
                own.add(new BayWatch(base + b.bayId(), b.area(), b.zones().stream()
                        .map(z -> new BayWatch.Zone(base + z.zoneId(), z.name(), z.area(), z.thresholds())).toList()));
            }
            layouts.add(own);
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<long[]>> parts = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            int share = frames / threads + (t < frames % threads ? 1 : 0);
            parts.add(pool.submit(() -> {
                long[] latencies = new long[share];
                long[] cameraTime = new long[cameras];
                int raised = 0;
                for (int i = 0; i < share; i++) {
                    int camera = thread + (i % Math.max(1, cameras / threads)) * threads;
                    if (camera >= cameras) camera = thread % cameras;
                    byte[] body = bodies[(i / Math.max(1, cameras / threads)) % VARIANTS];
                    Instant at = Instant.ofEpochMilli(1_700_000_000_000L + (cameraTime[camera] += 250)); // 4 frames/s per camera
                    long t0 = System.nanoTime();
                    ThermalFrame frame = decoder.decode(format, body, "BENCH-" + camera, format == Format.PNG ? at : null, at);
                    List<BayDecision> decisions = detector.analyse(frame, layouts.get(camera));
                    latencies[i] = System.nanoTime() - t0;
                    for (BayDecision d : decisions) if (d.action() == BayDecision.Action.RAISE) raised++;
                }
                if (raised == 0 && share > 1000) throw new IllegalStateException("no bay ever raised: the bench measures no decisions");
                return latencies;
            }));
        }
        long[] all = new long[0];
        try {
            for (Future<long[]> part : parts) {
                long[] l = part.get();
                int from = all.length;
                all = Arrays.copyOf(all, from + l.length);
                System.arraycopy(l, 0, all, from, l.length);
            }
        } finally {
            pool.shutdownNow();
        }
        long elapsed = System.nanoTime() - start;
        if (!report) return;
        Arrays.sort(all);
        System.out.printf("%-6s %,d frames in %.2f s = %,.0f frames/s; decision latency ms p50 %.2f  p90 %.2f  p99 %.2f  p99.9 %.2f  max %.2f%n",
                format, all.length, elapsed / 1e9, all.length / (elapsed / 1e9), pct(all, 50), pct(all, 90), pct(all, 99), pct(all, 99.9),
                all[all.length - 1] / 1e6);
    }

    private static double pct(long[] sorted, double p) {
        int i = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    private static void heatMaps(List<BayWatch> layout, int count) {
        if (count <= 0) return;
        ThermalDetector detector = new ThermalDetector(DetectorSettings.DEFAULT);
        SyntheticFrames f = SyntheticFrames.of("BENCH", WIDTH, HEIGHT, 19).noise(0.4, 1).paint(120, 100, 40, 40, 95);
        long[] times = new long[count];
        int bytes = 0;
        for (int i = 0; i < count; i++) {
            ThermalFrame frame = f.frame(Instant.ofEpochSecond(i));
            Map<Long, BayDecision> decisions = new HashMap<>();
            detector.analyse(frame, layout).forEach(d -> decisions.put(d.bayId(), d));
            long t0 = System.nanoTime();
            bytes = HeatMap.render(frame, layout, decisions, "camera BENCH · " + frame.at()).length;
            times[i] = System.nanoTime() - t0;
        }
        Arrays.sort(times);
        System.out.printf("heat map (evidence, drawn only when an alarm is raised or worsens): %d drawn, %,d bytes each, ms p50 %.1f  p99 %.1f%n",
                count, bytes, pct(times, 50), pct(times, 99));
    }
}
