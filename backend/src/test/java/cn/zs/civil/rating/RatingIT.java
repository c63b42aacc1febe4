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

    /** A reimbursement of zhangsan's, submitted and checked, waiting for acceptance. */
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
