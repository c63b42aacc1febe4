package cn.zs.civil.placename;

import static cn.zs.civil.placename.PlacenameProcess.*;
import static cn.zs.civil.support.ProcessSteps.at;
import static cn.zs.civil.support.ProcessSteps.correlate;
import static cn.zs.civil.support.ProcessSteps.daysAfter;
import static cn.zs.civil.support.ProcessSteps.fire;
import static cn.zs.civil.support.ProcessSteps.fireWhenDue;
import static cn.zs.civil.support.ProcessSteps.mapVariable;
import static cn.zs.civil.support.ProcessSteps.moveClock;
import static cn.zs.civil.support.ProcessSteps.timer;
import static cn.zs.civil.support.ProcessSteps.variable;
import static cn.zs.civil.support.ProcessTestKit.caseStatus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
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

import cn.zs.civil.clock.StatutoryClock;
import cn.zs.civil.support.BundledClock;
import cn.zs.civil.support.ProcessTestKit;

/**
 * Every path of the place-name approval: the naming-rule check before anyone reviews, acceptance with the one-time
 * correction notice or deemed acceptance, evaluation, expert argumentation and consultation with the clock paused,
 * the hearing, the approver by DMN, the decision, and filing and announcement with escalation when late.
 */
@Deployment(resources = {
        "processes/placename/placename-approval.bpmn",
        "processes/placename/placename-approval-authority.dmn",
        "forms/placename/placename-apply.form",
        "forms/placename/placename-accept.form",
        "forms/placename/placename-name-findings.form",
        "forms/placename/placename-evaluate.form",
        "forms/placename/placename-expert-review.form",
        "forms/placename/placename-consultation.form",
        "forms/placename/placename-hearing.form",
        "forms/placename/placename-chief-review.form",
        "forms/placename/placename-director-decision.form",
        "forms/placename/placename-record-decision.form",
        "forms/placename/placename-filing.form",
        "forms/placename/placename-announcement.form" })
class PlacenameApprovalProcessTest {

    private static final String CASE_NO = "DM-20260506-0001";
    private static final Date RECEIVED_AT = at("2026-05-06T09:30:00+08:00");
    private static final int CONSULTATION_DAYS = 10;
    private static final int FILING_DAYS = 15;
    private static final int ANNOUNCEMENT_DAYS = 15;

    @RegisterExtension
    static final ProcessTestKit KIT = ProcessTestKit.engine("placename-approval-test").startingAt(RECEIVED_AT);

    private final RecordingPlacenameSteps steps = new RecordingPlacenameSteps();
    private final List<String> checks = new ArrayList<>();
    private final List<String> escalated = new ArrayList<>();
    private final List<String> drafted = new ArrayList<>();
    private final List<String> entered = new ArrayList<>();
    private String findings = "";

    @BeforeEach
    void registerFakes() {
        Mocks.register("placenameSteps", steps);
        Mocks.register("checkPlaceNameDelegate", (JavaDelegate) execution -> {
            checks.add(execution.getCurrentActivityId());
            execution.setVariable(VAR_NAME_CHECK_PASSED, findings.isEmpty());
            execution.setVariable(VAR_NAME_FINDINGS, findings);
            execution.setVariable(VAR_CONSULTATION_PERIOD, "P" + CONSULTATION_DAYS + "D");
            execution.setVariable(VAR_FILING_LIMIT_DAYS, FILING_DAYS);
            execution.setVariable(VAR_ANNOUNCEMENT_LIMIT_DAYS, ANNOUNCEMENT_DAYS);
        });
        Mocks.register("escalateOverdueStepDelegate", (JavaDelegate) execution -> escalated.add(
                execution.getVariableLocal(VAR_OVERDUE_STEP) + " due " + execution.getVariableLocal("overdueDue")));
        Mocks.register("draftAnnouncementDelegate", (JavaDelegate) execution -> drafted.add(
                ((Map<?, ?>) execution.getVariable(VAR_AUTHORITY)).get("approverName") + " "
                        + execution.getVariable(VAR_DECISION_DOCUMENT_NO)));
        Mocks.register("enterPlaceNameDelegate", (JavaDelegate) execution -> entered.add(
                execution.getProcessBusinessKey()));
    }

    @Test
    void approvesAStreetNameThroughTheCityGovernmentThenFilesAnnouncesAndEntersTheRegister() {
        ProcessInstance instance = acceptedAndEvaluated("STREET_ROAD_LANE");
        ProcessInstance consulted = throughExpertReviewAndConsultation(instance, "no");

        assertThat(consulted).isWaitingAt("Task_ChiefReview");
        assertThat(task(consulted)).hasCandidateGroup("section-chief");
        assertThat(authority(consulted)).containsEntry("approver", "CITY_GOVERNMENT")
                .containsEntry("announcementFrom", "APPROVAL");
        complete(task(consulted), withVariables("chiefOpinion", "support"));

        assertThat(consulted).isWaitingAt("Task_RecordApproverDecision");
        assertThat(task(consulted)).hasCandidateGroup("placename-review");
        complete(task(consulted), withVariables(VAR_DECISION, "approve", VAR_DECISION_DOCUMENT_NO, "中府函〔2026〕88号"));

        Date approvedAt = ClockUtil.getCurrentTime();
        assertThat(consulted).isWaitingAt("Task_FileWithHigherAuthority");
        assertThat(task(consulted)).hasDueDate(daysAfter(approvedAt, FILING_DAYS));
        complete(task(consulted));
        assertThat(consulted).isWaitingAt("Task_PublishAnnouncement");
        assertThat(task(consulted)).hasDueDate(daysAfter(approvedAt, ANNOUNCEMENT_DAYS));
        assertThat(drafted).containsExactly("中山市人民政府 中府函〔2026〕88号");
        complete(task(consulted));

        assertThat(consulted).isEnded().hasPassed("Event_Approved", "Task_EnterGazetteer", "EndEvent_Approved")
                .hasNotPassed("Task_HoldHearing", "Task_DirectorDecision", "Task_ReviewNameFindings",
                        "Task_EscalateLateFiling", "Task_EscalateLateAnnouncement");
        assertThat(entered).containsExactly(CASE_NO);
        assertThat(escalated).isEmpty();
        assertThat(steps.calls()).containsExactly("approved", "filed", "published");
        assertThat(caseStatus().calls()).containsExactly("accepted", "pause EXPERT_REVIEW", "resume",
                "pause CONSULTATION", "resume", "enter DECIDED", "finish DECIDED APPROVED");
    }

    @Test
    void flagsADuplicateNameBeforeAnyoneReviewsItAndEndsWhenTheReviewerRejects() {
        findings = "DUPLICATE,SAME_SPECIFIC_PART";
        ProcessInstance instance = submitAndCheck();

        // The check ran before the acceptance task existed: the clerk already sees the findings.
        assertThat(checks).containsExactly("Task_CheckNamingRules");
        assertThat(taskService().getVariable(task(instance).getId(), VAR_NAME_FINDINGS)).isEqualTo(findings);
        complete(task(instance), withVariables(VAR_DECISION, "accept"));

        assertThat(instance).isWaitingAt("Task_ReviewNameFindings");
        complete(task(instance), withVariables(VAR_DECISION, "reject", "reasons", "与兴中道重名"));

        assertThat(instance).isEnded().hasPassed("EndEvent_NameRejected").hasNotPassed("Task_Evaluate");
        assertThat(caseStatus().calls()).containsExactly("accepted", "finish DECIDED NAME_REJECTED");
    }

    @Test
    void continuesTheReviewWhenTheReviewerClearsAHomophoneFinding() {
        findings = "HOMOPHONE";
        ProcessInstance instance = submitAndCheck();
        complete(task(instance), withVariables(VAR_DECISION, "accept"));
        assertThat(instance).isWaitingAt("Task_ReviewNameFindings");

        complete(task(instance), withVariables(VAR_DECISION, "proceed", "reasons", "读音不同地段，不致混淆"));

        assertThat(instance).hasPassed("Gateway_NameCleared").isWaitingAt("Task_Evaluate");
    }

    @Test
    void civilAffairsApprovesASquareThroughTheDirectorAndRefuses() {
        ProcessInstance instance = throughExpertReviewAndConsultation(acceptedAndEvaluated("SQUARE"), "no");
        assertThat(authority(instance)).containsEntry("approver", "CIVIL_AFFAIRS");
        complete(task(instance), withVariables("chiefOpinion", "oppose"));

        assertThat(instance).isWaitingAt("Task_DirectorDecision");
        assertThat(task(instance)).hasCandidateGroup("director");
        complete(task(instance), withVariables(VAR_DECISION, "reject", VAR_DECISION_DOCUMENT_NO, "中民函〔2026〕12号"));

        assertThat(instance).isEnded().hasPassed("EndEvent_Rejected").hasNotPassed("Event_Approved");
        assertThat(steps.calls()).isEmpty();
        assertThat(caseStatus().calls()).endsWith("finish DECIDED REJECTED");
    }

    @Test
    void holdsAHearingWhenOneIsRequestedWithTheClockPaused() {
        ProcessInstance instance = throughExpertReviewAndConsultation(acceptedAndEvaluated("STREET_ROAD_LANE"), "yes");

        assertThat(instance).isWaitingAt("Task_HoldHearing");
        assertThat(caseStatus().calls()).endsWith("pause HEARING");
        complete(task(instance));

        assertThat(instance).hasPassed("Gateway_HearingDone").isWaitingAt("Task_ChiefReview");
        assertThat(caseStatus().calls()).endsWith("pause HEARING", "resume");
    }

    @Test
    void expertReviewAndConsultationAreTimeTheClockDoesNotCount() {
        ProcessInstance instance = acceptedAndEvaluated("STREET_ROAD_LANE");

        assertThat(instance).isWaitingAt("Task_ExpertReview");
        assertThat(caseStatus().calls()).containsExactly("accepted", "pause EXPERT_REVIEW");
        complete(task(instance));
        assertThat(caseStatus().calls()).containsExactly("accepted", "pause EXPERT_REVIEW", "resume", "pause CONSULTATION");

        Job consultation = timer(instance, "Event_ConsultationPeriodEnded");
        assertThat(consultation.getDuedate()).isEqualTo(daysAfter(ClockUtil.getCurrentTime(), CONSULTATION_DAYS));
        fireWhenDue(instance, consultation);

        // Paused from the expert review until the consultation period ended; review work counts again afterwards.
        assertThat(caseStatus().calls()).containsExactly("accepted", "pause EXPERT_REVIEW", "resume",
                "pause CONSULTATION", "resume");
        assertThat(instance).isWaitingAt("Task_SummariseConsultation");
    }

    /**
     * The walkthrough's deadline step from every day of 2026 as the day of approval, on the real statutory clock and
     * the bundled holiday schedules: the filing task's due date (what the platform reports) is the 15th day after the
     * approval or, when that is a rest day, the first working day after it (Civil Code Art. 203 read with the
     * schedules); on that day the case is not late, on the next day it is escalated. The clock is moved, not waited.
     */
    @Test
    void theFilingDeadlineTheTaskReportsHoldsFromEveryDayOfTheYear() {
        BundledClock real = BundledClock.create();
        Mocks.register("clock", real.clock());
        List<String> failures = new ArrayList<>();
        for (LocalDate day = LocalDate.of(2026, 1, 1); day.getYear() == 2026; day = day.plusDays(1)) {
            escalated.clear();
            ClockUtil.setCurrentTime(at(day, 10));
            ProcessInstance instance = runtimeService().createProcessInstanceByKey("placename-approval")
                    .businessKey("DM-" + day).startBeforeActivity("Event_Approved")
                    .setVariables(Map.of(VAR_FILING_LIMIT_DAYS, FILING_DAYS,
                            VAR_ANNOUNCEMENT_LIMIT_DAYS, ANNOUNCEMENT_DAYS))
                    .execute();
            LocalDate due = task(instance).getDueDate().toInstant().atZone(StatutoryClock.ZONE).toLocalDate();
            LocalDate law = real.lastDayOfPeriod(day, FILING_DAYS);
            if (!due.equals(law)) {
                failures.add(day + ": the task is due " + due + ", the law says " + law);
            }
            ClockUtil.setCurrentTime(at(due, 23));
            if (overdueTimerDue(instance)) {
                failures.add(day + ": escalated on the last day of the period " + due);
            }
            ClockUtil.setCurrentTime(at(due.plusDays(1), 9));
            if (!overdueTimerDue(instance)) {
                failures.add(day + ": not escalated on the day after the period " + due);
            } else {
                execute(timer(instance, "BoundaryEvent_FilingOverdue"));
                if (escalated.size() != 1 || !escalated.get(0).startsWith("FILING")) {
                    failures.add(day + ": escalation " + escalated);
                }
            }
            runtimeService().deleteProcessInstance(instance.getId(), "property test");
        }
        assertThat(failures).isEmpty();
    }

    /** The late-filing escalation is due now (the reminder before it is another timer, not counted here). */
    private static boolean overdueTimerDue(ProcessInstance instance) {
        return managementService().createJobQuery().processInstanceId(instance.getId()).timers()
                .activityId("BoundaryEvent_FilingOverdue").executable().count() == 1;
    }

    @Test
    void escalatesALateFilingAndALateAnnouncementWithoutStoppingThem() {
        ProcessInstance instance = approved("STREET_ROAD_LANE");
        Date approvedAt = ClockUtil.getCurrentTime();

        // Art. 35: a reminder some days before the period ends, then the escalation at its end.
        Job reminder = timer(instance, "BoundaryEvent_FilingDueSoon");
        assertThat(reminder.getDuedate()).isEqualTo(daysAfter(approvedAt,
                FILING_DAYS - RecordingPlacenameSteps.REMINDER_DAYS));
        fireWhenDue(instance, reminder);
        assertThat(steps.calls()).containsExactly("approved", "remind FILING");
        assertThat(escalated).isEmpty();
        assertThat(instance).hasPassed("EndEvent_FilingReminded").isWaitingAt("Task_FileWithHigherAuthority");

        Job filing = timer(instance, "BoundaryEvent_FilingOverdue");
        assertThat(filing.getDuedate()).isEqualTo(daysAfter(approvedAt, FILING_DAYS));
        fireWhenDue(instance, filing);

        assertThat(escalated).containsExactly("FILING due " + daysAfter(approvedAt, FILING_DAYS));
        assertThat(instance).hasPassed("EndEvent_FilingEscalated").isWaitingAt("Task_FileWithHigherAuthority");
        complete(task(instance));

        // Announcements of government approvals run from the approval, so this one is already late too.
        execute(timer(instance, "BoundaryEvent_AnnouncementDueSoon"));
        assertThat(instance).hasPassed("EndEvent_AnnouncementReminded");
        Job announcement = timer(instance, "BoundaryEvent_AnnouncementOverdue");
        assertThat(announcement.getDuedate()).isEqualTo(daysAfter(approvedAt, ANNOUNCEMENT_DAYS));
        execute(announcement);
        assertThat(escalated).containsExactly("FILING due " + daysAfter(approvedAt, FILING_DAYS),
                "ANNOUNCEMENT due " + daysAfter(approvedAt, ANNOUNCEMENT_DAYS));
        assertThat(instance).hasPassed("EndEvent_AnnouncementEscalated").isWaitingAt("Task_PublishAnnouncement");
        complete(task(instance));

        assertThat(instance).isEnded().hasPassed("EndEvent_Approved");
        assertThat(entered).containsExactly(CASE_NO);
    }

    @Test
    void housingDepartmentApprovalIsAnnouncedWithinFifteenDaysOfFiling() {
        ProcessInstance instance = approved("RESIDENTIAL_BUILDING");
        assertThat(authority(instance)).containsEntry("approver", "HOUSING_DEPARTMENT")
                .containsEntry("consultCivilAffairs", true).containsEntry("announcementFrom", "FILING");

        moveClock(Duration.ofDays(10));
        Date filedAt = ClockUtil.getCurrentTime();
        complete(task(instance));

        assertThat(instance).isWaitingAt("Task_PublishAnnouncement");
        assertThat(task(instance)).hasDueDate(daysAfter(filedAt, ANNOUNCEMENT_DAYS));
        assertThat(drafted).containsExactly("中山市住房和城乡建设局 中建函〔2026〕5号");
    }

    @Test
    void deemsTheApplicationAcceptedOnTheReceiptDateWhenNoCorrectionNoticeCameWithinFiveWorkingDays() {
        ProcessInstance instance = submitAndCheck();
        Job window = timer(instance, "BoundaryEvent_CorrectionWindowExpired");
        assertThat(window.getDuedate()).isEqualTo(daysAfter(RECEIVED_AT, 5));
        assertThat(task(instance)).hasDueDate(daysAfter(RECEIVED_AT, 5));

        // Day 6: the window is over; the clerk's correction notice comes too late.
        ClockUtil.setCurrentTime(daysAfter(RECEIVED_AT, 6));
        execute(window);

        assertThat(instance).hasPassed("Event_DeemedAccepted").hasNotPassed("Event_Accepted", "Event_CorrectionNoticeIssued")
                .isWaitingAt("Task_Evaluate");
        assertThat(caseStatus().calls()).containsExactly("accepted deemed");
        assertThat(variable(instance, "acceptedAt")).isEqualTo(RECEIVED_AT);
        assertThat(taskService().createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey("Task_AcceptApplication").count()).isZero();
    }

    @Test
    void checksTheNameAgainAfterTheCorrectionsAndAcceptsThen() {
        ProcessInstance instance = correctionNoticeIssued();

        correlate("CorrectionsSupplied", CASE_NO);
        assertThat(instance).isWaitingAt("Task_RecheckNamingRules");
        execute(job(instance));

        assertThat(checks).containsExactly("Task_CheckNamingRules", "Task_RecheckNamingRules");
        assertThat(instance).isWaitingAt("Task_Evaluate");
        assertThat(caseStatus().calls()).containsExactly("enter WAITING_FOR_CORRECTIONS", "accepted");
    }

    @Test
    void lapsesWhenTheCorrectionsDoNotComeInTime() {
        ProcessInstance instance = correctionNoticeIssued();
        Job period = timer(instance, "Event_CorrectionPeriodExpired");
        fire(period);

        assertThat(instance).isEnded().hasPassed("EndEvent_Lapsed");
        assertThat(caseStatus().calls()).containsExactly("enter WAITING_FOR_CORRECTIONS", "finish CLOSED LAPSED");
    }

    @Test
    void closesTheCaseWhenTheClerkRefusesToAccept() {
        ProcessInstance instance = submitAndCheck();
        complete(task(instance), withVariables(VAR_DECISION, "notAccepted", "reasons", "不属于地名命名事项"));

        assertThat(instance).isEnded().hasPassed("EndEvent_NotAccepted");
        assertThat(caseStatus().calls()).containsExactly("finish CLOSED NOT_ACCEPTED");
    }

    @Test
    void endsAsWithdrawnWhenTheApplicantWithdrawsBeforeTheDecision() {
        ProcessInstance instance = acceptedAndEvaluated("STREET_ROAD_LANE");

        correlate("ApplicationWithdrawn", CASE_NO);

        assertThat(instance).isEnded().hasPassed("EndEvent_Withdrawn").hasNotPassed("Event_Approved");
        assertThat(caseStatus().calls()).endsWith("finish WITHDRAWN WITHDRAWN");
    }

    private ProcessInstance submit(String category) {
        return runtimeService().startProcessInstanceByKey(KEY, CASE_NO, Map.of(
                "applicationNo", CASE_NO,
                "receivedAt", RECEIVED_AT,
                "statutoryLimitDays", 20,
                "correctionPeriod", "P30D",
                VAR_APPLICATION_TYPE, TYPE_NAMING,
                VAR_FEATURE_CATEGORY, category));
    }

    private ProcessInstance submitAndCheck() {
        ProcessInstance instance = submit("STREET_ROAD_LANE");
        assertThat(instance).isWaitingAt("Task_CheckNamingRules");
        execute(job(instance));
        assertThat(instance).isWaitingAt("Task_AcceptApplication");
        assertThat(task(instance)).hasCandidateGroup("placename-review");
        return instance;
    }

    private ProcessInstance acceptedAndEvaluated(String category) {
        ProcessInstance instance = submit(category);
        execute(job(instance));
        complete(task(instance), withVariables(VAR_DECISION, "accept"));
        assertThat(instance).hasPassed("Event_Accepted", "Gateway_NameCleared").isWaitingAt("Task_Evaluate");
        complete(task(instance));
        assertThat(instance).isWaitingAt("Task_ExpertReview");
        return instance;
    }

    private ProcessInstance throughExpertReviewAndConsultation(ProcessInstance instance, String hearingRequested) {
        complete(task(instance));
        Job consultation = timer(instance, "Event_ConsultationPeriodEnded");
        fire(consultation);
        assertThat(instance).isWaitingAt("Task_SummariseConsultation");
        complete(task(instance), withVariables(VAR_HEARING_REQUESTED, hearingRequested));
        return instance;
    }

    private ProcessInstance approved(String category) {
        ProcessInstance instance = throughExpertReviewAndConsultation(acceptedAndEvaluated(category), "no");
        complete(task(instance), withVariables("chiefOpinion", "support"));
        String documentNo = "RESIDENTIAL_BUILDING".equals(category) ? "中建函〔2026〕5号" : "中府函〔2026〕88号";
        complete(task(instance), withVariables(VAR_DECISION, "approve", VAR_DECISION_DOCUMENT_NO, documentNo));
        assertThat(instance).isWaitingAt("Task_FileWithHigherAuthority");
        return instance;
    }

    private ProcessInstance correctionNoticeIssued() {
        ProcessInstance instance = submitAndCheck();
        complete(task(instance), withVariables(VAR_DECISION, "corrections"));
        assertThat(instance).hasPassed("Event_CorrectionNoticeIssued").isWaitingAt("Gateway_AwaitCorrections");
        return instance;
    }

    private static Map<String, Object> authority(ProcessInstance instance) {
        return mapVariable(instance, VAR_AUTHORITY);
    }
}
