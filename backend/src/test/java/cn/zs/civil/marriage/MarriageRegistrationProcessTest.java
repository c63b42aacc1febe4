package cn.zs.civil.marriage;

import static cn.zs.civil.marriage.MarriageProcess.*;
import static cn.zs.civil.support.ProcessSteps.at;
import static cn.zs.civil.support.ProcessSteps.fire;
import static cn.zs.civil.support.ProcessSteps.fireWhenDue;
import static cn.zs.civil.support.ProcessSteps.mapVariable;
import static cn.zs.civil.support.ProcessSteps.timer;
import static cn.zs.civil.support.ProcessSteps.variable;
import static cn.zs.civil.support.ProcessTestKit.caseStatus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import cn.zs.civil.support.ProcessTestKit;

/**
 * Marriage registration at the counter, decided the same day: identity and status check against the national
 * database (waiting and retrying while it is down), proof of a status that differs from the database, the real
 * eligibility table, the registrar's review, the certificate number, the issue and the asynchronous report. Due
 * dates come from the real statutory clock on the bundled 2026 calendar.
 */
@Deployment(resources = {
        "processes/marriage/marriage-registration.bpmn",
        "processes/marriage/marriage-eligibility.dmn",
        "forms/marriage/marriage-checkin.form",
        "forms/marriage/marriage-proof.form",
        "forms/marriage/marriage-refusal.form",
        "forms/marriage/marriage-review.form",
        "forms/marriage/marriage-issue.form" })
class MarriageRegistrationProcessTest {

    private static final String CASE_NO = "ZS-MR-2026-000017";
    private static final String CERTIFICATE_NO = "J442000-2026-000001";
    private static final String RETRY_INTERVAL = "PT2M";
    // A Monday and a working day: every counter step is due by the end of it.
    private static final Date RECEIVED_AT = at("2026-06-01T09:30:00+08:00");
    private static final Instant END_OF_RECEIPT_DAY = at("2026-06-01T23:59:59+08:00").toInstant();

    @RegisterExtension
    static final ProcessTestKit KIT = ProcessTestKit.engine("marriage-registration-test").startingAt(RECEIVED_AT);

    private final Map<String, Object> registryFacts = new HashMap<>();
    private final List<Date> registryChecks = new ArrayList<>();
    private final List<String> certificatesAssigned = new ArrayList<>();
    private final List<String> reported = new ArrayList<>();
    private int outagesToSimulate;
    private int reportFailuresToSimulate;

    @BeforeEach
    void registerFakes() {
        registryFacts.putAll(singleManOf27AndSingleWomanOf25());
        Mocks.register("clock", MarriageTestClocks.bundledCalendar().clock());
        // Sets what CheckMarriagePartiesDelegate sets: the facts when the registries answer, else the retry interval.
        Mocks.register("checkMarriagePartiesDelegate", (JavaDelegate) execution -> {
            registryChecks.add(ClockUtil.getCurrentTime());
            if (outagesToSimulate > 0) {
                outagesToSimulate--;
                execution.setVariable(VAR_REGISTRY_AVAILABLE, false);
                execution.setVariable(VAR_REGISTRY_RETRY_INTERVAL, RETRY_INTERVAL);
                return;
            }
            execution.setVariables(registryFacts);
            execution.setVariable(VAR_REGISTRY_AVAILABLE, true);
        });
        Mocks.register("assignCertificateNumberDelegate", (JavaDelegate) execution -> {
            certificatesAssigned.add(execution.getProcessBusinessKey());
            execution.setVariable(VAR_CERTIFICATE_NO, CERTIFICATE_NO);
        });
        Mocks.register("reportRegistrationDelegate", (JavaDelegate) execution -> {
            if (reportFailuresToSimulate > 0) {
                reportFailuresToSimulate--;
                throw new IllegalStateException("national marriage database unavailable");
            }
            reported.add((String) execution.getVariable(VAR_CERTIFICATE_NO));
        });
    }

    @Test
    void registersAnEligibleCoupleTheSameDayAndReportsToTheNationalDatabaseAfterTheIssue() {
        ProcessInstance instance = checkedIn();
        assertThat(instance).isWaitingAt("Task_CheckParties");
        execute(job(instance));

        assertThat(instance).isWaitingAt("Task_ReviewMarriage");
        assertThat(mapVariable(instance, "eligibility")).containsEntry("eligible", true).containsEntry("refusalGround", "ELIGIBLE");
        assertThat(task(instance)).hasCandidateGroup("marriage-registrar");
        assertThat(task(instance).getDueDate().toInstant()).isEqualTo(END_OF_RECEIPT_DAY);
        complete(task(instance), reviewedAndRegistered());

        assertThat(instance).isWaitingAt("Task_IssueCertificate");
        assertThat(certificatesAssigned).containsExactly(CASE_NO);
        assertThat(variable(instance, VAR_CERTIFICATE_NO)).isEqualTo(CERTIFICATE_NO);
        assertThat(task(instance).getDueDate().toInstant()).isEqualTo(END_OF_RECEIPT_DAY);
        complete(task(instance), withVariables("bothSigned", true, "certificatesHanded", true, "ceremony", false));

        // The report is a job of its own: the couple leaves with the certificate whatever the database does.
        assertThat(instance).isWaitingAt("Task_ReportToRegistry");
        assertThat(reported).isEmpty();
        execute(job(instance));

        assertThat(instance).isEnded().hasPassed("Task_DecideEligibility", "Task_AssignCertificateNumber",
                "EndEvent_Registered").hasNotPassed("Event_WaitForRegistry", "Task_CheckProofOfStatus");
        assertThat(reported).containsExactly(CERTIFICATE_NO);
        assertThat(caseStatus().calls()).containsExactly("enter UNDER_REVIEW", "accepted", "enter DECIDED",
                "finish DECIDED REGISTERED");
    }

    @Test
    void waitsForTheNationalDatabaseWhileItIsDownAndContinuesWhenItIsBack() {
        outagesToSimulate = 2;
        ProcessInstance instance = checkedIn();
        execute(job(instance));

        assertThat(instance).isWaitingAt("Event_WaitForRegistry").hasNotPassed("Task_DecideEligibility");
        assertThat(caseStatus().calls()).containsExactly("enter WAITING_FOR_REGISTRY");
        retryAfterTheInterval(instance);

        // Still down at the first retry: back to waiting, nothing decided on missing data.
        assertThat(instance).isWaitingAt("Event_WaitForRegistry");
        retryAfterTheInterval(instance);

        assertThat(instance).isWaitingAt("Task_ReviewMarriage");
        assertThat(registryChecks).hasSize(3);
        assertThat(caseStatus().calls()).containsExactly("enter WAITING_FOR_REGISTRY", "enter WAITING_FOR_REGISTRY",
                "enter UNDER_REVIEW", "accepted");
        complete(task(instance), reviewedAndRegistered());
        complete(task(instance), withVariables("bothSigned", true, "certificatesHanded", true));
        execute(job(instance));
        assertThat(instance).isEnded().hasPassed("EndEvent_Registered");
    }

    @Test
    void continuesToTheEligibilityDecisionOnceTheProofOfADifferingStatusIsAccepted() {
        registryFacts.put(VAR_STATUS_MISMATCH, true);
        registryFacts.put("partyBRegistryStatus", "UNKNOWN");
        ProcessInstance instance = checkedAndWaitingFor("Task_CheckProofOfStatus");
        assertThat(task(instance)).hasCandidateGroup("marriage-registrar");
        assertThat(task(instance).getDueDate().toInstant()).isEqualTo(END_OF_RECEIPT_DAY);

        complete(task(instance), withVariables("proofType", "DIVORCE_CERTIFICATE", "proofNumber",
                "L442000-2019-000311", "decision", "proofAccepted"));

        assertThat(instance).hasPassed("Task_DecideEligibility").isWaitingAt("Task_ReviewMarriage");
        complete(task(instance), reviewedAndRegistered());
        complete(task(instance), withVariables("bothSigned", true, "certificatesHanded", true));
        execute(job(instance));
        assertThat(instance).isEnded().hasPassed("Task_CheckProofOfStatus", "EndEvent_Registered");
    }

    @Test
    void doesNotAcceptTheApplicationWhenADifferingStatusIsNotProven() {
        registryFacts.put(VAR_STATUS_MISMATCH, true);
        ProcessInstance instance = checkedAndWaitingFor("Task_CheckProofOfStatus");

        complete(task(instance), withVariables("decision", "noProof",
                "reasons", "未能提供离婚判决书，请先更正婚姻状况记录"));

        assertThat(instance).isEnded().hasPassed("EndEvent_NotAccepted")
                .hasNotPassed("Task_DecideEligibility", "Task_AssignCertificateNumber");
        assertThat(certificatesAssigned).isEmpty();
        assertThat(caseStatus().calls()).endsWith("finish CLOSED NOT_ACCEPTED").doesNotContain("enter DECIDED");
    }

    @Test
    void refusesA21YearOldGroomWithAWrittenNoticeAndWithoutAReview() {
        registryFacts.put(VAR_AGE_MAN, 21);
        ProcessInstance instance = checkedAndWaitingFor("Task_IssueRefusalNotice");
        assertThat(mapVariable(instance, "eligibility")).containsEntry("eligible", false).containsEntry("refusalGround", "UNDERAGE");
        assertThat(task(instance)).hasCandidateGroup("marriage-registrar");
        assertThat(task(instance).getDueDate().toInstant()).isEqualTo(END_OF_RECEIPT_DAY);

        complete(task(instance), withVariables("explained", true, "reasons", "男方未满二十二周岁"));

        assertThat(instance).isEnded().hasPassed("EndEvent_Refused")
                .hasNotPassed("Task_ReviewMarriage", "Task_AssignCertificateNumber");
        assertThat(certificatesAssigned).isEmpty();
        assertThat(caseStatus().calls()).containsExactly("enter UNDER_REVIEW", "accepted", "finish DECIDED REFUSED");
    }

    @Test
    void refusesWhenAPartyIsStillMarriedInTheNationalDatabase() {
        registryFacts.put(VAR_ANY_PARTY_MARRIED, true);
        registryFacts.put("partyARegistryStatus", "MARRIED");
        ProcessInstance instance = checkedAndWaitingFor("Task_IssueRefusalNotice");

        assertThat(mapVariable(instance, "eligibility")).containsEntry("eligible", false).containsEntry("refusalGround", "HAS_SPOUSE");
        complete(task(instance), withVariables("explained", true, "reasons", "一方有配偶"));
        assertThat(instance).isEnded().hasPassed("EndEvent_Refused").hasNotPassed("Task_ReviewMarriage");
    }

    @Test
    void refusesWhenTheRegistrarFindsTheMarriageIsNotVoluntary() {
        ProcessInstance instance = checkedAndWaitingFor("Task_ReviewMarriage");

        complete(task(instance), withVariables("counselling", "declined", "declarationSignedA", true,
                "declarationSignedB", false, "decision", "refuse", "refusalGround", "NOT_VOLUNTARY",
                "reasons", "女方当面表示并非自愿"));

        assertThat(instance).isEnded().hasPassed("EndEvent_Refused")
                .hasNotPassed("Task_IssueRefusalNotice", "Task_AssignCertificateNumber", "Task_ReportToRegistry");
        assertThat(certificatesAssigned).isEmpty();
        assertThat(reported).isEmpty();
        assertThat(caseStatus().calls()).containsExactly("enter UNDER_REVIEW", "accepted", "finish DECIDED REFUSED");
    }

    @Test
    void retriesAFailedReportEveryFiveMinutesWithoutUndoingTheRegistration() {
        reportFailuresToSimulate = 1;
        ProcessInstance instance = checkedAndWaitingFor("Task_ReviewMarriage");
        complete(task(instance), reviewedAndRegistered());
        complete(task(instance), withVariables("bothSigned", true, "certificatesHanded", true));

        Job report = job(instance);
        assertThatThrownBy(() -> managementService().executeJob(report.getId()))
                .hasMessageContaining("national marriage database unavailable");

        Job retried = job(instance);
        assertThat(retried.getRetries()).isEqualTo(9);
        assertThat(retried.getDuedate().toInstant())
                .isEqualTo(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofMinutes(5)));
        assertThat(instance).isWaitingAt("Task_ReportToRegistry").hasPassed("Task_IssueCertificate");
        assertThat(variable(instance, VAR_CERTIFICATE_NO)).isEqualTo(CERTIFICATE_NO);
        fire(retried);

        assertThat(instance).isEnded().hasPassed("EndEvent_Registered");
        assertThat(certificatesAssigned).containsExactly(CASE_NO);
        assertThat(reported).containsExactly(CERTIFICATE_NO);
    }

    private ProcessInstance checkedIn() {
        return runtimeService().startProcessInstanceByKey(MARRIAGE_KEY, CASE_NO, Map.of(
                "applicationNo", CASE_NO,
                "receivedAt", RECEIVED_AT,
                "partyADeclaredStatus", "SINGLE",
                "partyBDeclaredStatus", "DIVORCED",
                "bothPresent", true));
    }

    private ProcessInstance checkedAndWaitingFor(String activityId) {
        ProcessInstance instance = checkedIn();
        execute(job(instance));
        assertThat(instance).isWaitingAt(activityId);
        return instance;
    }

    private void retryAfterTheInterval(ProcessInstance instance) {
        Job timer = timer(instance, "Event_WaitForRegistry");
        assertThat(timer.getDuedate().toInstant())
                .isEqualTo(ClockUtil.getCurrentTime().toInstant().plus(Duration.parse(RETRY_INTERVAL)));
        fireWhenDue(instance, timer);
        assertThat(instance).isWaitingAt("Task_CheckParties");
        execute(job(instance));
    }

    private static Map<String, Object> reviewedAndRegistered() {
        return withVariables("counselling", "declined", "declarationSignedA", true, "declarationSignedB", true,
                "decision", "register");
    }

    private static Map<String, Object> singleManOf27AndSingleWomanOf25() {
        Map<String, Object> facts = new HashMap<>();
        facts.put(VAR_IDENTITY_VERIFIED, true);
        facts.put(VAR_STATUS_MISMATCH, false);
        facts.put(VAR_ONE_MAN_ONE_WOMAN, true);
        facts.put(VAR_AGE_MAN, 27);
        facts.put(VAR_AGE_WOMAN, 25);
        facts.put(VAR_MARRIED_TO_EACH_OTHER, false);
        facts.put(VAR_ANY_PARTY_MARRIED, false);
        facts.put(VAR_OPEN_DIVORCE_CASE, false);
        facts.put(VAR_NON_LOCAL, false);
        facts.put("partyARegistryStatus", "SINGLE");
        facts.put("partyBRegistryStatus", "DIVORCED");
        return facts;
    }
}
