package cn.zs.civil.socialorg;

import static cn.zs.civil.support.ProcessTestKit.caseStatus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import cn.zs.civil.support.ProcessTestKit;

/** Cancellation: review of the liquidation, the chief's decision, certificate and seals collected, then cancelled. */
@Deployment(resources = {
        "processes/socialorg/socialorg-cancellation.bpmn",
        "forms/socialorg/socialorg-cancellation-apply.form",
        "forms/socialorg/socialorg-accept.form",
        "forms/socialorg/socialorg-cancellation-review.form",
        "forms/socialorg/socialorg-decision.form",
        "forms/socialorg/socialorg-collect-certificate.form" })
class SocialOrgCancellationProcessTest extends RegisteredOrganisationProcessTestBase {

    @RegisterExtension
    static final ProcessTestKit KIT = ProcessTestKit.engine("socialorg-cancellation-test").startingAt(RECEIVED_AT);

    @Override
    String processKey() {
        return SocialOrgProcess.CANCELLATION_KEY;
    }

    @Override
    Map<String, Object> formFacts() {
        return Map.of("cancellationReason", "DISSOLVED");
    }

    @Test
    void cancelsOnlyAfterCertificateSealsAndVouchersAreCollected() {
        ProcessInstance instance = accepted();
        complete(task(instance), withVariables("decision", "approve"));
        complete(task("Task_ChiefDecision", instance), withVariables("decision", "approve"));

        assertThat(instance).isWaitingAt("Task_CollectCertificateAndSeals");
        assertThat(delegateCalls).doesNotContain("cancelOrganisationDelegate");
        complete(task(instance), withVariables("certificateCollected", true, "sealsCollected", true,
                "vouchersCollected", true));

        assertThat(instance).isEnded().hasPassed("Task_CancelRegistration", "EndEvent_Cancelled");
        assertThat(delegateCalls).endsWith("cancelOrganisationDelegate");
        assertThat(caseStatus().calls()).containsExactly("accepted", "enter DECIDED", "finish DECIDED CANCELLED");
    }

    @Test
    void theChiefMayRefuseTheCancellationInWriting() {
        ProcessInstance instance = accepted();
        complete(task(instance), withVariables("decision", "refuse", "refusalGround", "OTHER_STATUTORY"));
        complete(task(instance), withVariables("decision", "refuse", "refusalGround", "OTHER_STATUTORY"));

        assertThat(instance).isEnded().hasPassed("EndEvent_Refused").hasNotPassed("Task_CollectCertificateAndSeals");
        assertThat(caseStatus().calls()).containsExactly("accepted", "enter DECIDED", "finish DECIDED REFUSED");
    }
}
