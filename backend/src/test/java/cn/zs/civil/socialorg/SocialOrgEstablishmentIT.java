package cn.zs.civil.socialorg;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

import cn.zs.civil.support.FixedPlatformDay;
import cn.zs.civil.application.BusinessTime;
import cn.zs.civil.clock.CaseClockService;
import cn.zs.civil.clock.ClockState;
import cn.zs.civil.clock.ClockStatus;
import cn.zs.civil.clock.StatutoryClock;
import cn.zs.civil.support.Api;
import cn.zs.civil.support.ApiTestBase;
import cn.zs.civil.support.Fixtures;
import cn.zs.civil.worklist.Escalations;

/**
 * Social-organisation establishment through HTTP: the name checked before anyone looks, acceptance with a written
 * receipt, two different on-site verifiers, chief and director, certificate and announcement; foundations refused as
 * not competent; the 60-working-day clock with expert review paused and escalation when overdue.
 */
@ExtendWith(FixedPlatformDay.class)
class SocialOrgEstablishmentIT extends ApiTestBase {

    private static final String SERVICE = "socialorg-establishment";

    @Autowired
    private SocialOrgService socialOrgs;

    @Autowired
    private StatutoryClock clock;

    @Autowired
    private CaseClockService clocks;

    @Autowired
    private Escalations escalations;

    @BeforeEach
    void registerHoldsTheDemoOrganisations() {
        socialOrgs.seedDemoOrganisations(DemoOrganisations.organisations());
    }

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    /**
     * Each application names its own legal representative: one person may not be the legal representative of two
     * social groups (社团条例 Art. 12), and the groups these tests register stay in the register.
     */
    private static final java.util.concurrent.atomic.AtomicInteger REPRESENTATIVES = new java.util.concurrent.atomic.AtomicInteger();
    private String legalRepId = Fixtures.JILIN_ID;

    private Map<String, Object> application(Api who, String orgType, String name) {
        Map<String, Object> data = new HashMap<>();
        data.put("district", "shiqi");
        data.put("orgType", orgType);
        data.put("proposedName", name);
        data.put("directCategory", "SCIENCE_TECHNOLOGY");
        if ("SOCIAL_GROUP".equals(orgType)) {
            data.put("individualMembers", 64);
            data.put("unitMembers", 0);
            data.put("promoters", Fixtures.promoters(8, REPRESENTATIVES.get()));
        }
        if ("FOUNDATION".equals(orgType)) {
            data.put("foundationKind", "NON_PUBLIC");
        }
        data.put("funds", 50000);
        data.put("domicile", "中山市石岐街道孙文中路1号");
        data.put("purpose", "普及无人机运动，服务会员");
        data.put("businessScope", "培训、竞赛、交流");
        data.put("legalRepName", "𠮷林");
        legalRepId = Fixtures.idNumber(LocalDate.of(1965, 3, 1).plusDays(REPRESENTATIVES.incrementAndGet()), 13);
        data.put("legalRepIdNumber", legalRepId);
        data.put("phone", "13800138000");
        data.put("charterFile", who.upload("charter.pdf", Fixtures.pdf()).body().path("id").asText());
        data.put("capitalVerificationFile", who.upload("capital.pdf", Fixtures.pdf()).body().path("id").asText());
        data.put("domicileProofFile", who.upload("domicile.pdf", Fixtures.pdf()).body().path("id").asText());
        data.put("declaration", true);
        return data;
    }

    private String submit(String orgType, String name) {
        Api applicant = api().as("zhangsan");
        Api.Response r = applicant.post("/api/applications",
                Map.of("serviceCode", SERVICE, "data", application(applicant, orgType, name)));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        String no = r.body().path("applicationNo").asText();
        runJobs(no);
        return no;
    }

    private Api.Response complete(Api who, String no, Map<String, Object> data) {
        String task = taskOf(who, no);
        assertThat(task).as("a task of %s for %s", no, who).isNotNull();
        return who.post("/api/tasks/" + task + "/complete", Map.of("data", data));
    }

    @Test
    void registersAGroupWithReceiptTwoVerifiersChiefDirectorCertificateAndAnnouncement() {
        Api clerk = api().as("clerk-socialorg");
        String no = submit("SOCIAL_GROUP", "中山市无人机运动协会");

        JsonNode acceptTask = clerk.get("/api/tasks/" + taskOf(clerk, no)).body();
        assertThat(acceptTask.path("checks").path("nameCheck").asText()).isEqualTo("PASSED");
        // Engine variables carry facts only: the legal representative's ID number stays in the platform's tables.
        assertThat(acceptTask.path("checks").toString()).doesNotContain(legalRepId).doesNotContain("𠮷林");
        assertThat(complete(clerk, no, Map.of("decision", "accept")).status()).isEqualTo(204);
        assertThat(api().as("zhangsan").get("/api/socialorg/" + no + "/documents").body().path("receipt").asText())
                .contains("受理通知书").contains(no).contains("60个工作日");

        JsonNode review = clerk.get("/api/tasks/" + taskOf(clerk, no)).body();
        assertThat(review.path("checks").path("conditions").path("conditionsMet").asBoolean()).isTrue();
        complete(clerk, no, Map.of("decision", "approve", "opinion", "会员、资金、名称均符合规定"));

        // The second verifier is picked from the section's staff: everyone of it but the caller, with their names.
        JsonNode colleagues = clerk.get("/api/socialorg/verifiers").body();
        assertThat(colleagues.findValuesAsText("id")).contains("chief").doesNotContain("clerk-socialorg", "clerk-funeral");
        assertThat(colleagues.toString()).contains("赵科长");
        assertThat(api().as("chief").get("/api/socialorg/verifiers").body().findValuesAsText("id"))
                .contains("clerk-socialorg").doesNotContain("chief");
        Map<String, Object> verification = new HashMap<>(Map.of("verifiedOn", BusinessTime.now().toLocalDate().toString(),
                "siteConforms", "yes", "siteFindings", "住所与申报一致", "secondVerifier", "clerk-socialorg"));
        Api.Response same = complete(clerk, no, verification);
        assertThat(same.status()).isEqualTo(422);
        assertThat(same.body().path("errors").get(0).path("field").asText()).isEqualTo("secondVerifier");
        verification.put("secondVerifier", "chief");
        assertThat(complete(clerk, no, verification).status()).isEqualTo(204);

        Api chief = api().as("chief");
        assertThat(complete(chief, no, Map.of("chiefDecision", "approve", "chiefOpinion", "同意")).status())
                .isEqualTo(204);
        Api director = api().as("director");
        // The director's form asks the decision the reviewer was asked: it starts empty, not as the reviewer chose.
        JsonNode directorTask = director.get("/api/tasks/" + taskOf(director, no)).body();
        assertThat(directorTask.path("checks").path("decision").asText()).isEqualTo("approve");
        assertThat(directorTask.path("askedAgain").toString()).contains("\"decision\"");
        assertThat(complete(director, no, Map.of("decision", "approve")).status()).isEqualTo(204);
        assertThat(complete(clerk, no, Map.of("deliveryMethod", "ELECTRONIC", "certificateDelivered", true)).status())
                .isEqualTo(204);

        JsonNode mine = api().as("zhangsan").get("/api/applications/" + no).body();
        assertThat(mine.path("summary").path("outcome").asText()).isEqualTo("REGISTERED");
        JsonNode documents = clerk.get("/api/socialorg/" + no + "/documents").body();
        String creditCode = documents.path("creditCode").asText();
        assertThat(creditCode).startsWith("51442000");
        assertThat(documents.path("certificateType").asText()).isEqualTo("SOCIAL_GROUP");
        assertThat(documents.path("certificateName").asText()).isEqualTo("社会团体法人登记证书");
        // What the certificate states, labelled: the organisation's name as registered first.
        Map<String, String> stated = new java.util.LinkedHashMap<>();
        documents.path("certificateFacts").forEach(f -> stated.put(f.path("label").asText(), f.path("value").asText()));
        assertThat(stated).containsEntry("名称", "中山市无人机运动协会").containsEntry("统一社会信用代码", creditCode)
                .containsEntry("住所", "中山市石岐街道孙文中路1号").containsEntry("法定代表人（负责人）", "𠮷林")
                .containsEntry("业务范围", "培训、竞赛、交流").containsEntry("活动资金", "50000 元")
                .containsEntry("登记管理机关", "中山市民政局").containsKey("登记日期");
        assertThat(stated.keySet().iterator().next()).isEqualTo("名称");
        JsonNode english = api().as("zhangsan").inEnglish().get("/api/socialorg/" + no + "/documents").body();
        assertThat(english.path("certificateFacts").get(0).path("label").asText()).isEqualTo("Name");
        assertThat(english.path("certificateFacts").findValuesAsText("value")).contains("50000 yuan",
                "Zhongshan Civil Affairs Bureau");
        assertThat(documents.path("announcement").asText()).contains("中山市无人机运动协会").contains(creditCode)
                .contains("𠮷林").doesNotContain(legalRepId);
        // The documents name the legal representative: sealed at rest like the form.
        assertThat(count("select count(*) from so_case where application_no = ? and receipt_text like 'enc:v1:%'"
                + " and decision_text like 'enc:v1:%' and announcement_text like 'enc:v1:%'", no)).isEqualTo(1);
        assertThat(count("select count(*) from so_case where announcement_text like '%𠮷林%'")).isZero();
        assertThat(documents.path("verifiers").toString()).isEqualTo("[\"clerk-socialorg\",\"chief\"]");
        assertThat(api().as("zhangsan").get("/api/socialorg/" + no + "/documents").body().has("verifiers")).isFalse();
        assertThat(api().as("lisi").get("/api/socialorg/" + no + "/documents").status()).isEqualTo(404);

        // The certificate and the announcement are issued as PDFs (documents), stating the same facts; the
        // representative's 𠮷, outside the shipped font, is printed as its code point with a note.
        String certificate = issuedDocumentText(api().as("zhangsan"), no, "socialorg-certificate");
        assertThat(certificate).contains("社会团体法人登记证书", "中山市无人机运动协会", creditCode,
                "〔U+20BB7〕林", "本文书字库未收录的字").doesNotContain(legalRepId);
        assertThat(issuedDocumentText(api().as("zhangsan"), no, "socialorg-announcement")).contains("中山市无人机运动协会", creditCode);
        // The certificate is an electronic certificate anyone can check from its QR code (R23).
        JsonNode verified = publicVerification(api().as("zhangsan"), no, "socialorg-certificate");
        assertThat(verified.path("verdict").asText()).isEqualTo("VALID");
        assertThat(verified.path("title").asText()).contains("登记证书");

        // Now in the register: the same name is a duplicate for the next applicant.
        JsonNode again = api().as("lisi").post("/api/socialorg/name-check",
                Map.of("orgType", "SOCIAL_GROUP", "name", "中山市无人机运动协会")).body();
        assertThat(again.path("findings").toString()).contains("DUPLICATE");
    }

    @Test
    void flagsADuplicateOrForbiddenNameBeforeAnyPersonReviewsIt() {
        Api clerk = api().as("clerk-socialorg");
        // Order No. 69 Art. 16: a duplicate is within the same field and organisational form.
        String duplicate = submit("SOCIAL_GROUP", "中山摄影家协会");
        String forbidden = submit("SOCIAL_GROUP", "中山市第一摄影研究会");

        JsonNode first = clerk.get("/api/tasks/" + taskOf(clerk, duplicate)).body().path("checks");
        assertThat(first.path("nameCheck").asText()).isEqualTo("FLAGGED");
        assertThat(first.path("nameFindings").asText()).isEqualTo("DUPLICATE");
        assertThat(first.path("nameSimilarTo").asText()).isEqualTo("中山市摄影家协会");
        JsonNode second = clerk.get("/api/tasks/" + taskOf(clerk, forbidden)).body().path("checks");
        assertThat(second.path("nameFindings").asText()).contains("FORBIDDEN_WORD");
        // The task page words each finding, with the registered name a duplicate conflicts with, and labels the
        // decision table's facts with the table's own words.
        JsonNode duplicateTask = clerk.get("/api/tasks/" + taskOf(clerk, duplicate)).body();
        assertThat(duplicateTask.path("factTexts").path("nameFindings").asText()).contains("名称相同")
                .endsWith("：“中山市摄影家协会”");
        assertThat(duplicateTask.path("factLabels").path("orgType").asText()).isEqualTo("组织类型");
        JsonNode forbiddenTask = clerk.inEnglish().get("/api/tasks/" + taskOf(clerk, forbidden)).body();
        String worded = forbiddenTask.path("factTexts").path("nameFindings").asText();
        assertThat(worded).isNotBlank().doesNotContain("FORBIDDEN_WORD").doesNotContainPattern("[A-Z]{2,}_");
        assertThat(worded.lines().count()).isEqualTo(second.path("nameFindings").asText().split(",").length);
        assertThat(forbiddenTask.path("factLabels").path("orgType").asText()).isEqualTo("Type");
        // Nobody has touched either case yet: the findings came with the submission.
        assertThat(count("select count(*) from case_event where application_no in (?, ?) and event_type = 'TASK_COMPLETED'",
                duplicate, forbidden)).isZero();

        JsonNode precheck = api().as("lisi").inEnglish().post("/api/socialorg/name-check",
                Map.of("orgType", "SOCIAL_GROUP", "name", "中山市围棋协会")).body();
        assertThat(precheck.path("passed").asBoolean()).isFalse();
        assertThat(precheck.path("findingTexts").get(0).asText()).contains("cancelled or renamed less than 1 year");
        assertThat(api().as("lisi").post("/api/socialorg/name-check", Map.of("orgType", "CLUB")).status())
                .isEqualTo(422);
    }

    @Test
    void chinaAsASectorQualifierPassesAndAnotherFormIsNoDuplicate() {
        for (String name : List.of("中山市中国象棋协会", "中山市中华文化促进会", "中山市摄影家学会")) {
            JsonNode result = api().as("lisi").post("/api/socialorg/name-check",
                    Map.of("orgType", "SOCIAL_GROUP", "name", name)).body();
            assertThat(result.path("passed").asBoolean()).as(name + ": " + result).isTrue();
        }
    }

    @Test
    void reasonsTypedIntoARefusalReachTheApplicantWithOtherPeoplesNumbersMasked() {
        Api clerk = api().as("clerk-socialorg");
        String no = submit("SOCIAL_GROUP", "中山市风筝运动协会");
        assertThat(complete(clerk, no, Map.of("decision", "accept")).status()).isEqualTo(204);
        assertThat(complete(clerk, no, Map.of("decision", "approve", "opinion", "材料齐全")).status()).isEqualTo(204);
        assertThat(complete(clerk, no, Map.of("verifiedOn", BusinessTime.now().toLocalDate().toString(),
                "siteConforms", "yes", "siteFindings", "住所与申报一致", "secondVerifier", "chief")).status())
                .isEqualTo(204);
        assertThat(complete(api().as("chief"), no, Map.of("chiefDecision", "approve", "chiefOpinion", "同意"))
                .status()).isEqualTo(204);
        String reasons = "发起人 440101 19900101 1234 与账户 6222-0212-3456-7890-123 已另案处理；法定代表人 "
                + legalRepId + " 的任职情况不符。";
        assertThat(complete(api().as("director"), no, Map.of("decision", "refuse", "refusalGround",
                "CONDITIONS_NOT_MET", "reasons", reasons)).status()).isEqualTo(204);
        runJobs(no);

        String staffSees = clerk.get("/api/socialorg/" + no + "/documents").body().path("decision").asText();
        assertThat(staffSees).contains(reasons);
        String applicantSees = api().as("zhangsan").get("/api/socialorg/" + no + "/documents").body().path("decision")
                .asText();
        // Someone else's ID and account numbers, typed with spaces and dashes, masked; the applicant's own (the legal
        // representative's in their form) as it was typed.
        assertThat(applicantSees).contains("发起人 4401** ******** 1234 与账户 ****-****-****-***0-123 已另案处理")
                .contains("法定代表人 " + legalRepId + " 的任职情况不符")
                .doesNotContain("19900101").doesNotContain("6222-0212");
    }

    @Test
    void refusesAFoundationAsNotCompetentNamingTheProvincialDepartment() {
        String no = submit("FOUNDATION", "中山市慈航基金会");

        JsonNode mine = api().as("zhangsan").get("/api/applications/" + no).body();
        assertThat(mine.path("summary").path("outcome").asText()).isEqualTo("NOT_COMPETENT");
        assertThat(mine.path("summary").path("status").asText()).isEqualTo("CLOSED");
        JsonNode documents = api().as("zhangsan").get("/api/socialorg/" + no + "/documents").body();
        assertThat(documents.path("competentAuthority").asText()).isEqualTo("广东省民政厅");
        assertThat(documents.path("decision").asText()).contains("请向广东省民政厅提出申请").contains("行政复议")
                .contains("行政诉讼");
        assertThat(taskOf(api().as("clerk-socialorg"), no)).isNull();
    }

    @Test
    void aDecisionStillOpenAfter60WorkingDaysTurnsRedAndIsEscalated() {
        Api clerk = api().as("clerk-socialorg");
        String no = submit("SOCIAL_GROUP", "中山市航模运动协会");
        complete(clerk, no, Map.of("decision", "accept"));
        LocalDate due = clock.addWorkingDays(BusinessTime.now().toLocalDate(), 60);

        Instant onTheLastDay = StatutoryClock.endOfDay(due).minusSeconds(60);
        Instant theDayAfter = StatutoryClock.endOfDay(due).plus(Duration.ofDays(1));
        assertThat(clocks.status(no, onTheLastDay).statutory().state()).isNotEqualTo(ClockState.RED);
        assertThat(clocks.status(no, theDayAfter).statutory().state()).isEqualTo(ClockState.RED);
        assertThat(escalations.scan(theDayAfter)).isPositive();
        assertThat(count("select count(*) from case_event where application_no = ? and event_type = 'ESCALATED'", no))
                .isEqualTo(1);
        assertThat(api().as("chief").get("/api/escalations").body().findValuesAsText("applicationNo")).contains(no);
    }

    @Test
    void expertReviewDoesNotCountAgainstThe60WorkingDays() {
        Api clerk = api().as("clerk-socialorg");
        String no = submit("SOCIAL_GROUP", "中山市科普志愿者联合会");
        complete(clerk, no, Map.of("decision", "accept"));
        LocalDate due = clocks.status(no, BusinessTime.instant()).statutory().dueDate();
        assertThat(due).isEqualTo(clock.addWorkingDays(BusinessTime.now().toLocalDate(), 60));

        complete(clerk, no, Map.of("decision", "expertReview", "opinion", "业务范围涉及专业领域，提请专家评审"));
        Instant reviewStarted = BusinessTime.instant();
        ClockUtil.setCurrentTime(Date.from(reviewStarted.plus(Duration.ofDays(14))));
        assertThat(complete(clerk, no, Map.of("expertOpinion", "同意成立")).status()).isEqualTo(204);

        ClockStatus status = clocks.status(no, ClockUtil.getCurrentTime().toInstant());
        assertThat(status.pausedWorkingDays()).isPositive();
        assertThat(status.statutory().dueDate()).isEqualTo(clock.addWorkingDays(due, status.pausedWorkingDays()));
        assertThat(status.statutory().state()).isNotEqualTo(ClockState.RED);
        assertThat(taskOf(clerk, no)).isNotNull();
    }

    @Test
    void onSiteVerificationCountsAgainstThe60WorkingDays_R130() {
        // Unlike expert review (ALL Art. 45), the on-site check (ALL Art. 34) is part of the review: the clock runs.
        Api clerk = api().as("clerk-socialorg");
        String no = submit("SOCIAL_GROUP", "中山市定向越野运动协会");
        complete(clerk, no, Map.of("decision", "accept"));
        LocalDate due = clocks.status(no, BusinessTime.instant()).statutory().dueDate();
        complete(clerk, no, Map.of("decision", "approve", "opinion", "会员、资金、名称均符合规定"));

        ClockUtil.setCurrentTime(Date.from(BusinessTime.instant().plus(Duration.ofDays(14))));
        assertThat(clocks.status(no, BusinessTime.instant()).paused()).isFalse();
        assertThat(complete(clerk, no, Map.of("verifiedOn", BusinessTime.now().toLocalDate().toString(),
                "siteConforms", "yes", "siteFindings", "住所与申报一致", "secondVerifier", "chief")).status())
                .isEqualTo(204);

        ClockStatus status = clocks.status(no, BusinessTime.instant());
        assertThat(status.pausedWorkingDays()).isZero();
        assertThat(status.statutory().dueDate()).isEqualTo(due);
    }

    @Test
    void theCertificateStatesItsValidityFromTheDateOfRegistration_R157() {
        // platform.socialorg.certificate-validity-years: 5 ([M]); registered on Monday 2026-06-01 (FixedPlatformDay).
        Api clerk = api().as("clerk-socialorg");
        String no = submit("SOCIAL_GROUP", "中山市桥牌运动协会");
        complete(clerk, no, Map.of("decision", "accept"));
        complete(clerk, no, Map.of("decision", "approve", "opinion", "会员、资金、名称均符合规定"));
        complete(clerk, no, Map.of("verifiedOn", BusinessTime.now().toLocalDate().toString(), "siteConforms", "yes",
                "siteFindings", "住所与申报一致", "secondVerifier", "chief"));
        complete(api().as("chief"), no, Map.of("chiefDecision", "approve", "chiefOpinion", "同意"));
        complete(api().as("director"), no, Map.of("decision", "approve"));

        Map<String, String> stated = new java.util.LinkedHashMap<>();
        clerk.get("/api/socialorg/" + no + "/documents").body().path("certificateFacts")
                .forEach(f -> stated.put(f.path("label").asText(), f.path("value").asText()));
        assertThat(stated).containsEntry("登记日期", "2026年6月1日").containsEntry("有效期至", "2031年5月31日");
        Map<String, String> english = new java.util.LinkedHashMap<>();
        clerk.inEnglish().get("/api/socialorg/" + no + "/documents").body().path("certificateFacts")
                .forEach(f -> english.put(f.path("label").asText(), f.path("value").asText()));
        assertThat(english).containsEntry("Valid until", "31 May 2031");
    }
}
