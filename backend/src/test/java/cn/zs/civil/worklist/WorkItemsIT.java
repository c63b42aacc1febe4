package cn.zs.civil.worklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

import cn.zs.civil.support.Api;
import cn.zs.civil.support.ApiTestBase;
import cn.zs.civil.support.CaseDriver;
import cn.zs.civil.support.Fixtures;

/**
 * The one read model of the open tasks ({@code work_item}) against the engine: a row per open task and queue with
 * its district, case and service, kept in step by the engine's task events (claim, due date change, queues added
 * and removed, completion, deletion, cancellation), the missing rows filled from the engine at start; the backlog's
 * counts through the query port (a task once per step, in each of its queues); and "next case" never hands one task
 * to two callers, even two sessions of one account.
 */
class WorkItemsIT extends ApiTestBase {

    @Autowired
    private TaskService tasks;

    @Autowired
    private WorkItems workItems;

    private String checkIn() {
        return caseDriver.marriageCheckedIn(CaseDriver.couple("王小明", "442000200003151315", "SINGLE", "吴婷",
                "44200020030303134X", "SINGLE"));
    }

    private Task openTask(String no) {
        return tasks.createTaskQuery().processInstanceBusinessKey(no).singleResult();
    }

    /** The reports' test data (ReportsIT) has open tasks in the read model only: no engine task behind them. */
    private static final String ENGINE_TASKS = "task_id not like 'rpt-%'";

    /**
     * Every open task of the engine and nothing else, with its candidate groups, case, service and assignee, and
     * one row of each task counting it once.
     */
    private void assertInStepWithTheEngine() {
        List<Map<String, Object>> rows = jdbc.queryForList("select task_id, group_id, assignee, application_no,"
                + " service_code from work_item where " + ENGINE_TASKS + " order by task_id, group_id");
        List<String> fromTable = new ArrayList<>();
        rows.forEach(r -> fromTable.add(r.get("task_id") + "|" + r.get("group_id") + "|" + r.get("assignee") + "|"
                + r.get("application_no") + "|" + r.get("service_code")));
        assertThat(jdbc.queryForList("select task_id from work_item where " + ENGINE_TASKS
                + " group by task_id having sum(first_queue) <> 1", String.class)).isEmpty();
        List<String> fromEngine = new ArrayList<>();
        for (Task t : tasks.createTaskQuery().orderByTaskId().asc().list()) {
            String no = runtime.createProcessInstanceQuery().processInstanceId(t.getProcessInstanceId())
                    .singleResult().getBusinessKey();
            List<String> groups = tasks.getIdentityLinksForTask(t.getId()).stream()
                    .filter(l -> "candidate".equals(l.getType()) && l.getGroupId() != null)
                    .map(l -> l.getGroupId()).sorted().toList();
            Object service = runtime.getVariable(t.getExecutionId(), "serviceCode");
            for (String g : groups.isEmpty() ? List.of("") : groups) {
                fromEngine.add(t.getId() + "|" + g + "|" + t.getAssignee() + "|" + no + "|" + service);
            }
        }
        assertThat(fromTable).containsExactlyElementsOf(fromEngine.stream().sorted().toList());
    }

    @Test
    void theReadModelFollowsTheEngineThroughClaimDueDateCompletionAndDeletion() {
        String a = checkIn();
        String b = checkIn();
        Task ta = openTask(a);
        Map<String, Object> row = jdbc.queryForMap("select * from work_item where task_id = ?", ta.getId());
        assertThat(row.get("group_id")).isEqualTo("marriage-registrar");
        assertThat(row.get("district")).isEqualTo("shiqi");
        assertThat(row.get("application_no")).isEqualTo(a);
        assertThat(row.get("task_key")).isEqualTo(ta.getTaskDefinitionKey());
        assertInStepWithTheEngine();

        Api registrar = api().as("clerk-marriage");
        assertThat(registrar.post("/api/tasks/" + ta.getId() + "/claim", Map.of()).status()).isEqualTo(204);
        assertThat(count("select count(*) from work_item where task_id = ? and assignee = 'clerk-marriage'",
                ta.getId())).isEqualTo(1);
        JsonNode mine = registrar.get("/api/tasks?scope=MINE&size=100").body();
        assertThat(mine.path("items").findValuesAsText("taskId")).contains(ta.getId());

        // a due date moved in the engine moves the task in the queue
        Date due = new Date(System.currentTimeMillis() - 86_400_000L * 400);
        tasks.setDueDate(openTask(b).getId(), due);
        JsonNode first = registrar.get("/api/tasks?scope=UNASSIGNED&size=1").body().path("items").get(0);
        assertThat(first.path("applicationNo").asText()).isEqualTo(b);

        // completion removes the row; the next step gets its own (a reimbursement's acceptance: a form that does not
        // depend on what other tests did to the registry)
        Api applicant = api().as("zhangsan");
        String file = applicant.upload("c.pdf", Fixtures.pdf()).body().path("id").asText();
        String invoice = applicant.upload("i.pdf", Fixtures.pdf()).body().path("id").asText();
        Api.Response submitted = applicant.post("/api/applications", Map.of("serviceCode", "funeral-fee-reimbursement",
                "data", Fixtures.reimbursement("nanqu", "郑海", Fixtures.ZHENG_ID, "SW4406002026015",
                        "HZ440600202600321", file, invoice)));
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
        String c = submitted.body().path("applicationNo").asText();
        runJobs(c);
        String accept = openTask(c).getId();
        Api.Response done = api().as("clerk-funeral").post("/api/tasks/" + accept + "/complete",
                Map.of("data", Map.of("decision", "accept")));
        assertThat(done.status()).as(done.toString()).isEqualTo(204);
        runJobs(c);
        assertThat(count("select count(*) from work_item where task_id = ?", accept)).isZero();
        Task next = openTask(c);
        if (next != null) {
            assertThat(count("select count(*) from work_item where task_id = ? and application_no = ?", next.getId(), c))
                    .isPositive();
        }
        assertInStepWithTheEngine();

        // a deleted process instance (even skipping custom listeners) leaves no row behind
        runtime.deleteProcessInstance(openTask(b).getProcessInstanceId(), "test", true);
        assertThat(count("select count(*) from work_item where application_no = ?", b)).isZero();
        assertInStepWithTheEngine();
    }

    @Test
    void theEnginesOpenTasksWithoutRowsGetThemFromTheEngine() {
        checkIn();
        String no = checkIn();
        String all = "select * from work_item where " + ENGINE_TASKS + " order by task_id, group_id";
        List<Map<String, Object>> before = jdbc.queryForList(all);
        assertThat(before).isNotEmpty();
        // one task's rows lost (a restore), then every row (a database upgraded from before the table)
        jdbc.update("delete from work_item where application_no = ?", no);
        workItems.backfill();
        assertThat(jdbc.queryForList(all)).isEqualTo(before);
        jdbc.update("delete from work_item where " + ENGINE_TASKS);
        workItems.backfill();
        assertThat(jdbc.queryForList(all)).isEqualTo(before);
        // nothing missing: nothing written
        workItems.backfill();
        assertThat(jdbc.queryForList(all)).isEqualTo(before);
    }

    @Test
    void aTaskOfferedToTwoQueuesCountsOncePerStepAndInBothQueuesBacklog() {
        String no = checkIn();
        Task t = openTask(no);
        List<String> shiqi = List.of("shiqi");
        long steps = stepTotal(t.getTaskDefinitionKey(), shiqi);
        long registrar = queueTotal("marriage-registrar", shiqi);
        long chief = queueTotal("section-chief", shiqi);
        long none = queueTotal(null, shiqi);

        tasks.addCandidateGroup(t.getId(), "section-chief");
        assertThat(jdbc.queryForList("select group_id from work_item where task_id = ? order by group_id",
                String.class, t.getId())).containsExactly("marriage-registrar", "section-chief");
        assertInStepWithTheEngine();
        assertThat(stepTotal(t.getTaskDefinitionKey(), shiqi)).isEqualTo(steps);
        assertThat(queueTotal("marriage-registrar", shiqi)).isEqualTo(registrar);
        assertThat(queueTotal("section-chief", shiqi)).isEqualTo(chief + 1);
        assertThat(openTasks.holdersOf(List.of(no))).extracting(OpenTasks.Holder::queue)
                .containsExactly("marriage-registrar", "section-chief");

        // the queue taken away again, then the last one: a task offered to none is one row, in no queue's backlog
        tasks.deleteCandidateGroup(t.getId(), "section-chief");
        assertInStepWithTheEngine();
        assertThat(queueTotal("section-chief", shiqi)).isEqualTo(chief);
        tasks.deleteCandidateGroup(t.getId(), "marriage-registrar");
        assertInStepWithTheEngine();
        assertThat(stepTotal(t.getTaskDefinitionKey(), shiqi)).isEqualTo(steps);
        assertThat(queueTotal("marriage-registrar", shiqi)).isEqualTo(registrar - 1);
        assertThat(queueTotal(null, shiqi)).isEqualTo(none + 1);
        assertThat(openTasks.holdersOf(List.of(no))).singleElement()
                .satisfies(h -> assertThat(h.queue()).isNull())
                .satisfies(h -> assertThat(h.taskKey()).isEqualTo(t.getTaskDefinitionKey()));

        // claimed: the step's and the queues' backlog count it as assigned; completed or cancelled: gone
        tasks.claim(t.getId(), "clerk-marriage");
        assertThat(openTasks.perStep("marriage-registration", shiqi).stream()
                .filter(d -> d.taskKey().equals(t.getTaskDefinitionKey()) && d.assigned()).mapToLong(d -> d.n()).sum())
                .isPositive();
        runtime.createProcessInstanceModification(t.getProcessInstanceId())
                .cancelAllForActivity(t.getTaskDefinitionKey()).execute(true, true);
        assertThat(openTasks.holdersOf(List.of(no))).isEmpty();
        assertThat(stepTotal(t.getTaskDefinitionKey(), shiqi)).isEqualTo(steps - 1);
        assertInStepWithTheEngine();
    }

    @Autowired
    private OpenTasks openTasks;

    private long stepTotal(String taskKey, List<String> districts) {
        return openTasks.perStep("marriage-registration", districts).stream()
                .filter(d -> d.taskKey().equals(taskKey)).mapToLong(OpenTasks.StepDay::n).sum();
    }

    private long queueTotal(String queue, List<String> districts) {
        return openTasks.perQueue("marriage-registration", districts).stream()
                .filter(d -> java.util.Objects.equals(d.queue(), queue)).mapToLong(OpenTasks.QueueDay::n).sum();
    }

    @Test
    void concurrentNextCaseCallsOfOneAccountNeverGetTheSameTask() throws Exception {
        int sessions = 6;
        for (int i = 0; i < sessions; i++) {
            checkIn();
        }
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(sessions);
        try {
            List<Future<Api.Response>> calls = new ArrayList<>();
            for (int i = 0; i < sessions; i++) {
                calls.add(pool.submit(() -> {
                    start.await();
                    return api().as("clerk-marriage").post("/api/tasks/next", Map.of());
                }));
            }
            start.countDown();
            Set<String> got = new HashSet<>();
            for (Future<Api.Response> call : calls) {
                Api.Response r = call.get(60, TimeUnit.SECONDS);
                assertThat(r.status()).as(r.toString()).isEqualTo(200);
                String taskId = r.body().path("taskId").asText();
                assertThat(got.add(taskId)).as("task %s handed out twice", taskId).isTrue();
                assertThat(tasks.createTaskQuery().taskId(taskId).singleResult().getAssignee())
                        .isEqualTo("clerk-marriage");
            }
            assertThat(got).hasSize(sessions);
        } finally {
            pool.shutdownNow();
        }
        assertInStepWithTheEngine();
    }

    @Test
    void theQueueIsSearchedByAPartOfTheApplicationNumberAndABadSearchIsAFieldProblem() {
        String a = checkIn();
        String b = checkIn();
        for (String user : List.of("clerk-marriage", "chief")) {
            for (String scope : List.of("ALL", "UNASSIGNED")) {
                JsonNode found = api().as(user).get("/api/tasks?scope=" + scope + "&number=" + a.toLowerCase()).body();
                assertThat(found.path("items").findValuesAsText("applicationNo")).as(user + " " + scope)
                        .containsExactly(a);
                assertThat(found.path("total").asLong()).isEqualTo(1);
            }
        }
        // the serial part alone finds it too (what a clerk reads off a paper receipt)
        String serial = b.substring(b.lastIndexOf('-'));
        assertThat(api().as("clerk-marriage").get("/api/tasks?number=" + b.substring(4)).body().path("items")
                .findValuesAsText("applicationNo")).contains(b).doesNotContain(a);
        assertThat(api().as("clerk-marriage").get("/api/tasks?number=" + serial).body().path("items")
                .findValuesAsText("applicationNo")).contains(b);
        // the task's name follows the reader's language
        assertThat(api().as("clerk-marriage").get("/api/tasks?number=" + a).body().path("items").get(0).path("name")
                .asText()).isEqualTo(openTask(a).getName());
        assertThat(api().as("clerk-marriage").inEnglish().get("/api/tasks?number=" + a).body().path("items").get(0)
                .path("name").asText()).isNotBlank().doesNotContainPattern("\\p{IsHan}");
        // another queue's case is not found by its number
        assertThat(api().as("clerk-funeral").get("/api/tasks?number=" + a).body().path("total").asLong()).isZero();
        for (String bad : List.of("a%b", "a_b", "x".repeat(33), "张三")) {
            Api.Response r = api().as("clerk-marriage").get("/api/tasks?number=" + bad);
            assertThat(r.status()).as(bad).isEqualTo(422);
            assertThat(r.body().path("errors").get(0).path("field").asText()).isEqualTo("number");
            assertThat(r.body().path("errors").get(0).path("message").asText()).contains("申请编号");
        }
    }

    @Test
    void theQueueIsSearchedByTheWholeNameOfAnyPartyOfTheCaseAndABadNameIsAFieldProblem() {
        // names no other test checks in: the couple's first party is the case's subject, the second is found too
        char c = "甲乙丙丁戊己庚辛壬癸".charAt((int) (System.nanoTime() % 10));
        String name = "司马" + c + "之";
        String bride = "欧阳" + c + "兰";
        Api.Response r = api().as("clerk-marriage").post("/api/applications", Map.of("serviceCode",
                "marriage-registration", "data", CaseDriver.couple(name, "442000200003151315", "SINGLE",
                        bride, "44200020030303134X", "SINGLE")));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        String no = r.body().path("applicationNo").asText();
        runJobs(no);
        String other = checkIn();
        for (String typed : List.of(name, " " + name.charAt(0) + " " + name.substring(1) + "\u3000")) {
            JsonNode found = api().as("clerk-marriage").get("/api/tasks?name=" + typed).body();
            assertThat(found.path("items").findValuesAsText("applicationNo")).as(typed).contains(no)
                    .doesNotContain(other);
            // the row shows the name masked, as every queue row does
            assertThat(found.path("items").get(0).path("subject").asText()).doesNotContain(name);
        }
        // the second party's whole name finds the case too (the bride at the counter, entered as party B)
        assertThat(api().as("clerk-marriage").get("/api/tasks?name=" + bride).body().path("items")
                .findValuesAsText("applicationNo")).contains(no).doesNotContain(other);
        // a part of the name finds nothing; nor another queue
        assertThat(api().as("clerk-marriage").get("/api/tasks?name=" + name.substring(0, 2)).body()
                .path("items").findValuesAsText("applicationNo")).doesNotContain(no);
        assertThat(api().as("clerk-funeral").get("/api/tasks?name=" + name).body().path("total").asLong())
                .isZero();
        // number and name together: both must hold
        assertThat(api().as("clerk-marriage").get("/api/tasks?number=" + other + "&name=" + name).body()
                .path("total").asLong()).isZero();
        for (String bad : List.of("x".repeat(101), "张\u0007三")) {
            Api.Response wrong = api().as("clerk-marriage").get("/api/tasks?name=" + bad);
            assertThat(wrong.status()).as(bad).isEqualTo(422);
            assertThat(wrong.body().path("errors").get(0).path("field").asText()).isEqualTo("name");
            assertThat(wrong.body().path("errors").get(0).path("message").asText()).contains("完整姓名");
            Api.Response english = api().as("clerk-marriage").inEnglish().get("/api/tasks?name=" + bad);
            assertThat(english.body().path("errors").get(0).path("message").asText()).contains("whole name")
                    .doesNotContainPattern("\\p{IsHan}");
        }
    }

    @Test
    void aQueueOfSeveralGroupsPagesLikeOneOrderedListOfItsTasks() {
        // More than seven pages of three, whatever other tests left in the queues.
        for (int i = 0; i < 8; i++) {
            checkIn();
        }
        // the chief works six queues: the page is merged from each group's rows. Other tests' background jobs may
        // still add or end tasks in these queues: a comparison counts only when the queue did not change meanwhile.
        Api chief = api().as("chief");
        for (String scope : List.of("ALL", "UNASSIGNED")) {
            boolean compared = false;
            List<String> pagedSeen = List.of();
            List<String> wholeSeen = List.of();
            List<String> engineSeen = List.of();
            String lastPage = "";
            for (int attempt = 0; attempt < 5 && !compared; attempt++) {
                if (attempt > 0) {
                    pause(Duration.ofMillis(500)); // let the other tests' running jobs settle
                }
                JsonNode whole = chief.get("/api/tasks?scope=" + scope + "&size=100").body();
                List<String> expected = whole.path("items").findValuesAsText("taskId");
                assertThat(expected).isNotEmpty().doesNotHaveDuplicates();
                List<String> paged = new ArrayList<>();
                for (int page = 0; paged.size() < expected.size(); page++) {
                    Api.Response read = chief.get("/api/tasks?scope=" + scope + "&size=3&page=" + page);
                    List<String> ids = read.body().path("items").findValuesAsText("taskId");
                    if (ids.isEmpty()) {
                        lastPage = "page " + page + " of " + expected.size() + " tasks: " + read.status() + " "
                                + read.body();
                        break;
                    }
                    paged.addAll(ids);
                }
                List<String> engine = tasks.createTaskQuery().taskCandidateGroupIn(List.of("section-chief",
                        "funeral-review", "funeral-home", "marriage-registrar", "socialorg-review", "placename-review"))
                        .includeAssignedTasks().list().stream()
                        .filter(t -> scope.equals("ALL") || t.getAssignee() == null)
                        .sorted(java.util.Comparator
                                .comparing((Task t) -> t.getDueDate() == null ? new Date(Long.MAX_VALUE) : t.getDueDate())
                                .thenComparing(Task::getCreateTime).thenComparing(Task::getId))
                        .map(Task::getId).limit(100).toList();
                List<String> after = chief.get("/api/tasks?scope=" + scope + "&size=100").body().path("items")
                        .findValuesAsText("taskId");
                pagedSeen = paged.subList(0, Math.min(paged.size(), expected.size()));
                wholeSeen = expected;
                engineSeen = engine;
                // A task that came, went or moved while the pages were read (another test's case passing through a
                // queue, its due date set by a listener) shifts the pages: read again. A paging fault is not a race
                // and shows on every one of the five reads, so the last one is what the assertions below report.
                compared = after.equals(expected) && pagedSeen.equals(expected) && expected.equals(engine);
            }
            if (!compared) {
                assertThat(pagedSeen).as(scope + " pages; " + lastPage).isEqualTo(wholeSeen);
                // the same order as the engine's own query over the chief's groups
                assertThat(wholeSeen).as(scope + " in the engine's order").isEqualTo(engineSeen);
                assertThat(compared).as(scope + ": the queue kept changing under the test").isTrue();
            }
        }
    }

    private static void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
