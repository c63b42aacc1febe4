package cn.zs.civil.marriage;

import static cn.zs.civil.support.CaseDriver.divorceApplication;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

import cn.zs.civil.registry.DemoRegistry;
import cn.zs.civil.support.Api;
import cn.zs.civil.support.ApiTestBase;

/** Divorce registration with the Civil Code's cooling-off periods, through the API, with the engine's clock moved. */
class DivorceRegistrationIT extends ApiTestBase {

    /** A Thursday whose day 30 (2026-10-17) is a Saturday: T1 ends on Monday 10-19, T2 on Wednesday 11-18. */
    private static final Instant THURSDAY_2026_09_17 = java.time.ZonedDateTime.of(2026, 9, 17, 10, 0, 0, 0,
            java.time.ZoneId.of("Asia/Shanghai")).toInstant();

    @Autowired
    private DemoRegistry registry;

    @Autowired
    private cn.zs.civil.worklist.Escalations escalations;

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    /**
     * Unless a test chooses another day, its cases are applied for and accepted at 10:00 on Monday 2026-06-01,
     * whatever day the tests run: day 30 (07-01) and day 60 (07-31) are working days, so neither period rolls and
     * "day 31" is always after T1.
     */
    private static final Instant ACCEPTED_AT = Instant.parse("2026-06-01T02:00:00Z");

    @org.junit.jupiter.api.BeforeEach
    void onAFixedDay() {
        ClockUtil.setCurrentTime(Date.from(ACCEPTED_AT));
    }

    private Api.Response withdraw(String no, String party, String id) {
        return api().as("clerk-marriage").post("/api/divorces/" + no + "/withdrawal", Map.of("party", party, "idNumber", id));
    }

    @Test
    void withdrawalByOnePartyOnDay29EndsTheCase() {
        String no = caseDriver.acceptedDivorce(divorceApplication("黄伟", "441900198612128135", "林芳", "442000198911119249",
                "J441900-2018-004567"));
        caseDriver.onDay(no, 29);
        assertThat(withdraw(no, "B", "442000198911119249").status()).isEqualTo(204);
        assertThat(caseDriver.status(no)).isEqualTo("WITHDRAWN");
        assertThat(registry.maritalRecord("441900198612128135").status()).isEqualTo("MARRIED");
    }

    @Test
    void withdrawalOnDay31IsRefusedAndBothAppearingOnDay35LeadsToRegistration() {
        String no = caseDriver.acceptedDivorce(divorceApplication("刘建华", "442000198804046814", "赵丽", "442000199009097924",
                "J442000-2015-000123"));
        Api.Response premature = api().as("clerk-marriage").post("/api/divorces/" + no + "/appearance",
                Map.of("idNumberA", "442000198804046814", "idNumberB", "442000199009097924", "district", "shiqi"));
        assertThat(premature.status()).isEqualTo(409);
        assertThat(premature.body().path("code").asText()).isEqualTo("divorce.premature");
        var periods = api().as("clerk-marriage").get("/api/divorces/" + no).body();
        assertThat(periods.path("coolingOffEndsOn").asText()).isEqualTo("2026-07-01");
        assertThat(periods.path("certificateWindowEndsOn").asText()).isEqualTo("2026-07-31");

        caseDriver.onDay(no, 31);
        assertThat(caseDriver.status(no)).isEqualTo("AWAITING_JOINT_APPEARANCE");
        Api.Response late = withdraw(no, "A", "442000198804046814");
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.body().path("code").asText()).isEqualTo("divorce.coolingOffOver");

        caseDriver.onDay(no, 35);
        Api.Response agent = api().as("clerk-marriage").post("/api/divorces/" + no + "/appearance",
                Map.of("idNumberA", "442000198804046814", "idNumberB", "442000200003151315", "district", "shiqi"));
        assertThat(agent.status()).isEqualTo(422);
        // Field by field, in words: the counter shows the message under the field it names.
        assertThat(agent.body().path("errors").get(0).path("field").asText()).isEqualTo("idNumberB");
        assertThat(agent.body().path("errors").get(0).path("label").asText()).isEqualTo("当事人乙公民身份号码");
        assertThat(agent.body().path("errors").get(0).path("message").asText()).contains("与本案当事人不符");
        caseDriver.bothAppear(no, "442000198804046814", "442000199009097924");
        caseDriver.registerDivorce(no);

        assertThat(caseDriver.outcome(no)).isEqualTo("REGISTERED");
        assertThat(registry.maritalRecord("442000198804046814").status()).isEqualTo("DIVORCED");
        assertThat(jdbc.queryForObject("select certificate_no from marriage_certificate where application_no = ?",
                String.class, no)).matches("L442000-\\d{4}-\\d{6}");
        // Its e-copy is issued once the registration commits (documents, through the outbox).
        String certificate = jdbc.queryForObject("select certificate_no from marriage_certificate where application_no = ?",
                String.class, no);
        assertThat(issuedDocumentText(api().as("clerk-marriage"), no, "divorce-copy")).contains("离婚登记电子证照（副本）",
                "离婚证字号", certificate, no).doesNotContain("442000198804046814");
        // An electronic certificate anyone can check from its QR code (R23).
        JsonNode verified = publicVerification(api().as("clerk-marriage"), no, "divorce-copy");
        assertThat(verified.path("verdict").asText()).isEqualTo("VALID");
        assertThat(verified.path("title").asText()).isEqualTo("离婚登记电子证照（副本）");
        assertThat(verified.path("facts").findValuesAsText("value")).contains(certificate);
    }

    @Test
    void nobodyAppearingByTheEndOfT2MeansDeemedWithdrawn() {
        String no = caseDriver.acceptedDivorce(divorceApplication("马强", "442000198401201111", "何静", "442000198705062229",
                "J442000-2012-000456"));
        caseDriver.onDay(no, 31);
        assertThat(caseDriver.status(no)).isEqualTo("AWAITING_JOINT_APPEARANCE");
        caseDriver.onDay(no, 62);
        assertThat(caseDriver.outcome(no)).isEqualTo("DEEMED_WITHDRAWN");
        assertThat(caseDriver.status(no)).isEqualTo("CLOSED");
    }

    @Test
    void aDivorceApplicationWithAnExpiredIdDocumentIsRefusedOnThatPartysField_R58() {
        Map<String, Object> data = divorceApplication("曹军", PartyIds.of(2, 1, true), "钱丽", PartyIds.of(2, 1, false),
                "J442000-2019-001234");
        data.put("partyAIdValidUntil", "2026-05-31");
        Api registrar = api().as("clerk-marriage");
        Api.Response refused = registrar.post("/api/applications",
                Map.of("serviceCode", "divorce-registration", "data", data));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        var errors = refused.body().path("errors");
        assertThat(errors.size()).isEqualTo(1);
        assertThat(errors.get(0).path("field").asText()).isEqualTo("partyAIdValidUntil");
        assertThat(errors.get(0).path("message").asText()).startsWith("身份证件已于2026-05-31过期");

        // On 2026-06-01 a card valid until that day is still valid.
        data.put("partyAIdValidUntil", "2026-06-01");
        assertThat(registrar.post("/api/applications", Map.of("serviceCode", "divorce-registration", "data", data))
                .status()).isEqualTo(201);
    }

    /** A married couple the registries know, born in March 1993, married under the given certificate. */
    private String[] marriedCouple(int day, String man, String woman, String certificate) {
        String[] ids = {PartyIds.of(day, 0, true), PartyIds.of(day, 0, false)};
        String[] names = {man, woman};
        for (int i = 0; i < 2; i++) {
            registry.enrol(new cn.zs.civil.registry.Registries.Person(ids[i], names[i], i == 0 ? "M" : "F",
                    java.time.LocalDate.of(1993, 3, day), "442000", "shiqi", "MARRIED"),
                    new cn.zs.civil.registry.Registries.MaritalRecord(ids[i], "MARRIED", ids[1 - i], certificate,
                            java.time.LocalDate.of(2019, 5, 20), "442000"), null);
        }
        return ids;
    }

    @Test
    void atAcceptanceATraffickingFlagBarsAcceptingAndADomesticViolenceReferralIsLogged_R78() {
        String[] ids = marriedCouple(7, "韩磊", "姜雪", "J442000-2019-007007");
        Api registrar = api().as("clerk-marriage");
        String no = registrar.post("/api/applications", Map.of("serviceCode", "divorce-registration", "data",
                divorceApplication("韩磊", ids[0], "姜雪", ids[1], "J442000-2019-007007"))).body().path("applicationNo").asText();
        runJobs(no);
        // The marriage database's answer is kept with the case (R81): when, and its number.
        assertThat(registrar.get("/api/applications/" + no).body().path("timeline").findValuesAsText("text"))
                .anyMatch(t -> t.matches("系统已自动核验；信息库查询时间 2026-06-01 \\d{2}:\\d{2}:\\d{2}，查询应答编号 DEMO-\\d{8}"));
        Api.Response accepted = registrar.post("/api/tasks/" + taskOf(registrar, no) + "/complete", Map.of("data",
                Map.of("decision", "accept", "suspectedTrafficking", true, "traffickingReport", "已报东区派出所")));
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(422);
        assertThat(accepted.body().path("errors").get(0).path("code").asText())
                .isEqualTo("marriage.safeguard.traffickingStops");

        caseDriver.complete(no, Map.of("decision", "accept", "domesticViolence", true,
                "domesticViolenceReferral", "告知反家庭暴力法规定的人身安全保护令及市妇联热线12338"));
        assertThat(caseDriver.status(no)).isEqualTo("COOLING_OFF");
        assertThat(count("select count(*) from case_event where application_no = ? and event_type = 'VIOLENCE_REFERRAL'"
                + " and actor_id = 'clerk-marriage'", no)).isEqualTo(1);
        assertThat(api().as("clerk-marriage").get("/api/applications/" + no).body().path("timeline").toString())
                .contains("人身安全保护令");
    }

    @Autowired
    private DivorceService divorces;

    @Test
    void theCertificateIsAppliedForOnlyAtTheRegistryThatAcceptedTheApplicationEvenByACityWideRegistrar_R97() {
        String[] ids = marriedCouple(9, "蒋涛", "沈玉", "J442000-2018-009009");
        String no = caseDriver.acceptedDivorce(divorceApplication("蒋涛", ids[0], "沈玉", ids[1], "J442000-2018-009009"));
        caseDriver.onDay(no, 31);
        Api registrar = api().as("clerk-marriage");
        var periods = registrar.get("/api/divorces/" + no).body();
        assertThat(periods.path("registries").findValuesAsText("name")).contains("石岐街道", "小榄镇");
        assertThat(periods.hasNonNull("yourRegistry")).isFalse();

        // A registrar who may work every registry must say where the couple are.
        Api.Response unnamed = registrar.post("/api/divorces/" + no + "/appearance",
                Map.of("idNumberA", ids[0], "idNumberB", ids[1]));
        assertThat(unnamed.status()).as(unnamed.toString()).isEqualTo(422);
        assertThat(unnamed.body().path("errors").get(0).path("field").asText()).isEqualTo("district");
        assertThat(unnamed.body().path("errors").get(0).path("code").asText()).isEqualTo("divorce.registryRequired");

        // Accepted in Shiqi: not at Xiaolan, in either language.
        Api.Response elsewhere = registrar.post("/api/divorces/" + no + "/appearance",
                Map.of("idNumberA", ids[0], "idNumberB", ids[1], "district", "xiaolan"));
        assertThat(elsewhere.status()).isEqualTo(422);
        assertThat(elsewhere.body().path("errors").get(0).path("message").asText()).isEqualTo(
                "离婚证须在受理离婚登记申请的登记机关（石岐街道）申请发给，小榄镇的登记机关不能办理：请告知当事人到石岐街道的登记机关办理。");
        assertThat(registrar.inEnglish().post("/api/divorces/" + no + "/appearance",
                Map.of("idNumberA", ids[0], "idNumberB", ids[1], "district", "xiaolan")).body().path("errors").get(0)
                .path("message").asText()).startsWith("The divorce certificate is applied for at the registry that"
                        + " accepted the application (Shiqi Subdistrict); the registry in Xiaolan Town cannot");
        assertThat(caseDriver.status(no)).isEqualTo("AWAITING_JOINT_APPEARANCE");

        // A registrar bound to one registry is at that one and cannot claim another.
        var shiqiRegistrar = new cn.zs.civil.identity.PlatformUser("registrar-shiqi", "石岐登记员", java.util.Set.of("clerk"),
                java.util.Set.of("marriage-registrar"), java.util.Set.of("shiqi"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> divorces.bothAppeared(shiqiRegistrar, no, ids[0],
                ids[1], "xiaolan")).hasFieldOrPropertyWithValue("messageKey", "divorce.notYourRegistry");

        assertThat(registrar.post("/api/divorces/" + no + "/appearance",
                Map.of("idNumberA", ids[0], "idNumberB", ids[1], "district", "shiqi")).status()).isEqualTo(204);
        assertThat(caseDriver.status(no)).isEqualTo("UNDER_REVIEW");
    }

    @Test
    void aForeignSpouseWithAPassportIsCheckedByHandAndTheMarriageIsFoundThroughTheMainlandSpouse_R55() {
        String wife = PartyIds.of(12, 0, false);
        String passport = "C03005988";
        registry.enrol(new cn.zs.civil.registry.Registries.Person(wife, "孔丽", "F", java.time.LocalDate.of(1993, 3, 12),
                "442000", "shiqi", "MARRIED"), new cn.zs.civil.registry.Registries.MaritalRecord(wife, "MARRIED",
                passport, "J442000-2020-001212", java.time.LocalDate.of(2020, 2, 2), "442000"), null);
        Map<String, Object> data = divorceApplication("John Smith", passport, "孔丽", wife, "J442000-2020-001212");
        // The wrong document chosen: a passport number is not a permanent residence ID's.
        data.put("partyAIdType", "FOREIGN_PERMANENT_RESIDENCE");
        Api registrar = api().as("clerk-marriage");
        Api.Response wrongType = registrar.post("/api/applications",
                Map.of("serviceCode", "divorce-registration", "data", data));
        assertThat(wrongType.status()).isEqualTo(422);
        assertThat(wrongType.body().path("errors").findValuesAsText("code"))
                .containsExactly("marriage.document.badNumber.FOREIGN_PERMANENT_RESIDENCE");

        data.put("partyAIdType", "FOREIGN_PASSPORT");
        Api.Response r = registrar.post("/api/applications", Map.of("serviceCode", "divorce-registration", "data", data));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        String no = r.body().path("applicationNo").asText();
        runJobs(no);
        var checks = registrar.get("/api/tasks/" + taskOf(registrar, no)).body().path("checks");
        assertThat(checks.path("nonMainlandParty").asBoolean()).isTrue();
        assertThat(checks.path("identityVerified").asBoolean()).as("the mainland spouse, checked").isTrue();
        assertThat(checks.path("marriageRecordFound").asBoolean()).isTrue();
        caseDriver.complete(no, Map.of("decision", "accept"));
        assertThat(caseDriver.status(no)).isEqualTo("COOLING_OFF");
    }

    @Test
    void oneOpenDivorcePerMarriageRefusesASecondApplicationNamingTheFirst() {
        Map<String, Object> data = divorceApplication("郭峰", "430100198208183312", "谢敏", "360100198512254420",
                "J442000-2016-000789");
        Api registrar = api().as("clerk-marriage");
        // Refused even before the first case's background registry check has run.
        String first = registrar.post("/api/applications", Map.of("serviceCode", "divorce-registration", "data", data))
                .body().path("applicationNo").asText();
        int cases = count("select count(*) from application where service_code = 'divorce-registration'");
        Api.Response second = registrar.post("/api/applications",
                Map.of("serviceCode", "divorce-registration", "data", data));
        assertThat(second.status()).as(second.toString()).isEqualTo(422);
        var errors = second.body().path("errors");
        assertThat(errors.size()).isEqualTo(2);
        assertThat(errors.get(0).path("field").asText()).isEqualTo("partyAIdNumber");
        assertThat(errors.get(1).path("field").asText()).isEqualTo("partyBIdNumber");
        assertThat(errors.get(0).path("code").asText()).isEqualTo("divorce.openCaseExists");
        assertThat(errors.get(0).path("message").asText()).contains(first);
        assertThat(count("select count(*) from application where service_code = 'divorce-registration'"))
                .isEqualTo(cases);

        runJobs(first);
        var checks = registrar.get("/api/tasks/" + taskOf(registrar, first)).body().path("checks");
        assertThat(checks.path("duplicateCase").asBoolean()).isFalse();
        assertThat(checks.path("nonLocal").asBoolean()).isTrue();
        // Kept in the platform's tables for the annual cross-province statistic.
        assertThat(jdbc.queryForObject("select non_local from marriage_case where application_no = ?", Boolean.class,
                first)).isTrue();
        // Once the first is closed, the couple may apply again.
        caseDriver.complete(first, Map.of("decision", "notAccepted", "notAcceptedGround", "DOCUMENTS_MISSING",
                "reasons", "未带结婚证原件"));
        assertThat(registrar.post("/api/applications", Map.of("serviceCode", "divorce-registration", "data", data))
                .status()).isEqualTo(201);
    }

    @Test
    void olderAndEmbassyIssuedMarriageCertificatesCanBeEnteredAndMatchTheRecord() {
        // 2020 notice: a certificate of a mainland registry or of a Chinese embassy or consulate; older certificates
        // do not follow the J + division + year + sequence numbering.
        String older = caseDriver.acceptedDivorce(divorceApplication("冯军", "442000197005050791", "陈燕", "442000197212120828",
                "(1995)中婚字第001234号"));
        Map<String, Object> embassy = divorceApplication("蒋波", "442000197909090913", "沈玲", "442000198104041043",
                "驻旧金山总领馆婚字2009第0123号");
        embassy.put("marriageRegisteredIn", "EMBASSY");
        String byEmbassy = caseDriver.acceptedDivorce(embassy);
        Map<String, Object> unbounded = divorceApplication("蒋波", "442000197909090913", "沈玲", "442000198104041043",
                "J442000-2015-000123;drop table");
        Api.Response refused = api().as("clerk-marriage").post("/api/applications",
                Map.of("serviceCode", "divorce-registration", "data", unbounded));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body().path("errors").findValuesAsText("field")).contains("marriageCertificateNo");
        // Closed again, so that no other test meets them running.
        assertThat(withdraw(older, "A", "442000197005050791").status()).isEqualTo(204);
        assertThat(withdraw(byEmbassy, "B", "442000198104041043").status()).isEqualTo(204);
    }

    private Api.Response accept(Api registrar, String no) {
        return registrar.post("/api/tasks/" + taskOf(registrar, no) + "/complete", Map.of("data",
                Map.of("decision", "accept")));
    }

    /** Accepting is refused on the decision field with the one ground; the message in the registrar's language. */
    private String acceptanceRefused(Api registrar, String no, String ground) {
        Api.Response refused = accept(registrar, no);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.body().path("errors").findValuesAsText("field")).containsExactly("decision");
        assertThat(refused.body().path("errors").findValuesAsText("code"))
                .containsExactly("divorce.notAcceptable." + ground);
        assertThat(caseDriver.status(no)).isEqualTo("RECEIVED");
        return refused.body().path("errors").get(0).path("message").asText();
    }

    @Test
    void aPartyWithoutFullCapacityOrAMarriageNotRegisteredInMainlandChinaIsNotAccepted_R84() {
        // 2025 Regulations Art. 14: not accepted (不予受理); the couple goes to court.
        registry.recordMarriage("442000198403030512", "442000198606060623", "J442000-2010-000512",
                java.time.LocalDate.of(2010, 5, 20));
        Map<String, Object> noCapacity = divorceApplication("周强", "442000198403030512", "吴静", "442000198606060623",
                "J442000-2010-000512");
        noCapacity.put("fullCapacity", "no");
        String no = caseDriver.divorceAwaitingAcceptance(noCapacity);
        assertThat(acceptanceRefused(api().as("clerk-marriage"), no, "NO_CAPACITY"))
                .contains("完全民事行为能力", "不予受理");
        assertThat(acceptanceRefused(api().as("clerk-marriage").inEnglish(), no, "NO_CAPACITY"))
                .contains("full civil capacity", "not accepted");
        caseDriver.complete(no, Map.of("decision", "notAccepted", "notAcceptedGround", "NO_CAPACITY", "reasons",
                "一方为限制民事行为能力人，请向人民法院起诉离婚"));
        assertThat(caseDriver.outcome(no)).isEqualTo("NOT_ACCEPTED");

        Map<String, Object> abroad = divorceApplication("周强", "442000198403030512", "吴静", "442000198606060623",
                "J442000-2010-000512");
        abroad.put("marriageRegisteredIn", "ABROAD");
        String second = caseDriver.divorceAwaitingAcceptance(abroad);
        assertThat(acceptanceRefused(api().as("clerk-marriage"), second, "NOT_MAINLAND")).contains("内地");
        caseDriver.complete(second, Map.of("decision", "notAccepted", "notAcceptedGround", "NOT_MAINLAND", "reasons",
                "在境外办理结婚登记，请向人民法院起诉离婚"));
        assertThat(caseDriver.outcome(second)).isEqualTo("NOT_ACCEPTED");
    }

    @Test
    void aMarriageWithNoMatchingRecordInTheDatabaseIsNotAccepted_R106() {
        registry.recordMarriage("442000198307070717", "442000198508080823", "J442000-2012-000717",
                java.time.LocalDate.of(2012, 8, 8));
        // The certificates presented carry another number than the record's.
        String no = caseDriver.divorceAwaitingAcceptance(divorceApplication("郑磊", "442000198307070717", "王芳", "442000198508080823",
                "J442000-2012-000999"));
        Api registrar = api().as("clerk-marriage");
        assertThat(registrar.get("/api/tasks/" + taskOf(registrar, no)).body().path("checks")
                .path("marriageRecordFound").asBoolean()).isFalse();
        assertThat(acceptanceRefused(registrar, no, "NO_MARRIAGE_RECORD")).contains("婚姻登记信息库");
        caseDriver.complete(no, Map.of("decision", "notAccepted", "notAcceptedGround", "NO_MARRIAGE_RECORD", "reasons",
                "结婚证字号与婚姻登记信息库记录不符"));
        assertThat(caseDriver.outcome(no)).isEqualTo("NOT_ACCEPTED");
        // The same couple with the record's number is accepted (and closed again for the other tests).
        String matching = caseDriver.acceptedDivorce(divorceApplication("郑磊", "442000198307070717", "王芳", "442000198508080823",
                "J442000-2012-000717"));
        assertThat(withdraw(matching, "A", "442000198307070717").status()).isEqualTo(204);
    }

    private com.fasterxml.jackson.databind.JsonNode countdown(String no) {
        return api().as("clerk-marriage").get("/api/applications/" + no).body().path("summary").path("countdown");
    }

    @Test
    void divorceIsDueAtT1sRolledEndPlusT2NotAFixed61DaysAndIsNotEscalatedWhileTheCoupleMayStillAppear() {
        ClockUtil.setCurrentTime(Date.from(THURSDAY_2026_09_17));
        String no = caseDriver.acceptedDivorce(divorceApplication("周明", "442000198503140137", "吴倩", "442000198807210245",
                "J442000-2014-000321"));
        var countdown = countdown(no);
        // Art. 1077: T1 = 09-17 + 30 = Saturday 10-17, rolled to Monday 10-19 (Art. 203); T2 = 10-19 + 30 = 11-18.
        assertThat(countdown.path("statutoryDue").asText()).isEqualTo("2026-11-18");
        var basis = countdown.path("statutoryBasis");
        assertThat(basis.size()).isEqualTo(2);
        assertThat(basis.get(0).path("rule").asText()).isEqualTo("CIVIL_CODE_ART_1077_COOLING_OFF");
        assertThat(basis.get(1).path("rule").asText()).isEqualTo("CIVIL_CODE_ART_1077_CERTIFICATE_WINDOW");
        assertThat(basis.get(0).path("reading").asText()).isEqualTo("WEEKENDS_AND_HOLIDAYS");
        assertThat(basis.get(0).path("zh").asText()).contains("第一千零七十七条").contains("第二百零三条");
        assertThat(basis.get(1).path("en").asText()).contains("Art. 1077(2)").contains("Art. 203");
        assertThat(countdown.path("promisedDue").isNull() || countdown.path("promisedDue").isMissingNode()).isTrue();

        // 2026-11-18, the day the old 61-day count made the case overdue: the couple may still lawfully appear.
        caseDriver.onDay(no, 62);
        assertThat(caseDriver.status(no)).isEqualTo("AWAITING_JOINT_APPEARANCE");
        assertThat(countdown(no).path("state").asText()).isNotEqualTo("RED");
        escalations.scan(cn.zs.civil.application.BusinessTime.instant());
        assertThat(count("select count(*) from case_escalation where application_no = ?", no)).isZero();
        caseDriver.bothAppear(no, "442000198503140137", "442000198807210245");
        caseDriver.registerDivorce(no);
        assertThat(caseDriver.outcome(no)).isEqualTo("REGISTERED");
        assertThat(countdown(no).path("state").asText()).isEqualTo("ON_TIME");
    }

    @Test
    void aDivorceDeemedWithdrawnIsNeverRedEvenWhenItsTimerRanLate() {
        ClockUtil.setCurrentTime(Date.from(THURSDAY_2026_09_17));
        String no = caseDriver.acceptedDivorce(divorceApplication("钱涛", "44200019831102035X", "孙慧", "442000198602090462",
                "J442000-2011-000654"));
        caseDriver.onDay(no, 33);
        assertThat(caseDriver.status(no)).isEqualTo("AWAITING_JOINT_APPEARANCE");
        // The certificate window ended on 11-18; the job executor only gets to it three days later.
        caseDriver.onDay(no, 65);
        assertThat(caseDriver.outcome(no)).isEqualTo("DEEMED_WITHDRAWN");
        var countdown = countdown(no);
        assertThat(countdown.path("stopped").asBoolean()).isTrue();
        assertThat(countdown.path("state").asText()).isEqualTo("ON_TIME");
        assertThat(countdown.path("remainingWorkingDays").asInt()).isZero();
    }

    /** A married couple in the marriage database, enrolled for one test: their case data. */
    private Map<String, Object> enrolledCouple(String nameA, String idA, String nameB, String idB, String certificate) {
        registry.enrol(new cn.zs.civil.registry.Registries.Person(idA, nameA, "M", LocalDate.parse(idA.substring(6, 10)
                + "-" + idA.substring(10, 12) + "-" + idA.substring(12, 14)), "442000", "shiqi", "MARRIED"),
                new cn.zs.civil.registry.Registries.MaritalRecord(idA, "MARRIED", idB, certificate,
                        LocalDate.of(2015, 5, 20), "442000"), null);
        registry.enrol(new cn.zs.civil.registry.Registries.Person(idB, nameB, "F", LocalDate.parse(idB.substring(6, 10)
                + "-" + idB.substring(10, 12) + "-" + idB.substring(12, 14)), "442000", "shiqi", "MARRIED"),
                new cn.zs.civil.registry.Registries.MaritalRecord(idB, "MARRIED", idA, certificate,
                        LocalDate.of(2015, 5, 20), "442000"), null);
        return divorceApplication(nameA, idA, nameB, idB, certificate);
    }

    /**
     * 婚姻登记工作规范: acceptance gives the couple the 《离婚登记申请受理回执单》, which states the day the cooling-off
     * period ends and that either of them may withdraw until then; a withdrawal gives the 《撤回离婚登记申请确认单》
     * naming who withdrew; an application not accepted gives the 《不予受理离婚登记申请告知书》 with the reasons and
     * the remedy (ALL 32).
     */
    @Test
    void acceptanceGivesTheReceiptSlipWithdrawalTheConfirmationSlipAndNonAcceptanceTheWrittenNotice_R88_R94_R9() {
        Api registrar = api().as("clerk-marriage");
        String no = caseDriver.acceptedDivorce(enrolledCouple("卢志刚", "442000198703126110", "韩雪梅", "442000198905216229",
                "J442000-2015-006101"));
        JsonNode receipt = issuedDocument(registrar, no, "receipt");
        assertThat(receipt.path("title").asText()).isEqualTo("离婚登记申请受理回执单");
        // Accepted on Monday 2026-06-01: thirty days from the day after, to Wednesday 2026-07-01.
        assertThat(issuedDocumentText(registrar, no, "receipt")).contains("离婚登记申请受理回执单", no, "卢志刚",
                "离婚冷静期届满日", "2026年7月1日", "撤回离婚登记申请", "中山市民政局");

        caseDriver.onDay(no, 10);
        assertThat(withdraw(no, "B", "442000198905216229").status()).isEqualTo(204);
        JsonNode slip = issuedDocument(registrar, no, "divorce-withdrawal");
        assertThat(slip.path("title").asText()).isEqualTo("撤回离婚登记申请确认单");
        String text = issuedDocumentText(registrar, no, "divorce-withdrawal");
        assertThat(text).contains("撤回离婚登记申请确认单", no, "卢志刚", "韩雪梅", "撤回申请的当事人", "撤回时间",
                "2026年6月11日", "予以确认", "中山市民政局婚姻登记处");
        // Who withdrew, as the verification page shows the slip's facts: the party B who came to the counter.
        String url = slip.path("verifyUrl").asText();
        JsonNode facts = api().anonymous().get("/api/public/documents/" + url.substring(url.lastIndexOf('/') + 1))
                .body().path("facts");
        boolean named = false;
        for (JsonNode f : facts) {
            named |= "撤回申请的当事人".equals(f.path("label").asText()) && "韩雪梅".equals(f.path("value").asText());
        }
        assertThat(named).as(facts.toString()).isTrue();

        // Deemed withdrawn (nobody appeared) is not a withdrawal: no confirmation slip.
        ClockUtil.setCurrentTime(Date.from(ACCEPTED_AT));
        String lapsed = caseDriver.acceptedDivorce(enrolledCouple("邓国栋", "442000198501076338", "罗佩仪", "442000198809306443",
                "J442000-2015-006102"));
        caseDriver.onDay(lapsed, 31);
        caseDriver.onDay(lapsed, 62);
        assertThat(caseDriver.outcome(lapsed)).isEqualTo("DEEMED_WITHDRAWN");
        issuedDocument(registrar, lapsed, "receipt");
        assertThat(count("select count(*) from issued_document where application_no = ? and kind = 'DIVORCE_WITHDRAWAL'",
                lapsed)).isZero();

        ClockUtil.setCurrentTime(Date.from(ACCEPTED_AT));
        String notAccepted = caseDriver.divorceAwaitingAcceptance(divorceApplication("邓国栋", "442000198501076338", "罗佩仪",
                "442000198809306443", "J442000-2015-006102"));
        caseDriver.complete(notAccepted, Map.of("decision", "notAccepted", "notAcceptedGround", "DOCUMENTS_MISSING",
                "reasons", "未携带离婚协议书"));
        JsonNode notice = issuedDocument(registrar, notAccepted, "refusal-notice");
        assertThat(notice.path("title").asText()).isEqualTo("不予受理离婚登记申请告知书");
        assertThat(issuedDocumentText(registrar, notAccepted, "refusal-notice")).contains("不予受理离婚登记申请告知书",
                notAccepted, "未携带离婚协议书", "法律依据", "救济途径", "行政复议", "决定时间", "中山市民政局");
    }
}
