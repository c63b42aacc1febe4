package cn.zs.civil.faults;

import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntPredicate;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;

import cn.zs.civil.support.Api;
import cn.zs.civil.support.Fixtures;

/**
 * A scripted load of cases through the public API, as applicants and clerks would drive it: case {@code i} is
 * always the same application (same people, same Idempotency-Key {@code case-i}) and always meets the same clerk
 * decisions, so two runs can be compared case by case.
 * <ul>
 * <li>{@code i % 4 == 0}: funeral-fee reimbursement, the clerk accepts and approves, the payment runs (async job);</li>
 * <li>{@code i % 4 == 1}: funeral-fee reimbursement nobody accepts: the 5-working-day timer deems it accepted, then
 * the clerk approves and the payment runs;</li>
 * <li>otherwise: marriage registration at the counter: register, certificate number, issue, report to the national
 * registry (async job).</li>
 * </ul>
 * Calls that get no answer (node down, connection cut) are retried with the same Idempotency-Key until answered.
 */
final class CaseLoad {

    enum Kind { FUNERAL_ACCEPTED, FUNERAL_DEEMED, MARRIAGE }

    static final String FUNERAL_APPLICANT = "zhangsan";
    static final String FUNERAL_CLERK = "clerk-funeral-xl";
    static final String REGISTRAR = "clerk-marriage";
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};

    final int cases;
    private final Supplier<Api> api;
    /** Case index to application number, once a submission was acknowledged (2xx with a number). */
    final Map<Integer, String> acknowledged = new ConcurrentHashMap<>();
    private final Map<String, Integer> caseOf = new ConcurrentHashMap<>();
    private final Map<Integer, List<String>> files = new ConcurrentHashMap<>();
    final LongAdder unanswered = new LongAdder();
    final LongAdder replayed = new LongAdder();
    final LongAdder completions = new LongAdder();
    final LongAdder conflicts = new LongAdder();
    final Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
    final List<String> unexpected = java.util.Collections.synchronizedList(new ArrayList<>());
    private volatile boolean stopped;

    CaseLoad(int cases, Supplier<Api> api) {
        this.cases = cases;
        this.api = api;
    }

    static Kind kind(int i) {
        return switch (i % 4) {
            case 0 -> Kind.FUNERAL_ACCEPTED;
            case 1 -> Kind.FUNERAL_DEEMED;
            default -> Kind.MARRIAGE;
        };
    }

    static String key(int i) {
        return "case-" + i;
    }

    /** A valid resident ID number of Zhongshan (442000) with its check digit. */
    static String idNumber(LocalDate birth, int sequence, boolean male) {
        String body = "442000" + birth.format(DateTimeFormatter.BASIC_ISO_DATE)
                + String.format("%02d", sequence % 100) + (male ? "1" : "2");
        int sum = 0;
        for (int k = 0; k < 17; k++) {
            sum += (body.charAt(k) - '0') * WEIGHTS[k];
        }
        return body + "10X98765432".charAt(sum % 11);
    }

    static String deceasedId(int i) {
        return idNumber(LocalDate.of(1930, 1, 1).plusDays(i), 1, true);
    }

    static String groomId(int i) {
        return idNumber(LocalDate.of(1990, 1, 1).plusDays(i), 3, true);
    }

    static String brideId(int i) {
        return idNumber(LocalDate.of(1994, 1, 1).plusDays(i), 4, false);
    }

    void stop() {
        stopped = true;
    }

    /** Submits every case with {@code threads} applicants and clerks at the counter; returns when all are answered. */
    void submitAll(int threads, IntPredicate include, Duration limit) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        for (int i = 0; i < cases; i++) {
            int c = i;
            if (include.test(c)) {
                pool.submit(() -> submitUntilAnswered(c));
            }
        }
        pool.shutdown();
        if (!pool.awaitTermination(limit.toSeconds(), TimeUnit.SECONDS)) {
            pool.shutdownNow();
            throw new AssertionError("submissions not answered within " + limit + ": " + acknowledged.size());
        }
    }

    private void submitUntilAnswered(int i) {
        while (!stopped && !acknowledged.containsKey(i)) {
            try {
                if (submit(i)) {
                    return;
                }
            } catch (RuntimeException noAnswer) {
                unanswered.increment();
                OwnMariaDb.sleep(500);
            }
        }
    }

    private boolean submit(int i) {
        Api calls = api.get();
        Map<String, Object> data;
        String user;
        if (kind(i) == Kind.MARRIAGE) {
            user = REGISTRAR;
            data = marriage(i);
        } else {
            user = FUNERAL_APPLICANT;
            List<String> ids = files.get(i);
            if (ids == null) {
                ids = List.of(upload(calls, i, "火化证明.pdf"), upload(calls, i, "invoice.pdf"));
                files.put(i, ids);
            }
            data = funeral(i, ids.get(0), ids.get(1));
        }
        Api.Response r = calls.as(user).post("/api/applications",
                Map.of("serviceCode", kind(i) == Kind.MARRIAGE ? "marriage-registration" : "funeral-fee-reimbursement",
                        "data", data), Map.of("Idempotency-Key", key(i)));
        count(r.status());
        if (r.status() == 200 || r.status() == 201) {
            if (r.status() == 200) {
                replayed.increment();
            }
            String no = r.body().path("applicationNo").asText();
            caseOf.put(no, i);
            acknowledged.put(i, no);
            return true;
        }
        if (r.status() == 409) {
            // Lost a race with another transaction (rolled back whole): the same key is safe to send again.
            OwnMariaDb.sleep(200);
            return false;
        }
        if (r.status() < 500) {
            unexpected.add("case " + i + ": " + r);
            return true;
        }
        OwnMariaDb.sleep(500);
        return false;
    }

    /**
     * Sends acknowledged submissions again with their Idempotency-Key, as a client whose answer was lost would:
     * each must answer 200 with the first case's number. Returns the ones that did not.
     */
    List<String> resend(java.util.Collection<Integer> cases) {
        List<String> wrong = new ArrayList<>();
        for (int i : cases) {
            boolean marriage = kind(i) == Kind.MARRIAGE;
            Map<String, Object> data = marriage ? marriage(i) : funeral(i, files.get(i).get(0), files.get(i).get(1));
            Api.Response r = api.get().as(marriage ? REGISTRAR : FUNERAL_APPLICANT).post("/api/applications",
                    Map.of("serviceCode", marriage ? "marriage-registration" : "funeral-fee-reimbursement", "data", data),
                    Map.of("Idempotency-Key", key(i)));
            if (r.status() != 200 || !acknowledged.get(i).equals(r.body().path("applicationNo").asText())) {
                wrong.add("case " + i + ": " + r);
            }
        }
        return wrong;
    }

    private String upload(Api calls, int i, String name) {
        Api.Response r = calls.as(FUNERAL_APPLICANT).upload(name, Fixtures.pdf());
        count(r.status());
        if (r.status() != 201 && r.status() != 200) {
            throw new IllegalStateException("upload for case " + i + ": " + r);
        }
        return r.body().path("id").asText();
    }

    private void count(int status) {
        statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
    }

    private static Map<String, Object> funeral(int i, String cremationFile, String invoice) {
        String id = deceasedId(i);
        return Fixtures.reimbursement("xiaolan", StubRegistry.nameOf(id), id, StubRegistry.deathCertificateOf(id),
                StubRegistry.cremationCertificateOf(id), cremationFile, invoice);
    }

    static Map<String, Object> marriage(int i) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("district", "shiqi");
        d.put("partyAName", StubRegistry.nameOf(groomId(i)));
        d.put("partyAIdNumber", groomId(i));
        d.put("partyAPhone", "13800000001");
        d.put("partyADeclaredStatus", "SINGLE");
        d.put("partyBName", StubRegistry.nameOf(brideId(i)));
        d.put("partyBIdNumber", brideId(i));
        d.put("partyBPhone", "13800000002");
        d.put("partyBDeclaredStatus", "SINGLE");
        d.put("bothPresent", true);
        return d;
    }

    /**
     * Clerks work their queues until {@link #stop()}: each task gets the case's scripted decision. A task of a case
     * whose submission was not acknowledged yet waits for the retry that acknowledges it.
     */
    Runnable clerk(String clerk, int workers) {
        return () -> {
            ExecutorService pool = Executors.newFixedThreadPool(workers);
            try {
                while (!stopped) {
                    List<JsonNode> tasks = queue(clerk);
                    List<java.util.concurrent.Future<?>> running = new ArrayList<>();
                    for (JsonNode task : tasks) {
                        Map<String, Object> decision = decision(task);
                        if (decision != null) {
                            running.add(pool.submit(() -> complete(clerk, task.path("taskId").asText(), decision)));
                        }
                    }
                    for (var f : running) {
                        try {
                            f.get();
                        } catch (java.util.concurrent.ExecutionException e) {
                            // counted in complete()
                        }
                    }
                    if (running.size() < 5) {
                        // Little to do: the queue is read again in a second, not in a busy loop.
                        OwnMariaDb.sleep(1000);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                pool.shutdownNow();
            }
        };
    }

    private List<JsonNode> queue(String clerk) {
        List<JsonNode> tasks = new ArrayList<>();
        try {
            for (int page = 0; page < 20; page++) {
                Api.Response r = api.get().as(clerk).get("/api/tasks?scope=ALL&size=100&page=" + page);
                if (r.status() != 200) {
                    count(r.status());
                    OwnMariaDb.sleep(500);
                    break;
                }
                r.body().path("items").forEach(tasks::add);
                if (r.body().path("items").size() < 100) {
                    break;
                }
            }
        } catch (RuntimeException noAnswer) {
            unanswered.increment();
            OwnMariaDb.sleep(500);
        }
        return tasks;
    }

    private Map<String, Object> decision(JsonNode task) {
        Integer i = caseOf.get(task.path("applicationNo").asText());
        if (i == null) {
            return null;
        }
        return switch (task.path("taskKey").asText()) {
            case "Task_AcceptApplication" -> kind(i) == Kind.FUNERAL_ACCEPTED ? Map.of("decision", "accept") : null;
            case "Task_ReviewReimbursement" -> Map.of("decision", "approve", "invoiceChecked", true);
            case "Task_ReviewMarriage" -> Map.of("counselling", "declined", "declarationSignedA", true,
                    "declarationSignedB", true, "decision", "register");
            case "Task_IssueCertificate" -> Map.of("bothSigned", true, "certificatesHanded", true);
            default -> {
                unexpected.add("case " + i + ": unexpected task " + task);
                yield null;
            }
        };
    }

    private void complete(String clerk, String taskId, Map<String, Object> decision) {
        try {
            Api.Response r = api.get().as(clerk).post("/api/tasks/" + taskId + "/complete", Map.of("data", decision));
            count(r.status());
            if (r.status() == 204) {
                completions.increment();
            } else if (r.status() == 409 || r.status() == 404) {
                // Completed meanwhile (a retry after a cut connection, or a timer took the case on): not an error.
                conflicts.increment();
            } else if (r.status() < 500) {
                unexpected.add("complete " + taskId + ": " + r);
            }
        } catch (RuntimeException noAnswer) {
            unanswered.increment();
        }
    }

    /**
     * Moves a node's clock to the day after the correction window (5 working days) of a case received today, as the
     * platform's own calendar reports it, and fires the timers now due: past the acceptance timer of every case sent
     * so far, whatever day the suite runs (a fixed 10 days fell short around the Spring Festival and National Day).
     */
    static Api.Response travelPastCorrectionWindow(Api node) {
        Api admin = node.as("admin");
        String today = admin.get("/api/calendar/today").body().path("today").asText();
        String due = admin.get("/api/calendar/deadline?from=" + today + "&workingDays=5").body().path("date").asText();
        return admin.post("/api/admin/demo-clock",
                Map.of("to", java.time.LocalDate.parse(due).plusDays(1).toString()));
    }

    String summary() {
        return "acknowledged=" + acknowledged.size() + "/" + cases + " replayedOnRetry=" + replayed.sum()
                + " unansweredCalls=" + unanswered.sum() + " taskCompletions=" + completions.sum()
                + " completionConflicts=" + conflicts.sum() + " statuses=" + new java.util.TreeMap<>(statuses);
    }
}
