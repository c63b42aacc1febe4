package cn.zs.civil.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import cn.zs.civil.support.Api;

/**
 * Two application nodes (two jar processes) on one MariaDB database, both with the job executor on: every async job
 * and every due timer fires once (its side effects counted), ten clerks claiming one task at once on both nodes
 * leave one winner and nine 409s, and a browser session made on one node works on the other.
 */
class ClusterFaultIT {

    private static final String DB = "hf_cluster";
    private static final int CLERKS = 10;
    private static final int CLAIM_ROUNDS = 10;

    @Test
    void twoNodesShareTheWorkAndEachThingHappensOnce() throws Exception {
        OwnMariaDb db = OwnMariaDb.shared();
        db.freshDatabase(DB);
        try (StubRegistry registry = new StubRegistry(FaultSuite.REGISTRY_PORT);
                AppNode a = node("node-a", FaultSuite.NODE_A_PORT, db, registry);
                AppNode b = node("node-b", FaultSuite.NODE_B_PORT, db, registry)) {
            a.start();
            b.start();
            Api apiA = new Api(a.port, Duration.ofSeconds(180));
            Api apiB = new Api(b.port, Duration.ofSeconds(180));
            sessionsSurviveANodeSwitch(a, b);
            oneClerkWinsEachClaim(db, apiA, apiB);
            jobsAndTimersFireOnce(db, apiA, apiB);
        }
    }

    private static AppNode node(String name, int port, OwnMariaDb db, StubRegistry registry) {
        List<String> args = new ArrayList<>(FaultSuite.NODE_ARGS);
        // The engine names each node in its job log, so the test can tell who executed what.
        args.add("--camunda.bpm.generic-properties.properties.hostname=" + name);
        // The demo accounts plus ten registrars, so ten different people can race for one task.
        List<String[]> accounts = new ArrayList<>(List.of(
                new String[] {"admin", "admin", "", "*"}, new String[] {"zhangsan", "applicant", "", ""},
                new String[] {"clerk-funeral-xl", "clerk", "funeral-review", "xiaolan"},
                new String[] {"clerk-marriage", "clerk", "marriage-registrar", "*"}));
        for (int i = 1; i <= CLERKS; i++) {
            accounts.add(new String[] {"registrar-" + i, "clerk", "marriage-registrar", "*"});
        }
        for (int i = 0; i < accounts.size(); i++) {
            String[] account = accounts.get(i);
            String p = "--platform.identity.accounts[" + i + "].";
            args.add(p + "username=" + account[0]);
            args.add(p + "password={noop}demo");
            args.add(p + "name=" + account[0]);
            args.add(p + "roles[0]=" + account[1]);
            if (!account[2].isEmpty()) {
                args.add(p + "groups[0]=" + account[2]);
            }
            if (!account[3].isEmpty()) {
                args.add(p + "districts[0]=" + account[3]);
            }
        }
        return new AppNode(name, port, FaultSuite.workDir("cluster-" + name), AppNode.mysqlEnv(db, DB, registry), args);
    }

    /** Form login with CSRF on node A; the session cookie alone is then good on node B, and a logout on B ends it on A. */
    private static void sessionsSurviveANodeSwitch(AppNode a, AppNode b) throws Exception {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        BrowserSession session = BrowserSession.signIn(http, a.base(), "clerk-marriage");

        HttpResponse<String> meOnB = http.send(HttpRequest.newBuilder(URI.create(b.base() + "/api/me"))
                .header("Cookie", session.cookieHeader()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(meOnB.statusCode()).as("the session made on node A, on node B").isEqualTo(200);
        assertThat(meOnB.body()).contains("clerk-marriage");
        session.keep(meOnB);

        // A change on node B with the session and the CSRF token: it reaches validation (422), not a 401/403.
        HttpResponse<String> change = http.send(HttpRequest.newBuilder(URI.create(b.base() + "/api/applications"))
                .header("Cookie", session.cookieHeader()).header("X-XSRF-TOKEN", session.xsrfToken())
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(change.statusCode()).as("a CSRF-protected change on node B: " + change.body()).isEqualTo(422);

        HttpResponse<String> logout = http.send(HttpRequest.newBuilder(URI.create(b.base() + "/logout"))
                .header("Cookie", session.cookieHeader()).header("X-XSRF-TOKEN", session.xsrfToken())
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(logout.statusCode()).isLessThan(400);
        HttpResponse<String> meOnA = http.send(HttpRequest.newBuilder(URI.create(a.base() + "/api/me"))
                .header("Cookie", "SESSION=" + session.cookies.get("SESSION")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(meOnA.statusCode()).as("signed out on node B, so signed out on node A").isEqualTo(401);
        System.out.println("[cluster] held: a form-login session made on node A served node B (GET 200, CSRF-checked "
                + "POST reached validation 422); a logout on node B ended it on node A (401)");
    }

    /** Ten registrars, five on each node, claim the same task at the same instant; repeated over several tasks. */
    private static void oneClerkWinsEachClaim(OwnMariaDb db, Api apiA, Api apiB) throws Exception {
        CaseLoad load = new CaseLoad(CLAIM_ROUNDS * 4, () -> apiA);
        load.submitAll(2, i -> CaseLoad.kind(i) == CaseLoad.Kind.MARRIAGE && i < CLAIM_ROUNDS * 2, Duration.ofMinutes(3));
        assertThat(load.acknowledged).hasSize(CLAIM_ROUNDS);
        FaultSuite.awaitCount(db, DB, "select count(*) from ACT_RU_TASK where TASK_DEF_KEY_ = 'Task_ReviewMarriage'",
                CLAIM_ROUNDS, Duration.ofMinutes(2));
        List<List<String>> tasks = db.rows(DB, "select ID_ from ACT_RU_TASK where TASK_DEF_KEY_ = 'Task_ReviewMarriage'");
        ExecutorService clerks = Executors.newFixedThreadPool(CLERKS);
        int won = 0;
        int refused = 0;
        try {
            for (List<String> task : tasks) {
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Integer>> claims = new ArrayList<>();
                for (int c = 1; c <= CLERKS; c++) {
                    Api node = c % 2 == 0 ? apiA : apiB;
                    String clerk = "registrar-" + c;
                    claims.add(clerks.submit(() -> {
                        go.await();
                        return node.as(clerk).post("/api/tasks/" + task.get(0) + "/claim", null).status();
                    }));
                }
                go.countDown();
                Map<Integer, AtomicInteger> statuses = new java.util.TreeMap<>();
                for (Future<Integer> f : claims) {
                    statuses.computeIfAbsent(f.get(), s -> new AtomicInteger()).incrementAndGet();
                }
                assertThat(statuses.keySet()).as("task %s: %s", task.get(0), statuses).containsOnly(204, 409);
                assertThat(statuses.get(204).get()).as("one winner for task %s", task.get(0)).isEqualTo(1);
                won += statuses.get(204).get();
                refused += statuses.get(409).get();
            }
        } finally {
            clerks.shutdownNow();
        }
        assertThat(db.count(DB, "select count(*) from case_event where event_type = 'CLAIMED'"))
                .as("one CLAIMED record per task").isEqualTo(tasks.size());
        assertThat(db.count(DB, "select count(distinct ASSIGNEE_) from ACT_RU_TASK where TASK_DEF_KEY_ = "
                + "'Task_ReviewMarriage' and ASSIGNEE_ like 'registrar-%'")).isPositive();
        System.out.println("[cluster] held: " + tasks.size() + " tasks x " + CLERKS + " registrars claiming at once "
                + "on two nodes: " + won + " claims won (one per task), " + refused + " refused with 409, "
                + tasks.size() + " CLAIMED records");
    }

    /**
     * Funeral reimbursements nobody accepts: each has an async registry check, a 5-working-day timer (made due by
     * moving both nodes' clocks) that deems it accepted, then, once a clerk approves, an async payment. Both nodes'
     * job executors (and the demo-clock calls on both nodes) compete for every one of them.
     */
    private static void jobsAndTimersFireOnce(OwnMariaDb db, Api apiA, Api apiB) throws Exception {
        int cases = FaultSuite.CASES;
        AtomicInteger turn = new AtomicInteger();
        CaseLoad load = new CaseLoad(cases * 4, () -> turn.incrementAndGet() % 2 == 0 ? apiA : apiB);
        long started = System.nanoTime();
        load.submitAll(6, i -> CaseLoad.kind(i) == CaseLoad.Kind.FUNERAL_DEEMED, Duration.ofMinutes(8));
        assertThat(load.acknowledged).hasSize(cases);
        assertThat(load.unexpected).isEmpty();
        FaultSuite.awaitCount(db, DB, "select count(*) from case_event where event_type = 'CHECKED' and application_no like 'BZB%'",
                cases, Duration.ofMinutes(4));
        FaultSuite.awaitCount(db, DB, "select count(*) from ACT_RU_JOB where TYPE_ = 'message'", 0, Duration.ofMinutes(1));
        long timers = db.count(DB, "select count(*) from ACT_RU_JOB where TYPE_ = 'timer' and HANDLER_CFG_ = "
                + "'BoundaryEvent_CorrectionWindowExpired'");
        assertThat(timers).as("one acceptance timer per case").isEqualTo(cases);

        // Both nodes move their clocks at once; each call fires the timers now due, as both job executors do.
        ExecutorService clocks = Executors.newFixedThreadPool(2);
        Future<Api.Response> onA = clocks.submit(() -> CaseLoad.travelPastCorrectionWindow(apiA));
        Future<Api.Response> onB = clocks.submit(() -> CaseLoad.travelPastCorrectionWindow(apiB));
        System.out.println("[cluster] clock on node A: " + onA.get() + ", on node B: " + onB.get());
        clocks.shutdown();
        FaultSuite.awaitCount(db, DB, "select count(*) from case_event where event_type = 'DEEMED_ACCEPTED'", cases,
                Duration.ofMinutes(4));

        Thread clerk = new Thread(load.clerk(CaseLoad.FUNERAL_CLERK, 4), "funeral-clerk");
        clerk.start();
        try {
            FaultSuite.awaitCount(db, DB, "select count(*) from application where outcome = 'PAID'", cases,
                    Duration.ofMinutes(6));
        } finally {
            load.stop();
            clerk.join();
        }
        FaultSuite.awaitCount(db, DB, FaultSuite.CASE_JOBS, 0, Duration.ofMinutes(1));

        assertThat(load.statuses.keySet()).as("no 5xx answer: " + load.summary()).allMatch(s -> s < 500);
        String perCase = "select count(*) from application a where a.service_code = 'funeral-fee-reimbursement' and "
                + "(select count(*) from case_event e where e.application_no = a.application_no and e.event_type = '%s') <> 1";
        for (String once : List.of("CHECKED", "DEEMED_ACCEPTED", "DECIDED")) {
            assertThat(db.count(DB, perCase.formatted(once))).as("cases without exactly one " + once).isZero();
        }
        assertThat(db.count(DB, "select count(*) from funeral_waiver where paid_at is not null")).isEqualTo(cases);
        // Each paid case opened its rating window (好差评) once, whichever node ended it.
        assertThat(db.count(DB, "select count(*) from ACT_HI_PROCINST where PROC_DEF_KEY_ = 'service-rating'"))
                .as("rating windows").isEqualTo(cases);
        // The engine's job log: no job of a case completed twice. The history cleanup job is left out: it lives for
        // ever under one id and runs again in every cleanup window (the moved clocks cross one).
        assertThat(db.count(DB, "select count(*) from (select JOB_ID_ from ACT_HI_JOB_LOG where JOB_STATE_ = 2 "
                + "and PROCESS_INSTANCE_ID_ is not null group by JOB_ID_ having count(*) > 1) twice"))
                .as("jobs that succeeded twice").isZero();
        List<List<String>> byNode = db.rows(DB, "select HOSTNAME_, JOB_DEF_TYPE_, count(*) from ACT_HI_JOB_LOG "
                + "where JOB_STATE_ = 2 group by HOSTNAME_, JOB_DEF_TYPE_ order by 1, 2");
        List<List<String>> failedAttempts = db.rows(DB, "select HOSTNAME_, count(*) from ACT_HI_JOB_LOG where "
                + "JOB_STATE_ = 1 group by HOSTNAME_");
        assertThat(byNode.stream().map(r -> r.get(0)).distinct()).as("both nodes executed jobs: " + byNode)
                .hasSize(2);
        System.out.println("[cluster] held: " + cases + " cases in " + (System.nanoTime() - started) / 1_000_000_000
                + " s: " + cases + " async registry checks, " + timers + " due timers and " + cases
                + " async payments, each fired once (one CHECKED, one DEEMED_ACCEPTED, one DECIDED record and one "
                + "payment per case; no job logged successful twice); successful jobs by node and type " + byNode
                + "; failed attempts (lost races, retried) " + failedAttempts + "; " + load.summary());
    }
}
