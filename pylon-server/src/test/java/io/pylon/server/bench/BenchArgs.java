package io.pylon.server.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code key=value} arguments of the benchmark tools, over their defaults; an unknown key is refused. */
final class BenchArgs {

    private BenchArgs() {}

    static Map<String, String> parse(Map<String, String> defaults, String[] args) {
        Map<String, String> a = new LinkedHashMap<>(defaults);
        for (String arg : args) {
            String[] kv = arg.split("=", 2);
            if (kv.length != 2 || !a.containsKey(kv[0])) throw new IllegalArgumentException("unknown argument " + arg + "; known: " + a.keySet());
            a.put(kv[0], kv[1]);
        }
        return a;
    }
}
