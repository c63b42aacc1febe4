package cn.zs.civil.worklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import cn.zs.civil.support.Api;
import cn.zs.civil.support.ApiTestBase;
import cn.zs.civil.support.Fixtures;

/** The one-time correction notice (ALL Art. 32(4)) and withdrawal, through the API as clerk and applicant use them. */
class CorrectionsAndWithdrawalIT extends ApiTestBase {

    private String submit(Api applicant, String district) {
        return submitReimbursement(applicant, district, "何丽珍", Fixtures.HE_ID, "SW4420002026004", "HZ440100202699999");
    }

    @Test
    void clerkIssuesOneNoticeListingEveryItemAndTheApplicantSuppliesThem() {
        Api applicant = api().as("lisi");
        Api clerk = api().as("clerk-funeral");
        String no = submit(applicant, "shiqi");
        String task = taskOf(clerk, no);

        Api.Response empty = clerk.post("/api/tasks/" + task + "/corrections", Map.of("items", List.of()));
        assertThat(empty.status()).isEqualTo(422);

        Api.Response notice = clerk.post("/api/tasks/" + task + "/corrections", Map.of(
                "items", List.of(Map.of("material", "cremation-certificate", "description", "火化证明编号与记录不符"),
                        Map.of("material", "invoice", "description", "发票缺少收费明细")),
                "note", "请一次性补齐"));
        assertThat(notice.status()).as(notice.toString()).isEqualTo(204);

        JsonNode mine = applicant.get("/api/applications/" + no).body();
        assertThat(mine.path("summary").path("status").asText()).isEqualTo("WAITING_FOR_CORRECTIONS");
        assertThat(mine.path("correctionNotice").path("items").findValuesAsText("description"))
                .containsExactly("火化证明编号与记录不符", "发票缺少收费明细");
        assertThat(mine.path("nextStep").asText()).contains("补齐");
        assertThat(taskOf(clerk, no)).isNull();

        // The correction must still satisfy the whole form; a bad value is refused and nothing changes.
        Api.Response bad = applicant.post("/api/applications/" + no + "/corrections",
                Map.of("data", Map.of("cremationCertificateNo", "!!")));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.body().path("errors").findValuesAsText("field")).containsExactly("cremationCertificateNo");

        String newScan = applicant.upload("new.pdf", Fixtures.pdf()).body().path("id").asText();
        Api.Response supplied = applicant.post("/api/applications/" + no + "/corrections",
                Map.of("data", Map.of("cremationCertificateNo", "HZ440100202600999", "cremationCertificateFile", newScan)));
        assertThat(supplied.status()).as(supplied.toString()).isEqualTo(204);
        assertThat(applicant.post("/api/applications/" + no + "/corrections", Map.of("data", Map.of())).status())
                .isEqualTo(409);
        runJobs(no);

        String review = taskOf(clerk, no);
        assertThat(review).isNotNull();
        JsonNode detail = clerk.get("/api/tasks/" + review).body();
        assertThat(detail.path("task").path("taskKey").asText()).isEqualTo("Task_ReviewReimbursement");
        assertThat(detail.path("correctionsAllowed").asBoolean()).isFalse();
        assertThat(detail.path("data").path("cremationCertificateNo").asText()).isEqualTo("HZ440100202600999");

        // Only one notice per case: the review step cannot issue another.
        Api.Response again = clerk.post("/api/tasks/" + review + "/corrections",
                Map.of("items", List.of(Map.of("description", "再补一次"))));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body().path("code").asText()).isEqualTo("corrections.notAtThisStep");
        assertThat(count("select count(*) from correction_notice where application_no = ?", no)).isEqualTo(1);

        assertThat(clerk.post("/api/tasks/" + review + "/complete",
                Map.of("data", Map.of("decision", "reject", "invoiceChecked", true, "reasons", "发票与火化证明不一致")))
                .status()).isEqualTo(204);
        JsonNode decided = applicant.get("/api/applications/" + no).body();
        assertThat(decided.path("summary").path("outcome").asText()).isEqualTo("REJECTED");
        assertThat(decided.path("nextStep").asText()).contains("行政复议", "行政诉讼");
    }

    @Test
    void applicantWithdrawsWhileUnderReviewButNotAfterTheDecision() {
        Api applicant = api().as("lisi");
        Api clerk = api().as("clerk-funeral");
        String no = submit(applicant, "dongqu");
        assertThat(applicant.post("/api/applications/" + no + "/withdraw", Map.of("reason", "家属另行处理")).status())
                .isEqualTo(204);
        assertThat(taskOf(clerk, no)).isNull();
        JsonNode mine = applicant.get("/api/applications/" + no).body();
        assertThat(mine.path("summary").path("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(applicant.post("/api/applications/" + no + "/withdraw", Map.of()).status()).isEqualTo(409);
    }

    @Test
    void secondClerkGetsAConflictNamingWhoHoldsTheTaskAndNothingChanges() {
        Api applicant = api().as("lisi");
        String no = submit(applicant, "wuguishan");
        Api first = api().as("clerk-funeral");
        Api second = api().as("chief");
        String task = taskOf(first, no);
        assertThat(first.post("/api/tasks/" + task + "/claim", null).status()).isEqualTo(204);
        Api.Response conflict = second.post("/api/tasks/" + task + "/complete",
                Map.of("data", Map.of("decision", "accept")));
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.body().path("detail").asText()).contains("王芳", "没有丢失");
        assertThat(second.inEnglish().post("/api/tasks/" + task + "/claim", null).body().path("detail").asText())
                .contains("being handled by");
        assertThat(taskOf(first, no)).isEqualTo(task);
        assertThat(first.post("/api/tasks/" + task + "/unclaim", null).status()).isEqualTo(204);
        JsonNode next = second.post("/api/tasks/next", null).body();
        assertThat(next.path("taskId").asText()).isNotBlank();
    }

    @org.junit.jupiter.api.AfterEach
    void realTime() {
        org.camunda.bpm.engine.impl.util.ClockUtil.reset();
    }

    @Test
    void aCorrectionNoticeAfterTheLawsFiveWorkingDaysIsRefusedWhateverTheTimerDid() {
        // Received Monday 2026-11-30: the notice is due by Monday 12-07 (ALL Art. 32(4)).
        java.time.ZonedDateTime monday = java.time.ZonedDateTime.of(2026, 11, 30, 10, 0, 0, 0,
                java.time.ZoneId.of("Asia/Shanghai"));
        org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(java.util.Date.from(monday.toInstant()));
        Api applicant = api().as("lisi");
        Api clerk = api().as("clerk-funeral");
        String no = submit(applicant, "shiqi");
        String task = taskOf(clerk, no);
        Map<String, Object> notice = Map.of("items", List.of(Map.of("description", "发票缺少收费明细")));
        // The acceptance step shows its own limit, on the task page and on the queue's row, by the working-day calendar.
        assertCorrectionWindow(clerk, no, task, 5);

        // Tuesday 12-08: one working day late. The deemed-acceptance timer has not run (no job executor here).
        org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(java.util.Date.from(monday.plusDays(8).toInstant()));
        Api.Response late = clerk.post("/api/tasks/" + task + "/corrections", notice);
        assertThat(late.status()).as(late.toString()).isEqualTo(409);
        assertThat(late.body().path("code").asText()).isEqualTo("corrections.noticeTooLate");
        assertThat(late.body().path("detail").asText()).contains("2026-12-07");
        assertThat(count("select count(*) from correction_notice where application_no = ?", no)).isZero();
        assertThat(taskOf(clerk, no)).isEqualTo(task);
        assertCorrectionWindow(clerk, no, task, -1);

        // On the last day itself the notice is still lawful.
        org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(java.util.Date.from(monday.plusDays(7).toInstant()));
        assertCorrectionWindow(clerk, no, task, 0);
        assertThat(clerk.post("/api/tasks/" + task + "/corrections", notice).status()).isEqualTo(204);
    }

    private static void assertCorrectionWindow(Api clerk, String no, String task, int workingDaysLeft) {
        JsonNode onPage = clerk.get("/api/tasks/" + task).body().path("task").path("correctionWindow");
        JsonNode onRow = clerk.get("/api/tasks?number=" + no).body().path("items").get(0).path("correctionWindow");
        for (JsonNode window : List.of(onPage, onRow)) {
            assertThat(window.path("receivedOn").asText()).isEqualTo("2026-11-30");
            assertThat(window.path("lastDay").asText()).isEqualTo("2026-12-07");
            assertThat(window.path("workingDaysLeft").asInt()).isEqualTo(workingDaysLeft);
        }
    }
}
