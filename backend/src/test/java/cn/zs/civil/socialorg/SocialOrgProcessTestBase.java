package cn.zs.civil.socialorg;

import static cn.zs.civil.support.ProcessSteps.at;
import static cn.zs.civil.support.ProcessSteps.correlate;
import static cn.zs.civil.support.ProcessSteps.daysAfter;
import static cn.zs.civil.support.ProcessTestKit.caseStatus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the three social-organisation processes share, tested on each: the automated check before anyone looks,
 * acceptance with the one-time correction notice within 5 working days or deemed acceptance on the receipt date
 * (ALL Art. 32), lapse without corrections, not accepted, withdrawal. Subclasses deploy their model with its own
 * coverage gate (their {@code ProcessTestKit}) and add the paths after acceptance; the delegates are fakes that
 * record what they were asked.
 */
abstract class SocialOrgProcessTestBase {

    static final String CASE_NO = "SZC-20260506-0001";
    static final int STATUTORY_LIMIT_DAYS = 60;
    static final Date RECEIVED_AT = at("2026-05-06T09:30:00+08:00");

    final List<String> delegateCalls = new ArrayList<>();
    final Map<String, Object> checkFindings = new HashMap<>();

    abstract String processKey();

    /** The bean name of the automated check that runs on submission and again after corrections. */
    abstract String checkBean();

    /** The variable that says whether the check lets the case go on to acceptance. */
    abstract String proceedVariable();

    /** The first human step after acceptance. */
    abstract String firstStepAfterAcceptance();

    abstract Map<String, Object> formFacts();

    @BeforeEach
    void registerFakes() {
        checkFindings.put(proceedVariable(), true);
        Mocks.register(checkBean(), (JavaDelegate) execution -> {
            delegateCalls.add(checkBean() + "@" + execution.getCurrentActivityId());
            execution.setVariables(checkFindings);
        });
        for (String bean : List.of("issueReceiptDelegate", "registerOrganisationDelegate", "issueRefusalDelegate",
                "recordChangeDelegate", "publishChangeAnnouncementDelegate", "cancelOrganisationDelegate")) {
            Mocks.register(bean, (JavaDelegate) execution -> delegateCalls.add(bean));
        }
        // The leader-eligibility facts for the reviewer (LeaderEligibility, tested through HTTP): nothing found here.
        Mocks.register("checkLeaderEligibilityDelegate",
                (JavaDelegate) execution -> execution.setVariable("leaderFindings", ""));
    }

    ProcessInstance submit() {
        Map<String, Object> variables = new HashMap<>(formFacts());
        variables.put("applicationNo", CASE_NO);
        variables.put("serviceCode", processKey());
        variables.put("district", "shiqi");
        variables.put("channel", "ONLINE");
        variables.put("receivedAt", RECEIVED_AT);
        variables.put("statutoryLimitDays", STATUTORY_LIMIT_DAYS);
        variables.put("promisedLimitDays", 20);
        variables.put("correctionPeriod", "P30D");
        return runtimeService().startProcessInstanceByKey(processKey(), CASE_NO, variables);
    }

    ProcessInstance accepted() {
        ProcessInstance instance = submit();
        complete(task("Task_AcceptApplication", instance), withVariables("decision", "accept"));
        return instance;
    }

    @Test
    void checksAutomaticallyBeforeTheAcceptanceClerkSeesTheCase() {
        ProcessInstance instance = submit();

        assertThat(instance).isWaitingAt("Task_AcceptApplication");
        assertThat(delegateCalls).containsExactly(checkBean() + "@" + checkActivity());
        assertThat(task(instance)).hasCandidateGroup("socialorg-review").hasDueDate(daysAfter(RECEIVED_AT, 5));
    }

    abstract String checkActivity();

    @Test
    void correctionNoticeOnDaySixIsTooLateTheApplicationCountsAsAcceptedOnTheReceiptDate() {
        ProcessInstance instance = submit();
        Job window = managementService().createJobQuery().processInstanceId(instance.getId()).timers().singleResult();
        assertThat(window.getDuedate()).isEqualTo(daysAfter(RECEIVED_AT, 5));

        ClockUtil.setCurrentTime(daysAfter(RECEIVED_AT, 6));
        execute(window);

        assertThat(instance).hasPassed("Event_DeemedAccepted").hasNotPassed("Event_Accepted")
                .isWaitingAt(firstStepAfterAcceptance());
        assertThat(runtimeService().getVariable(instance.getId(), "acceptedAt")).isEqualTo(RECEIVED_AT);
        assertThat(caseStatus().calls()).startsWith("accepted deemed");
        // The 60-day limit runs from the receipt date, not from day 6.
        assertThat(task(instance)).hasDueDate(daysAfter(RECEIVED_AT, STATUTORY_LIMIT_DAYS));
    }

    @Test
    void suppliedCorrectionsAreCheckedAgainThenAccepted() {
        ProcessInstance instance = submit();
        complete(task(instance), withVariables("decision", "corrections"));
        assertThat(instance).isWaitingAt("Gateway_AwaitCorrections");
        assertThat(caseStatus().calls()).containsExactly("enter WAITING_FOR_CORRECTIONS");

        ClockUtil.setCurrentTime(daysAfter(RECEIVED_AT, 12));
        correlate("CorrectionsSupplied", CASE_NO);

        assertThat(instance).hasPassed("Task_RecheckApplication").isWaitingAt(firstStepAfterAcceptance());
        assertThat(delegateCalls).startsWith(checkBean() + "@" + checkActivity(),
                checkBean() + "@Task_RecheckApplication");
        assertThat(caseStatus().calls()).containsExactly("enter WAITING_FOR_CORRECTIONS", "accepted");
    }

    @Test
    void lapsesWhenTheCorrectionsDoNotComeWithinTheCorrectionPeriod() {
        ProcessInstance instance = submit();
        complete(task(instance), withVariables("decision", "corrections"));

        ClockUtil.setCurrentTime(daysAfter(RECEIVED_AT, 31));
        execute(job("Event_CorrectionPeriodExpired", instance));

        assertThat(instance).isEnded().hasPassed("EndEvent_Lapsed");
        assertThat(caseStatus().calls()).containsExactly("enter WAITING_FOR_CORRECTIONS", "finish CLOSED LAPSED");
    }

    @Test
    void endsWhenTheClerkDoesNotAccept() {
        ProcessInstance instance = submit();
        complete(task(instance), withVariables("decision", "notAccepted"));

        assertThat(instance).isEnded().hasPassed("EndEvent_NotAccepted");
        assertThat(caseStatus().calls()).containsExactly("finish CLOSED NOT_ACCEPTED");
    }

    @Test
    void endsWithoutAnyHumanStepWhenTheBureauIsNotCompetent() {
        checkFindings.put(proceedVariable(), false);
        checkFindings.put("reasonCode", "NOT_COMPETENT");
        ProcessInstance instance = submit();

        assertThat(instance).isEnded().hasPassed(notCompetentEnd());
        assertThat(caseStatus().calls()).containsExactly("finish CLOSED NOT_COMPETENT");
        assertThat(historyService().createHistoricTaskInstanceQuery()
                .processInstanceId(instance.getId()).count()).isZero();
    }

    abstract String notCompetentEnd();

    @Test
    void theApplicantMayWithdrawWhileTheCaseIsUnderReview() {
        ProcessInstance instance = accepted();
        correlate("ApplicationWithdrawn", CASE_NO);

        assertThat(instance).isEnded().hasPassed("EndEvent_Withdrawn");
        assertThat(caseStatus().calls()).containsExactly("accepted", "finish WITHDRAWN WITHDRAWN");
    }
}
