package cn.zs.civil.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import cn.zs.civil.support.Api;
import cn.zs.civil.support.ApiTestBase;
import cn.zs.civil.support.Fixtures;

/**
 * The first walkthrough (docs/walkthroughs.md) as a test: an applicant applies for a funeral-fee reimbursement with uploads, a clerk of
 * the right district claims and completes acceptance and review, and the applicant and the public tracking page
 * see the decision. The deceased's name has a 4-byte character (𠮷), which must survive every step.
 */
class ReimbursementJourneyIT extends ApiTestBase {

    @org.springframework.beans.factory.annotation.Autowired
    private cn.zs.civil.registry.IdNumberKeys idKeys;

    /**
     * Other tests of the shared context (ratings, the reports' facts) also end cases of this deceased, and only one
     * waiver per deceased is ever granted: this journey starts from a deceased without a waiver.
     */
    @org.junit.jupiter.api.BeforeEach
    void noEarlierWaiverOfThisDeceased() {
        jdbc.update("delete from funeral_waiver where deceased_key = ?", idKeys.of(Fixtures.JILIN_ID));
    }

    @Test
    void applicantIsReimbursedAfterAcceptanceAndReviewAndEveryoneSeesTheDecision() {
        Api applicant = api().as("zhangsan");
        String cremation = applicant.upload("火化证明.pdf", Fixtures.pdf()).body().path("id").asText();
        String invoice = applicant.upload("invoice.png", Fixtures.png()).body().path("id").asText();

        Api.Response submitted = applicant.post("/api/applications",
                Map.of("serviceCode", "funeral-fee-reimbursement", "data", Fixtures.jilin(cremation, invoice)));
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
        String no = submitted.body().path("applicationNo").asText();
        String code = submitted.body().path("queryCode").asText();
        assertThat(no).matches("BZB-\\d{8}-\\d{4}");
        assertThat(code).matches("[A-HJ-NP-Z2-9]{8}");
        runJobs(no);

        // Xiaolan belongs to clerk-funeral-xl's districts, not to clerk-funeral's.
        Api clerk = api().as("clerk-funeral-xl");
        Api otherDistrict = api().as("clerk-funeral");
        String acceptTask = taskOf(clerk, no);
        assertThat(acceptTask).isNotNull();
        assertThat(taskOf(otherDistrict, no)).isNull();
        assertThat(otherDistrict.get("/api/tasks/" + acceptTask).status()).isEqualTo(404);

        JsonNode queueItem = clerk.get("/api/tasks?size=100").body().path("items").get(0);
        assertThat(queueItem.path("subject").asText()).isEqualTo("𠮷*");

        JsonNode detail = clerk.get("/api/tasks/" + acceptTask).body();
        assertThat(detail.path("data").path("deceasedName").asText()).isEqualTo(Fixtures.JILIN_NAME);
        assertThat(detail.path("checks").path("identityVerified").asBoolean()).isTrue();
        assertThat(detail.path("checks").path("cremationVerified").asBoolean()).isTrue();
        assertThat(detail.path("correctionsAllowed").asBoolean()).isTrue();
        assertThat(detail.path("form").path("id").asText()).isEqualTo("funeral-reimbursement-accept");

        assertThat(clerk.post("/api/tasks/" + acceptTask + "/claim", null).status()).isEqualTo(204);
        Api.Response second = api().as("chief").post("/api/tasks/" + acceptTask + "/claim", null);
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.body().path("detail").asText()).contains("陈明");

        assertThat(clerk.post("/api/tasks/" + acceptTask + "/complete", Map.of("data", Map.of("decision", "accept")))
                .status()).isEqualTo(204);

        String reviewTask = taskOf(clerk, no);
        JsonNode review = clerk.get("/api/tasks/" + reviewTask).body();
        assertThat(review.path("task").path("taskKey").asText()).isEqualTo("Task_ReviewReimbursement");
        // 480 (transport cap) + 240 (3 days storage) + 250 (cremation) + 120.50 (urn below the standard) = 1090.50;
        // the "other" item is not a basic service.
        assertThat(review.path("checks").path("waiverAmount").asDouble()).isEqualTo(1090.50);

        Api.Response incomplete = clerk.post("/api/tasks/" + reviewTask + "/complete",
                Map.of("data", Map.of("decision", "approve")));
        assertThat(incomplete.status()).isEqualTo(422);
        assertThat(incomplete.body().path("errors").get(0).path("field").asText()).isEqualTo("invoiceChecked");

        assertThat(clerk.post("/api/tasks/" + reviewTask + "/complete",
                Map.of("data", Map.of("decision", "approve", "invoiceChecked", true))).status()).isEqualTo(204);
        // Decided: while the payment is still pending the applicant can no longer withdraw.
        assertThat(applicant.post("/api/applications/" + no + "/withdraw", Map.of()).status()).isEqualTo(409);
        runJobs(no);

        JsonNode mine = applicant.get("/api/applications/" + no).body();
        assertThat(mine.path("summary").path("status").asText()).isEqualTo("DECIDED");
        assertThat(mine.path("summary").path("outcome").asText()).isEqualTo("PAID");
        assertThat(mine.path("summary").path("subject").asText()).isEqualTo(Fixtures.JILIN_NAME);
        assertThat(mine.path("timeline").findValuesAsText("type")).contains("SUBMITTED", "CLAIMED", "TASK_COMPLETED",
                "ACCEPTED", "DECIDED");
        assertThat(mine.path("timeline").findValues("actor")).isEmpty();
        // Staff see who acted, by name (as the queue names clerks), never by account id.
        JsonNode staffView = clerk.get("/api/applications/" + no).body();
        assertThat(staffView.path("timeline").findValuesAsText("actor")).contains("陈明").doesNotContain("clerk-funeral-xl");
        // The catalogue says where and how the service is done.
        assertThat(applicant.get("/api/services/funeral-fee-reimbursement").body().path("where").asText()).startsWith("网上申请");
        assertThat(api().anonymous().get("/api/services/marriage-registration").body().path("where").asText())
                .contains("婚姻登记处").doesNotContain("殡仪馆");
        assertThat(applicant.get("/api/applications/mine").body().path("items").findValuesAsText("subject"))
                .contains(Fixtures.JILIN_NAME);

        Api.Response tracked = api().anonymous().post("/api/public/track",
                Map.of("applicationNo", no, "queryCode", code));
        assertThat(tracked.status()).isEqualTo(200);
        assertThat(tracked.body().path("statusText").asText()).isEqualTo("已办结");
        assertThat(tracked.body().path("outcomeText").asText()).isEqualTo("已同意报销并支付");
        assertThat(tracked.text()).doesNotContain("𠮷", "442000194503012129", "张三", "陈明", "zhangsan",
                "6222020000123456789");

        assertThat(count("select count(*) from funeral_waiver where application_no = ? and paid_at is not null", no))
                .isEqualTo(1);
        // The audit trail: who did what and when, for every decision.
        assertThat(jdbc.queryForList("select actor_id from case_event where application_no = ? and event_type = ?",
                String.class, no, "TASK_COMPLETED")).containsExactly("clerk-funeral-xl", "clerk-funeral-xl");
        // Decision results are stored as JSON, never as serialized Java objects.
        assertThat(jdbc.queryForList("select VAR_TYPE_ from ACT_HI_VARINST where NAME_ = 'eligibility'", String.class))
                .isNotEmpty().containsOnly("spin://application/json");
        // Personal data stays out of the engine's history.
        assertThat(count("select count(*) from ACT_HI_VARINST where TEXT_ like ? or TEXT_ like ?", "%林%",
                "%442000194503012129%")).isZero();
        // The subject's name is sealed in the table (application.SubjectNames) and read back whole.
        assertThat(jdbc.queryForObject("select subject_sealed from application where application_no = ?", String.class,
                no)).startsWith("enc:v1:").doesNotContain(Fixtures.JILIN_NAME);
    }

    @Test
    void wrongQueryCodeAndUnknownNumberAnswerAlike() {
        Api.Response unknown = api().anonymous().post("/api/public/track",
                Map.of("applicationNo", "BZB-20990101-0001", "queryCode", "ABCDEFGH"));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.header("Content-Type")).startsWith("application/problem+json");
    }
}
