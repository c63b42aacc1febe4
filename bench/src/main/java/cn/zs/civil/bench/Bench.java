package cn.zs.civil.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.camunda.bpm.engine.ProcessEngine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.zaxxer.hikari.HikariDataSource;

/**
 * The benchmark's command line (bench/README.md):
 * <ul>
 * <li>{@code full}: bare-engine baseline, then the packaged platform under sustained and capacity load, database
 * footprint per case, 100,000 open tasks and the clerk's queue at that size; results as JSON and Markdown;</li>
 * <li>{@code smoke}: one scenario against the platform for a short time; exit code 1 on any error or when nothing
 * completed (CI);</li>
 * <li>{@code engine}: the bare-engine phase alone (the full run starts it in its own JVM, heap capped like the
 * platform's).</li>
 * </ul>
 */
public final class Bench {

    private final Map<String, String> options;
    private final Path root;
    private final Database db;

    private Bench(Map<String, String> options) {
        this.options = options;
        this.root = Path.of(opt("root", ".")).toAbsolutePath().normalize();
        this.db = new Database(opt("db-server", "jdbc:mysql://127.0.0.1:3306/"), opt("db-user", "root"),
                opt("db-password", ""));
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: bench full|smoke|engine [--option value ...] (see bench/README.md)");
            System.exit(2);
        }
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        Bench bench = new Bench(options);
        int exit = switch (args[0]) {
            case "full" -> bench.full(String.join(" ", args));
            case "smoke" -> bench.smoke(String.join(" ", args));
            case "engine" -> bench.engine();
            case "seed-open-tasks" -> bench.seed();
            case "report" -> bench.report();
            case "appointment-burst" -> bench.appointmentBurst(String.join(" ", args));
            default -> throw new IllegalArgumentException("unknown command " + args[0]);
        };
        System.exit(exit);
    }

    private String opt(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }

    private int num(String name, int fallback) {
        return Integer.parseInt(opt(name, Integer.toString(fallback)));
    }

    private LoadRun.Settings settings(String label, double rate, int seconds) {
        return new LoadRun.Settings(label, rate, num("backlog", 60), num("submitters", rate > 0 ? 16 : 4),
                num("clerks", 16), num("readers", rate > 0 ? 2 : 0), 200, num("warmup", 15), seconds,
                num("drain", 90));
    }

    /** {@code marriage:300,funeral:60} into scenario → seconds. */
    private static Map<String, Integer> durations(String spec) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (String part : spec.split(",")) {
            String[] p = part.split(":");
            out.put(Scenarios.of(p[0].trim()).name(), p.length > 1 ? Integer.parseInt(p[1]) : 60);
        }
        return out;
    }

    // ---------------------------------------------------------------------------------------------------------------

    private int full(String command) throws Exception {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("command", "java -jar bench/target/civil-approval-bench.jar " + command);
        result.put("startedAt", Instant.now().toString());
        result.put("machine", Machine.describe());
        result.put("loadAverageAtStart", Sampler.loadAverage());
        String platformDb = opt("platform-db", "bench_platform");
        String engineDb = opt("engine-db", "bench_engine");
        Map<String, Integer> sustained = durations(opt("sustain", "marriage:300,funeral:60"));
        Map<String, Integer> capacity = durations(opt("capacity", "marriage:90,funeral:90"));
        double rate = Double.parseDouble(opt("rate", "20"));

        // 1. The bare engine, in its own JVM with the platform's heap cap, on its own database.
        List<Object> engineRuns = new ArrayList<>();
        for (Map.Entry<String, Integer> c : capacity.entrySet()) {
            db.recreate(engineDb);
            Path engineOut = Files.createTempFile("bench-engine", ".json");
            List<String> cmd = new ArrayList<>(List.of("java", "-Xmx512m", "-jar",
                    root.resolve("bench/target/civil-approval-bench.jar").toString(), "engine",
                    "--root", root.toString(), "--db-server", opt("db-server", "jdbc:mysql://127.0.0.1:3306/"),
                    "--db-user", db.user(), "--db-password", db.password(), "--engine-db", engineDb,
                    "--scenario", c.getKey(), "--seconds", Integer.toString(c.getValue()), "--out", engineOut.toString()));
            for (String pass : List.of("warmup", "backlog", "submitters", "clerks", "drain")) {
                if (options.containsKey(pass)) {
                    cmd.addAll(List.of("--" + pass, options.get(pass)));
                }
            }
            log("bare engine, " + c.getKey() + ", capacity for " + c.getValue() + " s");
            Process p = new ProcessBuilder(cmd).inheritIO().start();
            if (p.waitFor() != 0) {
                throw new IllegalStateException("the bare-engine run failed");
            }
            engineRuns.add(Client.JSON.readTree(engineOut.toFile()));
        }
        result.put("bareEngine", engineRuns);
        Path out = Path.of(opt("out", "bench/results/full"));
        write(result, out);

        // 2. The platform: the packaged jar on a fresh database, the registry gateway stubbed over HTTP.
        db.recreate(platformDb);
        Map<String, Object> platform = new LinkedHashMap<>();
        Metrics metrics = new Metrics();
        try (RegistryStub registry = new RegistryStub(num("registry-port", 18510));
                App app = startApp(platformDb, registry);
                HikariDataSource appDb = db.open(platformDb, 2);
                Sampler sampler = new Sampler(app.pid(), app::heapUsed)) {
            result.put("mariadb", Database.version(appDb));
            Client client = new Client(app.baseUrl, metrics);
            AtomicLong sequence = new AtomicLong();
            List<Object> phases = new ArrayList<>();
            platform.put("phases", phases);
            result.put("platform", platform);
            for (Map.Entry<String, Integer> s : sustained.entrySet()) {
                Scenario scenario = Scenarios.of(s.getKey());
                log("platform, " + s.getKey() + ", " + rate + " cases/s for " + s.getValue() + " s");
                phases.add(phase(scenario, new PlatformTarget(scenario, client, appDb), metrics,
                        settings("sustained " + scenario.name(), rate, s.getValue()), sequence, sampler));
                write(result, out);
            }
            sampler.profile(true);
            for (Map.Entry<String, Integer> c : capacity.entrySet()) {
                Scenario scenario = Scenarios.of(c.getKey());
                log("platform, " + c.getKey() + ", capacity for " + c.getValue() + " s");
                phases.add(phase(scenario, new PlatformTarget(scenario, client, appDb), metrics,
                        settings("capacity " + scenario.name(), 0, c.getValue()), sequence, sampler));
                write(result, out);
            }
            sampler.profile(false);
            long cases = count(appDb, "select count(*) from application");
            log("database footprint of " + cases + " cases");
            platform.put("footprint", Database.footprint(appDb, platformDb, cases));
            platform.put("outcomes", outcomes(appDb));

            // 3. The clerk's queue at 100,000 open tasks.
            int open = num("open-tasks", 100_000);
            if (open > 0) {
                log("seeding " + open + " open tasks");
                Map<String, Object> queue = new LinkedHashMap<>();
                try (HikariDataSource seedDb = db.open(platformDb, 6)) {
                    queue.put("seed", OpenTasks.seed(seedDb, open));
                }
                log("measuring the queue");
                queue.put("measurement", queue(app.baseUrl, sampler, num("queue-seconds", 60)));
                platform.put("queueAt100k", queue);
            }
        }
        result.put("loadAverageAtEnd", Sampler.loadAverage());
        result.put("finishedAt", Instant.now().toString());
        result.put("targets", Targets.evaluate(Client.JSON.valueToTree(result)));
        write(result, out);
        return 0;
    }

    private App startApp(String platformDb, RegistryStub registry) throws Exception {
        return startApp(platformDb, registry, null);
    }

    private App startApp(String platformDb, RegistryStub registry, String configOption) throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("SPRING_PROFILES_ACTIVE", "mysql");
        env.put("DB_URL", db.url(platformDb));
        env.put("DB_USER", db.user());
        env.put("DB_PASSWORD", db.password());
        env.put("DEMO_DATA", "false");
        // The mysql profile refuses the embedded demo keys: a fresh key for each run's fresh database.
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        env.put("DATA_ENCRYPTION_KEYS", "bench:" + java.util.Base64.getEncoder().encodeToString(key));
        env.put("PLATFORM_HASH_KEY", "bench-" + java.util.UUID.randomUUID());
        env.put("REGISTRY_MODE", "http");
        env.put("REGISTRY_BASE_URL", registry.baseUrl());
        // Public tracking is rate-limited per client address; every virtual user here shares one address.
        env.put("TRACKING_RATE", "1000000");
        Path jar = options.containsKey("jar") ? Path.of(opt("jar", "")) : App.findJar(root);
        log("starting " + jar.getFileName() + " on port " + num("port", 18501));
        Path work = Path.of(opt("work", root.resolve("bench/target/app").toString()));
        return configOption == null ? new App(jar, work, num("port", 18501), env)
                : new App(jar, work, num("port", 18501), env, configOption);
    }

    private Map<String, Object> phase(Scenario scenario, Target target, Metrics metrics, LoadRun.Settings settings,
            AtomicLong sequence, Sampler sampler) throws InterruptedException {
        long errorsBefore = metrics.errorCount();
        Map<String, Long> errorsByCauseBefore = metrics.errors();
        Map<String, Object> out = new LoadRun(scenario, target, metrics, settings, sequence).run(sampler);
        out.put("latencies", metrics.summary());
        out.put("errors", metrics.errorCount() - errorsBefore);
        Map<String, Long> causes = new LinkedHashMap<>();
        metrics.errors().forEach((k, v) -> {
            long d = v - errorsByCauseBefore.getOrDefault(k, 0L);
            if (d > 0) {
                causes.put(k, d);
            }
        });
        out.put("errorCauses", causes);
        metrics.clearLatencies();
        log(out.get("label") + ": " + out.get("completedPerSecond") + " cases/s, errors " + out.get("errors"));
        return out;
    }

    /** Clerks of three kinds read their queue (first page, 20, most urgent first) back to back. */
    private Map<String, Object> queue(String baseUrl, Sampler sampler, int seconds) throws InterruptedException {
        Metrics metrics = new Metrics();
        Client client = new Client(baseUrl, metrics);
        String[] accounts = {"clerk-marriage", "clerk-funeral-xl", "chief"};
        List<Thread> threads = new ArrayList<>();
        long end = System.nanoTime() + (seconds + 10) * 1_000_000_000L;
        long[] totals = new long[accounts.length];
        for (int i = 0; i < accounts.length * 2; i++) {
            int a = i % accounts.length;
            Thread t = new Thread(() -> {
                while (System.nanoTime() < end) {
                    Client.Reply r = client.get("GET /api/tasks (" + accounts[a] + ")", accounts[a], "/api/tasks?size=20");
                    if (r.ok()) {
                        totals[a] = r.body().path("total").asLong();
                    }
                }
            });
            t.setDaemon(true);
            t.start();
            threads.add(t);
        }
        Thread.sleep(10_000);
        metrics.recording(true);
        sampler.phase("queue at 100k");
        Thread.sleep(seconds * 1000L);
        metrics.recording(false);
        Map<String, Object> resources = sampler.endPhase();
        for (Thread t : threads) {
            t.join();
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("concurrentReaders", threads.size());
        out.put("seconds", seconds);
        Map<String, Object> visible = new LinkedHashMap<>();
        for (int i = 0; i < accounts.length; i++) {
            visible.put(accounts[i], totals[i]);
        }
        out.put("tasksInQueue", visible);
        out.put("latencies", metrics.summary());
        out.put("errors", metrics.errorCount());
        out.put("errorCauses", metrics.errors());
        out.put("resources", resources);
        return out;
    }

    private static Map<String, Long> outcomes(HikariDataSource db) throws java.sql.SQLException {
        Map<String, Long> out = new LinkedHashMap<>();
        try (var c = db.getConnection(); var s = c.createStatement();
                var r = s.executeQuery("select service_code, coalesce(outcome, status), count(*) from application"
                        + " group by service_code, coalesce(outcome, status) order by 1, 2")) {
            while (r.next()) {
                out.put(r.getString(1) + " " + r.getString(2), r.getLong(3));
            }
        }
        return out;
    }

    private static long count(HikariDataSource db, String sql) throws java.sql.SQLException {
        try (var c = db.getConnection(); var s = c.createStatement(); var r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    // ---------------------------------------------------------------------------------------------------------------

    private int smoke(String command) throws Exception {
        String platformDb = opt("platform-db", "bench_smoke");
        if (Boolean.parseBoolean(opt("create-database", "true"))) {
            db.recreate(platformDb);
        }
        Scenario scenario = Scenarios.of(opt("scenario", "marriage"));
        Metrics metrics = new Metrics();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("command", "java -jar bench/target/civil-approval-bench.jar " + command);
        result.put("machine", Machine.describe());
        try (RegistryStub registry = new RegistryStub(num("registry-port", 18510));
                App app = startApp(platformDb, registry);
                HikariDataSource appDb = db.open(platformDb, 2);
                Sampler sampler = new Sampler(app.pid(), app::heapUsed)) {
            Client client = new Client(app.baseUrl, metrics);
            LoadRun.Settings s = new LoadRun.Settings("smoke " + scenario.name(),
                    Double.parseDouble(opt("rate", "5")), 20, 8, num("clerks", 4), 1, 200, num("warmup", 5),
                    num("seconds", 30), num("drain", 60));
            result.put("phase", phase(scenario, new PlatformTarget(scenario, client, appDb), metrics, s,
                    new AtomicLong(), sampler));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> phase = (Map<String, Object>) result.get("phase");
        long errors = (long) phase.get("errors");
        long completed = (long) phase.get("completedInWindow");
        write(result, Path.of(opt("out", "bench/target/smoke")));
        if (errors > 0 || completed == 0) {
            System.err.println("smoke run FAILED: " + errors + " errors " + phase.get("errorCauses") + ", "
                    + completed + " cases completed");
            return 1;
        }
        System.out.println("smoke run passed: " + completed + " cases completed, " + phase.get("completedPerSecond")
                + " cases/s, no errors");
        return 0;
    }

    // ---------------------------------------------------------------------------------------------------------------

    /**
     * {@code appointment-burst}: {@code --requests 5000} booking requests of {@code --applicants} (default: as many)
     * applicants for {@code --places 500} places of one band, at most {@code --in-flight} (default: all) at once;
     * exit 1 unless exactly the places were booked, every other request was told "full" and none failed.
     */
    private int appointmentBurst(String command) throws Exception {
        String platformDb = opt("platform-db", "bench_appointments");
        db.recreate(platformDb);
        int requests = num("requests", 5000);
        int applicants = num("applicants", requests);
        int places = num("places", 500);
        int inFlight = num("in-flight", requests);
        Path work = Path.of(opt("work", root.resolve("bench/target/app").toString()));
        String config = Accounts.configOption(work, applicants, AppointmentBurst.config(applicants, places));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("command", "java -jar bench/target/civil-approval-bench.jar " + command);
        result.put("startedAt", Instant.now().toString());
        Map<String, Object> machine = Machine.describe();
        result.put("machine", machine);
        try (RegistryStub registry = new RegistryStub(num("registry-port", 18510));
                App app = startApp(platformDb, registry, config);
                HikariDataSource appDb = db.open(platformDb, 2)) {
            log("burst: " + requests + " requests of " + applicants + " applicants for " + places + " places");
            result.putAll(AppointmentBurst.run(app.baseUrl, appDb, requests, applicants, inFlight,
                    num("warmup", requests)));
        }
        // "The rest told at once" (issue 19): the "full" answers' p95 within --at-once-ms.
        int atOnceMs = num("at-once-ms", 1000);
        Object fullP95 = ((Map<?, ?>) result.get("fullLatencyMs")).get("p95");
        boolean atOnce = fullP95 instanceof Number n && n.doubleValue() <= atOnceMs;
        result.put("atOnceMs", atOnceMs);
        result.put("toldAtOnce", atOnce);
        boolean held = ((Number) result.get("booked")).intValue() == places
                && ((Number) result.get("slotBooked")).intValue() == places
                && ((Number) result.get("bookingRows")).intValue() == places
                && ((Number) result.get("toldFull")).intValue() == requests - places
                && ((Number) result.get("serverErrors")).longValue() == 0
                && ((Number) result.get("noAnswer")).longValue() == 0;
        result.put("verdict", !held ? "FAILED"
                : atOnce ? "held: exactly the places booked, every other request told full at once, no error"
                : "held: exactly the places booked, every other request told full, no error; but not at once (\"full\""
                        + " p95 " + fullP95 + " ms > " + atOnceMs + " ms)");
        Path out = Path.of(opt("out", "bench/results/appointment-burst"));
        AppointmentBurst.write(out, AppointmentBurst.markdown(result, (String) result.get("command"), machine), result);
        log("results in " + out + ".md and .json: " + result.get("verdict"));
        return held ? 0 : 1;
    }

    // ---------------------------------------------------------------------------------------------------------------

    private int engine() throws Exception {
        Scenario scenario = Scenarios.of(opt("scenario", "marriage"));
        String engineDb = opt("engine-db", "bench_engine");
        BareEngine.CaseStatus status = new BareEngine.CaseStatus();
        Metrics metrics = new Metrics();
        Map<String, Object> out = new LinkedHashMap<>();
        try (HikariDataSource ds = db.open(engineDb, 10)) {
            ProcessEngine engine = BareEngine.build("bench-" + scenario.name(), ds, true,
                    BareEngine.beans(scenario, status));
            try (Sampler sampler = new Sampler(ProcessHandle.current().pid(),
                    () -> ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed())) {
                BareEngine.deploy(engine, scenario, root);
                out.putAll(phase(scenario, new EngineTarget(scenario, engine, status, metrics), metrics,
                        settings("bare engine " + scenario.name(), 0, num("seconds", 90)), new AtomicLong(), sampler));
                long cases = engine.getHistoryService().createHistoricProcessInstanceQuery().count();
                out.put("footprint", Database.footprint(ds, engineDb, cases));
            } finally {
                engine.close();
            }
        }
        write(out, Path.of(opt("out", "bench/target/engine.json").replaceFirst("\\.json$", "")));
        return 0;
    }

    /**
     * Joins the result files of runs that together make one full run (e.g. the sustained phases of one, the
     * capacity and queue phases of another) and evaluates the targets on the whole: {@code --in a,b --out c}.
     */
    @SuppressWarnings("unchecked")
    private int report() throws Exception {
        Map<String, Object> merged = null;
        List<String> commands = new ArrayList<>();
        for (String in : opt("in", "bench/results/full").split(",")) {
            Map<String, Object> r = Client.JSON.readValue(Path.of(in + ".json").toFile(), Map.class);
            commands.add(String.valueOf(r.get("command")));
            r.remove("targets");
            if (merged == null) {
                merged = r;
                continue;
            }
            ((List<Object>) merged.computeIfAbsent("bareEngine", k -> new ArrayList<>()))
                    .addAll((List<Object>) r.getOrDefault("bareEngine", List.of()));
            Map<String, Object> platform = (Map<String, Object>) merged.computeIfAbsent("platform",
                    k -> new LinkedHashMap<>());
            Map<String, Object> more = (Map<String, Object>) r.getOrDefault("platform", Map.of());
            ((List<Object>) platform.computeIfAbsent("phases", k -> new ArrayList<>()))
                    .addAll((List<Object>) more.getOrDefault("phases", List.of()));
            for (String key : List.of("footprint", "outcomes", "queueAt100k")) {
                if (more.containsKey(key)) {
                    platform.put(key, more.get(key));
                }
            }
            merged.put("finishedAt", r.get("finishedAt"));
            merged.put("loadAverageAtEnd", r.get("loadAverageAtEnd"));
        }
        merged.put("command", String.join("\n", commands));
        merged.put("targets", Targets.evaluate(Client.JSON.valueToTree(merged)));
        write(merged, Path.of(opt("out", "bench/results/full")));
        return 0;
    }

    /** Seeds open tasks into an existing platform database (its schema made by the platform). */
    private int seed() throws Exception {
        try (HikariDataSource ds = db.open(opt("platform-db", "bench_platform"), 2)) {
            log(OpenTasks.seed(ds, num("open-tasks", 100_000)).toString());
        }
        return 0;
    }

    // ---------------------------------------------------------------------------------------------------------------

    /** Writes {@code <out>.json} and, for a full or smoke run, {@code <out>.md}. */
    private static void write(Map<String, Object> result, Path out) throws Exception {
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        JsonNode tree = Client.JSON.valueToTree(result);
        Files.writeString(Path.of(out + ".json"),
                Client.JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(tree) + "\n");
        if (result.containsKey("command")) {
            Files.writeString(Path.of(out + ".md"), Markdown.render(tree));
            log("results in " + out + ".json and " + out + ".md");
        }
    }

    static void log(String message) {
        System.out.println("[bench " + Instant.now().toString().substring(11, 19) + "] " + message);
    }
}
