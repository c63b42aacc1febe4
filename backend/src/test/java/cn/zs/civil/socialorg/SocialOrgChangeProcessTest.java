package cn.zs.civil.socialorg;

import static cn.zs.civil.support.ProcessTestKit.caseStatus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import cn.zs.civil.support.ProcessTestKit;

/** Change registration: review, the chief's decision, the register updated, and an announcement where the DMN says. */
@Deployment(resources = {
        "processes/socialorg/socialorg-change.bpmn",
        "processes/socialorg/socialorg-change-announcement.dmn",
        "forms/socialorg/socialorg-change-apply.form",
        "forms/socialorg/socialorg-accept.form",
        "forms/socialorg/socialorg-change-review.form",
        "forms/socialorg/socialorg-decision.form" })
class SocialOrgChangeProcessTest extends RegisteredOrganisationProcessTestBase {

    @RegisterExtension
    static final ProcessTestKit KIT = ProcessTestKit.engine("socialorg-change-test").startingAt(RECEIVED_AT);

    private final Map<String, Object> facts = new HashMap<>(Map.of("changedItem", "NAME"));

    @Override
    String processKey() {
        return SocialOrgProcess.CHANGE_KEY;
    }

    @Override
    Map<String, Object> formFacts() {
        return facts;
    }

    @Test
    void aNameChangeIsRegisteredAndAnnounced() {
        ProcessInstance instance = accepted();
        assertThat(instance).hasPassed("Task_DecideAnnouncement").isWaitingAt("Task_Review");
        complete(task(instance), withVariables("decision", "approve"));
        assertThat(task("Task_ChiefDecision", instance)).hasCandidateGroup("section-chief");
        complete(task(instance), withVariables("decision", "approve"));

        assertThat(instance).isEnded().hasPassed("Task_RecordChange", "Task_PublishAnnouncement",
                "EndEvent_ChangeRegistered");
        assertThat(delegateCalls).endsWith("recordChangeDelegate", "publishChangeAnnouncementDelegate");
        assertThat(caseStatus().calls()).containsExactly("accepted", "enter DECIDED", "finish DECIDED CHANGE_REGISTERED");
    }

    @Test
    void aChangeOfScopeIsRegisteredWithoutAnnouncement() {
        facts.put("changedItem", "PURPOSE_SCOPE");
        ProcessInstance instance = accepted();
        complete(task(instance), withVariables("decision", "approve"));
        complete(task(instance), withVariables("decision", "approve"));

        assertThat(instance).isEnded().hasPassed("Task_RecordChange", "EndEvent_ChangeRegistered")
                .hasNotPassed("Task_PublishAnnouncement");
        assertThat(delegateCalls).doesNotContain("publishChangeAnnouncementDelegate");
    }

    @Test
    void theChiefMayRefuseInWriting() {
        ProcessInstance instance = accepted();
        complete(task(instance), withVariables("decision", "approve"));
        complete(task(instance), withVariables("decision", "refuse", "refusalGround", "FALSE_STATEMENTS"));

        assertThat(instance).isEnded().hasPassed("Task_IssueRefusal", "EndEvent_Refused")
                .hasNotPassed("Task_RecordChange");
        assertThat(caseStatus().calls()).containsExactly("accepted", "enter DECIDED", "finish DECIDED REFUSED");
    }
}
