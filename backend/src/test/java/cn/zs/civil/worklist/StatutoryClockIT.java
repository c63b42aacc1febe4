package cn.zs.civil.worklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

import cn.zs.civil.support.FixedPlatformDay;
import cn.zs.civil.application.BusinessTime;
import cn.zs.civil.clock.StatutoryClock;
import cn.zs.civil.support.Api;
import cn.zs.civil.support.ApiTestBase;
import cn.zs.civil.support.Fixtures;

/** The statutory clock on real cases: countdowns in the queue and tracking, deemed acceptance, escalation. */
@ExtendWith(FixedPlatformDay.class)
class StatutoryClockIT extends ApiTestBase {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Autowired
    private StatutoryClock clock;

    @Autowired
    private Escalations escalations;

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    private String submit(Api applicant, String district, String name, String id) {
        return submitReimbursement(applicant, district, name, id, "SW4406002026015", "HZ440600202600321");
    }

    @Test
    void acceptedCaseShowsItsCountdownInTheQueueAndItsExpectedDateToTheApplicantAndThePublic() {
        Api applicant = api().as("zhangsan");
        Api clerk = api().as("clerk-funeral");
        String no = submit(applicant, "nanqu", "郑海", Fixtures.ZHENG_ID);
        clerk.post("/api/tasks/" + taskOf(clerk, no) + "/complete", Map.of("data", Map.of("decision", "accept")));

        LocalDate accepted = BusinessTime.now().toLocalDate();
        LocalDate statutoryDue = clock.addWorkingDays(accepted, 20);
        LocalDate promisedDue = clock.addWorkingDays(accepted, 10);
        JsonNode item = null;
        for (JsonNode i : clerk.get("/api/tasks?size=100").body().path("items")) {
            if (no.equals(i.path("applicationNo").asText())) {
                item = i;
            }
        }
        assertThat(item).isNotNull();
        assertThat(item.path("countdown").path("state").asText()).isEqualTo("ON_TIME");
        assertThat(item.path("countdown").path("statutoryDue").asText()).isEqualTo(statutoryDue.toString());
        assertThat(item.path("countdown").path("promisedDue").asText()).isEqualTo(promisedDue.toString());
        assertThat(item.path("countdown").path("remainingWorkingDays").asInt()).isBetween(19, 20);

        JsonNode mine = applicant.get("/api/applications/" + no).body();
        assertThat(mine.path("expectedBy").asText()).isEqualTo(promisedDue.toString());
        String code = mine.path("queryCode").asText();
        JsonNode tracked = api().anonymous().post("/api/public/track", Map.of("applicationNo", no, "queryCode", code)).body();
        assertThat(tracked.path("expectedBy").asText()).isEqualTo(promisedDue.toString());
    }

    @Test
    void noCorrectionNoticeWithinFiveWorkingDaysMeansAcceptedOnTheReceiptDate() {
        Api applicant = api().as("lisi");
        String no = submit(applicant, "dongqu", "何丽珍", Fixtures.HE_ID);
        LocalDate received = BusinessTime.now().toLocalDate();
        var instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(no).singleResult();
        Job timer = management.createJobQuery().processInstanceId(instance.getId()).timers().singleResult();
        assertThat(timer.getDuedate()).isEqualTo(clock.workingDaysAfter(ClockUtil.getCurrentTime(), 5));

        ClockUtil.setCurrentTime(Date.from(timer.getDuedate().toInstant().plusSeconds(1)));
        management.executeJob(timer.getId());

        JsonNode mine = applicant.get("/api/applications/" + no).body();
        assertThat(mine.path("summary").path("status").asText()).isEqualTo("UNDER_REVIEW");
        assertThat(mine.path("timeline").findValuesAsText("type")).contains("DEEMED_ACCEPTED");
        assertThat(jdbc.queryForObject("select accepted_at from application where application_no = ?",
                java.time.LocalDateTime.class, no).toLocalDate()).isEqualTo(received);
        // The clock runs from the receipt date, so the 20 working days count from then.
        assertThat(mine.path("summary").path("countdown").path("statutoryDue").asText())
                .isEqualTo(clock.addWorkingDays(received, 20).toString());
        assertThat(taskOf(api().as("clerk-funeral"), no)).isNotNull();
    }

    @Test
    void overdueCaseIsEscalatedOnceToTheChiefsOfItsDistrict() {
        Api applicant = api().as("zhangsan");
        Api clerk = api().as("clerk-funeral");
        String no = submit(applicant, "xiqu", "郑海", Fixtures.ZHENG_ID);
        clerk.post("/api/tasks/" + taskOf(clerk, no) + "/complete", Map.of("data", Map.of("decision", "accept")));

        var inTwoMonths = BusinessTime.instant().plus(Duration.ofDays(60));
        assertThat(escalations.scan(BusinessTime.instant())).isZero();
        assertThat(escalations.scan(inTwoMonths)).isPositive();
        assertThat(escalations.scan(inTwoMonths)).isZero();

        Api chief = api().as("chief");
        assertThat(chief.get("/api/escalations").body().findValuesAsText("applicationNo")).contains(no);
        assertThat(api().as("clerk-funeral").get("/api/escalations").status()).isEqualTo(403);
        assertThat(count("select count(*) from case_event where application_no = ? and event_type = 'ESCALATED'", no))
                .isEqualTo(1);
        // Staff see the escalation in the case's history; the applicant does not.
        assertThat(applicant.get("/api/applications/" + no).body().path("timeline").findValuesAsText("type"))
                .doesNotContain("ESCALATED");
        assertThat(chief.post("/api/escalations/" + no + "/acknowledge", null).status()).isEqualTo(204);
        assertThat(chief.get("/api/escalations").body().findValuesAsText("applicationNo")).doesNotContain(no);
    }
}
