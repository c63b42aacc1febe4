package cn.zs.civil.bench;

import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/** The human-readable side of a result file. */
final class Markdown {

    private final StringBuilder md = new StringBuilder();

    private Markdown() {
    }

    static String render(JsonNode r) {
        Markdown m = new Markdown();
        m.all(r);
        return m.md.toString();
    }

    private void all(JsonNode r) {
        line("# Benchmark results");
        line("");
        line("Command (from the repository root, after `./mvnw -B -o -pl backend package -DskipTests -Dweb.skip` and "
                + "`./mvnw -B -o -Pbench -pl bench package`):");
        line("");
        line("```");
        line(r.path("command").asText());
        line("```");
        line("");
        JsonNode m = r.path("machine");
        line("Machine: " + m.path("cpus").asText() + " CPUs (" + m.path("cpuModel").asText() + "), "
                + m.path("memory").asText() + ", " + m.path("os").asText() + ", " + m.path("java").asText()
                + (r.has("mariadb") ? ", MariaDB " + r.path("mariadb").asText() : "") + ". Platform and bare engine "
                + "each `-Xmx512m`; load generator, registry stub and MariaDB on the same machine.");
        if (r.has("startedAt")) {
            line("Run " + r.path("startedAt").asText() + " to " + r.path("finishedAt").asText() + "; load average "
                    + r.path("loadAverageAtStart").asText() + " at the start, " + r.path("loadAverageAtEnd").asText()
                    + " at the end (1, 5, 15 min; other work on the machine shows here).");
        }
        line("");
        if (r.has("targets")) {
            line("## Targets");
            line("");
            line("| target | measured | met |");
            line("|---|---|---|");
            for (JsonNode t : r.path("targets")) {
                line("| " + t.path("target").asText() + " | " + t.path("measured").asText() + " | "
                        + (t.path("met").asBoolean() ? "yes" : "**no**, " + t.path("missedBy").asText("")) + " |");
            }
            line("");
        }
        line("## Phases");
        line("");
        line("| phase | mode | completed cases/s | lowest 5-s rate | open at end | errors | CPU app / MariaDB (% of one core) | heap max MB | load avg |");
        line("|---|---|---|---|---|---|---|---|---|");
        for (JsonNode e : r.path("bareEngine")) {
            phaseRow(e);
        }
        for (JsonNode p : r.path("platform").path("phases")) {
            phaseRow(p);
        }
        if (r.has("phase")) {
            phaseRow(r.path("phase"));
        }
        line("");
        line("## Latencies (ms, measured window only)");
        line("");
        line("| phase | call | count | p50 | p95 | p99 | max |");
        line("|---|---|---|---|---|---|---|");
        for (JsonNode e : r.path("bareEngine")) {
            latencyRows(e.path("label").asText(), e.path("latencies"));
        }
        for (JsonNode p : r.path("platform").path("phases")) {
            latencyRows(p.path("label").asText(), p.path("latencies"));
        }
        if (r.has("phase")) {
            latencyRows(r.path("phase").path("label").asText(), r.path("phase").path("latencies"));
        }
        JsonNode q = r.path("platform").path("queueAt100k");
        if (!q.isMissingNode()) {
            latencyRows("queue at " + q.path("seed").path("openTasks").asText() + " open tasks",
                    q.path("measurement").path("latencies"));
            line("");
            line("## The clerk's queue at 100,000 open tasks");
            line("");
            line("Seeded: " + q.path("seed").path("seededTasks").asText() + " open tasks over "
                    + q.path("seed").path("queues").asText() + " queues and " + q.path("seed").path("districts").asText()
                    + " districts in " + q.path("seed").path("seedSeconds").asText() + " s (" 
                    + q.path("seed").path("openTasks").asText() + " open tasks in the engine in all). Tasks each "
                    + "account's queue holds: " + q.path("measurement").path("tasksInQueue").toString()
                    + "; " + q.path("measurement").path("concurrentReaders").asText() + " readers back to back for "
                    + q.path("measurement").path("seconds").asText() + " s, errors "
                    + q.path("measurement").path("errors").asText() + ", resources "
                    + q.path("measurement").path("resources").toString() + ".");
        }
        line("");
        footprint("Platform", r.path("platform").path("footprint"));
        for (JsonNode e : r.path("bareEngine")) {
            footprint("Bare engine (" + e.path("scenario").asText() + ")", e.path("footprint"));
        }
        if (r.path("platform").has("outcomes")) {
            line("Outcomes of the platform's cases: " + r.path("platform").path("outcomes").toString());
            line("");
        }
        line("## Where the time goes (capacity phases, jcmd Thread.print every 2 s)");
        line("");
        for (JsonNode p : r.path("platform").path("phases")) {
            JsonNode prof = p.path("resources").path("profile");
            if (prof.isMissingNode()) {
                continue;
            }
            line("### " + p.path("label").asText() + " (" + prof.path("threadDumps").asText() + " dumps)");
            line("");
            line("Busy worker threads (HTTP and job executor) by state: " + prof.path("busyWorkerThreadStates"));
            line("");
            counts("Hottest running frames", prof.path("hotFrames"));
            counts("First platform frame on busy stacks", prof.path("platformFrames"));
        }
        line("## Errors");
        line("");
        boolean any = false;
        for (JsonNode p : r.path("platform").path("phases")) {
            any |= errors(p);
        }
        for (JsonNode e : r.path("bareEngine")) {
            any |= errors(e);
        }
        if (r.has("phase")) {
            any |= errors(r.path("phase"));
        }
        if (!any) {
            line("None.");
        }
    }

    private boolean errors(JsonNode p) {
        boolean any = false;
        for (Iterator<Map.Entry<String, JsonNode>> it = p.path("errorCauses").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            line("- " + p.path("label").asText() + ": " + e.getKey() + " × " + e.getValue().asText());
            any = true;
        }
        return any;
    }

    private void counts(String title, JsonNode counts) {
        line(title + ":");
        line("");
        for (Iterator<Map.Entry<String, JsonNode>> it = counts.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            line("- `" + e.getKey() + "` " + e.getValue().asText());
        }
        line("");
    }

    private void footprint(String title, JsonNode f) {
        if (f.isMissingNode()) {
            return;
        }
        line("## Database footprint: " + title);
        line("");
        line(f.path("cases").asText() + " cases; " + f.path("rows").asText() + " rows, "
                + f.path("bytes").asLong() / 1024 / 1024 + " MB (data and indexes after ANALYZE TABLE); **"
                + f.path("rowsPerCase").asText() + " rows and " + f.path("bytesPerCase").asLong() / 1024
                + " KB per case**. Largest tables:");
        line("");
        line("| table | rows | rows per case | MB |");
        line("|---|---|---|---|");
        for (Iterator<Map.Entry<String, JsonNode>> it = f.path("largestTablesByRows").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            line("| " + e.getKey() + " | " + e.getValue().path("rows").asText() + " | "
                    + e.getValue().path("rowsPerCase").asText() + " | "
                    + Metrics.round(e.getValue().path("bytes").asLong() / 1048576.0) + " |");
        }
        line("");
    }

    private void phaseRow(JsonNode p) {
        JsonNode res = p.path("resources");
        line("| " + p.path("label").asText() + " | " + p.path("mode").asText() + ", " + p.path("submitters").asText()
                + " submitters, " + p.path("clerks").asText() + " clerks, " + p.path("readers").asText() + " readers, "
                + p.path("seconds").asText() + " s | **" + p.path("completedPerSecond").asText() + "** | "
                + p.path("minFiveSecondRate").asText() + " | " + p.path("openAtEnd").asText() + " | "
                + p.path("errors").asText() + " | " + res.path("cpuPercentOfOneCore").asText() + " / "
                + res.path("mariadbCpuPercentOfOneCore").asText("?") + " | " + res.path("heapUsedMaxMb").asText()
                + " | " + res.path("loadAverage").asText() + " |");
    }

    private void latencyRows(String phase, JsonNode latencies) {
        for (Iterator<Map.Entry<String, JsonNode>> it = latencies.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode h = e.getValue();
            line("| " + phase + " | " + e.getKey() + " | " + h.path("count").asText() + " | " + h.path("p50Ms").asText()
                    + " | " + h.path("p95Ms").asText() + " | " + h.path("p99Ms").asText() + " | "
                    + h.path("maxMs").asText() + " |");
        }
    }

    private void line(String s) {
        md.append(s).append('\n');
    }
}
