package cn.zs.civil.marriage;

import static cn.zs.civil.marriage.MarriageProcess.*;
import static cn.zs.civil.support.ProcessSteps.at;
import static cn.zs.civil.support.ProcessSteps.correlate;
import static cn.zs.civil.support.ProcessSteps.executableJobs;
import static cn.zs.civil.support.ProcessSteps.fireWhenDue;
import static cn.zs.civil.support.ProcessSteps.runDueJobs;
import static cn.zs.civil.support.ProcessSteps.timer;
import static cn.zs.civil.support.ProcessSteps.timers;
import static cn.zs.civil.support.ProcessSteps.variable;
import static cn.zs.civil.support.ProcessTestKit.caseStatus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
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
import cn.zs.civil.support.ProcessTestKit;

/**
 * Divorce by agreement (Civil Code Art. 1077): acceptance, the 30-day cooling-off period T1 in which either party
 * alone may withdraw, the next 30 days T2 in which both must appear or the application counts as withdrawn, review,
 * registration and the divorce certificate. T1 and T2 are computed by the real {@code divorcePeriods} bean on the
 * real statutory clock and the bundled 2026 calendar; each day-N scenario moves the engine's clock and runs the jobs
 * that are due, as the job executor would. Day N is the N-th day after the day of acceptance.
 */
@Deployment(resources = {
        "processes/marriage/divorce-registration.bpmn",
        "forms/marriage/divorce-apply.form",
        "forms/marriage/divorce-accept.form",
        "forms/marriage/divorce-review.form",
        "forms/marriage/divorce-issue.form" })
class DivorceRegistrationProcessTest {

    private static final String CASE_NO = "ZS-DR-2026-000023";
    private static final String CERTIFICATE_NO = "L442000-2026-000001";
    private static final String RETRY_INTERVAL = "PT2M";

    // Accepted on Monday 2026-06-01: day 30 is Wednesday 07-01 and day 60 Friday 07-31, both working days, so
    // neither period rolls. Day 29 is 06-30, day 31 is 07-02, day 35 is Monday 07-06.
    private static final Date ACCEPTED_AT = at("2026-06-01T10:00:00+08:00");
    private static final Instant T1_END = instant("2026-07-01T23:59:59+08:00");
    private static final Instant T2_END = instant("2026-07-31T23:59:59+08:00");

    /** No starting instant: each case is applied for at its own (the clock is set by {@link #applied}). */
    @RegisterExtension
    static final ProcessTestKit KIT = ProcessTestKit.engine("divorce-registration-test");

    private final MarriageTestClocks clocks = MarriageTestClocks.bundledCalendar();
    private final List<Date> registryChecks = new ArrayList<>();
    private final List<String> certificatesAssigned = new ArrayList<>();
    private final List<String> reported = new ArrayList<>();
    private int outagesToSimulate;

    @BeforeEach
    void registerFakes() {
        Mocks.register("clock", clocks.clock());
        Mocks.register("divorcePeriods", clocks.divorcePeriods());
        // Sets what CheckMarriageRecordDelegate sets: the facts when the registries answer, else the retry interval.
        Mocks.register("checkMarriageRecordDelegate", (JavaDelegate) execution -> {
            registryChecks.add(ClockUtil.getCurrentTime());
            if (outagesToSimulate > 0) {
                outagesToSimulate--;
                execution.setVariable(VAR_REGISTRY_AVAILABLE, false);
                execution.setVariable(VAR_REGISTRY_RETRY_INTERVAL, RETRY_INTERVAL);
                return;
            }
            execution.setVariables(Map.of(VAR_IDENTITY_VERIFIED, true, VAR_MARRIAGE_RECORD_FOUND, true,
                    VAR_DUPLICATE_CASE, false, VAR_NON_LOCAL, false, VAR_REGISTRY_AVAILABLE, true));
        });
        // As AssignCertificateNumberDelegate: the kind follows the process definition, L for a divorce.
        Mocks.register("assignCertificateNumberDelegate", (JavaDelegate) execution -> {
            String key = execution.getProcessEngineServices().getRepositoryService()
                    .getProcessDefinition(execution.getProcessDefinitionId()).getKey();
            String certificate = (DIVORCE_KEY.equals(key) ? "L" : "J") + "442000-2026-000001";
            certificatesAssigned.add(certificate);
            execution.setVariable(VAR_CERTIFICATE_NO, certificate);
        });
        Mocks.register("reportRegistrationDelegate", (JavaDelegate) execution ->
                reported.add((String) execution.getVariable(VAR_CERTIFICATE_NO)));
    }

    @Test
    void acceptanceStartsThirtyDaysOfCoolingOffAndThirtyMoreForTheCertificate() {
        ProcessInstance instance = accepted(ACCEPTED_AT);

        assertThat(instance).isWaitingAt("Gateway_CoolingOff");
        assertThat(variable(instance, "acceptedAt")).isEqualTo(ACCEPTED_AT);
        assertThat(instantOf(variable(instance, VAR_COOLING_OFF_ENDS_AT))).isEqualTo(T1_END);
        assertThat(instantOf(variable(instance, VAR_CERTIFICATE_WINDOW_ENDS_AT))).isEqualTo(T2_END);
        assertThat(variable(instance, VAR_CALENDAR_VERSION)).isEqualTo(clocks.calendar().version());
        assertThat(timer(instance, "Event_CoolingOffEnded").getDuedate().toInstant()).isEqualTo(T1_END);
        assertThat(caseStatus().calls()).containsExactly("enter RECEIVED", "accepted", "enter COOLING_OFF");
    }

    /**
     * The walkthrough's deadline steps from every day of 2026 as the day of acceptance, on the real statutory clock and
     * the bundled holiday schedules: the periods the case reports are the law's (the 30th day, or the first working
     * day after it when that is a rest day: Civil Code Arts. 1077, 201, 203); on T1's last day the cooling-off period
     * still runs, on the next day it has ended and the couple can appear; T2 likewise. The clock is moved, not waited.
     */
    @Test
    void theReportedPeriodsHoldFromEveryDayOfTheYear() {
        List<String> failures = new ArrayList<>();
        for (LocalDate day = LocalDate.of(2026, 1, 1); day.getYear() == 2026; day = day.plusDays(1)) {
            ProcessInstance instance = accepted(at(day, 10));
            LocalDate t1 = dateOf(variable(instance, VAR_COOLING_OFF_ENDS_AT));
            LocalDate t2 = dateOf(variable(instance, VAR_CERTIFICATE_WINDOW_ENDS_AT));
            if (!t1.equals(lastDayOfPeriod(day, 30)) || !t2.equals(lastDayOfPeriod(t1, 30))) {
                failures.add(day + ": reported T1 " + t1 + ", T2 " + t2 + "; the law says "
                        + lastDayOfPeriod(day, 30) + ", " + lastDayOfPeriod(lastDayOfPeriod(day, 30), 30));
            }
            ClockUtil.setCurrentTime(at(t1, 23));
            if (executableJobs(instance) != 0) {
                failures.add(day + ": the cooling-off period ended on its last day " + t1);
            }
            ClockUtil.setCurrentTime(at(t1.plusDays(1), 9));
            runDueJobs(instance);
            if (!awaitsAppearance(instance)) {
                failures.add(day + ": the certificate window is not open on the day after " + t1);
            }
            ClockUtil.setCurrentTime(at(t2, 23));
            if (executableJobs(instance) != 0) {
                failures.add(day + ": the certificate window closed on its last day " + t2);
            }
            ClockUtil.setCurrentTime(at(t2.plusDays(1), 9));
            runDueJobs(instance);
            if (!historyService().createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
                    .activityId("EndEvent_DeemedWithdrawn").finished().list().iterator().hasNext()) {
                failures.add(day + ": not deemed withdrawn on the day after " + t2);
            }
        }
        assertThat(failures).isEmpty();
    }

    private LocalDate lastDayOfPeriod(LocalDate start, int days) {
        return clocks.bundled().lastDayOfPeriod(start, days);
    }

    /** The couple's joint appearance can be recorded: the certificate window's message is subscribed. */
    private static boolean awaitsAppearance(ProcessInstance instance) {
        return runtimeService().createEventSubscriptionQuery().processInstanceId(instance.getId())
                .eventName(MESSAGE_BOTH_APPEARED).count() > 0;
    }

    private static LocalDate dateOf(Object value) {
        return ((Date) value).toInstant().atZone(StatutoryClock.ZONE).toLocalDate();
    }

    @Test
    void waitsForTheNationalDatabaseWhileItIsDownAndContinuesWhenItIsBack() {
        outagesToSimulate = 2;
        ProcessInstance instance = applied(ACCEPTED_AT);
        execute(job(instance));

        assertThat(instance).isWaitingAt("Event_WaitForRegistry").hasNotPassed("Task_AcceptApplication");
        assertThat(caseStatus().calls()).containsExactly("enter WAITING_FOR_REGISTRY");
        retryAfterTheInterval(instance);
        assertThat(instance).isWaitingAt("Event_WaitForRegistry");
        retryAfterTheInterval(instance);

        assertThat(instance).isWaitingAt("Task_AcceptApplication");
        assertThat(registryChecks).hasSize(3);
        assertThat(caseStatus().calls()).containsExactly("enter WAITING_FOR_REGISTRY", "enter WAITING_FOR_REGISTRY",
                "enter RECEIVED");
        complete(task(instance), withVariables("decision", "accept"));
        assertThat(instance).isWaitingAt("Gateway_CoolingOff");
    }

    @Test
    void closesTheCaseWithoutCoolingOffWhenTheApplicationIsNotAccepted() {
        ProcessInstance instance = applied(ACCEPTED_AT);
        execute(job(instance));
        assertThat(instance).isWaitingAt("Task_AcceptApplication");
        assertThat(task(instance)).hasCandidateGroup("marriage-registrar");
        assertThat(task(instance).getDueDate().toInstant()).isEqualTo(instant("2026-06-01T23:59:59+08:00"));

        complete(task(instance), withVariables("decision", "notAccepted", "notAcceptedGround", "NO_AGREEMENT",
                "reasons", "未提交书面离婚协议，可向人民法院提起诉讼"));

        assertThat(instance).isEnded().hasPassed("EndEvent_NotAccepted").hasNotPassed("Event_Accepted");
        assertThat(timers(instance)).isZero();
        assertThat(caseStatus().calls()).containsExactly("enter RECEIVED", "finish CLOSED NOT_ACCEPTED");
    }

    @Test
    void withdrawalByOnePartyOnDay29EndsTheCase() {
        ProcessInstance instance = accepted(ACCEPTED_AT);
        onDay(29, instance);
        assertThat(instance).isWaitingAt("Gateway_CoolingOff");

        withdrawBy("B");

        assertThat(instance).isEnded().hasPassed("Event_WithdrawnByEitherParty", "EndEvent_Withdrawn")
                .hasNotPassed("Event_CoolingOffEnded");
        assertThat(variable(instance, VAR_WITHDRAWN_BY_PARTY)).isEqualTo("B");
        assertThat(timers(instance)).isZero();
        assertThat(caseStatus().calls()).containsExactly("enter RECEIVED", "accepted", "enter COOLING_OFF",
                "finish WITHDRAWN WITHDRAWN");
    }

    @Test
    void withdrawalLateOnDay30IsStillInTime() {
        ProcessInstance instance = accepted(ACCEPTED_AT);
        ClockUtil.setCurrentTime(Date.from(T1_END.minusSeconds(60)));
        runDueJobs(instance);
        assertThat(instance).isWaitingAt("Gateway_CoolingOff");

        withdrawBy("A");

        assertThat(instance).isEnded().hasPassed("EndEvent_Withdrawn");
    }

    @Test
    void withdrawalOnDay31IsRefused() {
        ProcessInstance instance = accepted(ACCEPTED_AT);
        onDay(31, instance);
        assertThat(instance).hasPassed("Event_CoolingOffEnded").isWaitingAt("Gateway_CertificateWindow");

        assertThatThrownBy(() -> withdrawBy("A")).isInstanceOf(MismatchingMessageCorrelationException.class);

        assertThat(instance).isNotEnded().isWaitingAt("Gateway_CertificateWindow")
                .hasNotPassed("Event_WithdrawnByEitherParty", "EndEvent_Withdrawn");
        assertThat(timer(instance, "Event_CertificateWindowEnded").getDuedate().toInstant()).isEqualTo(T2_END);
        assertThat(caseStatus().calls()).containsExactly("enter RECEIVED", "accepted", "enter COOLING_OFF",
                "enter AWAITING_JOINT_APPEARANCE");
    }

    @Test
    void appearingForTheCertificateDuringTheCoolingOffIsPremature() {
        ProcessInstance instance = accepted(ACCEPTED_AT);
        onDay(20, instance);

        assertThatThrownBy(() -> bothAppear()).isInstanceOf(MismatchingMessageCorrelationException.class);

        assertThat(instance).isWaitingAt("Gateway_CoolingOff").hasNotPassed("Event_BothPartiesAppeared");
    }

    @Test
    void nobodyAppearingByTheEndOfT2MeansDeemedWithdrawn() {
        ProcessInstance instance = accepted(ACCEPTED_AT);
        onDay(31, instance);
        assertThat(instance).isWaitingAt("Gateway_CertificateWindow");

        // Day 60 is the last day to appear: one minute before its end nothing has happened yet.
        ClockUtil.setCurrentTime(Date.from(T2_END.minusSeconds(60)));
        runDueJobs(instance);
        assertThat(instance).isWaitingAt("Gateway_CertificateWindow");
        onDay(61, instance);

        assertThat(instance).isEnded().hasPassed("Event_CertificateWindowEnded", "EndEvent_DeemedWithdrawn")
                .hasNotPassed("Event_BothPartiesAppeared", "Task_ReviewDivorce");
        assertThat(caseStatus().calls()).containsExactly("enter RECEIVED", "accepted", "enter COOLING_OFF",
                "enter AWAITING_JOINT_APPEARANCE", "finish CLOSED DEEMED_WITHDRAWN");
        assertThatThrownBy(() -> bothAppear()).isInstanceOf(MismatchingMessageCorrelationException.class);
    }

    @Test
    void bothAppearingOnDay35LeadsToRegistration() {
        ProcessInstance instance = accepted(ACCEPTED_AT);
        onDay(35, instance);
        Date appearedAt = ClockUtil.getCurrentTime();

        bothAppear();

        assertThat(instance).hasPassed("Event_BothPartiesAppeared").isWaitingAt("Task_ReviewDivorce");
        assertThat(timers(instance)).as("the T2 timer ends with the appearance").isZero();
        assertThat(variable(instance, VAR_APPEARED_AT)).isEqualTo(appearedAt);
        assertThat(task(instance)).hasCandidateGroup("marriage-registrar");
        assertThat(task(instance).getDueDate().toInstant()).isEqualTo(instant("2026-07-06T23:59:59+08:00"));
        complete(task(instance), withVariables("declarationSignedA", true, "declarationSignedB", true,
                "agreementSigned", true, "decision", "register"));

        assertThat(instance).isWaitingAt("Task_IssueCertificate");
        assertThat(certificatesAssigned).containsExactly(CERTIFICATE_NO);
        assertThat(variable(instance, VAR_CERTIFICATE_NO)).isEqualTo(CERTIFICATE_NO);
        assertThat(task(instance).getDueDate().toInstant()).isEqualTo(instant("2026-07-06T23:59:59+08:00"));
        complete(task(instance), withVariables("bothSigned", true, "marriageCertificatesVoided", true,
                "certificatesHanded", true));

        assertThat(instance).isWaitingAt("Task_ReportToRegistry");
        assertThat(reported).isEmpty();
        execute(job(instance));

        assertThat(instance).isEnded().hasPassed("Task_AssignCertificateNumber", "EndEvent_Registered")
                .hasNotPassed("Event_CertificateWindowEnded", "EndEvent_Refused");
        assertThat(reported).containsExactly(CERTIFICATE_NO);
        assertThat(caseStatus().calls()).containsExactly("enter RECEIVED", "accepted", "enter COOLING_OFF",
                "enter AWAITING_JOINT_APPEARANCE", "enter UNDER_REVIEW", "enter DECIDED", "finish DECIDED REGISTERED");
    }

    @Test
    void refusesTheDivorceWhenTheReviewFindsItIsNotVoluntary() {
        ProcessInstance instance = accepted(ACCEPTED_AT);
        onDay(35, instance);
        bothAppear();

        complete(task(instance), withVariables("declarationSignedA", true, "declarationSignedB", false,
                "decision", "refuse", "reasons", "乙方当面表示对财产分割未达成一致"));

        assertThat(instance).isEnded().hasPassed("EndEvent_Refused")
                .hasNotPassed("Task_AssignCertificateNumber", "Task_ReportToRegistry");
        assertThat(certificatesAssigned).isEmpty();
        assertThat(reported).isEmpty();
        assertThat(caseStatus().calls()).containsExactly("enter RECEIVED", "accepted", "enter COOLING_OFF",
                "enter AWAITING_JOINT_APPEARANCE", "enter UNDER_REVIEW", "finish DECIDED REFUSED");
    }

    @Test
    void coolingOffWhoseLastDayFallsInNationalDay2026EndsOn2026_10_08() {
        // Accepted Thursday 09-03: day 30 is 10-03, inside the National Day holiday (10-01..07), so T1 rolls to
        // Thursday 10-08. T2: 10-08 + 30 is Saturday 11-07, an ordinary rest day, so it rolls to Monday 11-09.
        ProcessInstance instance = accepted(at("2026-09-03T10:15:00+08:00"));
        Instant t1End = instant("2026-10-08T23:59:59+08:00");
        Instant t2End = instant("2026-11-09T23:59:59+08:00");

        assertThat(instantOf(variable(instance, VAR_COOLING_OFF_ENDS_AT))).isEqualTo(t1End);
        assertThat(instantOf(variable(instance, VAR_CERTIFICATE_WINDOW_ENDS_AT))).isEqualTo(t2End);
        assertThat(timer(instance, "Event_CoolingOffEnded").getDuedate().toInstant()).isEqualTo(t1End);

        ClockUtil.setCurrentTime(at("2026-10-07T12:00:00+08:00"));
        runDueJobs(instance);
        assertThat(instance).isWaitingAt("Gateway_CoolingOff").hasNotPassed("Event_CoolingOffEnded");
        ClockUtil.setCurrentTime(at("2026-10-08T23:59:00+08:00"));
        runDueJobs(instance);
        assertThat(instance).as("a withdrawal is still possible on 10-08").isWaitingAt("Gateway_CoolingOff");

        ClockUtil.setCurrentTime(at("2026-10-09T00:00:01+08:00"));
        runDueJobs(instance);
        assertThat(instance).hasPassed("Event_CoolingOffEnded").isWaitingAt("Gateway_CertificateWindow");
        assertThat(timer(instance, "Event_CertificateWindowEnded").getDuedate().toInstant()).isEqualTo(t2End);
    }

    private ProcessInstance applied(Date receivedAt) {
        ClockUtil.setCurrentTime(receivedAt);
        return runtimeService().startProcessInstanceByKey(DIVORCE_KEY, CASE_NO, Map.of(
                "applicationNo", CASE_NO,
                "receivedAt", receivedAt,
                "marriageCertificateNo", "J442000-2015-000812",
                "certificatesPresent", "BOTH",
                "agreementProvided", true,
                "fullCapacity", "yes",
                "marriageRegisteredIn", "MAINLAND",
                "bothPresent", true));
    }

    /** Applied, checked and accepted at the counter on the same morning: the cooling-off period is running. */
    private ProcessInstance accepted(Date acceptedAt) {
        ProcessInstance instance = applied(acceptedAt);
        execute(job(instance));
        assertThat(instance).isWaitingAt("Task_AcceptApplication");
        complete(task(instance), withVariables("decision", "accept"));
        assertThat(instance).hasPassed("Event_Accepted").isWaitingAt("Gateway_CoolingOff");
        return instance;
    }

    /** 10:00 on the n-th day after acceptance (Asia/Shanghai), with every job that is due by then run. */
    private void onDay(int n, ProcessInstance instance) {
        Date acceptedAt = (Date) variable(instance, "acceptedAt");
        ZonedDateTime day = acceptedAt.toInstant().atZone(StatutoryClock.ZONE).plusDays(n)
                .withHour(10).withMinute(0).withSecond(0).withNano(0);
        ClockUtil.setCurrentTime(Date.from(day.toInstant()));
        runDueJobs(instance);
    }

    private void retryAfterTheInterval(ProcessInstance instance) {
        Job timer = timer(instance, "Event_WaitForRegistry");
        assertThat(timer.getDuedate().toInstant())
                .isEqualTo(ClockUtil.getCurrentTime().toInstant().plus(Duration.parse(RETRY_INTERVAL)));
        fireWhenDue(instance, timer);
        assertThat(instance).isWaitingAt("Task_CheckMarriageRecord");
        execute(job(instance));
    }

    private static void withdrawBy(String party) {
        correlate(MESSAGE_WITHDRAWN, CASE_NO, VAR_WITHDRAWN_BY_PARTY, party);
    }

    private static void bothAppear() {
        correlate(MESSAGE_BOTH_APPEARED, CASE_NO, VAR_APPEARED_AT, ClockUtil.getCurrentTime());
    }

    private static Instant instantOf(Object date) {
        return ((Date) date).toInstant();
    }

    private static Instant instant(String isoWithOffset) {
        return ZonedDateTime.parse(isoWithOffset).toInstant();
    }
}
