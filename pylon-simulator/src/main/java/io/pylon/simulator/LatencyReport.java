package io.pylon.simulator;

import io.pylon.simulator.ocpp.Json;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Snapshot of CALL → CALLRESULT latencies of the charge-point-initiated messages, per action and in total,
 * taken from HdrHistograms (microsecond resolution, reported in milliseconds).
 *
 * @param generatedAt when the snapshot was taken
 * @param actions     statistics per action, sorted by action name
 * @param total       statistics over all actions
 */
public record LatencyReport(Instant generatedAt, List<ActionStats> actions, ActionStats total) {

    /**
     * Latency statistics of one action.
     *
     * @param action   OCPP action, or {@code ALL}
     * @param count    answered CALLs (CALLRESULT or CALLERROR)
     * @param meanMs   mean latency
     * @param p50Ms    median
     * @param p99Ms    99th percentile
     * @param p999Ms   99.9th percentile
     * @param maxMs    maximum
     * @param errors   CALLERROR answers
     * @param timeouts CALLs that got no answer in time
     */
    public record ActionStats(String action, long count, double meanMs, double p50Ms, double p99Ms, double p999Ms,
            double maxMs, long errors, long timeouts) {
    }

    /** @return the statistics of one action, or null when it never occurred */
    public ActionStats action(String name) {
        return actions.stream().filter(a -> a.action().equals(name)).findFirst().orElse(null);
    }

    /** @return the report as pretty-printed JSON */
    public String toJson() {
        ObjectNode root = Json.object().put("generatedAt", Json.time(generatedAt));
        root.set("total", json(total));
        ArrayNode list = root.putArray("actions");
        actions.forEach(a -> list.add(json(a)));
        return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    }

    private static ObjectNode json(ActionStats s) {
        return Json.object().put("action", s.action()).put("count", s.count()).put("meanMs", round(s.meanMs()))
                .put("p50Ms", round(s.p50Ms())).put("p99Ms", round(s.p99Ms())).put("p999Ms", round(s.p999Ms()))
                .put("maxMs", round(s.maxMs())).put("errors", s.errors()).put("timeouts", s.timeouts());
    }

    private static double round(double v) {
        return Math.round(v * 1000.0) / 1000.0;
    }

    /** @return the report as a Markdown table */
    public String toMarkdown() {
        StringBuilder sb = new StringBuilder();
        sb.append("# OCPP latency report\n\nGenerated ").append(Json.time(generatedAt)).append("\n\n");
        sb.append("| Action | Count | Mean ms | p50 ms | p99 ms | p99.9 ms | Max ms | Errors | Timeouts |\n");
        sb.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (ActionStats a : actions) {
            row(sb, a, a.action());
        }
        row(sb, total, "**" + total.action() + "**");
        return sb.toString();
    }

    private static void row(StringBuilder sb, ActionStats a, String name) {
        sb.append(String.format(Locale.ROOT, "| %s | %d | %.2f | %.2f | %.2f | %.2f | %.2f | %d | %d |%n", name,
                a.count(), a.meanMs(), a.p50Ms(), a.p99Ms(), a.p999Ms(), a.maxMs(), a.errors(), a.timeouts()));
    }
}
