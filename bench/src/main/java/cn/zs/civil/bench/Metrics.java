package cn.zs.civil.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Latencies per endpoint (HdrHistogram, microseconds, 3 significant digits) and errors per endpoint and cause.
 * Recording can be switched off for warm-up and drain, so only the measured window counts.
 */
final class Metrics {

    private final Map<String, ConcurrentHistogram> latencies = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
    private volatile boolean recording;

    void recording(boolean on) {
        recording = on;
    }

    /** The next phase starts its latencies afresh; errors keep counting (the caller takes differences). */
    void clearLatencies() {
        latencies.clear();
    }

    void record(String endpoint, long nanos) {
        if (recording) {
            latencies.computeIfAbsent(endpoint, k -> new ConcurrentHistogram(3_600_000_000L, 3))
                    .recordValue(Math.max(1, Math.min(nanos / 1000, 3_600_000_000L)));
        }
    }

    /** Errors count in every phase: an error during warm-up or drain is still an error. */
    void error(String endpoint, String cause) {
        String key = endpoint + " " + cause.replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", "{id}");
        errors.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet();
    }

    /** An exception as an error cause: its class and, where it wraps one, the innermost cause's class and message. */
    static String cause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = e.getClass().getSimpleName() + ": " + (root == e ? e.getMessage()
                : "caused by " + root.getClass().getSimpleName() + ": " + root.getMessage());
        return text.length() > 300 ? text.substring(0, 300) : text;
    }

    long errorCount() {
        return errors.values().stream().mapToLong(AtomicLong::get).sum();
    }

    Map<String, Long> errors() {
        Map<String, Long> out = new TreeMap<>();
        errors.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }

    /** Per endpoint: count, mean, p50, p95, p99, max in milliseconds. */
    Map<String, Map<String, Object>> summary() {
        Map<String, Map<String, Object>> out = new TreeMap<>();
        latencies.forEach((endpoint, h) -> out.put(endpoint, summary(h.copy())));
        return out;
    }

    static Map<String, Object> summary(Histogram h) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("count", h.getTotalCount());
        s.put("meanMs", round(h.getMean() / 1000.0));
        s.put("p50Ms", round(h.getValueAtPercentile(50) / 1000.0));
        s.put("p95Ms", round(h.getValueAtPercentile(95) / 1000.0));
        s.put("p99Ms", round(h.getValueAtPercentile(99) / 1000.0));
        s.put("maxMs", round(h.getMaxValue() / 1000.0));
        return s;
    }

    static double round(double v) {
        return Math.round(v * 10.0) / 10.0;
    }
}
