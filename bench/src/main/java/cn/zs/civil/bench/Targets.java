package cn.zs.civil.bench;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/** The targets against a full run's results: met or missed, and by how much. */
final class Targets {

    private Targets() {
    }

    static List<Map<String, Object>> evaluate(JsonNode r) {
        List<Map<String, Object>> out = new ArrayList<>();
        JsonNode sustained = phase(r, "sustained marriage");
        JsonNode capacity = phase(r, "capacity marriage");
        if (sustained != null) {
            double rate = sustained.path("completedPerSecond").asDouble();
            long open = sustained.path("openAtEnd").asLong();
            double seconds = sustained.path("seconds").asDouble();
            out.add(target("marriage: >= 20 completed cases/s sustained for 5 minutes",
                    rate + " cases/s over " + seconds + " s, " + open + " open at the end, lowest 5-s rate "
                            + sustained.path("minFiveSecondRate").asDouble(),
                    rate >= 20 && seconds >= 295 && open <= 100, rate >= 20 ? null : pct(rate, 20) + " of target"));
            double worst = 0;
            String worstName = "";
            for (Iterator<Map.Entry<String, JsonNode>> it = sustained.path("latencies").fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getValue().path("p95Ms").asDouble() > worst) {
                    worst = e.getValue().path("p95Ms").asDouble();
                    worstName = e.getKey();
                }
            }
            out.add(target("marriage at target load: p95 of every API call < 200 ms",
                    "worst p95 " + worst + " ms (" + worstName + ")", worst < 200,
                    worst < 200 ? null : Metrics.round(worst - 200) + " ms over"));
            long errors = sustained.path("errors").asLong();
            out.add(target("marriage at target load: zero errors", errors + " errors", errors == 0, null));
            double submit = sustained.path("latencies").path("POST /api/applications").path("p95Ms").asDouble();
            out.add(target("submission p95 < 100 ms at target load", submit + " ms", submit < 100,
                    submit < 100 ? null : Metrics.round(submit - 100) + " ms over"));
        }
        JsonNode engine = null;
        for (JsonNode e : r.path("bareEngine")) {
            if ("marriage".equals(e.path("scenario").asText())) {
                engine = e;
            }
        }
        if (capacity != null && engine != null) {
            double platform = capacity.path("completedPerSecond").asDouble();
            double bare = engine.path("completedPerSecond").asDouble();
            double share = bare == 0 ? 0 : platform / bare;
            out.add(target("platform >= 70 % of the bare engine's throughput (marriage, capacity)",
                    platform + " vs " + bare + " cases/s = " + Math.round(share * 100) + " %", share >= 0.7,
                    share >= 0.7 ? null : Math.round((0.7 - share) * 100) + " points short"));
        }
        JsonNode queue = r.path("platform").path("queueAt100k").path("measurement");
        if (!queue.isMissingNode()) {
            double worst = 0;
            StringBuilder all = new StringBuilder();
            for (Iterator<Map.Entry<String, JsonNode>> it = queue.path("latencies").fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                double p95 = e.getValue().path("p95Ms").asDouble();
                worst = Math.max(worst, p95);
                all.append(all.length() == 0 ? "" : ", ").append(e.getKey().replace("GET /api/tasks ", ""))
                        .append(" ").append(p95).append(" ms");
            }
            out.add(target("clerk's queue p95 < 50 ms with 100,000 open tasks", all.toString(), worst < 50,
                    worst < 50 ? null : Metrics.round(worst - 50) + " ms over (worst)"));
        }
        return out;
    }

    private static JsonNode phase(JsonNode r, String label) {
        for (JsonNode p : r.path("platform").path("phases")) {
            if (label.equals(p.path("label").asText())) {
                return p;
            }
        }
        return null;
    }

    private static String pct(double v, double of) {
        return Math.round(v / of * 100) + " %";
    }

    private static Map<String, Object> target(String name, String measured, boolean met, String miss) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("target", name);
        t.put("measured", measured);
        t.put("met", met);
        if (miss != null) {
            t.put("missedBy", miss);
        }
        return t;
    }
}
