package cn.zs.civil.rating;

import static cn.zs.civil.rating.RatingProcess.*;
import static cn.zs.civil.support.ProcessSteps.at;
import static cn.zs.civil.support.ProcessSteps.correlate;
import static cn.zs.civil.support.ProcessSteps.daysAfter;
import static cn.zs.civil.support.ProcessSteps.fireWhenDue;
import static cn.zs.civil.support.ProcessSteps.timer;
import static cn.zs.civil.support.ProcessSteps.timers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import cn.zs.civil.support.ProcessTestKit;

/**
 * 好差评: the rating after a case's result, the 7-day default 基本满意, and the bad-rating work order (call back and
 * verify, rectify or explain, feedback, optional re-review by the director).
 */
@Deployment(resources = {
        "processes/rating/service-rating.bpmn",
        "forms/rating/rating-call-back.form",
        "forms/rating/rating-rectify.form",
        "forms/rating/rating-feedback.form",
        "forms/rating/rating-re-review.form" })
class ServiceRatingProcessTest {

    private static final String CASE_NO = "BZB-20260506-0042";
    private static final Date DECIDED_AT = at("2026-05-06T10:00:00+08:00");
    private static final Date WINDOW_ENDS_AT = daysAfter(DECIDED_AT, 7);
    private static final Date WORK_ORDER_DUE = daysAfter(DECIDED_AT, 9);

    @RegisterExtension
    static final ProcessTestKit KIT = ProcessTestKit.engine("service-rating-test").startingAt(DECIDED_AT);

    private final List<String> records = new ArrayList<>();

    @BeforeEach
    void registerFakes() {
        Mocks.register("recordDefaultRatingDelegate", (JavaDelegate) execution -> {
            records.add("default " + execution.getProcessBusinessKey());
            execution.setVariable(VAR_RATING_LEVEL, 3);
            execution.setVariable(VAR_BAD_RATING, false);
        });
        Mocks.register("openWorkOrderDelegate", (JavaDelegate) execution -> {
            records.add("work order opened");
            // as RatingService.openWorkOrder: the due date, the groups, the case's service and district
            execution.setVariables(Map.of(VAR_WORK_ORDER_DUE_AT, WORK_ORDER_DUE, VAR_WORK_ORDER_GROUP, "section-chief",
                    VAR_RE_REVIEW_GROUP, "director", VAR_SERVICE_CODE, "funeral-fee-reimbursement",
                    VAR_DISTRICT, "shiqi"));
        });
        Mocks.register("recordRatingFeedbackDelegate", (TaskListener) task -> records.add("feedback "
                + task.getVariable(VAR_FEEDBACK) + " by " + task.getAssignee() + " re-review "
                + task.getVariable(VAR_RE_REVIEW)));
        Mocks.register("recordReReviewDelegate", (TaskListener) task -> records.add("re-review "
                + task.getVariable(VAR_REVIEW_OUTCOME) + " by " + task.getAssignee()));
    }

    @Test
    void endsWithoutWorkOrderWhenTheApplicantIsSatisfied() {
        ProcessInstance instance = requested();

        rate(5);

        assertThat(instance).isEnded().hasPassed("Event_ServiceRated", "EndEvent_Rated")
                .hasNotPassed("Task_RecordDefaultRating", "SubProcess_BadRatingWorkOrder");
        assertThat(timers(instance)).as("the rating cancels the default's timer").isZero();
        assertThat(records).isEmpty();
    }

    @Test
    void recordsBasicallySatisfiedWhenNobodyRatesWithinSevenDays() {
        ProcessInstance instance = requested();
        Job window = timer(instance, "Event_RatingWindowEnded");
        assertThat(window.getDuedate()).isEqualTo(WINDOW_ENDS_AT);

        fireWhenDue(instance, window);

        assertThat(instance).isEnded().hasPassed("Task_RecordDefaultRating", "EndEvent_DefaultRatingRecorded")
                .hasNotPassed("Event_ServiceRated");
        assertThat(records).containsExactly("default " + CASE_NO);
    }

    @Test
    void aBadRatingGoesThroughCallBackRectificationAndFeedbackToTheSectionChief() {
        ProcessInstance instance = requested();

        rate(2);

        assertThat(instance).hasPassed("Task_OpenWorkOrder").isWaitingAt("Task_CallBackAndVerify");
        assertThat(task(instance)).hasCandidateGroup("section-chief").hasDueDate(WORK_ORDER_DUE);
        complete(task(instance), withVariables("callBack", "reached", "finding", "founded"));

        assertThat(instance).isWaitingAt("Task_RectifyOrExplain");
        assertThat(task(instance)).hasCandidateGroup("section-chief").hasDueDate(WORK_ORDER_DUE);
        complete(task(instance), withVariables("measure", "rectified"));

        assertThat(instance).isWaitingAt("Task_GiveFeedback");
        assertThat(task(instance)).hasCandidateGroup("section-chief").hasDueDate(WORK_ORDER_DUE);
        taskService().claim(task(instance).getId(), "chief");
        taskService().complete(task(instance).getId(), Variables.createVariables()
                .putValueTyped(VAR_FEEDBACK, Variables.stringValue("已整改，窗口增设引导员", true))
                .putValue(VAR_RE_REVIEW, "none"));

        assertThat(instance).isEnded().hasPassed("Gateway_WorkOrderDone", "EndEvent_WorkOrderClosed",
                "EndEvent_WorkOrderDone").hasNotPassed("Task_DecideReReview");
        assertThat(records).containsExactly("work order opened",
                "feedback 已整改，窗口增设引导员 by chief re-review none");
        assertThat(historyService().createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
                .variableName(VAR_FEEDBACK).count()).as("the feedback text never reaches the engine's history")
                .isZero();
    }

    @Test
    void theDirectorDecidesAReReviewTheUnitAskedFor() {
        ProcessInstance instance = requested();
        rate(1);
        complete(task(instance), withVariables("callBack", "reached", "finding", "unfounded"));
        complete(task(instance), withVariables("measure", "explained"));
        taskService().claim(task(instance).getId(), "chief");
        taskService().complete(task(instance).getId(), Variables.createVariables()
                .putValueTyped(VAR_FEEDBACK, Variables.stringValue("经核实，办理符合规定", true))
                .putValue(VAR_RE_REVIEW, "request"));

        assertThat(instance).isWaitingAt("Task_DecideReReview");
        assertThat(task(instance)).hasCandidateGroup("director");
        taskService().claim(task(instance).getId(), "director");
        taskService().complete(task(instance).getId(), Map.of(VAR_REVIEW_OUTCOME, "ANNULLED"));

        assertThat(instance).isEnded().hasPassed("Task_DecideReReview", "EndEvent_WorkOrderDone");
        assertThat(records).containsExactly("work order opened", "feedback 经核实，办理符合规定 by chief re-review request",
                "re-review ANNULLED by director");
    }

    private ProcessInstance requested() {
        // as RatingService.caseEnded: the window's end only
        ProcessInstance instance = runtimeService().startProcessInstanceByMessage(MESSAGE_RATE_REQUEST, CASE_NO,
                Map.of(VAR_RATING_WINDOW_ENDS_AT, WINDOW_ENDS_AT));
        assertThat(instance).isWaitingAt("Gateway_AwaitRating");
        return instance;
    }

    private void rate(int level) {
        correlate(MESSAGE_SERVICE_RATED, CASE_NO, VAR_RATING_LEVEL, level, VAR_BAD_RATING, level <= 2);
    }
}
