package cn.zs.civil.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import cn.zs.civil.support.Api;

/**
 * The database goes away for 30 seconds under load (the suites' own MariaDB, stopped and started again; never the
 * shared server): callers get 503 problem responses with Retry-After quickly, never a 500 or a stack trace, also on
 * the browser-session path; the application recovers by itself when the database is back; and no case is half
 * there: each is complete with its process instance, or was never acknowledged (and a retry with its
 * Idempotency-Key then creates it once).
 */
class DatabaseOutageFaultIT {

    private static final String DB = "hf_outage";
    private static final Duration OUTAGE = Duration.ofSeconds(Long.getLong("faults.outage.seconds", 30));
    private static final Pattern STACK_TRACE = Pattern.compile("(\\bat [a-z]+\\.[\\w.$]+\\(|Exception:|\\.java:\\d+)");

    private final Map<String, AtomicInteger> answers = new ConcurrentHashMap<>();
    private final List<String> problems = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
    private final AtomicLong slowest503Millis = new AtomicLong();
    private volatile boolean running = true;

    @Test
    void aDatabaseOutageAnswers503AndHealsByItself() throws Exception {
        OwnMariaDb db = OwnMariaDb.shared();
        db.freshDatabase(DB);
        try (StubRegistry registry = new StubRegistry(FaultSuite.REGISTRY_PORT);
                AppNode node = new AppNode("outage", FaultSuite.NODE_A_PORT, FaultSuite.workDir("outage"),
                        AppNode.mysqlEnv(db, DB, registry), FaultSuite.NODE_ARGS).start()) {
            Api api = new Api(node.port, Duration.ofSeconds(30));
            String session = signIn(node);
            CaseLoad load = new CaseLoad(Integer.MAX_VALUE, () -> api);
            AtomicInteger next = new AtomicInteger();
            ExecutorService callers = Executors.newFixedThreadPool(5);
            // Registrars submit marriages (each once, with its key), a clerk reads the queue, a browser its session.
            for (int t = 0; t < 3; t++) {
                callers.submit(() -> {
                    while (running) {
                        int i = next.getAndIncrement() * 4 + 2;
                        long started = System.nanoTime();
                        try {
                            Api.Response r = api.as(CaseLoad.REGISTRAR).post("/api/applications",
                                    Map.of("serviceCode", "marriage-registration", "data", CaseLoad.marriage(i)),
                                    Map.of("Idempotency-Key", CaseLoad.key(i)));
                            record("submit", r.status(), r.header("Retry-After"), r.header("Content-Type"), r.text(), started);
                            if (r.status() == 201) {
                                load.acknowledged.put(i, r.body().path("applicationNo").asText());
                            } else {
                                unanswered.add(i);
                            }
                        } catch (RuntimeException noAnswer) {
                            unanswered.add(i);
                            record("submit", -1, null, null, noAnswer.toString(), started);
                        }
                    }
                });
            }
            callers.submit(() -> {
                while (running) {
                    long started = System.nanoTime();
                    try {
                        Api.Response r = api.as(CaseLoad.REGISTRAR).get("/api/tasks?size=20");
                        record("queue", r.status(), r.header("Retry-After"), r.header("Content-Type"), r.text(), started);
                    } catch (RuntimeException noAnswer) {
                        record("queue", -1, null, null, noAnswer.toString(), started);
                    }
                    OwnMariaDb.sleep(200);
                }
            });
            HttpClient browser = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            callers.submit(() -> {
                while (running) {
                    long started = System.nanoTime();
                    try {
                        HttpResponse<String> r = browser.send(HttpRequest.newBuilder(URI.create(node.base() + "/api/me"))
                                .timeout(Duration.ofSeconds(30)).header("Cookie", "SESSION=" + session).build(),
                                HttpResponse.BodyHandlers.ofString());
                        record("session", r.statusCode(), r.headers().firstValue("Retry-After").orElse(null),
                                r.headers().firstValue("Content-Type").orElse(null), r.body(), started);
                    } catch (Exception noAnswer) {
                        record("session", -1, null, null, noAnswer.toString(), started);
                    }
                    OwnMariaDb.sleep(200);
                }
            });

            OwnMariaDb.sleep(10_000);
            int beforeOutage = load.acknowledged.size();
            db.stop();
            System.out.println("[outage] database stopped after " + beforeOutage + " acknowledged submissions");
            OwnMariaDb.sleep(OUTAGE.toMillis());
            db.start();
            long back = System.nanoTime();
            int atReturn = load.acknowledged.size();
            System.out.println("[outage] database started again after " + OUTAGE.toSeconds() + " s; answers so far "
                    + new TreeMap<>(answers));
            while (load.acknowledged.size() < atReturn + 20 && System.nanoTime() - back < Duration.ofSeconds(120).toNanos()) {
                OwnMariaDb.sleep(200);
            }
            long recoveredSeconds = (System.nanoTime() - back) / 1_000_000_000;
            OwnMariaDb.sleep(5_000);
            running = false;
            callers.shutdown();
            callers.awaitTermination(60, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(load.acknowledged.size()).as("submissions acknowledged after the database came back")
                    .isGreaterThanOrEqualTo(atReturn + 20);

            // Retries of everything that was not acknowledged, with the same key: each becomes one case.
            int retried = 0;
            for (int i : unanswered) {
                if (load.acknowledged.containsKey(i)) {
                    continue;
                }
                Api.Response r = api.as(CaseLoad.REGISTRAR).post("/api/applications",
                        Map.of("serviceCode", "marriage-registration", "data", CaseLoad.marriage(i)),
                        Map.of("Idempotency-Key", CaseLoad.key(i)));
                assertThat(r.status()).as("retry of case %d: %s", i, r).isIn(200, 201);
                load.acknowledged.put(i, r.body().path("applicationNo").asText());
                retried++;
            }

            System.out.println("[outage] answers by call and status: " + new TreeMap<>(answers)
                    + "; slowest 503: " + slowest503Millis.get() + " ms; recovered (20 new cases acknowledged) "
                    + recoveredSeconds + " s after the database returned; " + retried + " unacknowledged submissions "
                    + "retried with their key");
            assertThat(problems).as("500s, stack traces, 503 without Retry-After or problem+json, calls without answer")
                    .isEmpty();
            assertThat(answers.keySet()).as("callers got 503 during the outage").anyMatch(k -> k.endsWith(" 503"));
            assertThat(answers.keySet()).as("the session path too").contains("session 503");

            long acknowledged = load.acknowledged.size();
            assertThat(db.count(DB, "select count(*) from application")).as("cases").isEqualTo(acknowledged);
            assertThat(db.count(DB, "select count(*) from idempotency_key")).as("keys").isEqualTo(acknowledged);
            assertThat(db.count(DB, "select count(*) from application a where a.process_instance_id is null or not exists "
                    + "(select 1 from ACT_HI_PROCINST p where p.BUSINESS_KEY_ = a.application_no)"))
                    .as("cases without their process instance").isZero();
            assertThat(db.count(DB, "select count(*) from ACT_HI_PROCINST p where not exists "
                    + "(select 1 from application a where a.application_no = p.BUSINESS_KEY_)"))
                    .as("process instances without their case").isZero();
            load.acknowledged.forEach((i, no) -> assertThat(db.count(DB,
                    "select count(*) from application where application_no = '" + no + "'")).isEqualTo(1));
            // The job executor came back too: every registry check ran.
            FaultSuite.awaitCount(db, DB, "select count(*) from ACT_RU_JOB where TYPE_ = 'message'", 0, Duration.ofMinutes(2));
            assertThat(node.logLinesMatching(".*ERROR.*cn\\.zs\\.civil\\.web\\.ProblemAdvice.*Unexpected error.*"))
                    .as("unexpected errors in the log").isZero();
            System.out.println("[outage] held: no 500, no stack trace, every 503 with Retry-After as problem+json "
                    + "(session path included); " + acknowledged + " acknowledged cases, each once with its process "
                    + "instance, none half-applied; the job executor caught up on its own");
        } finally {
            running = false;
            db.start();
        }
    }

    private final java.util.Set<Integer> unanswered = ConcurrentHashMap.newKeySet();

    private void record(String call, int status, String retryAfter, String contentType, String body, long started) {
        long millis = (System.nanoTime() - started) / 1_000_000;
        answers.computeIfAbsent(call + " " + status, k -> new AtomicInteger()).incrementAndGet();
        if (status == -1) {
            problems.add(call + ": no answer after " + millis + " ms: " + body);
        } else if (status >= 500 && status != 503) {
            problems.add(call + ": " + status + " " + body);
        } else if (status == 503) {
            slowest503Millis.accumulateAndGet(millis, Math::max);
            if (retryAfter == null || contentType == null || !contentType.startsWith("application/problem+json")) {
                problems.add(call + ": 503 without Retry-After or problem+json: " + contentType + " " + body);
            }
        }
        if (body != null && status != -1 && STACK_TRACE.matcher(body).find()) {
            problems.add(call + ": stack trace in the answer: " + body);
        }
    }

    private static String signIn(AppNode node) throws Exception {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(node.base() + "/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher token = Pattern.compile("name=\"_csrf\" type=\"hidden\" value=\"([^\"]+)\"").matcher(page.body());
        assertThat(token.find()).isTrue();
        String cookies = String.join("; ", page.headers().allValues("Set-Cookie").stream().map(c -> c.split(";", 2)[0]).toList());
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(node.base() + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookies)
                .POST(HttpRequest.BodyPublishers.ofString("username=clerk-marriage&password=demo&_csrf="
                        + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        return login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("SESSION="))
                .map(c -> c.split(";", 2)[0].substring("SESSION=".length())).findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie: " + login.headers()));
    }
}
