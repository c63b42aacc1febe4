package cn.zs.civil.socialorg;

import static cn.zs.civil.support.ProcessSteps.daysAfter;
import static cn.zs.civil.support.ProcessTestKit.caseStatus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import cn.zs.civil.support.ProcessTestKit;

/**
 * Establishment of a social group or private non-enterprise unit: the name is checked before anyone looks, the
 * conditions are decided by the DMN table, expert review stops the clock, two staff verify on site, the section
 * chief and the director sign, and the decision ends in a certificate with an announcement or a written refusal.
 */
@Deployment(resources = {
        "processes/socialorg/socialorg-establishment.bpmn",
        "processes/socialorg/socialorg-establishment-conditions.dmn",
        "forms/socialorg/socialorg-establishment-apply.form",
        "forms/socialorg/socialorg-accept.form",
        "forms/socialorg/socialorg-establishment-review.form",
        "forms/socialorg/socialorg-expert-review.form",
        "forms/socialorg/socialorg-verify-on-site.form",
        "forms/socialorg/socialorg-chief-sign-off.form",
        "forms/socialorg/socialorg-decision.form",
        "forms/socialorg/socialorg-issue-certificate.form" })
class SocialOrgEstablishmentProcessTest extends SocialOrgProcessTestBase {

    @RegisterExtension
    static final ProcessTestKit KIT = ProcessTestKit.engine("socialorg-establishment-test").startingAt(RECEIVED_AT);

    private final List<String> verifiers = new ArrayList<>();

    @Override
    String processKey() {
        return SocialOrgProcess.ESTABLISHMENT_KEY;
    }

    @Override
    String checkBean() {
        return "precheckSocialOrgDelegate";
    }

    @Override
    String checkActivity() {
        return "Task_PrecheckApplication";
    }

    @Override
    String proceedVariable() {
        return SocialOrgProcess.VAR_COMPETENT;
    }

    @Override
    String firstStepAfterAcceptance() {
        return "Task_ReviewApplication";
    }

    @Override
    String notCompetentEnd() {
        return "EndEvent_NotCompetent";
    }

    @Override
    Map<String, Object> formFacts() {
        return Map.of("orgType", "SOCIAL_GROUP", "directCategory", "PUBLIC_WELFARE", "individualMembers", 64,
                "unitMembers", 0, "funds", 50000.0);
    }

    @BeforeEach
    void registerEstablishmentFakes() {
        checkFindings.put("nameCheck", "PASSED");
        checkFindings.put("nameFindings", "");
        checkFindings.put("foundationKind", null);
        checkFindings.put("liabilityForm", null);
        Mocks.register("recordVerifiersListener", (TaskListener) task -> verifiers.add(task.getAssignee() + "+"
                + task.getVariable("secondVerifier")));
        Mocks.register("registerOrganisationDelegate", (JavaDelegate) execution -> {
            delegateCalls.add("registerOrganisationDelegate");
            execution.setVariable("certificateNo", "中民社证字20260001号");
            execution.setVariable("decidedAt", ClockUtil.getCurrentTime());
            execution.setVariable("certificateDeliveryDays", 10);
        });
    }

    @Test
    void registersAfterReviewOnSiteVerificationChiefAndDirectorAndIssuesTheCertificateWithin10Days() {
        ProcessInstance instance = accepted();
        assertThat(delegateCalls).containsExactly("precheckSocialOrgDelegate@Task_PrecheckApplication",
                "issueReceiptDelegate");
        assertThat(conditions(instance)).containsEntry("conditionsMet", true).containsEntry("finding", "MEETS_CONDITIONS");
        assertThat(task(instance)).hasCandidateGroup("socialorg-review")
                .hasDueDate(daysAfter(RECEIVED_AT, STATUTORY_LIMIT_DAYS));
        complete(task(instance), withVariables("decision", "approve"));

        assertThat(instance).isWaitingAt("Task_VerifyOnSite");
        taskService().claim(task(instance).getId(), "clerk-socialorg");
        complete(task(instance), withVariables("secondVerifier", "chief", "siteConforms", "yes"));
        assertThat(verifiers).containsExactly("clerk-socialorg+chief");

        assertThat(task("Task_ChiefReview", instance)).hasCandidateGroup("section-chief");
        complete(task(instance), withVariables("chiefDecision", "approve"));
        assertThat(task("Task_DirectorDecision", instance)).hasCandidateGroup("director");
        ClockUtil.setCurrentTime(daysAfter(RECEIVED_AT, 30));
        complete(task(instance), withVariables("decision", "approve"));

        assertThat(instance).isWaitingAt("Task_IssueCertificate");
        assertThat(task(instance)).hasDueDate(daysAfter(RECEIVED_AT, 40));
        complete(task(instance), withVariables("certificateDelivered", true));

        assertThat(instance).isEnded().hasPassed("Task_RegisterOrganisation", "EndEvent_Registered");
        assertThat(delegateCalls).endsWith("registerOrganisationDelegate").doesNotContain("issueRefusalDelegate");
        assertThat(caseStatus().calls()).containsExactly("accepted", "enter DECIDED", "finish DECIDED REGISTERED");
    }

    @Test
    void aFlaggedNameIsInTheCaseBeforeTheAcceptanceClerkOpensIt() {
        checkFindings.put("nameCheck", "FLAGGED");
        checkFindings.put("nameFindings", "FORBIDDEN_WORD,DUPLICATE");
        checkFindings.put("nameSimilarTo", "中山市摄影家协会");
        ProcessInstance instance = submit();

        assertThat(instance).isWaitingAt("Task_AcceptApplication").variables()
                .containsEntry("nameCheck", "FLAGGED").containsEntry("nameFindings", "FORBIDDEN_WORD,DUPLICATE")
                .containsEntry("nameSimilarTo", "中山市摄影家协会");
        assertThat(taskService().getVariable(task(instance).getId(), "nameCheck")).isEqualTo("FLAGGED");
    }

    @Test
    void expertReviewStopsTheClockAndReturnsToTheReviewer() {
        ProcessInstance instance = accepted();
        complete(task(instance), withVariables("decision", "expertReview"));

        assertThat(instance).isWaitingAt("Task_ExpertReview");
        assertThat(caseStatus().calls()).containsExactly("accepted", "pause EXPERT_REVIEW");
        ClockUtil.setCurrentTime(daysAfter(RECEIVED_AT, 20));
        complete(task(instance), withVariables("expertOpinion", "同意"));

        assertThat(instance).isWaitingAt("Task_ReviewApplication");
        assertThat(caseStatus().calls()).containsExactly("accepted", "pause EXPERT_REVIEW", "resume");
    }

    @Test
    void aProposedRefusalGoesToTheChiefAndTheDirectorWithoutOnSiteVerificationAndEndsInWriting() {
        ProcessInstance instance = accepted();
        complete(task(instance), withVariables("decision", "refuse", "refusalGround", "SIMILAR_ORG_EXISTS"));

        assertThat(instance).isWaitingAt("Task_ChiefReview");
        complete(task(instance), withVariables("chiefDecision", "refuse"));
        complete(task(instance), withVariables("decision", "refuse", "refusalGround", "SIMILAR_ORG_EXISTS"));

        assertThat(instance).isEnded().hasPassed("Task_IssueRefusal", "EndEvent_Refused")
                .hasNotPassed("Task_VerifyOnSite", "Task_RegisterOrganisation");
        assertThat(delegateCalls).endsWith("issueRefusalDelegate");
        assertThat(caseStatus().calls()).containsExactly("accepted", "enter DECIDED", "finish DECIDED REFUSED");
    }

    @Test
    void theEngineRefusesTheSameVerifierTwiceWhateverTheClient() {
        Mocks.register("recordVerifiersListener", (TaskListener) task -> {
            if (task.getAssignee().equals(task.getVariable("secondVerifier"))) {
                throw new IllegalArgumentException("On-site verification needs two different staff");
            }
        });
        ProcessInstance instance = accepted();
        complete(task(instance), withVariables("decision", "approve"));
        taskService().claim(task(instance).getId(), "clerk-socialorg");
        String taskId = task(instance).getId();

        assertThatThrownBy(() -> taskService().complete(taskId, Map.of("secondVerifier", "clerk-socialorg")))
                .hasMessageContaining("two different staff");
        assertThat(instance).isWaitingAt("Task_VerifyOnSite");
        assertThat(runtimeService().getVariable(instance.getId(), "secondVerifier")).isNull();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> conditions(ProcessInstance instance) {
        return (Map<String, Object>) runtimeService().getVariable(instance.getId(), "conditions");
    }
}
