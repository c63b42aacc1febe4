package cn.zs.civil.placename;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;

import cn.zs.civil.support.FixedPlatformDay;
import cn.zs.civil.application.BusinessTime;
import cn.zs.civil.support.Api;
import cn.zs.civil.support.ApiTestBase;
import cn.zs.civil.support.Fixtures;
import cn.zs.civil.support.Pdfs;

/**
 * A place-name case through HTTP on the real clock, register and escalation list (H2, and MariaDB in CI): the name
 * checked before anyone reviews it, expert review and consultation outside the limit, a late filing escalated to
 * the chiefs, the announcement drafted from the case, the approved name in the register.
 */
@ExtendWith(FixedPlatformDay.class)
class PlacenameApprovalIT extends ApiTestBase {

    @org.springframework.beans.factory.annotation.Autowired
    private cn.zs.civil.clock.StatutoryClock clock;

    @org.springframework.beans.factory.annotation.Autowired
    private DownstreamNotifications downstream;

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final String CONTACT_ID = "442000198804046814";

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    @Test
    void checksAProposedNameBeforeAnyoneAppliesInTheReadersLanguage() {
        Api applicant = api().as("zhangsan");

        JsonNode duplicate = applicant.post("/api/placename/name-check", Map.of("specificPart", "兴中",
                "genericPart", "道", "featureCategory", "STREET_ROAD_LANE")).body();
        assertThat(duplicate.path("passed").asBoolean()).isFalse();
        assertThat(duplicate.path("findings").findValuesAsText("code")).containsExactly("DUPLICATE", "SAME_SPECIFIC_PART");
        assertThat(duplicate.path("findings").findValuesAsText("detail")).containsExactly("兴中道", "兴中广场");
        assertThat(duplicate.path("findings").get(0).path("text").asText()).contains("兴中道", "不得重名");

        JsonNode homophone = applicant.inEnglish().post("/api/placename/name-check", Map.of("specificPart", "星中",
                "genericPart", "道", "featureCategory", "STREET_ROAD_LANE")).body();
        assertThat(homophone.path("findings").findValuesAsText("code")).containsExactly("HOMOPHONE");
        assertThat(homophone.path("findings").get(0).path("text").asText()).startsWith("Sounds like");
        assertThat(homophone.path("romanisation").asText()).isEqualTo("Xingzhong Dao");

        Api.Response bad = applicant.post("/api/placename/name-check", Map.of("genericPart", "这是一个太长的通名啊",
                "featureCategory", "AIRPORT", "applicationType", "RENAMING"));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.body().path("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("specificPart", "genericPart", "featureCategory", "currentName");
        assertThat(bad.body().path("errors").findValuesAsText("message")).anyMatch(m -> m.contains("专名"));
    }

    @Test
    void approvesAStreetNameWithExpertReviewAndConsultationOutsideTheLimitAndEscalatesALateFiling() throws Exception {
        Api applicant = api().as("zhangsan");
        Api clerk = api().as("clerk-placename");
        Api chief = api().as("chief");
        String no = submit(applicant, "富康", "路", "NAMING", null);

        String acceptTask = taskOf(clerk, no);
        assertThat(clerk.get("/api/tasks/" + acceptTask).body().path("checks").path("nameCheckPassed").asBoolean())
                .isTrue();
        complete(clerk, no, Map.of("decision", "accept"));
        LocalDate accepted = BusinessTime.now().toLocalDate();
        complete(clerk, no, Map.of("socialImpact", "MEDIUM", "planConforms", true, "evaluationSummary", "合法可行"));

        // Expert review: three weeks that the statutory clock does not count.
        assertThat(status(applicant, no).path("countdown").path("paused").asBoolean()).isTrue();
        ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(21))));
        complete(clerk, no, Map.of("experts", "李教授、王工程师、陈馆长", "reviewDate", BusinessTime.now().toLocalDate().toString(),
                "expertConclusion", "SUPPORT", "expertReport", "名称寓意良好，符合命名规则"));
        Job consultation = timer(no, "Event_ConsultationPeriodEnded");
        ClockUtil.setCurrentTime(Date.from(consultation.getDuedate().toInstant().plusSeconds(60)));
        management.executeJob(consultation.getId());

        // A month later the case still has (almost) its whole 20 working days: both periods were paused.
        JsonNode countdown = status(applicant, no).path("countdown");
        assertThat(countdown.path("state").asText()).isEqualTo("ON_TIME");
        assertThat(countdown.path("remainingWorkingDays").asInt()).isBetween(19, 20);
        assertThat(LocalDate.parse(countdown.path("statutoryDue").asText())).isAfter(accepted.plusDays(40));

        complete(clerk, no, Map.of("consultationChannels", "市民政局网站、所在镇街公示栏", "opinionsReceived", 3,
                "opinionsHandling", "均表示赞同", "hearingRequested", "no"));
        assertThat(taskOf(clerk, no)).as("the chief's step is not the clerks'").isNull();
        complete(chief, no, Map.of("chiefOpinion", "support", "remarks", "同意报市政府审批"));
        // The approver's decision date: not in the future, not before acceptance; the periods run from it.
        LocalDate engineToday = BusinessTime.now().toLocalDate();
        String decisionTask = taskOf(clerk, no);
        for (LocalDate impossible : List.of(engineToday.plusDays(1), accepted.minusDays(1))) {
            Api.Response refused = clerk.post("/api/tasks/" + decisionTask + "/complete", Map.of("data", Map.of(
                    "decision", "approve", "decisionDocumentNo", "中府函〔2026〕88号", "decisionDate",
                    impossible.toString())));
            assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
            assertThat(refused.body().path("errors").findValuesAsText("field")).containsExactly("decisionDate");
        }
        LocalDate decided = engineToday.minusDays(5);
        complete(clerk, no, Map.of("decision", "approve", "decisionDocumentNo", "中府函〔2026〕88号",
                "decisionDate", decided.toString()));
        assertThat(status(applicant, no).path("status").asText()).isEqualTo("DECIDED");

        // Nobody files within 15 days of the approver's decision (not of the day the clerk recorded it): the chiefs
        // see the case in their escalation list.
        // A reminder to the staff three days before the period ends (Art. 35: a warning before the escalation).
        Job reminder = timer(no, "BoundaryEvent_FilingDueSoon");
        ClockUtil.setCurrentTime(Date.from(reminder.getDuedate().toInstant().plusSeconds(60)));
        management.executeJob(reminder.getId());
        assertThat(count("select count(*) from case_event where application_no = ? and event_type = 'STEP_DUE_SOON'",
                no)).isEqualTo(1);
        assertThat(applicant.get("/api/applications/" + no).body().path("timeline").findValuesAsText("type"))
                .doesNotContain("STEP_DUE_SOON");
        assertThat(chief.get("/api/escalations").body().findValuesAsText("applicationNo")).doesNotContain(no);

        Job filing = timer(no, "BoundaryEvent_FilingOverdue");
        assertThat(filing.getDuedate()).isEqualTo(clock.calendarDaysAfterCivilCode(
                Date.from(decided.atTime(12, 0).atZone(SHANGHAI).toInstant()), 15));
        ClockUtil.setCurrentTime(Date.from(filing.getDuedate().toInstant().plusSeconds(60)));
        management.executeJob(filing.getId());
        assertThat(chief.get("/api/escalations").body().findValuesAsText("applicationNo")).contains(no);
        assertThat(count("select count(*) from case_event where application_no = ? and event_type = 'ESCALATED' "
                + "and outcome = 'FILING_OVERDUE'", no)).isEqualTo(1);
        assertThat(chief.post("/api/escalations/" + no + "/acknowledge", null).status()).isEqualTo(204);

        complete(clerk, no, Map.of("filingNo", "粤地备〔2026〕301号", "filingDate", BusinessTime.now().toLocalDate().toString()));
        JsonNode announcement = applicant.get("/api/placename/" + no + "/announcement").body();
        assertThat(announcement.path("title").asText()).isEqualTo("中山市民政局关于“富康路”命名的公告");
        assertThat(announcement.path("body").asText()).contains("中山市人民政府", "中府函〔2026〕88号", "小榄镇",
                "Fukang Lu");
        assertThat(announcement.path("published").asBoolean()).isFalse();
        complete(clerk, no, Map.of("channels", List.of("WEBSITE", "NATIONAL_DATABASE")));

        assertThat(status(applicant, no).path("outcome").asText()).isEqualTo("APPROVED");
        assertThat(applicant.get("/api/placename/" + no + "/announcement").body().path("published").asBoolean()).isTrue();
        // The published announcement is issued as a PDF too, the same text (documents).
        assertThat(issuedDocumentText(applicant, no, "placename-announcement")).contains("中山市民政局关于“富康路”命名的公告",
                "中府函〔2026〕88号", "Fukang Lu");
        assertThat(count("select count(*) from placename_gazetteer where full_name = '富康路' and status = 'ACTIVE' "
                + "and application_no = ?", no)).isEqualTo(1);
        // R190: the standard place-name use certificate, produced through the outbox when the case ends, verifiable.
        JsonNode use = issuedDocument(applicant, no, "placename-use-certificate");
        assertThat(use.path("title").asText()).isEqualTo("标准地名使用证明");
        byte[] pdf = applicant.get(use.path("downloadUrl").asText()).bytes();
        assertThat(Pdfs.textOf(pdf).replaceAll("\\s+", "")).contains("标准地名使用证明", "富康路", "FukangLu", "小榄镇",
                "中山市小榄镇城市建设局", no).doesNotContain("STREET_ROAD_LANE", "xiaolan");
        String verifyUrl = Pdfs.qrOf(pdf);
        JsonNode verified = api().anonymous().get("/api/public/documents/"
                + verifyUrl.substring(verifyUrl.lastIndexOf('/') + 1)).body();
        assertThat(verified.path("verdict").asText()).isEqualTo("VALID");
        assertThat(verified.path("facts").findValuesAsText("value")).contains("富康路", "Fukang Lu");
        // R191: each department that uses standard names is told once, by e-mail through the outbox.
        for (String to : List.of("dizhi@gaj.zs.test", "budongchan@zrzy.zs.test", "biaozhi@cgj.zs.test",
                "dizhiku@zsj.zs.test")) {
            assertThat(awaitMailTo(to, no)).contains("富康路", "中山市人民政府", "中府函〔2026〕88号", "Fukang Lu", "小榄镇",
                    "标准地名录").doesNotContain("STREET_ROAD_LANE", "xiaolan", "null");
        }
        assertThat(awaitMailTo("dizhi@gaj.zs.test", no)).startsWith("中山市公安局（门楼牌及户籍地址）");
        downstream.approved(no, "中山市人民政府", "中府函〔2026〕88号", decided);
        assertThat(count("select count(*) from outbox_message where kind = 'placename.downstream' "
                + "and application_no = ?", no)).isEqualTo(4);
        // The approved name is now a standard name: the next application with it is a duplicate.
        assertThat(applicant.post("/api/placename/name-check", Map.of("specificPart", "富康", "genericPart", "路",
                "featureCategory", "STREET_ROAD_LANE")).body().path("findings").findValuesAsText("code"))
                .containsExactly("DUPLICATE");
        assertNoPersonalDataInTheEngine(no);
    }

    @Test
    void flagsAHomophoneOfAStandardNameBeforeTheClerkReviewsItAndRetiresNothingWhenRejected() {
        Api applicant = api().as("lisi");
        Api clerk = api().as("clerk-placename");
        String no = submit(applicant, "星中", "道", "NAMING", null);

        JsonNode checks = clerk.get("/api/tasks/" + taskOf(clerk, no)).body().path("checks");
        assertThat(checks.path("nameCheckPassed").asBoolean()).isFalse();
        assertThat(checks.path("nameFindings").asText()).isEqualTo("HOMOPHONE");
        // The task page words the finding with the standard name it concerns, and labels the facts in the model's
        // words: the decision table's for what it computes, the forms' for what a step recorded (in English too).
        JsonNode task = clerk.get("/api/tasks/" + taskOf(clerk, no)).body();
        assertThat(task.path("factTexts").path("nameFindings").asText()).contains("兴中道").contains("同音")
                .doesNotContain("HOMOPHONE");
        assertThat(task.path("factLabels").path("featureCategory").asText()).isEqualTo("地名类别");
        assertThat(task.path("factLabels").path("approverName").asText()).isEqualTo("审批机关名称");
        assertThat(task.path("factLabels").path("expertConclusion").asText()).doesNotContainPattern("[A-Za-z]");
        assertThat(task.path("factOptions").path("expertConclusion.SUPPORT").asText()).doesNotContainPattern("[A-Z]{2}");
        JsonNode english = clerk.inEnglish().get("/api/tasks/" + taskOf(clerk, no)).body();
        assertThat(english.path("factLabels").path("approverName").asText()).isEqualTo("Approver's name");
        assertThat(english.path("factTexts").path("nameFindings").asText()).contains("兴中道")
                .doesNotContainPattern("[\\u4e00-\\u9fa5]{4}");
        JsonNode findings = clerk.get("/api/placename/" + no + "/name-check").body();
        assertThat(findings.path("findings").findValuesAsText("detail")).containsExactly("兴中道");
        assertThat(api().as("zhangsan").get("/api/placename/" + no + "/name-check").status()).isEqualTo(404);

        complete(clerk, no, Map.of("decision", "accept"));
        complete(clerk, no, Map.of("decision", "reject", "reasons", "与兴中道同音，易混淆"));
        assertThat(status(applicant, no).path("outcome").asText()).isEqualTo("NAME_REJECTED");
        assertThat(count("select count(*) from placename_gazetteer where full_name = '星中道'")).isZero();
    }

    @Test
    void aCorrectionNoticeOnTheSixthDayIsTooLateAndTheCaseCountsAsAcceptedOnTheReceiptDate() {
        Api applicant = api().as("zhangsan");
        Api clerk = api().as("clerk-placename");
        String no = submit(applicant, "岐江", "路", "RENAMING", "莲塘路");
        LocalDate received = BusinessTime.now().toLocalDate();
        String acceptTask = taskOf(clerk, no);
        Job window = timer(no, "BoundaryEvent_CorrectionWindowExpired");

        ClockUtil.setCurrentTime(Date.from(window.getDuedate().toInstant().plusSeconds(1)));
        management.executeJob(window.getId());
        Api.Response late = clerk.post("/api/tasks/" + acceptTask + "/corrections", Map.of("items",
                List.of(Map.of("material", "map", "description", "四至图不清晰"))));

        assertThat(late.status()).isEqualTo(404);
        assertThat(jdbc.queryForObject("select accepted_at from application where application_no = ?",
                LocalDateTime.class, no).toLocalDate()).isEqualTo(received);
        JsonNode detail = applicant.get("/api/applications/" + no).body();
        assertThat(detail.path("timeline").findValuesAsText("type")).contains("DEEMED_ACCEPTED");
        // 岐江 is the specific part of 岐江花园: the check flagged the name, so its review comes first.
        assertThat(clerk.get("/api/tasks/" + taskOf(clerk, no)).body().path("task").path("taskKey").asText())
                .isEqualTo("Task_ReviewNameFindings");
    }

    @Test
    void theHearingIsNotPresidedOverByAnyoneWhoReviewedTheApplication_R18() {
        Api applicant = api().as("zhangsan");
        Api clerk = api().as("clerk-placename");
        String no = submit(applicant, "瑞禾", "路", "NAMING", null);
        complete(clerk, no, Map.of("decision", "accept"));
        complete(clerk, no, Map.of("socialImpact", "MEDIUM", "planConforms", true, "evaluationSummary", "合法可行"));
        complete(clerk, no, Map.of("experts", "李教授、王工程师", "reviewDate", BusinessTime.now().toLocalDate().toString(),
                "expertConclusion", "SUPPORT", "expertReport", "名称寓意良好"));
        Job consultation = timer(no, "Event_ConsultationPeriodEnded");
        ClockUtil.setCurrentTime(Date.from(consultation.getDuedate().toInstant().plusSeconds(60)));
        management.executeJob(consultation.getId());
        LocalDate consulted = BusinessTime.now().toLocalDate();
        complete(clerk, no, Map.of("consultationChannels", "所在镇街公示栏", "opinionsReceived", 5,
                "opinionsHandling", "部分居民有异议", "hearingRequested", "yes",
                "hearingRightNotifiedOn", consulted.minusDays(2).toString(),
                "hearingRequestedOn", consulted.minusDays(1).toString()));
        // The hearing is held ten days later, its time and place notified eight days before (ALL Arts. 47-48).
        ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(10))));
        String heldOn = consulted.plusDays(8).toString();
        String notifiedOn = consulted.toString();

        // 吴静 (clerk-placename) accepted and evaluated the case: neither her name nor her account may preside.
        String hearing = taskOf(clerk, no);
        for (String reviewer : List.of("吴静", " clerk-placename ")) {
            Api.Response refused = clerk.post("/api/tasks/" + hearing + "/complete", Map.of("data", Map.of(
                    "hearingNotifiedOn", notifiedOn, "hearingDate", heldOn, "presidingOfficer", reviewer,
                    "hearingRecord", "听证笔录")));
            assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
            assertThat(refused.body().path("errors").findValuesAsText("field")).containsExactly("presidingOfficer");
            assertThat(refused.body().path("errors").get(0).path("message").asText()).contains("吴静", "第四十八条");
        }
        assertThat(clerk.inEnglish().post("/api/tasks/" + hearing + "/complete", Map.of("data", Map.of(
                "hearingNotifiedOn", notifiedOn, "hearingDate", heldOn, "presidingOfficer", "吴静",
                "hearingRecord", "听证笔录"))).body().path("errors").get(0).path("message").asText())
                .contains("cannot preside", "Art. 48");
        complete(clerk, no, Map.of("hearingNotifiedOn", notifiedOn, "hearingDate", heldOn,
                "presidingOfficer", "孙主任", "hearingRecord", "听证笔录：异议已说明"));
        assertThat(taskOf(clerk, no)).isNotEqualTo(hearing);
    }

    /**
     * 地名管理条例 Art. 8 and the domain brief's pre-check: a name is checked against the approved place-name plan. A
     * name that does not conform goes on only with the plan checked and the reason the exception is justified (or the
     * plan's revision); without them the evaluation is refused field by field, in the reader's language.
     */
    @Test
    void aNameOutsideThePlaceNamePlanGoesOnOnlyWithThePlanCheckedAndTheReason_R171() {
        Api applicant = api().as("zhangsan");
        Api clerk = api().as("clerk-placename");
        String no = submit(applicant, "锦绣", "路", "NAMING", null);
        complete(clerk, no, Map.of("decision", "accept"));
        String evaluate = taskOf(clerk, no);
        Api.Response refused = clerk.post("/api/tasks/" + evaluate + "/complete", Map.of("data", Map.of(
                "socialImpact", "MEDIUM", "planConforms", false, "evaluationSummary", "合法可行")));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.body().path("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("planCheckedReference", "planDeviationReason");
        assertThat(refused.body().path("errors").findValuesAsText("message").toString()).contains("核对的地名方案");
        Api.Response english = clerk.inEnglish().post("/api/tasks/" + evaluate + "/complete", Map.of("data", Map.of(
                "socialImpact", "MEDIUM", "evaluationSummary", "合法可行")));
        assertThat(english.status()).isEqualTo(422);
        assertThat(english.body().path("errors").findValuesAsText("message").toString())
                .contains("Place-name plan checked");
        assertThat(taskOf(clerk, no)).isEqualTo(evaluate);

        complete(clerk, no, Map.of("socialImpact", "MEDIUM", "planConforms", false, "evaluationSummary", "合法可行",
                "planCheckedReference", "中山市小榄镇地名方案（2024年版）",
                "planDeviationReason", "新建道路在方案批准后规划，已按程序报请修订方案"));
        assertThat(taskOf(clerk, no)).isNotEqualTo(evaluate);
        assertThat(status(applicant, no).path("countdown").path("paused").asBoolean()).isTrue();
    }

    /**
     * 行政许可法 Arts. 47-48, as {@code platform.placename.hearing-*-days}: a hearing requested more than 5 days after
     * the parties were told of the right is refused on that date (the clerk answers "no hearing"); the hearing is held
     * within 20 days of the request, its time and place notified at least 7 days before; each refusal names the
     * field, the period and the dates, in the reader's language.
     */
    @Test
    void theHearingIsRequestedWithin5DaysHeldWithin20AndNotified7DaysBefore_R17() {
        Api applicant = api().as("zhangsan");
        Api clerk = api().as("clerk-placename");
        String no = submit(applicant, "康宁", "路", "NAMING", null);
        complete(clerk, no, Map.of("decision", "accept"));
        complete(clerk, no, Map.of("socialImpact", "MEDIUM", "planConforms", true, "evaluationSummary", "合法可行"));
        complete(clerk, no, Map.of("experts", "李教授、王工程师", "reviewDate", BusinessTime.now().toLocalDate().toString(),
                "expertConclusion", "SUPPORT", "expertReport", "名称寓意良好"));
        Job consultation = timer(no, "Event_ConsultationPeriodEnded");
        ClockUtil.setCurrentTime(Date.from(consultation.getDuedate().toInstant().plusSeconds(60)));
        management.executeJob(consultation.getId());
        LocalDate t = BusinessTime.now().toLocalDate();
        Map<String, Object> summary = new HashMap<>(Map.of("consultationChannels", "所在镇街公示栏",
                "opinionsReceived", 5, "opinionsHandling", "部分居民有异议", "hearingRequested", "yes"));

        // Both dates are required once a hearing was requested.
        String task = taskOf(clerk, no);
        Api.Response missing = clerk.post("/api/tasks/" + task + "/complete", Map.of("data", summary));
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.body().path("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("hearingRightNotifiedOn", "hearingRequestedOn");
        // Six days after the notice: too late.
        summary.put("hearingRightNotifiedOn", t.minusDays(7).toString());
        summary.put("hearingRequestedOn", t.minusDays(1).toString());
        Api.Response late = clerk.post("/api/tasks/" + task + "/complete", Map.of("data", summary));
        assertThat(late.status()).as(late.toString()).isEqualTo(422);
        assertThat(late.body().path("errors").findValuesAsText("field")).containsExactly("hearingRequestedOn");
        assertThat(late.body().path("errors").get(0).path("message").asText()).contains("5日内", "第四十七条",
                t.minusDays(2).toString());
        assertThat(clerk.inEnglish().post("/api/tasks/" + task + "/complete", Map.of("data", summary)).body()
                .path("errors").get(0).path("message").asText()).contains("within 5 days", "Art. 47");
        summary.put("hearingRightNotifiedOn", t.minusDays(3).toString());
        complete(clerk, no, summary);

        // Twenty-four days later: a hearing on day 22 after the request is late; one notified 3 days before, too short.
        ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(24))));
        String hearing = taskOf(clerk, no);
        Map<String, Object> held = new HashMap<>(Map.of("presidingOfficer", "孙主任", "hearingRecord", "听证笔录",
                "hearingNotifiedOn", t.toString(), "hearingDate", t.plusDays(21).toString()));
        Api.Response tooLate = clerk.post("/api/tasks/" + hearing + "/complete", Map.of("data", held));
        assertThat(tooLate.status()).as(tooLate.toString()).isEqualTo(422);
        assertThat(tooLate.body().path("errors").findValuesAsText("field")).containsExactly("hearingDate");
        assertThat(tooLate.body().path("errors").get(0).path("message").asText()).contains("20日内",
                t.minusDays(1).toString(), t.plusDays(19).toString());
        held.put("hearingNotifiedOn", t.plusDays(15).toString());
        held.put("hearingDate", t.plusDays(18).toString());
        Api.Response shortNotice = clerk.post("/api/tasks/" + hearing + "/complete", Map.of("data", held));
        assertThat(shortNotice.status()).isEqualTo(422);
        assertThat(shortNotice.body().path("errors").findValuesAsText("field")).containsExactly("hearingNotifiedOn");
        assertThat(shortNotice.body().path("errors").get(0).path("message").asText()).contains("7日前", "第四十八条",
                t.plusDays(22).toString());
        held.put("hearingNotifiedOn", t.plusDays(5).toString());
        held.put("hearingDate", t.plusDays(12).toString());
        complete(clerk, no, held);
        assertThat(taskOf(clerk, no)).isNotEqualTo(hearing);
    }

    /**
     * 行政许可法 Art. 42: the clerk asks for the extension with its reason, the director approves, and the statutory
     * due date moves by 10 working days (the countdown, the escalation and the applicant's page read the clock);
     * once per case; only the director decides; the reason is required and bounded, and told to the applicant.
     */
    @Test
    void theHeadExtendsTheLimitByTenWorkingDaysOnceWithTheReasonToldToTheApplicant_ALL42() {
        Api applicant = api().as("zhangsan");
        Api clerk = api().as("clerk-placename");
        Api director = api().as("director");
        String no = submit(applicant, "富民", "路", "NAMING", null);
        complete(clerk, no, Map.of("decision", "accept"));
        LocalDate due = LocalDate.parse(status(applicant, no).path("countdown").path("statutoryDue").asText());

        JsonNode before = applicant.get("/api/cases/" + no + "/extension").body();
        assertThat(before.path("available").asBoolean()).isTrue();
        assertThat(before.path("canRequest").asBoolean()).as("the applicant does not ask for it").isFalse();
        assertThat(clerk.get("/api/cases/" + no + "/extension").body().path("canRequest").asBoolean()).isTrue();

        Api.Response empty = clerk.post("/api/cases/" + no + "/extension", Map.of("reason", "  "));
        assertThat(empty.status()).isEqualTo(422);
        assertThat(empty.body().path("errors").get(0).path("message").asText()).isEqualTo("“延长理由”为必填项。");
        Api.Response tooLong = clerk.inEnglish().post("/api/cases/" + no + "/extension",
                Map.of("reason", "长".repeat(501)));
        assertThat(tooLong.body().path("errors").get(0).path("message").asText())
                .isEqualTo("\"Reason for the extension\" must be at most 500 characters.");
        assertThat(applicant.post("/api/cases/" + no + "/extension", Map.of("reason", "x")).status())
                .as("staff only").isEqualTo(403);

        Api.Response asked = clerk.post("/api/cases/" + no + "/extension",
                Map.of("reason", "须征求交通、规划部门书面意见，意见尚未返回"));
        assertThat(asked.status()).as(asked.toString()).isEqualTo(200);
        assertThat(asked.body().path("stateText").asText()).isEqualTo("已申请延长，待负责人审批");
        assertThat(clerk.post("/api/cases/" + no + "/extension", Map.of("reason", "再次")).body().path("code")
                .asText()).isEqualTo("extension.onlyOnce");
        assertThat(clerk.post("/api/cases/" + no + "/extension/decision", Map.of("approve", true)).status())
                .as("only the head decides").isEqualTo(403);
        assertThat(director.get("/api/extensions/waiting").body().findValuesAsText("applicationNo")).contains(no);
        assertThat(count("select count(*) from case_extension where reason like '%意见%'")).as("sealed at rest")
                .isZero();
        assertThat(director.post("/api/cases/" + no + "/extension/decision", Map.of()).status()).isEqualTo(422);

        Api.Response approved = director.post("/api/cases/" + no + "/extension/decision", Map.of("approve", true));
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        LocalDate extended = LocalDate.parse(status(applicant, no).path("countdown").path("statutoryDue").asText());
        assertThat(extended).isEqualTo(clock.addWorkingDays(due, 10));
        JsonNode seen = applicant.get("/api/cases/" + no + "/extension").body();
        assertThat(seen.path("stateText").asText()).isEqualTo("经负责人批准，办理期限已延长");
        assertThat(seen.path("reason").asText()).isEqualTo("须征求交通、规划部门书面意见，意见尚未返回");
        assertThat(seen.path("statutoryDue").asText()).isEqualTo(extended.toString());
        assertThat(seen.path("requestedBy").isMissingNode() || seen.path("requestedBy").isNull())
                .as("staff names are not the applicant's to see").isTrue();
        assertThat(director.post("/api/cases/" + no + "/extension/decision", Map.of("approve", false)).status())
                .isEqualTo(409);
        assertThat(applicant.get("/api/applications/" + no).body().path("timeline").findValuesAsText("type"))
                .contains("EXTENSION_REQUESTED", "EXTENSION_APPROVED");
        assertThat(count("select extended_days from clock_case_clock where application_no = ?", no)).isEqualTo(10);
        assertThat(applicant.get("/api/applications/" + no + "/notifications").body().findValuesAsText("template"))
                .as("the applicant is told, the reason left on the case page").contains("EXTENSION");

        // Not for a service the law gives no extension (marriage is decided on the day).
        assertThat(api().as("lisi").get("/api/cases/" + no + "/extension").status()).isEqualTo(404);
    }

    /**
     * ALL 32: acceptance and non-acceptance are each answered in writing, sealed and dated: the acceptance receipt
     * with the limits; the decision not to accept with its reasons, legal basis and remedy.
     */
    @Test
    void acceptanceAndNonAcceptanceAreAnsweredInWriting_R8_R9() {
        Api applicant = api().as("zhangsan");
        Api clerk = api().as("clerk-placename");
        String accepted = submit(applicant, "福泽", "路", "NAMING", null);
        complete(clerk, accepted, Map.of("decision", "accept"));
        assertThat(issuedDocument(applicant, accepted, "receipt").path("title").asText()).isEqualTo("受理通知书");
        assertThat(issuedDocumentText(applicant, accepted, "receipt")).contains("受理通知书", accepted,
                "地名命名、更名审批", "受理时间", "法定办结时限", "中山市民政局", "予以受理");

        String refused = submit(applicant, "瑞祥", "路", "NAMING", null);
        complete(clerk, refused, Map.of("decision", "notAccepted", "reasons", "该道路尚未竣工验收，不属于命名受理范围"));
        assertThat(issuedDocument(applicant, refused, "refusal-notice").path("title").asText())
                .isEqualTo("不予受理决定书");
        assertThat(issuedDocumentText(applicant, refused, "refusal-notice")).contains("不予受理决定书", refused,
                "该道路尚未竣工验收，不属于命名受理范围", "法律依据", "救济途径", "行政复议", "决定时间", "中山市民政局");
    }

    /**
     * ALL Art. 45: when a step that the time limit does not count starts (here the expert review, then the
     * consultation), the applicant is told in writing how long it will take: an e-mail and a text message with the
     * step, the days ({@code platform.excluded-steps.expected-days}) and the expected last day; the case's timeline
     * records it.
     */
    @Test
    void theApplicantIsToldInWritingHowLongTheExpertReviewAndTheConsultationWillTake_R16() throws Exception {
        Api applicant = api().as("zhangsan");
        Api clerk = api().as("clerk-placename");
        String no = submit(applicant, "安泰", "路", "NAMING", null);
        complete(clerk, no, Map.of("decision", "accept"));
        complete(clerk, no, Map.of("socialImpact", "MEDIUM", "planConforms", true, "evaluationSummary", "合法可行"));
        LocalDate today = BusinessTime.now().toLocalDate();
        String expertUntil = today.plusDays(30).format(java.time.format.DateTimeFormatter.ofPattern("yyyy年M月d日"));
        String mail = awaitMailBody(no, "专家评审");
        assertThat(mail).contains(no, "地名命名、更名审批", "专家评审（论证）", "不计入办理期限", "30日", expertUntil,
                "第四十五条").doesNotContain("EXPERT_REVIEW");
        assertThat(applicant.get("/api/applications/" + no).body().findValuesAsText("type")).contains("STEP_EXCLUDED");

        complete(clerk, no, Map.of("experts", "李教授、王工程师", "reviewDate", today.toString(),
                "expertConclusion", "SUPPORT", "expertReport", "名称寓意良好"));
        String consultation = awaitMailBody(no, "征求意见");
        assertThat(consultation).contains("征求意见", "10日",
                today.plusDays(10).format(java.time.format.DateTimeFormatter.ofPattern("yyyy年M月d日")));
        JsonNode sent = applicant.get("/api/applications/" + no + "/notifications").body();
        assertThat(sent.findValuesAsText("template").stream().filter("EXCLUDED_STEP"::equals).count()).isEqualTo(4);
    }

    /** The body of the first e-mail to this address about the case. */
    private static String awaitMailTo(String to, String no) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < end) {
            for (jakarta.mail.internet.MimeMessage m : cn.zs.civil.support.TestMailServer.SERVER.getReceivedMessages()) {
                String body = String.valueOf(m.getContent());
                if (body.contains(no) && java.util.Arrays.stream(m.getAllRecipients())
                        .anyMatch(a -> a.toString().equals(to))) {
                    return body;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no mail to " + to + " about " + no);
    }

    /** The body of the e-mail about the case that names this step, as the applicant receives it. */
    private static String awaitMailBody(String no, String step) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < end) {
            for (jakarta.mail.internet.MimeMessage m : cn.zs.civil.support.TestMailServer.SERVER.getReceivedMessages()) {
                String body = String.valueOf(m.getContent());
                if (body.contains(no) && m.getSubject() != null && m.getSubject().contains(step)) {
                    return body;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no mail about " + step + " of " + no);
    }

    private String submit(Api applicant, String specificPart, String genericPart, String type, String currentName) {
        Api.Response r = applicant.post("/api/applications", Map.of("serviceCode", "placename-approval", "data",
                application(applicant, specificPart, genericPart, type, currentName)));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        String no = r.body().path("applicationNo").asText();
        runJobs(no);
        return no;
    }

    private Map<String, Object> application(Api applicant, String specificPart, String genericPart, String type,
            String currentName) {
        String plan = applicant.upload("方案.pdf", Fixtures.pdf()).body().path("id").asText();
        String map = applicant.upload("四至图.pdf", Fixtures.pdf()).body().path("id").asText();
        Map<String, Object> data = new HashMap<>(Map.ofEntries(
                Map.entry("district", "xiaolan"), Map.entry("applicationType", type),
                Map.entry("featureCategory", "STREET_ROAD_LANE"), Map.entry("specificPart", specificPart),
                Map.entry("genericPart", genericPart), Map.entry("location", "东起升平路，西至沙口路"),
                Map.entry("meaning", "富足安康"), Map.entry("planReasons", "新建道路，尚未命名"),
                Map.entry("applicantOrganisation", "中山市小榄镇城市建设局"), Map.entry("creditCode", "11442000MB2C12348L"),
                Map.entry("contactName", "刘建华"), Map.entry("contactIdNumber", CONTACT_ID),
                Map.entry("contactPhone", "13800000001"), Map.entry("planFile", plan), Map.entry("mapFile", map),
                Map.entry("declaration", true)));
        if (currentName != null) {
            data.put("currentName", currentName);
            data.put("renamingReason", "URBAN_CONSTRUCTION");
        }
        return data;
    }

    @Test
    void aParkAFacilityOrANameWithAProvincialPrefixIsRefusedAsNotTheBureausToApprove_R181() {
        Api applicant = api().as("zhangsan");
        int before = count("select count(*) from application");
        Map<String, Object> park = application(applicant, "紫马岭", "公园", "NAMING", null);
        park.put("featureCategory", "URBAN_PARK");
        Api.Response parkRefused = applicant.post("/api/applications",
                Map.of("serviceCode", "placename-approval", "data", park));
        assertThat(parkRefused.status()).as(parkRefused.toString()).isEqualTo(422);
        assertThat(parkRefused.body().path("errors").findValuesAsText("field")).containsExactly("featureCategory");
        assertThat(parkRefused.body().path("errors").findValuesAsText("message").get(0)).contains("主管部门", "第十二条");

        Map<String, Object> prefixed = application(applicant, "广东大", "道", "NAMING", null);
        Api.Response prefixRefused = applicant.inEnglish().post("/api/applications",
                Map.of("serviceCode", "placename-approval", "data", prefixed));
        assertThat(prefixRefused.status()).as(prefixRefused.toString()).isEqualTo(422);
        assertThat(prefixRefused.body().path("errors").findValuesAsText("field")).containsExactly("specificPart");
        assertThat(prefixRefused.body().path("errors").findValuesAsText("message").get(0))
                .contains("\"广东\"", "higher authority");
        assertThat(count("select count(*) from application")).isEqualTo(before);

        // Before anyone applies, the name check says the same.
        JsonNode facility = applicant.post("/api/placename/name-check", Map.of("specificPart", "岐江", "genericPart",
                "大桥", "featureCategory", "FACILITY")).body();
        assertThat(facility.path("passed").asBoolean()).isFalse();
        assertThat(facility.path("findings").findValuesAsText("code")).contains("NOT_COMPETENT_CATEGORY");
        assertThat(facility.path("findings").findValuesAsText("text")).anyMatch(t -> t.contains("专业部门"));
    }

    @Test
    void aProtectedNameIsRenamedOnlyWithTheGovernmentsProtectiveMeasures_R170() {
        Api applicant = api().as("zhangsan");
        // 孙文西路 is on the protection list (the register's protected names).
        Map<String, Object> data = application(applicant, "岐兴", "路", "RENAMING", "孙文西路");
        int before = count("select count(*) from application");
        Api.Response none = applicant.post("/api/applications", Map.of("serviceCode", "placename-approval", "data", data));
        assertThat(none.status()).as(none.toString()).isEqualTo(422);
        assertThat(none.body().path("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("protectionMeasuresNo", "protectionMeasuresDate");
        assertThat(none.body().path("errors").findValuesAsText("message"))
                .allMatch(m -> m.contains("孙文西路") && m.contains("保护措施"));

        data.put("protectionMeasuresNo", "中府函〔2026〕12号");
        data.put("protectionMeasuresDate", BusinessTime.now().toLocalDate().plusDays(3).toString());
        Api.Response future = applicant.inEnglish().post("/api/applications",
                Map.of("serviceCode", "placename-approval", "data", data));
        assertThat(future.status()).as(future.toString()).isEqualTo(422);
        assertThat(future.body().path("errors").findValuesAsText("field")).containsExactly("protectionMeasuresDate");
        assertThat(count("select count(*) from application")).isEqualTo(before);

        data.put("protectionMeasuresDate", BusinessTime.now().toLocalDate().minusDays(30).toString());
        Api.Response measured = applicant.post("/api/applications",
                Map.of("serviceCode", "placename-approval", "data", data));
        assertThat(measured.status()).as(measured.toString()).isEqualTo(201);

        // A name that is not protected needs no measures.
        submit(applicant, "岐兴", "道", "RENAMING", "莲塘路");
    }

    @Test
    void refusesAnApplicantCreditCodeWhoseOrganisationCodeCheckCharacterIsWrong() {
        Api applicant = api().as("zhangsan");
        Map<String, Object> data = application(applicant, "富裕", "路", "NAMING", null);
        // Shape right and position 18 right for the 17 before it; position 17 is not GB 11714's check character.
        data.put("creditCode", "11442000MB2C12345B");
        int before = count("select count(*) from application");
        Api.Response r = applicant.post("/api/applications", Map.of("serviceCode", "placename-approval", "data", data));
        assertThat(r.status()).as(r.toString()).isEqualTo(422);
        assertThat(r.body().path("errors").findValuesAsText("field")).containsExactly("creditCode");
        assertThat(r.body().path("errors").findValuesAsText("code")).containsExactly("form.creditCodeCheck");
        assertThat(count("select count(*) from application")).isEqualTo(before);
    }

    private void complete(Api staff, String no, Map<String, Object> data) {
        String task = taskOf(staff, no);
        assertThat(task).as("an open task of %s for this user", no).isNotNull();
        Api.Response r = staff.post("/api/tasks/" + task + "/complete", Map.of("data", data));
        assertThat(r.status()).as(r.toString()).isEqualTo(204);
        runJobs(no);
    }

    private JsonNode status(Api applicant, String no) {
        return applicant.get("/api/applications/" + no).body().path("summary");
    }

    private Job timer(String no, String activityId) {
        var instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(no).singleResult();
        Job job = management.createJobQuery().processInstanceId(instance.getId()).timers().activityId(activityId)
                .singleResult();
        assertThat(job).as("timer %s", activityId).isNotNull();
        return job;
    }

    /** The contact's name, ID number and phone and the organisation live in the platform's tables only. */
    private void assertNoPersonalDataInTheEngine(String no) {
        assertThat(count("select count(*) from ACT_HI_VARINST v join ACT_HI_PROCINST p on v.PROC_INST_ID_ = p.ID_ "
                + "where p.BUSINESS_KEY_ = ?", no)).isPositive();
        assertThat(count("select count(*) from ACT_HI_VARINST v join ACT_HI_PROCINST p on v.PROC_INST_ID_ = p.ID_ "
                + "where p.BUSINESS_KEY_ = ? and (v.NAME_ in ('contactName', 'contactIdNumber', 'contactPhone', "
                + "'applicantOrganisation', 'creditCode') or v.TEXT_ like ? or v.TEXT_ like ?)", no,
                "%" + CONTACT_ID + "%", "%刘建华%")).isZero();
    }
}
