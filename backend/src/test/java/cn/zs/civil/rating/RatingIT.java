package cn.zs.civil.rating;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import cn.zs.civil.support.Api;
import cn.zs.civil.support.ApiTestBase;
import cn.zs.civil.support.Fixtures;

/**
 * 好差评 through HTTP: the applicant rates their own case once after its result; another applicant gets 404; no
 * rating before the result; the default 基本满意 seven days on; a bad rating's work order through the section
 * chief's queue and the director's re-review, with the feedback shown on the applicant's case.
 */
class RatingIT extends ApiTestBase {

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void theApplicantRatesTheirDecidedCaseOnceAndNobodyElseCan() {
        Api owner = api().as("zhangsan");
        String no = submitted(owner);
        Api.Response early = owner.post("/api/applications/" + no + "/rating", Map.of("level", 5));
        assertThat(early.status()).as(early.toString()).isEqualTo(409);
        assertThat(early.body().path("code").asText()).isEqualTo("rating.notOpen");
        assertThat(owner.get("/api/applications/" + no).body().path("rating").isMissingNode()).isTrue();

        decide(no);
        JsonNode open = owner.get("/api/applications/" + no).body().path("rating");
        assertThat(open.path("canRate").asBoolean()).isTrue();
        LocalDateTime decidedAt = LocalDateTime.parse(owner.get("/api/applications/" + no).body().path("summary")
                .path("decidedAt").asText());
        assertThat(LocalDateTime.parse(open.path("rateBy").asText()))
                .isBetween(decidedAt.plusDays(7), decidedAt.plusDays(7).plusMinutes(1));

        Api.Response other = api().as("lisi").post("/api/applications/" + no + "/rating", Map.of("level", 1));
        assertThat(other.status()).isEqualTo(404);
        assertThat(count("select count(*) from audit_log where action = 'ACCESS_DENIED' and actor_id = 'lisi'"
                + " and target = ?", no)).isPositive();

        Api.Response bad = owner.post("/api/applications/" + no + "/rating",
                Map.of("level", 9, "comment", "长".repeat(501)));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.body().path("errors").findValuesAsText("field")).containsExactly("level", "comment");
        assertThat(bad.body().path("errors").get(1).path("message").asText()).isEqualTo("“评价内容”不能超过500个字。");
        Api.Response badEn = owner.inEnglish().post("/api/applications/" + no + "/rating", Map.of("level", "five"));
        assertThat(badEn.status()).isEqualTo(422);
        assertThat(badEn.body().path("errors").get(0).path("message").asText()).isEqualTo("\"Rating\" is not one of the options.");

        Api.Response rated = owner.post("/api/applications/" + no + "/rating",
                Map.of("level", 5, "comment", "办理很快，𠮷先生很满意"));
        assertThat(rated.status()).as(rated.toString()).isEqualTo(201);
        assertThat(rated.body().path("levelText").asText()).isEqualTo("非常满意");
        Api.Response twice = owner.post("/api/applications/" + no + "/rating", Map.of("level", 4));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.body().path("code").asText()).isEqualTo("rating.alreadyGiven");

        JsonNode detail = owner.get("/api/applications/" + no).body();
        assertThat(detail.path("rating").path("level").asInt()).isEqualTo(5);
        assertThat(detail.path("rating").path("canRate").asBoolean()).isFalse();
        assertThat(detail.path("rating").path("comment").asText()).isEqualTo("办理很快，𠮷先生很满意");
        assertThat(detail.path("timeline").findValuesAsText("type")).contains("RATED");
        assertThat(count("select count(*) from service_rating where application_no = ? and rating_level = 5"
                + " and channel = 'ONLINE' and rated_by = 'zhangsan' and is_default = false"
                + " and work_order_state is null and comment_text like 'enc:v1:%'", no)).isEqualTo(1);
        assertThat(count("select count(*) from service_rating where comment_text like '%先生%'")
                + count("select count(*) from case_event where data like '%先生%'"))
                .as("the comment is sealed at rest, in the rating and in the case's history").isZero();
        assertThat(ratingInstances(no)).as("the rating ended its process and its default timer").isZero();

        // One home for the comment, the rating: the case's history records that and how the applicant rated (the
        // level as its outcome) without a copy; staff read the comment with the rating and at the history's entry,
        // both from the rating.
        assertThat(count("select count(*) from case_event where application_no = ? and event_type = 'RATED'"
                + " and outcome = 'VERY_SATISFIED' and data is null", no)).isEqualTo(1);
        JsonNode staffView = api().as("clerk-funeral-xl").get("/api/applications/" + no).body();
        assertThat(staffView.path("rating").path("comment").asText()).isEqualTo("办理很快，𠮷先生很满意");
        JsonNode ratedEntry = null;
        for (JsonNode entry : staffView.path("timeline")) {
            if ("RATED".equals(entry.path("type").asText())) {
                ratedEntry = entry;
            }
        }
        assertThat(ratedEntry).isNotNull();
        assertThat(ratedEntry.path("data").path("comment").asText()).isEqualTo("办理很快，𠮷先生很满意");
    }

    /** A rating's event written before the comment had one home loses its copy in the migration of the slot. */
    @Test
    void theMigrationDropsTheCopyOfTheCommentFromOlderRatingEvents() throws Exception {
        Api owner = api().as("zhangsan");
        String no = submitted(owner);
        jdbc.update("insert into case_event (application_no, occurred_at, event_type, actor_id, actor_role, outcome,"
                + " data) values (?, ?, 'RATED', 'zhangsan', 'applicant', 'SATISFIED', ?)", no,
                java.sql.Timestamp.valueOf(LocalDateTime.of(2026, 11, 30, 10, 0)), "{\"level\":4,\"comment\":\"旧的评价\"}");
        String migration;
        try (var in = getClass().getResourceAsStream(
                "/db/migration/V202612070020__sign_in_failures_and_one_rating_comment.sql")) {
            migration = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        String update = migration.substring(migration.indexOf("update case_event"));
        jdbc.update(update.substring(0, update.indexOf(';')));
        assertThat(count("select count(*) from case_event where application_no = ? and event_type = 'RATED'"
                + " and outcome = 'SATISFIED' and data is null", no)).isEqualTo(1);
        assertThat(count("select count(*) from case_event where event_type = 'RATED' and data is not null")).isZero();
    }

    @Test
    void withoutARatingWithinSevenDaysTheRatingIsBasicallySatisfied() {
        Api owner = api().as("zhangsan");
        String no = submitted(owner);
        decide(no);
        Job window = management.createJobQuery().processInstanceId(ratingInstance(no)).timers().singleResult();

        ClockUtil.setCurrentTime(Date.from(window.getDuedate().toInstant().minus(Duration.ofMinutes(1))));
        assertThat(management.createJobQuery().processInstanceId(ratingInstance(no)).executable().count()).isZero();
        ClockUtil.setCurrentTime(Date.from(window.getDuedate().toInstant().plus(Duration.ofMinutes(1))));
        management.executeJob(window.getId());

        JsonNode rating = owner.get("/api/applications/" + no).body().path("rating");
        assertThat(rating.path("level").asInt()).isEqualTo(3);
        assertThat(rating.path("levelText").asText()).isEqualTo("基本满意");
        assertThat(rating.path("defaulted").asBoolean()).isTrue();
        Api.Response late = owner.post("/api/applications/" + no + "/rating", Map.of("level", 1));
        assertThat(late.status()).isEqualTo(409);
        assertThat(count("select count(*) from service_rating where application_no = ? and is_default = true"
                + " and channel = 'DEFAULT' and rating_level = 3", no)).isEqualTo(1);
    }

    @Test
    void aBadRatingIsCalledBackRectifiedAnsweredAndReReviewedAndTheApplicantSeesTheAnswer() {
        Api owner = api().as("zhangsan");
        String no = submitted(owner);
        decide(no);
        assertThat(owner.post("/api/applications/" + no + "/rating",
                Map.of("level", 1, "comment", "窗口排队两小时")).status()).isEqualTo(201);

        Api chief = api().as("chief");
        String callBack = taskOf(chief, no);
        assertThat(callBack).as("the work order is in the section chief's queue").isNotNull();
        assertThat(taskOf(api().as("clerk-funeral-xl"), no)).isNull();
        JsonNode task = chief.get("/api/tasks/" + callBack).body();
        assertThat(task.path("task").path("taskKey").asText()).isEqualTo("Task_CallBackAndVerify");
        assertThat(task.path("form").path("id").asText()).isEqualTo("rating-call-back");
        assertThat(task.path("task").path("dueAt").isNull()).isFalse();
        assertThat(task.path("timeline").toString()).as("the chief reads the comment").contains("窗口排队两小时");
        assertThat(owner.get("/api/applications/" + no).body().path("rating").path("workOrder").path("state")
                .asText()).isEqualTo("OPEN");

        Api.Response incomplete = chief.post("/api/tasks/" + callBack + "/complete",
                Map.of("data", Map.of("callBack", "reached")));
        assertThat(incomplete.status()).isEqualTo(422);
        complete(chief, no, Map.of("callBack", "reached", "finding", "founded", "verificationNotes", "高峰期窗口不足"));
        complete(chief, no, Map.of("measure", "rectified", "measureTaken", "高峰期增开两个窗口"));
        complete(chief, no, Map.of("feedback", "您反映的排队问题属实，我局已在高峰期增开两个窗口。", "reReview", "request",
                "reReviewReason", "申请人当日系非工作时间到场"));

        Api director = api().as("director");
        String review = taskOf(director, no);
        assertThat(director.get("/api/tasks/" + review).body().path("task").path("taskKey").asText())
                .isEqualTo("Task_DecideReReview");
        complete(director, no, Map.of("reviewOutcome", "UPHELD", "reviewReasons", "排队时间属实，差评维持"));

        JsonNode rating = owner.get("/api/applications/" + no).body().path("rating");
        assertThat(rating.path("levelText").asText()).isEqualTo("非常不满意");
        JsonNode order = rating.path("workOrder");
        assertThat(order.path("state").asText()).isEqualTo("CLOSED");
        assertThat(order.path("feedback").asText()).isEqualTo("您反映的排队问题属实，我局已在高峰期增开两个窗口。");
        assertThat(order.path("reviewOutcome").asText()).isEqualTo("UPHELD");
        assertThat(owner.get("/api/applications/" + no).body().path("timeline").findValuesAsText("type"))
                .contains("RATED", "RATING_FEEDBACK", "RATING_REVIEWED");
        assertThat(count("select count(*) from service_rating where application_no = ? and feedback_by = 'chief'"
                + " and reviewed_by = 'director' and feedback_text like 'enc:v1:%'", no)).isEqualTo(1);
        assertThat(count("select count(*) from ACT_HI_VARINST where NAME_ = 'feedback'"))
                .as("the feedback text stays out of the engine's history").isZero();
        assertThat(ratingInstances(no)).isZero();
    }

    @Test
    @org.junit.jupiter.api.extension.ExtendWith(cn.zs.civil.support.FixedPlatformDay.class)
    void aBadRatingsWorkOrderIsDueFiveWorkingDaysAfterTheRating_R38() {
        // Rated on Monday 2026-06-01 (FixedPlatformDay): platform.ratings.rectification-limit {5, WORKING} ends on
        // Monday 2026-06-08, past the weekend; the call-back, rectification and feedback tasks are due then.
        Api owner = api().as("zhangsan");
        String no = submitted(owner);
        decide(no);
        assertThat(owner.post("/api/applications/" + no + "/rating", Map.of("level", 2)).status()).isEqualTo(201);
        Api chief = api().as("chief");
        String due = chief.get("/api/tasks/" + taskOf(chief, no)).body().path("task").path("dueAt").asText();
        assertThat(due).startsWith("2026-06-08");
        complete(chief, no, Map.of("callBack", "reached", "finding", "founded", "verificationNotes", "属实"));
        assertThat(chief.get("/api/tasks/" + taskOf(chief, no)).body().path("task").path("dueAt").asText())
                .isEqualTo(due);
    }

    /** A reimbursement of zhangsan's, submitted and checked, waiting for acceptance. */
    /**
     * 窗口评价器: the clerk pairs their counter's device with a one-time code, offers the case their counter served,
     * and the person at the counter rates it on the device, once; the device's token does nothing else, a wrong or
     * spent code is refused field by field, and an unpaired device is refused.
     */
    @Test
    void thePersonServedRatesOnTheCountersDeviceOnce() {
        Api owner = api().as("zhangsan");
        String no = submitted(owner);
        Api clerk = api().as("clerk-funeral-xl");
        Api device = api().anonymous();

        Api.Response noLabel = clerk.post("/api/counter-device", Map.of("label", " "));
        assertThat(noLabel.status()).as(noLabel.toString()).isEqualTo(422);
        assertThat(noLabel.body().path("errors").get(0).path("message").asText()).isEqualTo("“窗口名称”为必填项。");
        Api.Response paired = clerk.post("/api/counter-device", Map.of("label", "3号窗口"));
        assertThat(paired.status()).as(paired.toString()).isEqualTo(200);
        String code = paired.body().path("pairingCode").asText();
        assertThat(code).matches("\\d{6}");
        assertThat(count("select count(*) from rating_counter_device where pairing_code_hash = ?", code))
                .as("codes are stored only as keyed hashes").isZero();

        Api.Response wrong = device.post("/api/public/counter-device/claim",
                Map.of("code", code.equals("000000") ? "000001" : "000000"));
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(wrong.body().path("errors").get(0).path("field").asText()).isEqualTo("code");
        Api.Response malformed = device.inEnglish().post("/api/public/counter-device/claim", Map.of("code", "12ab"));
        assertThat(malformed.body().path("errors").get(0).path("message").asText())
                .isEqualTo("The pairing code is the 6 digits shown on the workbench.");
        Api.Response claimed = device.post("/api/public/counter-device/claim", Map.of("code", code));
        assertThat(claimed.status()).as(claimed.toString()).isEqualTo(200);
        assertThat(claimed.body().path("label").asText()).isEqualTo("3号窗口");
        Map<String, String> token = Map.of("X-Counter-Device", claimed.body().path("token").asText());
        assertThat(device.post("/api/public/counter-device/claim", Map.of("code", code)).status())
                .as("a code pairs one device").isEqualTo(422);

        Api.Response idle = device.call(org.springframework.http.HttpMethod.GET, "/api/public/counter-device", null,
                token);
        assertThat(idle.status()).isEqualTo(200);
        assertThat(idle.body().path("offer").isNull() || idle.body().path("offer").isMissingNode()).isTrue();
        Api.Response early = clerk.post("/api/applications/" + no + "/rating/counter-offer", Map.of());
        assertThat(early.status()).as("no result yet").isEqualTo(409);

        decide(no);
        assertThat(api().as("clerk-marriage").post("/api/applications/" + no + "/rating/counter-offer", Map.of())
                .status()).as("not a case of theirs").isEqualTo(404);
        Api.Response offered = clerk.post("/api/applications/" + no + "/rating/counter-offer", Map.of());
        assertThat(offered.status()).as(offered.toString()).isEqualTo(200);
        JsonNode shown = device.call(org.springframework.http.HttpMethod.GET, "/api/public/counter-device", null,
                token).body();
        assertThat(shown.path("offer").path("applicationNo").asText()).isEqualTo(no);
        assertThat(shown.path("offer").path("serviceName").asText()).isNotBlank();
        assertThat(shown.toString()).as("the device shows no personal data").doesNotContain("张").doesNotContain("zhangsan");

        Api.Response bad = device.post("/api/public/counter-device/rating", Map.of("applicationNo", no, "level", 7),
                token);
        assertThat(bad.status()).isEqualTo(422);
        Api.Response forged = device.post("/api/public/counter-device/rating",
                Map.of("applicationNo", no, "level", 5), Map.of("X-Counter-Device", "forged"));
        assertThat(forged.status()).isEqualTo(404);
        Api.Response rated = device.post("/api/public/counter-device/rating",
                Map.of("applicationNo", no, "level", 4, "comment", "窗口服务热情"), token);
        assertThat(rated.status()).as(rated.toString()).isEqualTo(204);
        Api.Response again = device.post("/api/public/counter-device/rating", Map.of("applicationNo", no, "level", 1),
                token);
        assertThat(again.status()).isEqualTo(409);
        assertThat(count("select count(*) from service_rating where application_no = ? and rating_level = 4"
                + " and channel = 'COUNTER' and is_default = false", no)).isEqualTo(1);
        assertThat(owner.post("/api/applications/" + no + "/rating", Map.of("level", 1)).status())
                .as("one rating per case, whichever channel").isEqualTo(409);
        assertThat(owner.get("/api/applications/" + no).body().path("timeline").findValuesAsText("type"))
                .contains("RATED_AT_COUNTER");
        assertThat(ratingInstances(no)).as("the rating ended its process and its default timer").isZero();

        assertThat(clerk.call(org.springframework.http.HttpMethod.DELETE, "/api/counter-device", null, Map.of())
                .status()).isEqualTo(204);
        assertThat(device.call(org.springframework.http.HttpMethod.GET, "/api/public/counter-device", null, token)
                .status()).as("an unpaired device is refused").isEqualTo(404);
    }

    private String submitted(Api owner) {
        String cremation = owner.upload("火化证明.pdf", Fixtures.pdf()).body().path("id").asText();
        String invoice = owner.upload("invoice.pdf", Fixtures.pdf()).body().path("id").asText();
        Api.Response submitted = owner.post("/api/applications",
                Map.of("serviceCode", "funeral-fee-reimbursement", "data", Fixtures.jilin(cremation, invoice)));
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
        String no = submitted.body().path("applicationNo").asText();
        runJobs(no);
        return no;
    }

    /** The clerk accepts and approves; the case ends with its result (paid, or refused as already waived). */
    private void decide(String no) {
        Api clerk = api().as("clerk-funeral-xl");
        complete(clerk, no, Map.of("decision", "accept"));
        if (taskOf(clerk, no) != null) {
            complete(clerk, no, Map.of("decision", "approve", "invoiceChecked", true));
        }
        runJobs(no);
        assertThat(count("select count(*) from application where application_no = ? and status = 'DECIDED'"
                + " and closed_at is not null", no)).isEqualTo(1);
    }

    private void complete(Api staff, String no, Map<String, Object> data) {
        String task = taskOf(staff, no);
        assertThat(task).as("open task of %s", no).isNotNull();
        Api.Response done = staff.post("/api/tasks/" + task + "/complete", Map.of("data", data));
        assertThat(done.status()).as(done.toString()).isEqualTo(204);
    }

    private String ratingInstance(String no) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(RatingProcess.PROCESS_KEY)
                .processInstanceBusinessKey(no).singleResult().getId();
    }

    private long ratingInstances(String no) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(RatingProcess.PROCESS_KEY)
                .processInstanceBusinessKey(no).count();
    }
}
