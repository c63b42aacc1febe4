package cn.zs.civil.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.zs.civil.support.Api;
import cn.zs.civil.support.Fixtures;

/**
 * Memory exhaustion by request body (the hardening issue): the packaged jar with a modest heap and
 * {@code -XX:+ExitOnOutOfMemoryError} as the image runs it, attacked for a minute by several clients (a signed-in
 * applicant and anonymous callers) with oversized JSON (declared and streamed), bodies with very many keys, deep
 * nesting, huge strings and oversized uploads, against the real endpoints (applications, public tracking, uploads),
 * while a health prober and a few other users (a clerk listing the queue, an applicant reading their case, public
 * tracking with the right code) go on as usual: every health answer UP in under a second, the other users' p95
 * under a second, no 5xx anywhere (the attackers get 4xx), the JVM alive at the end. Then a forced
 * OutOfMemoryError with no backdoor in the product: the same jar on the same database with a heap too small for it
 * must exit with the JVM's OutOfMemoryError message and a heap dump instead of hanging; restarted with the normal
 * heap it is healthy, and the case made before the attack is there and its clerk accepts it.
 */
class OverloadFaultIT {

    private static final Duration LOAD = Duration.ofSeconds(Long.getLong("faults.overload.seconds", 60));
    private static final String HEAP = System.getProperty("faults.overload.heap", "384m");
    /** Too small for the platform to start. */
    private static final String OOM_HEAP = System.getProperty("faults.oom.heap", "16m");
    private static final int ATTACKERS = Integer.getInteger("faults.overload.attackers", 6);
    private static final long SLOW_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BOUNDARY = "overload-boundary-7f3a";

    /** One kind of hostile request and the answers it may get. */
    record Attack(String name, String user, String path, String contentType, byte[] body, boolean streamed,
            List<Integer> expected) {
    }

    /** Answers of one kind of caller: status counts, latencies, and what went wrong. */
    static final class Tally {
        final Map<String, AtomicInteger> answers = new ConcurrentHashMap<>();
        final List<Long> nanos = Collections.synchronizedList(new ArrayList<>());
        final List<String> wrong = Collections.synchronizedList(new ArrayList<>());
        /** Whether the figures are given kind by kind too. */
        boolean perKind;

        void record(String what, int status, long took) {
            answers.computeIfAbsent(what + " " + status, k -> new AtomicInteger()).incrementAndGet();
            nanos.add(took);
        }

        long count() {
            return nanos.size();
        }

        long percentileMillis(double p) {
            List<Long> sorted;
            synchronized (nanos) {
                sorted = new ArrayList<>(nanos);
            }
            if (sorted.isEmpty()) {
                return -1;
            }
            Collections.sort(sorted);
            int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
            return TimeUnit.NANOSECONDS.toMillis(sorted.get(Math.max(0, Math.min(index, sorted.size() - 1))));
        }

        final Map<String, Tally> byKind = new ConcurrentHashMap<>();

        void record(String what, int status, long took, boolean perKind) {
            record(what, status, took);
            if (perKind) {
                byKind.computeIfAbsent(what, k -> new Tally()).nanos.add(took);
            }
        }

        String figures() {
            StringBuilder out = new StringBuilder(count() + " calls, p95 " + percentileMillis(95) + " ms, max "
                    + percentileMillis(100) + " ms");
            new TreeMap<>(byKind).forEach((kind, t) -> out.append("; ").append(kind).append(": ")
                    .append(t.count()).append(" calls, p95 ").append(t.percentileMillis(95)).append(" ms, max ")
                    .append(t.percentileMillis(100)).append(" ms"));
            return out.toString();
        }
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void hostileBodiesLeaveTheAppHealthyAndAnOutOfMemoryErrorEndsTheJvmForARestart() throws Exception {
        OwnMariaDb db = OwnMariaDb.shared();
        String database = "hl_overload";
        db.freshDatabase(database);
        // The log of this run only: the suite counts its ERROR lines.
        Files.deleteIfExists(FaultSuite.workDir(database).resolve("app.log"));
        // The dump directory exists, as in the image (docker/Dockerfile): a missing one would be taken as a file name.
        Path dumps = FaultSuite.workDir(database).resolve("dumps");
        if (Files.isRegularFile(dumps)) {
            Files.delete(dumps);
        }
        Files.createDirectories(dumps);
        try (StubRegistry registry = new StubRegistry(FaultSuite.REGISTRY_PORT)) {
            Map<String, String> env = AppNode.mysqlEnv(db, database, registry);
            AppNode node = node(database, env, HEAP).start();
            String applicationNo;
            try {
                Api api = new Api(node.port, Duration.ofSeconds(60));
                applicationNo = caseBeforeTheAttack(api);
                String queryCode = api.as(CaseLoad.FUNERAL_APPLICANT).get("/api/applications/" + applicationNo).body()
                        .path("queryCode").asText();
                assertThat(queryCode).as("the applicant sees the query code").isNotBlank();
                underAttack(node, applicationNo, queryCode);
            } finally {
                node.stop();
            }
            outOfMemory(database, env);
            AppNode restarted = node(database, env, HEAP).start();
            try {
                workable(new Api(restarted.port, Duration.ofSeconds(60)), applicationNo);
            } finally {
                restarted.stop();
            }
        }
    }

    /** The node as the image runs it: exit on OutOfMemoryError, heap dump where the operator keeps them. */
    private static AppNode node(String database, Map<String, String> env, String heap) {
        Path work = FaultSuite.workDir(database);
        return new AppNode(database + "-" + heap, FaultSuite.NODE_A_PORT, work, env, FaultSuite.NODE_ARGS,
                List.of("-Xmx" + heap, "-XX:+ExitOnOutOfMemoryError", "-XX:+HeapDumpOnOutOfMemoryError",
                        "-XX:HeapDumpPath=" + work.resolve("dumps")));
    }

    /** A funeral-fee reimbursement with its uploads, waiting in the clerk's queue for acceptance. */
    private static String caseBeforeTheAttack(Api api) throws InterruptedException {
        CaseLoad load = new CaseLoad(1, () -> api);
        load.submitAll(1, i -> true, Duration.ofMinutes(2));
        assertThat(load.unexpected).isEmpty();
        String no = load.acknowledged.get(0);
        assertThat(no).as("the case made before the attack").isNotNull();
        awaitTask(api, no, "Task_AcceptApplication");
        return no;
    }

    private static JsonNode awaitTask(Api api, String applicationNo, String taskKey) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            for (JsonNode task : api.as(CaseLoad.FUNERAL_CLERK).get("/api/tasks?scope=ALL&size=100").body()
                    .path("items")) {
                if (task.path("applicationNo").asText().equals(applicationNo)
                        && task.path("taskKey").asText().equals(taskKey)) {
                    return task;
                }
            }
            OwnMariaDb.sleep(500);
        }
        throw new AssertionError(taskKey + " of " + applicationNo + " not in the clerk's queue after 90 s");
    }

    private void underAttack(AppNode node, String applicationNo, String queryCode) throws Exception {
        List<Attack> attacks = attacks();
        Tally attackers = new Tally();
        Tally health = new Tally();
        Tally others = new Tally();
        others.perKind = true;
        // The other users hold a session, as the web UI does: no password check on every call.
        HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        BrowserSession clerk = BrowserSession.signIn(browser, node.base(), CaseLoad.FUNERAL_CLERK);
        BrowserSession applicant = BrowserSession.signIn(browser, node.base(), CaseLoad.FUNERAL_APPLICANT);
        // Each call once before the clock starts, as on a node that has served for a while: its first call warms up
        // code the measured calls would otherwise pay for.
        Tally warmUp = new Tally();
        byte[] track = JSON.writeValueAsBytes(Map.of("applicationNo", applicationNo, "queryCode", queryCode));
        List<HttpRequest> usual = List.of(get(node, "/actuator/health", (BrowserSession) null),
                get(node, "/api/tasks?scope=ALL&size=20", clerk), get(node, "/api/applications/" + applicationNo, applicant),
                json(node, "/api/public/track", null, track, false));
        for (HttpRequest request : usual) {
            call(warmUp, "warm-up", request, List.of(200));
        }
        assertThat(warmUp.wrong).as("the usual calls before the attack").isEmpty();
        String loadBefore = loadAverage();
        long end = System.nanoTime() + LOAD.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(ATTACKERS + 4);
        List<java.util.concurrent.Future<?>> running = new ArrayList<>();
        for (int a = 0; a < ATTACKERS; a++) {
            int first = a;
            running.add(pool.submit(() -> {
                for (int k = first; System.nanoTime() < end; k++) {
                    Attack attack = attacks.get(k % attacks.size());
                    call(attackers, attack.name(), request(node, attack), attack.expected());
                }
            }));
        }
        running.add(pool.submit(() -> {
            while (System.nanoTime() < end) {
                long started = System.nanoTime();
                call(health, "health", get(node, "/actuator/health", (BrowserSession) null), List.of(200), body -> body.contains("\"UP\""));
                OwnMariaDb.sleep(Math.max(0, 200 - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)));
            }
        }));
        running.add(pool.submit(() -> paced(end, 300, () -> call(others, "clerk lists the queue",
                get(node, "/api/tasks?scope=ALL&size=20", clerk), List.of(200), null))));
        running.add(pool.submit(() -> paced(end, 300, () -> call(others, "applicant reads the case",
                get(node, "/api/applications/" + applicationNo, applicant), List.of(200),
                body -> body.contains(applicationNo)))));
        // Within the tracking rate limit of one address (30 a minute): one call every 2.5 s.
        running.add(pool.submit(() -> paced(end, 2500, () -> call(others, "public tracking with the right code",
                json(node, "/api/public/track", null, track, false), List.of(200),
                body -> body.contains(applicationNo)))));
        pool.shutdown();
        // Every call has a timeout; the pool ends within the load time and one call's timeout.
        assertThat(pool.awaitTermination(LOAD.toSeconds() + 120, TimeUnit.SECONDS)).as("load ended in time").isTrue();
        for (var f : running) {
            f.get();
        }
        boolean alive = node.alive();
        String loadAfter = loadAverage();
        long errors = node.logLinesMatching(".*\\bERROR\\b.*|\\s+at [\\w.$]+\\(.*\\)");
        String summary = "[overload] " + LOAD.toSeconds() + " s, heap " + HEAP + ", " + ATTACKERS + " attackers: "
                + attackers.figures() + " " + new TreeMap<>(attackers.answers) + "; health: " + health.figures()
                + " " + new TreeMap<>(health.answers) + "; other users: " + others.figures() + " "
                + new TreeMap<>(others.answers) + "; JVM alive at the end: " + alive + "; ERROR or stack-trace log lines: "
                + errors + "; the machine's load average (1, 5, 15 min) before " + loadBefore + ", after " + loadAfter;
        System.out.println(summary);
        assertThat(attackers.wrong).as("attackers' answers that were not a refusal (4xx problem)").isEmpty();
        assertThat(health.wrong).as("health answers that were not UP within a second").isEmpty();
        assertThat(others.wrong).as("other users' calls that failed").isEmpty();
        assertThat(health.count()).as("health probes").isGreaterThanOrEqualTo(LOAD.toSeconds() * 2);
        assertThat(health.percentileMillis(100)).as("slowest health answer (ms)").isLessThan(1000);
        assertThat(others.percentileMillis(95)).as("other users' p95 (ms)").isLessThan(1000);
        assertThat(attackers.count()).as("attacks").isGreaterThan(LOAD.toSeconds());
        assertThat(alive).as("the JVM is alive after the attack; log: " + node.tail()).isTrue();
        assertThat(errors).as("ERROR or stack-trace lines in the log: " + node.tail()).isZero();
        System.out.println("[overload] held: " + attackers.count() + " hostile requests of " + attacks.size()
                + " kinds all refused with 4xx problem+json, no 5xx; health UP every time (max "
                + health.percentileMillis(100) + " ms); other users p95 " + others.percentileMillis(95) + " ms");
    }

    /** The whole machine's load: the figures mean little on a machine that other work keeps busy. */
    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static void paced(long end, long everyMillis, Runnable call) {
        while (System.nanoTime() < end) {
            long started = System.nanoTime();
            call.run();
            OwnMariaDb.sleep(Math.max(0, everyMillis - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)));
        }
    }

    /**
     * Sends one request and records its answer; a 5xx, an unexpected status, a slow health answer or no answer at
     * all is recorded as wrong (with the first 300 characters of the body).
     */
    private void call(Tally tally, String what, HttpRequest request, List<Integer> expected,
            java.util.function.Predicate<String> bodyOk) {
        long started = System.nanoTime();
        try {
            HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            long took = System.nanoTime() - started;
            tally.record(what, r.statusCode(), took, tally.perKind);
            String body = r.body();
            boolean problem = r.statusCode() < 400
                    || r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json");
            if (!expected.contains(r.statusCode()) || !problem || (bodyOk != null && !bodyOk.test(body))
                    || ("health".equals(what) && took >= SLOW_NANOS)) {
                tally.wrong.add(what + " → " + r.statusCode() + " in " + TimeUnit.NANOSECONDS.toMillis(took) + " ms: "
                        + body.substring(0, Math.min(300, body.length())));
            }
        } catch (IOException e) {
            tally.record(what, 0, System.nanoTime() - started);
            tally.wrong.add(what + " → no answer: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void call(Tally tally, String what, HttpRequest request, List<Integer> expected) {
        call(tally, what, request, expected, null);
    }

    private static HttpRequest.Builder base(AppNode node, String path, String user) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(node.base() + path)).timeout(Duration.ofSeconds(30))
                .header("Accept-Language", "zh-CN");
        if (user != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
        }
        return b;
    }

    private static HttpRequest get(AppNode node, String path, BrowserSession session) {
        HttpRequest.Builder b = base(node, path, null);
        if (session != null) {
            b.header("Cookie", session.cookieHeader());
        }
        return b.GET().build();
    }

    private static HttpRequest json(AppNode node, String path, String user, byte[] body, boolean streamed) {
        return base(node, path, user).header("Content-Type", "application/json").POST(publisher(body, streamed)).build();
    }

    private static HttpRequest request(AppNode node, Attack attack) {
        return base(node, attack.path(), attack.user()).header("Content-Type", attack.contentType())
                .POST(publisher(attack.body(), attack.streamed())).build();
    }

    /** A streamed body is sent chunked, with no Content-Length to refuse it by. */
    private static HttpRequest.BodyPublisher publisher(byte[] body, boolean streamed) {
        return streamed ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))
                : HttpRequest.BodyPublishers.ofByteArray(body);
    }

    /** The attacks: each body built once and sent again and again. */
    private static List<Attack> attacks() {
        String applicant = CaseLoad.FUNERAL_APPLICANT;
        String json = "application/json";
        byte[] sixMegabytes = application("\"x\":\"" + "殡".repeat(2_000_000) + "\"");
        StringBuilder manyKeys = new StringBuilder();
        for (int i = 0; i < 30_000; i++) {
            manyKeys.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":").append(i);
        }
        StringBuilder manyObjects = new StringBuilder();
        for (int o = 0; o < 200; o++) {
            manyObjects.append(o == 0 ? "" : ",").append("\"o").append(o).append("\":{");
            for (int i = 0; i < 199; i++) {
                manyObjects.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":").append(i);
            }
            manyObjects.append('}');
        }
        byte[] deep = ("{\"serviceCode\":\"funeral-fee-reimbursement\",\"data\":" + "[".repeat(10_000)
                + "]".repeat(10_000) + "}").getBytes(StandardCharsets.UTF_8);
        byte[] longText = application("\"deceasedName\":\"" + "林".repeat(150_000) + "\"");
        byte[] nineteenMegabytes = ("{\"applicationNo\":\"" + "Z".repeat(19 * 1024 * 1024) + "\",\"queryCode\":\"X\"}")
                .getBytes(StandardCharsets.UTF_8);
        byte[] trackManyKeys = ("{" + manyKeys + "}").getBytes(StandardCharsets.UTF_8);
        byte[] twelveMegabyteUpload = multipart("scan.pdf", 12 * 1024 * 1024);
        byte[] tenMegabyteFile = multipart("scan.pdf", 10 * 1024 * 1024 + 1024);
        String form = "multipart/form-data; boundary=" + BOUNDARY;
        List<Integer> tooLarge = List.of(413);
        List<Integer> tooComplex = List.of(422);
        return List.of(
                new Attack("6 MB JSON declared", applicant, "/api/applications", json, sixMegabytes, false, tooLarge),
                new Attack("6 MB JSON streamed", applicant, "/api/applications", json, sixMegabytes, true, tooLarge),
                new Attack("30,000 keys in one object", applicant, "/api/applications", json,
                        application(manyKeys.toString()), false, tooComplex),
                new Attack("39,800 keys in 200 objects", applicant, "/api/applications", json,
                        application(manyObjects.toString()), true, List.of(400, 422)),
                new Attack("10,000 levels deep", applicant, "/api/applications", json, deep, false, tooComplex),
                new Attack("150,000-character name", applicant, "/api/applications", json, longText, true, tooComplex),
                new Attack("anonymous 6 MB JSON to tracking", null, "/api/public/track", json, sixMegabytes, true,
                        tooLarge),
                new Attack("anonymous 19 MB field to tracking", null, "/api/public/track", json, nineteenMegabytes,
                        false, tooLarge),
                new Attack("anonymous 30,000 keys to tracking", null, "/api/public/track", json, trackManyKeys, false,
                        tooComplex),
                new Attack("anonymous 6 MB JSON to applications", null, "/api/applications", json, sixMegabytes,
                        false, tooLarge),
                new Attack("12 MB upload declared", applicant, "/api/attachments", form, twelveMegabyteUpload, false,
                        tooLarge),
                new Attack("12 MB upload streamed", applicant, "/api/attachments", form, twelveMegabyteUpload, true,
                        tooLarge),
                new Attack("10 MB + 1 KB file", applicant, "/api/attachments", form, tenMegabyteFile, false,
                        tooLarge));
    }

    private static byte[] application(String dataFields) {
        return ("{\"serviceCode\":\"funeral-fee-reimbursement\",\"data\":{" + dataFields + "}}")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** One file part of {@code size} bytes that starts like a PDF. */
    private static byte[] multipart(String fileName, int size) {
        byte[] file = new byte[size];
        byte[] pdf = Fixtures.pdf();
        System.arraycopy(pdf, 0, file, 0, pdf.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream(size + 512);
        out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(file);
        out.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /**
     * The same jar on the same database with a heap too small for it ({@code faults.oom.heap}, 16 MB: the
     * OutOfMemoryError comes while the application starts): the JVM must exit with the OutOfMemoryError message and
     * a heap dump, within a bound, instead of hanging.
     */
    private static void outOfMemory(String database, Map<String, String> env) throws Exception {
        AppNode small = node(database, env, OOM_HEAP);
        long offset = Files.exists(small.log()) ? Files.size(small.log()) : 0;
        Duration bound = Duration.ofSeconds(Long.getLong("faults.oom.seconds", 120));
        long started = System.nanoTime();
        small.launch();
        try {
            Integer exit = small.awaitExit(bound);
            long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
            byte[] bytes = Files.readAllBytes(small.log());
            String log = new String(bytes, (int) offset, bytes.length - (int) offset, StandardCharsets.UTF_8);
            assertThat(exit).as("the JVM with a " + OOM_HEAP + " heap exits within " + bound + " (it did not: it hangs)"
                    + "; log: " + small.tail()).isNotNull();
            assertThat(exit).as("exit code").isNotZero();
            assertThat(log).as("the JVM's own message").contains("Terminating due to java.lang.OutOfMemoryError");
            List<Path> hprof;
            try (var dumps = Files.list(small.workDir().resolve("dumps"))) {
                hprof = dumps.filter(p -> p.toString().endsWith(".hprof")).toList();
            }
            assertThat(hprof).as("the heap dump").isNotEmpty();
            // A dump holds whatever the heap held (personal data in clear): the suite keeps none.
            for (Path p : hprof) {
                Files.delete(p);
            }
            String last = log.lines().filter(l -> !l.isBlank()).reduce((x, y) -> y).orElse("");
            System.out.println("[overload] held: with a " + OOM_HEAP + " heap the JVM ran out of memory and exited ("
                    + "exit code " + exit + ") " + seconds + " s after its start, with a heap dump; its last line: " + last);
        } finally {
            small.kill();
        }
    }

    /** After the restart: the case made before the attack is there, and its clerk accepts it. */
    private static void workable(Api api, String applicationNo) {
        Api.Response read = api.as(CaseLoad.FUNERAL_APPLICANT).get("/api/applications/" + applicationNo);
        assertThat(read.status()).as("the case after the restart: " + read).isEqualTo(200);
        JsonNode task = awaitTask(api, applicationNo, "Task_AcceptApplication");
        Api.Response accepted = api.as(CaseLoad.FUNERAL_CLERK).post("/api/tasks/" + task.path("taskId").asText()
                + "/complete", Map.of("data", Map.of("decision", "accept")));
        assertThat(accepted.status()).as("the clerk accepts it: " + accepted).isEqualTo(204);
        awaitTask(api, applicationNo, "Task_ReviewReimbursement");
        System.out.println("[overload] held: restarted with a " + HEAP + " heap on the same database: health UP, case "
                + applicationNo + " read by its applicant and accepted by the clerk (next task: review)");
    }
}
