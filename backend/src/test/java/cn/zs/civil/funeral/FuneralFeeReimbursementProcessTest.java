package cn.zs.civil.funeral;

import static cn.zs.civil.funeral.FuneralProcess.*;
import static cn.zs.civil.support.ProcessSteps.at;
import static cn.zs.civil.support.ProcessSteps.correlate;
import static cn.zs.civil.support.ProcessSteps.daysAfter;
import static cn.zs.civil.support.ProcessSteps.fire;
import static cn.zs.civil.support.ProcessSteps.fireWhenDue;
import static cn.zs.civil.support.ProcessSteps.mapVariable;
import static cn.zs.civil.support.ProcessSteps.timer;
import static cn.zs.civil.support.ProcessSteps.timers;
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
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import cn.zs.civil.support.FakeStatutoryClock;
import cn.zs.civil.support.ProcessTestKit;

/**
 * Path B: a city resident cremated elsewhere applies for reimbursement; acceptance with the one-time correction
 * notice and deemed acceptance after 5 working days, eligibility, human review, one waiver per deceased, payment.
 */
@Deployment(resources = {
        "processes/funeral/funeral-fee-reimbursement.bpmn",
        "processes/funeral/funeral-eligibility.dmn",
        "processes/funeral/funeral-item-standards.dmn",
        "processes/funeral/funeral-total-cap.dmn",
        "forms/funeral/funeral-reimbursement-apply.form",
        "forms/funeral/funeral-reimbursement-accept.form",
        "forms/funeral/funeral-reimbursement-review.form" })
class FuneralFeeReimbursementProcessTest {

    private static final String CASE_NO = "ZS-FR-2026-000042";
    private static final int STATUTORY_LIMIT_DAYS = 20;
    private static final int CORRECTION_PERIOD_DAYS = 30;
    private static final Date RECEIVED_AT = at("2026-05-06T09:30:00+08:00");

    @RegisterExtension
    static final ProcessTestKit KIT = ProcessTestKit.engine("funeral-fee-reimbursement-test").startingAt(RECEIVED_AT);

    private final Map<String, Object> registryFindings = new HashMap<>();
    private final List<String> registryChecks = new ArrayList<>();
    private final List<String> recordedWaivers = new ArrayList<>();
    private final List<String> payments = new ArrayList<>();
    private boolean waivedBeforeInCity;
    private int paymentFailuresToSimulate;

    @BeforeEach
    void registerFakes() {
        registryFindings.putAll(residentCrematedElsewhereNotWaivedThere());
        Mocks.register("checkFuneralRegistriesDelegate", (JavaDelegate) execution -> {
            registryChecks.add(execution.getCurrentActivityId());
            execution.setVariables(registryFindings);
        });
        Mocks.register("computeWaiverDelegate", (JavaDelegate) execution -> {
            execution.setVariable(VAR_CHARGED_AMOUNT, 2380.0);
            execution.setVariable(VAR_WAIVER_AMOUNT, 1540.0);
            execution.setVariable(VAR_WAIVER_LINES, "[]");
            execution.setVariable(VAR_RULE_VERSIONS, "funeral-item-standards:1,funeral-total-cap:1");
        });
        Mocks.register("recordWaiverDelegate", (JavaDelegate) execution -> {
            if (waivedBeforeInCity) {
                execution.setVariable(VAR_REASON_CODE, ERROR_ALREADY_WAIVED);
                throw new BpmnError(ERROR_ALREADY_WAIVED, "A waiver was already granted under ZS-FW-2026-000007");
            }
            recordedWaivers.add(execution.getProcessBusinessKey());
        });
        Mocks.register("payReimbursementDelegate", (JavaDelegate) execution -> {
            if (paymentFailuresToSimulate > 0) {
                paymentFailuresToSimulate--;
                throw new IllegalStateException("treasury interface unavailable");
            }
            payments.add(execution.getProcessBusinessKey());
        });
    }

    @Test
    void paysTheReimbursementWhenAcceptedEligibleNotWaivedElsewhereAndApproved() {
        ProcessInstance instance = submit();
        assertThat(instance).isWaitingAt("Task_CheckRegistries");
        execute(job(instance));

        assertThat(instance).isWaitingAt("Task_AcceptApplication");
        assertThat(task(instance)).hasCandidateGroup("funeral-review").hasDueDate(workingDaysAfterReceipt(5));
        complete(task(instance), withVariables("decision", "accept"));

        assertThat(instance).isWaitingAt("Task_ReviewReimbursement");
        assertThat(task(instance)).hasCandidateGroup("funeral-review")
                .hasDueDate(daysAfter(RECEIVED_AT, STATUTORY_LIMIT_DAYS));
        complete(task(instance), withVariables("invoiceChecked", true, "decision", "approve"));

        // Recorded in the approval's transaction; the payment is a job of its own.
        assertThat(recordedWaivers).containsExactly(CASE_NO);
        assertThat(payments).isEmpty();
        assertThat(instance).isWaitingAt("Task_PayReimbursement");
        execute(job(instance));

        assertThat(instance).isEnded().hasPassed("Event_Accepted", "Task_DecideEligibility", "Task_ComputeWaiver",
                "Task_RecordWaiver", "EndEvent_Paid").hasNotPassed("Event_DeemedAccepted");
        assertThat(payments).containsExactly(CASE_NO);
        assertThat(caseStatus().calls()).containsExactly("accepted", "enter DECIDED", "finish DECIDED PAID");
        assertThat(mapVariable(instance, VAR_ELIGIBILITY)).containsEntry("eligible", true).containsEntry("reasonCode", "HUKOU_RESIDENT");
    }

    @Test
    void retriesAFailedPaymentWithoutUndoingTheDecision() {
        paymentFailuresToSimulate = 1;
        ProcessInstance instance = approvedAndRecorded();

        Job payment = job(instance);
        assertThatThrownBy(() -> managementService().executeJob(payment.getId()))
                .hasMessageContaining("treasury interface unavailable");

        Job retried = job(instance);
        assertThat(retried.getRetries()).isEqualTo(4);
        assertThat(retried.getDuedate()).isEqualTo(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofMinutes(10)));
        assertThat(instance).isWaitingAt("Task_PayReimbursement");
        fire(retried);

        assertThat(instance).isEnded().hasPassed("EndEvent_Paid");
        assertThat(recordedWaivers).containsExactly(CASE_NO);
        assertThat(payments).containsExactly(CASE_NO);
    }

    @Test
    void refusesTheReimbursementWhenTheReviewerRejects() {
        ProcessInstance instance = accepted();

        complete(task(instance), withVariables("invoiceChecked", false, "decision", "reject"));

        assertThat(instance).isEnded().hasPassed("EndEvent_Rejected").hasNotPassed("Task_RecordWaiver");
        assertThat(recordedWaivers).isEmpty();
        assertThat(caseStatus().calls()).containsExactly("accepted", "finish DECIDED REJECTED");
    }

    @Test
    void refusesANonResidentWhoDiedInTheCityButWasCrematedElsewhere() {
        registryFindings.put(VAR_HUKOU_LOCAL, false);
        registryFindings.put(VAR_DIED_LOCALLY, true);
        ProcessInstance instance = submitAndCheck();

        complete(task(instance), withVariables("decision", "accept"));

        assertThat(instance).isEnded().hasPassed("EndEvent_NotEligible").hasNotPassed("Task_ComputeWaiver");
        assertThat(caseStatus().calls()).containsExactly("accepted", "finish DECIDED NOT_ELIGIBLE");
        assertThat(mapVariable(instance, VAR_ELIGIBILITY)).containsEntry("eligible", false).containsEntry("reasonCode", "NOT_COVERED");
    }

    @Test
    void refusesTheReimbursementWhenTheFeesWereAlreadyWaivedWhereTheCremationTookPlace() {
        registryFindings.put(VAR_WAIVED_ELSEWHERE, true);
        ProcessInstance instance = submitAndCheck();

        complete(task(instance), withVariables("decision", "accept"));

        assertThat(instance).isEnded().hasPassed("EndEvent_AlreadyWaived")
                .hasNotPassed("Task_ComputeWaiver", "Task_ReviewReimbursement");
        assertThat(caseStatus().calls()).containsExactly("accepted", "finish DECIDED ALREADY_WAIVED");
    }

    @Test
    void refusesTheReimbursementWhenAWaiverForTheDeceasedWasAlreadyRecordedInTheCity() {
        waivedBeforeInCity = true;
        ProcessInstance instance = accepted();

        complete(task(instance), withVariables("invoiceChecked", true, "decision", "approve"));

        assertThat(instance).isEnded().hasPassed("BoundaryEvent_AlreadyWaivedInCity", "EndEvent_AlreadyWaived")
                .hasNotPassed("Task_PayReimbursement");
        assertThat(payments).isEmpty();
        assertThat(variable(instance, VAR_REASON_CODE)).isEqualTo(ERROR_ALREADY_WAIVED);
        assertThat(caseStatus().calls()).containsExactly("accepted", "enter DECIDED", "finish DECIDED ALREADY_WAIVED");
    }

    @Test
    void closesTheCaseWhenTheClerkRefusesToAccept() {
        ProcessInstance instance = submitAndCheck();

        complete(task(instance), withVariables("decision", "notAccepted", "reasons", "不属于本市受理范围"));

        assertThat(instance).isEnded().hasPassed("EndEvent_NotAccepted").hasNotPassed("Task_DecideEligibility");
        assertThat(caseStatus().calls()).containsExactly("finish CLOSED NOT_ACCEPTED");
    }

    @Test
    void deemsApplicationAcceptedWhenNoCorrectionNoticeWithinFiveWorkingDays() {
        ProcessInstance instance = submitAndCheck();
        Job window = timer(instance, "BoundaryEvent_CorrectionWindowExpired");
        assertThat(window.getDuedate()).isEqualTo(workingDaysAfterReceipt(5));

        fireWhenDue(instance, window);

        assertThat(instance).hasPassed("Event_DeemedAccepted").hasNotPassed("Event_Accepted")
                .isWaitingAt("Task_ReviewReimbursement");
        assertThat(caseStatus().calls()).containsExactly("accepted deemed");
        // Deemed accepted on the day the materials were received, so the review deadline counts from then.
        assertThat(task(instance)).hasDueDate(daysAfter(RECEIVED_AT, STATUTORY_LIMIT_DAYS));
    }

    @Test
    void acceptsOnceTheCorrectionsAreSuppliedAndRechecked() {
        ProcessInstance instance = correctionNoticeIssued();

        correlate("CorrectionsSupplied", CASE_NO, "cremationCertificateNo", "HZ-2026-118");

        assertThat(instance).hasPassed("Event_CorrectionsSupplied").isWaitingAt("Task_RecheckRegistries");
        execute(job(instance));
        assertThat(registryChecks).containsExactly("Task_CheckRegistries", "Task_RecheckRegistries");
        assertThat(instance).isWaitingAt("Task_ReviewReimbursement");
        assertThat(timers(instance)).isZero();
        complete(task(instance), withVariables("invoiceChecked", true, "decision", "approve"));
        execute(job(instance));

        assertThat(instance).isEnded().hasPassed("EndEvent_Paid").hasNotPassed("Event_Accepted");
        assertThat(caseStatus().calls()).containsExactly("enter WAITING_FOR_CORRECTIONS", "accepted", "enter DECIDED",
                "finish DECIDED PAID");
    }

    @Test
    void endsTheApplicationWhenTheCorrectionPeriodExpiresWithoutCorrections() {
        ProcessInstance instance = correctionNoticeIssued();
        Job period = timer(instance, "Event_CorrectionPeriodExpired");
        assertThat(period.getDuedate()).isEqualTo(daysAfter(RECEIVED_AT, CORRECTION_PERIOD_DAYS));

        fireWhenDue(instance, period);

        assertThat(instance).isEnded().hasPassed("EndEvent_Lapsed").hasNotPassed("Task_RecheckRegistries");
        assertThat(caseStatus().calls()).containsExactly("enter WAITING_FOR_CORRECTIONS", "finish CLOSED LAPSED");
    }

    @Test
    void endsTheCaseAsWithdrawnWhenTheApplicantWithdrawsWhileCorrectionsAreAwaited() {
        ProcessInstance instance = correctionNoticeIssued();

        correlate("ApplicationWithdrawn", CASE_NO, "withdrawnBy", "applicant-7");

        assertThat(instance).isEnded().hasPassed("StartEvent_Withdrawn", "EndEvent_Withdrawn")
                .hasNotPassed("EndEvent_Lapsed");
        assertThat(timers(instance)).isZero();
        assertThat(caseStatus().calls()).containsExactly("enter WAITING_FOR_CORRECTIONS", "finish WITHDRAWN WITHDRAWN");
    }

    @Test
    void endsTheCaseAsWithdrawnWhenTheApplicantWithdrawsDuringReview() {
        ProcessInstance instance = accepted();

        correlate("ApplicationWithdrawn", CASE_NO);

        assertThat(instance).isEnded().hasPassed("EndEvent_Withdrawn").hasNotPassed("Task_RecordWaiver");
        assertThat(caseStatus().calls()).containsExactly("accepted", "finish WITHDRAWN WITHDRAWN");
    }

    private ProcessInstance submit() {
        return runtimeService().startProcessInstanceByKey(REIMBURSEMENT_KEY, CASE_NO, Map.of(
                "applicationNo", CASE_NO,
                "receivedAt", RECEIVED_AT,
                "statutoryLimitDays", STATUTORY_LIMIT_DAYS,
                "correctionPeriod", "P" + CORRECTION_PERIOD_DAYS + "D",
                VAR_WAIVED_ELSEWHERE_DECLARED, "no"));
    }

    private ProcessInstance submitAndCheck() {
        ProcessInstance instance = submit();
        execute(job(instance));
        assertThat(instance).isWaitingAt("Task_AcceptApplication");
        return instance;
    }

    private ProcessInstance accepted() {
        ProcessInstance instance = submitAndCheck();
        complete(task(instance), withVariables("decision", "accept"));
        assertThat(instance).isWaitingAt("Task_ReviewReimbursement");
        return instance;
    }

    private ProcessInstance approvedAndRecorded() {
        ProcessInstance instance = accepted();
        complete(task(instance), withVariables("invoiceChecked", true, "decision", "approve"));
        assertThat(instance).isWaitingAt("Task_PayReimbursement");
        return instance;
    }

    private ProcessInstance correctionNoticeIssued() {
        ProcessInstance instance = submitAndCheck();
        // The worklist's "one-time correction notice" action completes the acceptance task this way.
        complete(task(instance), withVariables("decision", "corrections"));
        assertThat(instance).hasPassed("Event_CorrectionNoticeIssued").isWaitingAt("Gateway_AwaitCorrections");
        assertThat(timers(instance)).as("the deemed-acceptance timer ends with the notice").isEqualTo(1);
        return instance;
    }

    private static Map<String, Object> residentCrematedElsewhereNotWaivedThere() {
        return Map.of(
                VAR_IDENTITY_VERIFIED, true,
                VAR_DEATH_VERIFIED, true,
                VAR_HUKOU_LOCAL, true,
                VAR_DIED_LOCALLY, false,
                VAR_SPECIAL_GROUP, "NONE",
                VAR_CREMATED_LOCALLY, false,
                VAR_CREMATION_VERIFIED, true,
                VAR_WAIVED_ELSEWHERE, false,
                VAR_CHECKS_PASSED, true);
    }

    private static Date workingDaysAfterReceipt(int days) {
        return new FakeStatutoryClock().workingDaysAfter(RECEIVED_AT, days);
    }
}
