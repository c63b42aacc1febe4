package cn.zs.civil.marriage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.zs.civil.registry.DemoRegistry;
import cn.zs.civil.support.Api;
import cn.zs.civil.support.ApiTestBase;

/** Divorce registration with the Civil Code's cooling-off periods, through the API, with the engine's clock moved. */
class DivorceRegistrationIT extends ApiTestBase {

    @Autowired
    private DemoRegistry registry;

    private Instant acceptedAt;

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    private static Map<String, Object> application(String nameA, String idA, String nameB, String idB, String certificate) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("district", "shiqi");
        data.put("partyAName", nameA);
        data.put("partyAIdNumber", idA);
        data.put("partyAPhone", "13800000001");
        data.put("partyBName", nameB);
        data.put("partyBIdNumber", idB);
        data.put("partyBPhone", "13800000002");
        data.put("marriageCertificateNo", certificate);
        data.put("certificatesPresent", "BOTH");
        data.put("agreementProvided", true);
        data.put("agreementCovers", List.of("VOLUNTARY", "CHILDREN", "PROPERTY", "DEBTS"));
        data.put("fullCapacity", "yes");
        data.put("marriageRegisteredIn", "MAINLAND");
        data.put("bothPresent", true);
        return data;
    }

    /**
     * Every case here is applied for and accepted at 10:00 on Monday 2026-06-01, whatever day the tests run: day 30
     * (07-01) and day 60 (07-31) are working days, so neither period rolls and "day 31" is always after T1.
     */
    private static final Instant ACCEPTED_AT = Instant.parse("2026-06-01T02:00:00Z");

    private String acceptedCase(Map<String, Object> data) {
        ClockUtil.setCurrentTime(Date.from(ACCEPTED_AT));
        Api registrar = api().as("clerk-marriage");
        Api.Response r = registrar.post("/api/applications", Map.of("serviceCode", "divorce-registration", "data", data));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        String no = r.body().path("applicationNo").asText();
        runJobs(no);
        assertThat(registrar.get("/api/tasks/" + taskOf(registrar, no)).body().path("checks")
                .path("marriageRecordFound").asBoolean()).isTrue();
        acceptedAt = ACCEPTED_AT;
        complete(no, Map.of("decision", "accept"));
        assertThat(status(no)).isEqualTo("COOLING_OFF");
        var periods = registrar.get("/api/divorces/" + no).body();
        assertThat(periods.path("coolingOffEndsOn").asText()).isEqualTo("2026-07-01");
        assertThat(periods.path("certificateWindowEndsOn").asText()).isEqualTo("2026-07-31");
        return no;
    }

    private void complete(String no, Map<String, Object> data) {
        Api registrar = api().as("clerk-marriage");
        Api.Response r = registrar.post("/api/tasks/" + taskOf(registrar, no) + "/complete", Map.of("data", data));
        assertThat(r.status()).as(r.toString()).isEqualTo(204);
        runJobs(no);
    }

    private String status(String no) {
        return api().as("clerk-marriage").get("/api/applications/" + no).body().path("summary").path("status").asText();
    }

    private String outcome(String no) {
        return api().as("clerk-marriage").get("/api/applications/" + no).body().path("summary").path("outcome").asText();
    }

    /** Moves the engine's clock to day N after acceptance and fires whatever timers are due by then. */
    private void day(String no, int n) {
        ClockUtil.setCurrentTime(Date.from(acceptedAt.plus(Duration.ofDays(n))));
        var instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(no).singleResult();
        if (instance != null) {
            for (Job job : management.createJobQuery().processInstanceId(instance.getId()).timers().executable().list()) {
                management.executeJob(job.getId());
            }
        }
    }

    private Api.Response withdraw(String no, String party, String id) {
        return api().as("clerk-marriage").post("/api/divorces/" + no + "/withdrawal", Map.of("party", party, "idNumber", id));
    }

    @Test
    void withdrawalByOnePartyOnDay29EndsTheCase() {
        String no = acceptedCase(application("黄伟", "441900198612128135", "林芳", "442000198911119249",
                "J441900-2018-004567"));
        day(no, 29);
        assertThat(withdraw(no, "B", "442000198911119249").status()).isEqualTo(204);
        assertThat(status(no)).isEqualTo("WITHDRAWN");
        assertThat(registry.maritalRecord("441900198612128135").status()).isEqualTo("MARRIED");
    }

    @Test
    void withdrawalOnDay31IsRefusedAndBothAppearingOnDay35LeadsToRegistration() {
        String no = acceptedCase(application("刘建华", "442000198804046814", "赵丽", "442000199009097924",
                "J442000-2015-000123"));
        Api.Response premature = api().as("clerk-marriage").post("/api/divorces/" + no + "/appearance",
                Map.of("idNumberA", "442000198804046814", "idNumberB", "442000199009097924"));
        assertThat(premature.status()).isEqualTo(409);
        assertThat(premature.body().path("code").asText()).isEqualTo("divorce.premature");

        day(no, 31);
        assertThat(status(no)).isEqualTo("AWAITING_JOINT_APPEARANCE");
        Api.Response late = withdraw(no, "A", "442000198804046814");
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.body().path("code").asText()).isEqualTo("divorce.coolingOffOver");

        day(no, 35);
        Api.Response agent = api().as("clerk-marriage").post("/api/divorces/" + no + "/appearance",
                Map.of("idNumberA", "442000198804046814", "idNumberB", "442000200003151315"));
        assertThat(agent.status()).isEqualTo(422);
        assertThat(api().as("clerk-marriage").post("/api/divorces/" + no + "/appearance",
                Map.of("idNumberA", "442000198804046814", "idNumberB", "442000199009097924")).status()).isEqualTo(204);
        complete(no, Map.of("declarationSignedA", true, "declarationSignedB", true, "decision", "register",
                "agreementSigned", true));
        complete(no, Map.of("bothSigned", true, "marriageCertificatesVoided", true, "certificatesHanded", true));

        assertThat(outcome(no)).isEqualTo("REGISTERED");
        assertThat(registry.maritalRecord("442000198804046814").status()).isEqualTo("DIVORCED");
        assertThat(jdbc.queryForObject("select certificate_no from marriage_certificate where application_no = ?",
                String.class, no)).matches("L442000-\\d{4}-\\d{6}");
    }

    @Test
    void nobodyAppearingByTheEndOfT2MeansDeemedWithdrawn() {
        String no = acceptedCase(application("马强", "442000198401201111", "何静", "442000198705062229",
                "J442000-2012-000456"));
        day(no, 31);
        assertThat(status(no)).isEqualTo("AWAITING_JOINT_APPEARANCE");
        day(no, 62);
        assertThat(outcome(no)).isEqualTo("DEEMED_WITHDRAWN");
        assertThat(status(no)).isEqualTo("CLOSED");
    }

    @Test
    void aSecondOpenDivorceCaseForTheSameCoupleIsFlagged() {
        Map<String, Object> data = application("郭峰", "430100198208183312", "谢敏", "360100198512254420",
                "J442000-2016-000789");
        acceptedCase(data);
        Api registrar = api().as("clerk-marriage");
        String second = registrar.post("/api/applications", Map.of("serviceCode", "divorce-registration", "data", data))
                .body().path("applicationNo").asText();
        runJobs(second);
        var checks = registrar.get("/api/tasks/" + taskOf(registrar, second)).body().path("checks");
        assertThat(checks.path("duplicateCase").asBoolean()).isTrue();
        assertThat(checks.path("nonLocal").asBoolean()).isTrue();
        // Kept in the platform's tables for the annual cross-province statistic.
        assertThat(jdbc.queryForObject("select non_local from marriage_case where application_no = ?", Boolean.class,
                second)).isTrue();
    }
}
