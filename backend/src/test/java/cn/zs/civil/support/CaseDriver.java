package cn.zs.civil.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The marriage registrar's steps through the API, written once for the integration tests that need a marriage or a
 * divorce on the way to what they test: check a couple in, register their marriage, take a divorce application,
 * accept it, move through the cooling-off period, record both parties' appearance and register the divorce. Every
 * step is the registrar's ({@code clerk-marriage}) and asserts that the platform took it; the engine's asynchronous
 * steps run as the job executor would, and the engine's clock moves only when a step says so. A test that tests one of
 * these steps itself (its refusals, its documents) calls the API directly and uses the driver for the rest.
 */
public final class CaseDriver {

    public static final String REGISTRAR = "clerk-marriage";

    private final ApiTestBase test;
    private final Map<String, Instant> acceptedAt = new HashMap<>();

    CaseDriver(ApiTestBase test) {
        this.test = test;
    }

    /** A couple's check-in data for a marriage at the Shiqi registry, both present. */
    public static Map<String, Object> couple(String nameA, String idA, String statusA, String nameB, String idB,
            String statusB) {
        Map<String, Object> data = parties(nameA, idA, nameB, idB);
        data.put("partyADeclaredStatus", statusA);
        data.put("partyBDeclaredStatus", statusB);
        return data;
    }

    /** A divorce by agreement at the Shiqi registry: both present, both certificates, the written agreement. */
    public static Map<String, Object> divorceApplication(String nameA, String idA, String nameB, String idB,
            String marriageCertificate) {
        Map<String, Object> data = parties(nameA, idA, nameB, idB);
        data.put("marriageCertificateNo", marriageCertificate);
        data.put("certificatesPresent", "BOTH");
        data.put("agreementProvided", true);
        data.put("agreementCovers", List.of("VOLUNTARY", "CHILDREN", "PROPERTY", "DEBTS"));
        data.put("fullCapacity", "yes");
        data.put("marriageRegisteredIn", "MAINLAND");
        return data;
    }

    /** Both parties at the Shiqi registry in person: names, ID numbers and phones. */
    private static Map<String, Object> parties(String nameA, String idA, String nameB, String idB) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("district", "shiqi");
        data.put("partyAName", nameA);
        data.put("partyAIdNumber", idA);
        data.put("partyAPhone", "13800000001");
        data.put("partyBName", nameB);
        data.put("partyBIdNumber", idB);
        data.put("partyBPhone", "13800000002");
        data.put("bothPresent", true);
        return data;
    }

    /** Checked in at the counter with the registry checks run: the case number. */
    public String marriageCheckedIn(Map<String, Object> couple) {
        return submitted("marriage-registration", couple);
    }

    /** Checked in, reviewed (no counselling, both declarations signed) and issued: the case number. */
    public String registeredMarriage(Map<String, Object> couple) {
        String no = marriageCheckedIn(couple);
        complete(no, Map.of("counselling", "declined", "declarationSignedA", true, "declarationSignedB", true,
                "decision", "register"));
        complete(no, Map.of("bothSigned", true, "certificatesHanded", true));
        assertThat(outcome(no)).as("marriage %s", no).isEqualTo("REGISTERED");
        return no;
    }

    /** Applied for with the marriage database checked: waiting for the registrar's acceptance decision. */
    public String divorceAwaitingAcceptance(Map<String, Object> application) {
        return submitted("divorce-registration", application);
    }

    /**
     * Applied for, the marriage found in the marriage database, and accepted at the engine's current time: the
     * cooling-off period runs from now.
     */
    public String acceptedDivorce(Map<String, Object> application) {
        String no = divorceAwaitingAcceptance(application);
        Api registrar = registrar();
        assertThat(registrar.get("/api/tasks/" + test.taskOf(registrar, no)).body().path("checks")
                .path("marriageRecordFound").asBoolean()).as("marriage record of %s found", no).isTrue();
        Instant now = ClockUtil.getCurrentTime().toInstant();
        complete(no, Map.of("decision", "accept"));
        assertThat(status(no)).as("divorce %s", no).isEqualTo("COOLING_OFF");
        acceptedAt.put(no, now);
        return no;
    }

    /** Moves the engine's clock to day n after the divorce's acceptance and fires whatever timers are due by then. */
    public void onDay(String divorce, int n) {
        assertThat(acceptedAt).as("accepted through the driver").containsKey(divorce);
        ClockUtil.setCurrentTime(Date.from(acceptedAt.get(divorce).plus(Duration.ofDays(n))));
        ProcessInstance instance = test.runtime.createProcessInstanceQuery().processInstanceBusinessKey(divorce)
                .singleResult();
        if (instance != null) {
            for (Job job : test.management.createJobQuery().processInstanceId(instance.getId()).timers().executable()
                    .list()) {
                test.management.executeJob(job.getId());
            }
        }
    }

    /** Both parties appear at the Shiqi registry for the certificate. */
    public void bothAppear(String divorce, String idA, String idB) {
        Api.Response appeared = registrar().post("/api/divorces/" + divorce + "/appearance",
                Map.of("idNumberA", idA, "idNumberB", idB, "district", "shiqi"));
        assertThat(appeared.status()).as(appeared.toString()).isEqualTo(204);
    }

    /** After the appearance: reviewed (both declarations and the agreement signed) and the certificates issued. */
    public void registerDivorce(String divorce) {
        complete(divorce, Map.of("declarationSignedA", true, "declarationSignedB", true, "decision", "register",
                "agreementSigned", true));
        complete(divorce, Map.of("bothSigned", true, "marriageCertificatesVoided", true, "certificatesHanded", true));
        assertThat(outcome(divorce)).as("divorce %s", divorce).isEqualTo("REGISTERED");
    }

    /** Accepted now, both appear on day 35 (after the cooling-off period), registered: the case number. */
    public String registeredDivorce(Map<String, Object> application) {
        String no = acceptedDivorce(application);
        onDay(no, 35);
        bothAppear(no, (String) application.get("partyAIdNumber"), (String) application.get("partyBIdNumber"));
        registerDivorce(no);
        return no;
    }

    /** Completes the case's open task as the registrar and runs the asynchronous steps that follow. */
    public void complete(String no, Map<String, Object> data) {
        Api registrar = registrar();
        Api.Response r = registrar.post("/api/tasks/" + test.taskOf(registrar, no) + "/complete", Map.of("data", data));
        assertThat(r.status()).as(r.toString()).isEqualTo(204);
        test.runJobs(no);
    }

    public JsonNode summary(String no) {
        return registrar().get("/api/applications/" + no).body().path("summary");
    }

    public String status(String no) {
        return summary(no).path("status").asText();
    }

    public String outcome(String no) {
        return summary(no).path("outcome").asText();
    }

    private String submitted(String serviceCode, Map<String, Object> data) {
        Api.Response r = registrar().post("/api/applications", Map.of("serviceCode", serviceCode, "data", data));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        String no = r.body().path("applicationNo").asText();
        test.runJobs(no);
        return no;
    }

    private Api registrar() {
        return test.api().as(REGISTRAR);
    }
}
