package cn.zs.civil.marriage;

import static cn.zs.civil.support.CaseDriver.couple;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

import cn.zs.civil.registry.DemoRegistry;
import cn.zs.civil.support.Api;
import cn.zs.civil.support.ApiTestBase;

/** Marriage registration at the counter through the API, as the registrar works it. */
public class MarriageRegistrationIT extends ApiTestBase {

    @Autowired
    private DemoRegistry registry;

    @AfterEach
    void registryBack() {
        registry.setAvailable(true);
    }

    private JsonNode task(String no) {
        Api registrar = api().as("clerk-marriage");
        return registrar.get("/api/tasks/" + taskOf(registrar, no)).body();
    }

    @Test
    void eligibleCoupleIsRegisteredWithACertificateNumberAndTheNationalDatabaseIsTold() {
        String no = caseDriver.marriageCheckedIn(couple("王小明", "442000200003151315", "SINGLE", "吴婷", "44200020030303134X", "SINGLE"));
        JsonNode review = task(no);
        assertThat(review.path("task").path("taskKey").asText()).isEqualTo("Task_ReviewMarriage");
        assertThat(review.path("checks").path("ageMan").asInt()).isGreaterThanOrEqualTo(26);
        caseDriver.complete(no, Map.of("counselling", "declined", "declarationSignedA", true, "declarationSignedB", true,
                "decision", "register"));
        JsonNode issue = task(no);
        String certificate = issue.path("checks").path("certificateNo").asText();
        assertThat(certificate).matches("J442000-\\d{4}-\\d{6}");
        caseDriver.complete(no, Map.of("bothSigned", true, "certificatesHanded", true));

        assertThat(caseDriver.summary(no).path("outcome").asText()).isEqualTo("REGISTERED");
        assertThat(registry.maritalRecord("442000200003151315").status()).isEqualTo("MARRIED");
        assertThat(registry.maritalRecord("44200020030303134X").certificateNo()).isEqualTo(certificate);
        // Every read of a marriage record by staff is in the audit trail.
        assertThat(count("select count(*) from case_event where application_no = ? and event_type = 'RECORD_READ'"
                + " and actor_id = 'clerk-marriage'", no)).isPositive();
        // ID numbers never reach the engine.
        assertThat(count("select count(*) from ACT_HI_VARINST where TEXT_ like ?", "%442000200003151315%")).isZero();
    }

    @Test
    void aRegisteredMarriageCannotBeChangedOnceItsCertificatesAreIssued_R72() {
        for (String[] p : new String[][] {{"442000199202020515", "林志强", "M", "1992-02-02"},
                {"442000199404040629", "陈美玲", "F", "1994-04-04"}}) {
            registry.enrol(new cn.zs.civil.registry.Registries.Person(p[0], p[1], p[2], java.time.LocalDate.parse(p[3]),
                    "442000", "shiqi", "SINGLE"), new cn.zs.civil.registry.Registries.MaritalRecord(p[0], "SINGLE",
                    null, null, null, null), null);
        }
        String no = caseDriver.marriageCheckedIn(couple("林志强", "442000199202020515", "SINGLE", "陈美玲", "442000199404040629", "SINGLE"));
        caseDriver.complete(no, Map.of("counselling", "accepted", "declarationSignedA", true, "declarationSignedB", true,
                "decision", "register"));
        caseDriver.complete(no, Map.of("bothSigned", true, "certificatesHanded", true, "ceremony", true));
        assertThat(caseDriver.summary(no).path("outcome").asText()).isEqualTo("REGISTERED");
        String sealed = jdbc.queryForObject("select form_data from application where application_no = ?",
                String.class, no);

        // No step is left through which the record could change, and supplying "corrections" is refused to staff.
        Api registrar = api().as("clerk-marriage");
        assertThat(taskOf(registrar, no)).isNull();
        Api.Response changed = registrar.post("/api/applications/" + no + "/corrections",
                Map.of("data", Map.of("partyBName", "陈美琳")));
        assertThat(changed.status()).as(changed.toString()).isIn(403, 404, 409);
        assertThat(jdbc.queryForObject("select form_data from application where application_no = ?", String.class,
                no)).isEqualTo(sealed);
        assertThat(registry.maritalRecord("442000199404040629").spouseIdNumber()).isEqualTo("442000199202020515");
    }

    @Test
    void aTwentyOneYearOldGroomIsRefusedWithTheLegalReason() {
        String no = caseDriver.marriageCheckedIn(couple("陈少年", "442000200506013512", "SINGLE", "李小红", "440100200207012425", "SINGLE"));
        JsonNode refusal = task(no);
        assertThat(refusal.path("task").path("taskKey").asText()).isEqualTo("Task_IssueRefusalNotice");
        assertThat(refusal.path("checks").path("eligibility").path("refusalGround").asText()).isEqualTo("UNDERAGE");
        assertThat(refusal.path("checks").path("ageMan").asInt()).isEqualTo(21);
        caseDriver.complete(no, Map.of("explained", true, "reasons", "男方未满二十二周岁，不符合《民法典》第一千零四十七条规定的法定婚龄。"));
        JsonNode s = caseDriver.summary(no);
        assertThat(s.path("outcome").asText()).isEqualTo("REFUSED");
        // The case log keeps the ground (sealed at rest: read through the clerk's timeline, which opens it).
        JsonNode decided = null;
        for (JsonNode entry : api().as("clerk-marriage").get("/api/applications/" + no).body().path("timeline")) {
            if ("DECIDED".equals(entry.path("type").asText())) {
                decided = entry;
            }
        }
        assertThat(decided).isNotNull();
        assertThat(decided.path("data").toString()).contains("UNDERAGE");
        assertThat(api().as("clerk-marriage").get("/api/applications/" + no).body().path("nextStep").asText())
                .contains("行政复议");
    }

    @Test
    void theRegistrarFindsTheCasesTaskByItsNumberAndThePublicSeesTheRefusalsGroundsAndRemedy() {
        Api.Response r = api().as("clerk-marriage").post("/api/applications", Map.of("serviceCode",
                "marriage-registration", "data",
                couple("陈少年", "442000200506013512", "SINGLE", "李小红", "440100200207012425", "SINGLE")));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        String no = r.body().path("applicationNo").asText();
        String code = r.body().path("queryCode").asText();
        runJobs(no);

        // The case's open task, found by the case's number (not by queue order), for whoever may work it.
        JsonNode tasks = api().as("clerk-marriage").get("/api/cases/" + no + "/tasks").body();
        assertThat(tasks).hasSize(1);
        assertThat(tasks.get(0).path("taskKey").asText()).isEqualTo("Task_IssueRefusalNotice");
        assertThat(tasks.get(0).path("taskId").asText()).isEqualTo(taskOf(api().as("clerk-marriage"), no));
        assertThat(api().as("chief").get("/api/cases/" + no + "/tasks").body()).hasSize(1);
        // Not the funeral clerks' case, and not an applicant's call: "not found" and "forbidden", as everywhere.
        assertThat(api().as("clerk-funeral").get("/api/cases/" + no + "/tasks").status()).isEqualTo(404);
        assertThat(api().as("zhangsan").get("/api/cases/" + no + "/tasks").status()).isEqualTo(403);
        assertThat(api().as("clerk-marriage").get("/api/cases/JH-NO-SUCH-CASE/tasks").status()).isEqualTo(404);

        caseDriver.complete(no, Map.of("explained", true, "reasons", "陈少年出生于2005年6月1日，未满二十二周岁。"));
        assertThat(api().as("clerk-marriage").get("/api/cases/" + no + "/tasks").body()).isEmpty();

        // The couple track it with the number and the query code: the ground, the legal basis and the remedy,
        // but not what the registrar typed (it may name them; the full notice is handed over in writing).
        JsonNode tracked = api().anonymous().post("/api/public/track", Map.of("applicationNo", no, "queryCode", code))
                .body();
        JsonNode decision = tracked.path("decision");
        assertThat(decision.path("reasons").toString()).contains("法定婚龄").doesNotContain("陈少年");
        assertThat(decision.path("legalBasis")).isNotEmpty();
        assertThat(decision.path("remedy").asText()).contains("行政复议");
        assertThat(tracked.toString()).doesNotContain("陈少年").doesNotContain("442000200506013512");
        // The registrar's case page has the full notice, typed reasons included.
        assertThat(api().as("clerk-marriage").get("/api/applications/" + no).body().path("decision").path("reasons")
                .toString()).contains("陈少年出生于");
    }

    @Test
    void anAlreadyMarriedPartyIsRefused() {
        String no = caseDriver.marriageCheckedIn(couple("刘建华", "442000198804046814", "SINGLE", "孙美玲", "442000198502024628", "DIVORCED"));
        assertThat(task(no).path("checks").path("eligibility").path("refusalGround").asText()).isEqualTo("HAS_SPOUSE");
    }

    @Test
    void aDeclaredStatusTheDatabaseContradictsNeedsProof() {
        // 孙美玲 is divorced in the database but declares "never married".
        String no = caseDriver.marriageCheckedIn(couple("周国强", "442000197010105718", "WIDOWED", "孙美玲", "442000198502024628", "SINGLE"));
        JsonNode proof = task(no);
        assertThat(proof.path("task").path("taskKey").asText()).isEqualTo("Task_CheckProofOfStatus");
        caseDriver.complete(no, Map.of("decision", "noProof", "reasons", "未能提供离婚证明"));
        assertThat(caseDriver.summary(no).path("outcome").asText()).isEqualTo("NOT_ACCEPTED");
    }

    @Test
    void anExpiredIdDocumentRefusesTheCheckInOnThatPartysFieldInTheReadersLanguage_R58() {
        java.time.LocalDate today = cn.zs.civil.application.BusinessTime.now().toLocalDate();
        Map<String, Object> data = couple("马志远", PartyIds.of(1, 1, true), "SINGLE", "何静", PartyIds.of(1, 1, false),
                "SINGLE");
        data.put("partyAIdValidUntil", today.plusYears(5).toString());
        data.put("partyBIdValidUntil", today.minusDays(1).toString());
        int cases = count("select count(*) from application where service_code = 'marriage-registration'");
        Api registrar = api().as("clerk-marriage");

        Api.Response refused = registrar.post("/api/applications",
                Map.of("serviceCode", "marriage-registration", "data", data));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        JsonNode errors = refused.body().path("errors");
        assertThat(errors.size()).isEqualTo(1);
        assertThat(errors.get(0).path("field").asText()).isEqualTo("partyBIdValidUntil");
        assertThat(errors.get(0).path("code").asText()).isEqualTo("marriage.idDocumentExpired");
        assertThat(errors.get(0).path("message").asText()).isEqualTo("身份证件已于" + today.minusDays(1)
                + "过期，不能凭过期证件办理登记：请当事人持有效身份证件（或临时身份证）办理。");
        JsonNode english = registrar.inEnglish().post("/api/applications",
                Map.of("serviceCode", "marriage-registration", "data", data)).body().path("errors").get(0);
        assertThat(english.path("message").asText()).startsWith("The ID document expired on " + today.minusDays(1));
        assertThat(english.path("label").asText()).isEqualTo("Party B's ID document valid until");
        assertThat(count("select count(*) from application where service_code = 'marriage-registration'"))
                .isEqualTo(cases);

        // Valid through its last day; a long-term card has no end date and the field stays blank.
        data.put("partyBIdValidUntil", today.toString());
        data.remove("partyAIdValidUntil");
        caseDriver.marriageCheckedIn(data);
    }

    /** Two people the registries know, single and of age, born in March 1993. */
    private String[] enrolledCouple(int day, String man, String woman) {
        String[] ids = {PartyIds.of(day, 0, true), PartyIds.of(day, 0, false)};
        String[] names = {man, woman};
        for (int i = 0; i < 2; i++) {
            registry.enrol(new cn.zs.civil.registry.Registries.Person(ids[i], names[i], i == 0 ? "M" : "F",
                    java.time.LocalDate.of(1993, 3, day), "442000", "shiqi", "SINGLE"),
                    new cn.zs.civil.registry.Registries.MaritalRecord(ids[i], "SINGLE", null, null, null, null), null);
        }
        return ids;
    }

    private static String timelineText(Api as, String no) {
        StringBuilder text = new StringBuilder();
        as.get("/api/applications/" + no).body().path("timeline").forEach(e -> text.append(e.path("text").asText())
                .append('\n'));
        return text.toString();
    }

    @Test
    void aSuspectedTraffickingFlagIsReportedLoggedForStaffOnlyAndStopsTheRegistration_R78() {
        String[] ids = enrolledCouple(5, "郑强", "黄小燕");
        Api.Response submitted = api().as("clerk-marriage").post("/api/applications", Map.of("serviceCode",
                "marriage-registration", "data", couple("郑强", ids[0], "SINGLE", "黄小燕", ids[1], "SINGLE")));
        String no = submitted.body().path("applicationNo").asText();
        String code = submitted.body().path("queryCode").asText();
        runJobs(no);
        assertThat(task(no).path("task").path("taskKey").asText()).isEqualTo("Task_ReviewMarriage");
        Api registrar = api().as("clerk-marriage");
        Map<String, Object> flagged = new LinkedHashMap<>(Map.of("counselling", "declined", "declarationSignedA", true,
                "declarationSignedB", true, "decision", "register", "suspectedTrafficking", true));

        // The report itself is required with the flag.
        Api.Response noReport = registrar.post("/api/tasks/" + taskOf(registrar, no) + "/complete",
                Map.of("data", flagged));
        assertThat(noReport.status()).isEqualTo(422);
        assertThat(noReport.body().path("errors").findValuesAsText("field")).contains("traffickingReport");

        // Flagged, the registration cannot go ahead.
        flagged.put("traffickingReport", "已报石岐派出所，接警编号 JJ2026-0042");
        Api.Response register = registrar.inEnglish().post("/api/tasks/" + taskOf(registrar, no) + "/complete",
                Map.of("data", flagged));
        assertThat(register.status()).as(register.toString()).isEqualTo(422);
        JsonNode error = register.body().path("errors").get(0);
        assertThat(error.path("field").asText()).isEqualTo("decision");
        assertThat(error.path("message").asText()).startsWith("A suspected trafficked or abducted woman is flagged");
        assertThat(caseDriver.summary(no).path("status").asText()).isEqualTo("UNDER_REVIEW");

        flagged.put("decision", "refuse");
        flagged.put("refusalGround", "NOT_VOLUNTARY");
        flagged.put("reasons", "女方并非自愿结婚，依法不予登记。");
        caseDriver.complete(no, flagged);
        assertThat(caseDriver.summary(no).path("outcome").asText()).isEqualTo("REFUSED");
        assertThat(registry.maritalRecord(ids[1]).status()).isEqualTo("SINGLE");
        // In the trail with its human label and the report, for staff; never on the couple's tracking page.
        assertThat(timelineText(registrar, no)).contains(
                "登记员标记：疑似被拐卖、绑架的妇女，已报告公安机关，不予办理登记：受理与审查（当面声明）"
                        + "；报告情况：已报石岐派出所，接警编号 JJ2026-0042");
        assertThat(timelineText(registrar.inEnglish(), no)).contains("Registrar's flag: suspected trafficked");
        String tracked = api().anonymous().post("/api/public/track", Map.of("applicationNo", no, "queryCode", code))
                .body().toString();
        assertThat(tracked).doesNotContain("拐卖").doesNotContain("TRAFFICKING").doesNotContain("派出所");
    }

    @Test
    void aDomesticViolenceFlagRecordsTheReferralAndTheMarriageMayStillBeRegistered_R78() {
        String[] ids = enrolledCouple(6, "冯涛", "杨柳");
        String no = caseDriver.marriageCheckedIn(couple("冯涛", ids[0], "SINGLE", "杨柳", ids[1], "SINGLE"));
        caseDriver.complete(no, Map.of("counselling", "accepted", "declarationSignedA", true, "declarationSignedB", true,
                "decision", "register", "domesticViolence", true,
                "domesticViolenceReferral", "已劝阻；告知市妇联维权热线12338、石岐派出所及市救助管理站"));
        assertThat(task(no).path("task").path("taskKey").asText()).isEqualTo("Task_IssueCertificate");
        assertThat(task(no).path("checks").path("kinshipSignal").asBoolean()).as("no household data: no signal").isFalse();
        assertThat(timelineText(api().as("clerk-marriage"), no)).contains(
                "登记员标记：家庭暴力受害人或面临家庭暴力现实危险，已劝阻并告知求助途径：受理与审查（当面声明）"
                        + "；告知的求助途径：已劝阻；告知市妇联维权热线12338");
        assertThat(count("select count(*) from case_event where application_no = ? and event_type = 'VIOLENCE_REFERRAL'",
                no)).isEqualTo(1);
    }

    @Test
    void theDatabaseQuerysTimeAndAnswerNumbersAreKeptWithTheCaseAndShownToStaffOnly_R81() {
        String[] ids = enrolledCouple(8, "许诺", "于晴");
        Api.Response submitted = api().as("clerk-marriage").post("/api/applications", Map.of("serviceCode",
                "marriage-registration", "data", couple("许诺", ids[0], "SINGLE", "于晴", ids[1], "SINGLE")));
        String no = submitted.body().path("applicationNo").asText();
        runJobs(no);

        JsonNode checked = null;
        for (JsonNode entry : api().as("clerk-marriage").get("/api/applications/" + no).body().path("timeline")) {
            if ("CHECKED".equals(entry.path("type").asText())) {
                checked = entry;
            }
        }
        assertThat(checked).isNotNull();
        String queriedAt = checked.path("data").path("registryQueriedAt").asText();
        String responseIds = checked.path("data").path("registryResponseId").asText();
        assertThat(queriedAt).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}")
                .startsWith(cn.zs.civil.application.BusinessTime.now().toLocalDate().toString());
        assertThat(responseIds).matches("DEMO-\\d{8}, DEMO-\\d{8}");
        assertThat(checked.path("text").asText())
                .isEqualTo("系统已自动核验；信息库查询时间 " + queriedAt + "，查询应答编号 " + responseIds);
        assertThat(timelineText(api().as("clerk-marriage").inEnglish(), no))
                .contains("database queried at " + queriedAt + ", response number " + responseIds);
        // Kept with the case, not in the engine; not on the couple's tracking page.
        assertThat(count("select count(*) from ACT_HI_VARINST where NAME_ = 'registryResponseId'")).isZero();
        String tracked = api().anonymous().post("/api/public/track", Map.of("applicationNo", no, "queryCode",
                submitted.body().path("queryCode").asText())).body().toString();
        assertThat(tracked).doesNotContain("DEMO-").doesNotContain(queriedAt);
    }

    @Test
    void aHongKongPartyShowsHerPermitWithItsOwnNumberFormAndIsCheckedByHandNotByTheDatabases_R55() {
        String man = enrolledCouple(11, "李明", "—")[0];
        Api registrar = api().as("clerk-marriage");
        // A resident ID number is still checked as one when no other document is chosen.
        Map<String, Object> data = couple("李明", man, "SINGLE", "陈嘉欣", "H1234567", "SINGLE");
        JsonNode asResidentId = registrar.post("/api/applications", Map.of("serviceCode", "marriage-registration",
                "data", data)).body().path("errors");
        assertThat(asResidentId.findValuesAsText("code")).containsExactly("marriage.document.badNumber.RESIDENT_ID");

        // A Hong Kong permit: H or M and 8 digits; sex and date of birth are asked, the databases cannot give them.
        data.put("partyBIdType", "HK_MACAO_PERMIT");
        Api.Response refused = registrar.inEnglish().post("/api/applications",
                Map.of("serviceCode", "marriage-registration", "data", data));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.body().path("errors").findValuesAsText("field"))
                .containsExactly("partyBIdNumber", "partyBSex", "partyBBirthDate");
        assertThat(refused.body().path("errors").get(0).path("message").asText())
                .isEqualTo("A mainland travel permit for Hong Kong and Macao residents is H or M and 8 digits"
                        + " (10 on older permits).");

        data.put("partyBIdNumber", "H12345678");
        data.put("partyBSex", "F");
        data.put("partyBBirthDate", "1996-04-01");
        String no = caseDriver.marriageCheckedIn(data);
        // Not looked up by the permit number: the registrar checks the permit and the proof of no spouse by hand.
        JsonNode proof = task(no);
        assertThat(proof.path("task").path("taskKey").asText()).isEqualTo("Task_CheckProofOfStatus");
        assertThat(proof.path("checks").path("partyBRegistryStatus").asText()).isEqualTo("NOT_QUERIED");
        assertThat(proof.path("checks").path("nonMainlandParty").asBoolean()).isTrue();
        assertThat(proof.path("checks").path("identityVerified").asBoolean()).isTrue();
        String answers = null;
        for (JsonNode e : registrar.get("/api/applications/" + no).body().path("timeline")) {
            if ("CHECKED".equals(e.path("type").asText())) {
                answers = e.path("data").path("registryResponseId").asText();
            }
        }
        assertThat(answers).as("only the mainland party was looked up").matches("DEMO-\\d{8}");

        caseDriver.complete(no, Map.of("proofType", "NO_SPOUSE_CERTIFICATE", "proofNumber", "HK-NM-2026-0042",
                "decision", "proofAccepted"));
        JsonNode review = task(no);
        assertThat(review.path("task").path("taskKey").asText()).isEqualTo("Task_ReviewMarriage");
        assertThat(review.path("checks").path("ageWoman").asInt())
                .isEqualTo(java.time.Period.between(java.time.LocalDate.of(1996, 4, 1),
                        cn.zs.civil.application.BusinessTime.now().toLocalDate()).getYears());
    }

    @Test
    void aCoupleTheHouseholdRegisterShowsAsCloseRelativesIsRegisteredOnlyAfterTheRegistrarHasCheckedIt_R50() {
        String[] ids = enrolledCouple(13, "钟伟", "钟敏");
        // The head's sister and the head's son: an aunt and her nephew, unless the registrar finds otherwise.
        registry.enrolHousehold(ids[1], new cn.zs.civil.registry.Registries.Household("4420001300077", "SIBLING"));
        registry.enrolHousehold(ids[0], new cn.zs.civil.registry.Registries.Household("4420001300077", "CHILD"));
        String no = caseDriver.marriageCheckedIn(couple("钟伟", ids[0], "SINGLE", "钟敏", ids[1], "SINGLE"));
        JsonNode review = task(no);
        assertThat(review.path("task").path("taskKey").asText()).isEqualTo("Task_ReviewMarriage");
        assertThat(review.path("checks").path("kinshipSignal").asBoolean()).isTrue();

        Map<String, Object> register = new LinkedHashMap<>(Map.of("counselling", "declined", "declarationSignedA", true,
                "declarationSignedB", true, "decision", "register"));
        Api registrar = api().as("clerk-marriage");
        Api.Response unchecked = registrar.post("/api/tasks/" + taskOf(registrar, no) + "/complete",
                Map.of("data", register));
        assertThat(unchecked.status()).as(unchecked.toString()).isEqualTo(422);
        assertThat(unchecked.body().path("errors").get(0).path("field").asText()).isEqualTo("kinshipChecked");
        assertThat(unchecked.body().path("errors").get(0).path("message").asText())
                .startsWith("户籍信息提示双方可能为直系血亲或三代以内旁系血亲");

        register.put("kinshipChecked", true);
        caseDriver.complete(no, register);
        assertThat(task(no).path("task").path("taskKey").asText()).isEqualTo("Task_IssueCertificate");
    }

    @Test
    void aRegistryOutageLeavesTheCaseWaitingAndItCompletesWhenTheRegistryReturns() {
        registry.setAvailable(false);
        String no = caseDriver.marriageCheckedIn(couple("周国强", "442000197010105718", "WIDOWED", "孙美玲", "442000198502024628", "DIVORCED"));
        assertThat(caseDriver.summary(no).path("status").asText()).isEqualTo("WAITING_FOR_REGISTRY");
        assertThat(taskOf(api().as("clerk-marriage"), no)).isNull();
        String tracking = api().as("clerk-marriage").get("/api/applications/" + no).body().path("nextStep").asText();
        assertThat(tracking).contains("自动继续");

        registry.setAvailable(true);
        var instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(no).singleResult();
        Job retry = management.createJobQuery().processInstanceId(instance.getId()).timers().singleResult();
        management.executeJob(retry.getId());
        runJobs(no);

        assertThat(caseDriver.summary(no).path("status").asText()).isEqualTo("UNDER_REVIEW");
        assertThat(task(no).path("task").path("taskKey").asText()).isEqualTo("Task_ReviewMarriage");
    }

    @org.springframework.beans.factory.annotation.Autowired
    private cn.zs.civil.catalogue.ServiceCatalogue catalogue;

    @org.springframework.beans.factory.annotation.Autowired
    private cn.zs.civil.clock.CaseClockService clocks;

    @Test
    void marriageIsDecidedOnTheDaySoANextDayRegistrationIsLate() {
        // 2003 Regulations Art. 7 "当场予以登记": the catalogue's statutory limit is the day of acceptance itself.
        var marriage = catalogue.find("marriage-registration").orElseThrow();
        assertThat(marriage.statutoryLimit().days()).isZero();
        java.util.function.Function<String, java.time.Instant> at = local -> java.time.LocalDateTime.parse(local)
                .atZone(java.time.ZoneId.of("Asia/Shanghai")).toInstant();
        String no = "JH-SAME-DAY-1";
        clocks.start(no, at.apply("2026-03-02T09:00"), cn.zs.civil.clock.Limits.workingDays(
                marriage.statutoryLimit().days(), marriage.promisedLimit().days()));

        var sameDay = clocks.status(no, at.apply("2026-03-02T17:00"));
        assertThat(sameDay.statutory().dueDate()).isEqualTo(java.time.LocalDate.of(2026, 3, 2));
        assertThat(sameDay.statutory().state()).isNotEqualTo(cn.zs.civil.clock.ClockState.RED);
        assertThat(clocks.status(no, at.apply("2026-03-03T09:30")).statutory().state())
                .isEqualTo(cn.zs.civil.clock.ClockState.RED);
        clocks.stop(no, at.apply("2026-03-03T09:30"));
    }
}
