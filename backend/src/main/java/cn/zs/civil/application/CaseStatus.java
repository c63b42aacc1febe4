package cn.zs.civil.application;

import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import cn.zs.civil.catalogue.ServiceCatalogue;
import cn.zs.civil.clock.CaseClockService;
import cn.zs.civil.clock.ClockStatus;
import cn.zs.civil.clock.LimitUnit;
import cn.zs.civil.clock.Limits;
import cn.zs.civil.clock.PauseReason;

/**
 * Called by the models ({@code ${caseStatus.enter(execution, 'UNDER_REVIEW')}}) so that the case's status and
 * outcome in the platform's tables follow the process, in the same transaction as the engine's step.
 */
@Component("caseStatus")
public class CaseStatus {

    public static final String RECEIVED = "RECEIVED";
    public static final String UNDER_REVIEW = "UNDER_REVIEW";
    public static final String WAITING_FOR_CORRECTIONS = "WAITING_FOR_CORRECTIONS";
    public static final String WAITING_FOR_REGISTRY = "WAITING_FOR_REGISTRY";
    public static final String COOLING_OFF = "COOLING_OFF";
    public static final String AWAITING_JOINT_APPEARANCE = "AWAITING_JOINT_APPEARANCE";
    public static final String DECIDED = "DECIDED";
    public static final String WITHDRAWN = "WITHDRAWN";
    public static final String CLOSED = "CLOSED";
    private static final List<String> REASON_VARIABLES = List.of("reasonCode", "refusalGround", "notAcceptedGround");

    private final ApplicationMapper mapper;
    private final CaseLog log;
    private final CaseClockService clocks;
    private final ServiceCatalogue catalogue;
    private final ApplicationEventPublisher events;
    private final ExcludedStepProperties excludedSteps;
    private final cn.zs.civil.catalogue.PolicyParameters parameters;

    CaseStatus(ApplicationMapper mapper, CaseLog log, CaseClockService clocks, ServiceCatalogue catalogue,
            ApplicationEventPublisher events, ExcludedStepProperties excludedSteps,
            cn.zs.civil.catalogue.PolicyParameters parameters) {
        this.parameters = parameters;
        this.events = events;
        this.excludedSteps = excludedSteps;
        this.mapper = mapper;
        this.log = log;
        this.clocks = clocks;
        this.catalogue = catalogue;
    }

    /**
     * A new status. Waiting for the applicant's corrections stops the statutory clock (ALL Art. 45 by analogy:
     * time the authority cannot act is not its time); returning to review restarts it.
     */
    public void enter(DelegateExecution execution, String status) {
        String no = execution.getProcessBusinessKey();
        mapper.updateStatus(no, status, null, BusinessTime.now());
        if (WAITING_FOR_CORRECTIONS.equals(status) && running(no)) {
            clocks.pause(no, PauseReason.CORRECTIONS, BusinessTime.instant());
        } else if (UNDER_REVIEW.equals(status) && running(no)) {
            clocks.resume(no, BusinessTime.instant());
        }
    }

    /**
     * Pauses the clock for a reason the law excludes (expert review, consultation, hearing). ALL Art. 45: the
     * applicant is told in writing how long the step will take: the case log records it and
     * {@link ExcludedStepStarted} has the notification module write to the applicant
     * ({@code platform.excluded-steps.expected-days}).
     */
    public void pause(DelegateExecution execution, String reason) {
        String no = execution.getProcessBusinessKey();
        if (running(no)) {
            PauseReason why = PauseReason.valueOf(reason);
            clocks.pause(no, why, BusinessTime.instant());
            Integer days = excludedSteps.expectedDays().get(why);
            if (days != null) {
                java.time.LocalDate until = BusinessTime.now().toLocalDate().plusDays(days);
                log.bySystem(no, CaseEventType.STEP_EXCLUDED, null, null,
                        Map.of("expectedDays", days, "expectedEnd", until.toString()));
                events.publishEvent(new ExcludedStepStarted(no, why, days, until));
            }
        }
    }

    public void resume(DelegateExecution execution) {
        String no = execution.getProcessBusinessKey();
        if (running(no)) {
            clocks.resume(no, BusinessTime.instant());
        }
    }

    private boolean running(String applicationNo) {
        ClockStatus status = clocks.statuses(List.of(applicationNo), BusinessTime.instant()).get(applicationNo);
        return status != null && !status.stopped();
    }

    /** Acceptance (受理): by a clerk now, or deemed on the receipt date when no correction notice came in time. */
    public void accepted(DelegateExecution execution, boolean deemed) {
        String no = execution.getProcessBusinessKey();
        Date receivedAt = (Date) execution.getVariable("receivedAt");
        var acceptedAt = deemed && receivedAt != null ? BusinessTime.of(receivedAt) : BusinessTime.now();
        mapper.markAccepted(no, acceptedAt, BusinessTime.now());
        mapper.updateStatus(no, UNDER_REVIEW, null, BusinessTime.now());
        // The statutory clock runs from acceptance; a deemed acceptance counts from the day the materials arrived.
        catalogue.find((String) execution.getVariable(ApplicationService.VAR_SERVICE_CODE)).ifPresent(service -> {
            // The limits in force on the acceptance day (policy parameters): the case keeps them, later changes
            // apply to cases accepted after their effective date.
            Limits limits = limits(service, parameters, execution.getVariable(ApplicationService.VAR_SERVICE_CODE)
                    .toString(), acceptedAt.toLocalDate());
            clocks.start(no, acceptedAt.atZone(BusinessTime.ZONE).toInstant(), limits);
            execution.setVariable(ApplicationService.VAR_STATUTORY_LIMIT_DAYS, limits.statutoryDays());
            if (limits.promisedDays() != null) {
                execution.setVariable(ApplicationService.VAR_PROMISED_LIMIT_DAYS, limits.promisedDays());
            }
            // Ends a pause for corrections, if the clock was already running; a no-op otherwise.
            clocks.resume(no, BusinessTime.instant());
        });
        execution.setVariable("acceptedAt", BusinessTime.toDate(acceptedAt));
        log.bySystem(no, deemed ? CaseEventType.DEEMED_ACCEPTED : CaseEventType.ACCEPTED, null, null, null);
    }

    /** An end event: the case is decided (or closed without a decision), with its outcome. */
    public void finish(DelegateExecution execution, String status, String outcome) {
        String no = execution.getProcessBusinessKey();
        ApplicationMapper.CaseState before = mapper.findState(no);
        mapper.markClosed(no, status, outcome, BusinessTime.now());
        if (running(no)) {
            clocks.stop(no, BusinessTime.instant());
        }
        if (!status.equals(WITHDRAWN)) {
            // A withdrawal is logged where the person withdrew; the end event only closes the case.
            log.bySystem(no, CaseEventType.DECIDED, null, outcome, reasons(execution), before == null ? null
                    : java.util.Map.of("status", before.status(), "outcome", String.valueOf(before.outcome())));
        }
        Object district = execution.getVariable(ApplicationService.VAR_DISTRICT);
        events.publishEvent(new CaseEnded(no, (String) execution.getVariable(ApplicationService.VAR_SERVICE_CODE),
                district == null ? null : district.toString(), status, outcome, BusinessTime.now()));
    }

    /** A service's limits in force on a day: the catalogue's unit and periods, the days as the policy says. */
    static Limits limits(ServiceCatalogue.ServiceDefinition service, cn.zs.civil.catalogue.PolicyParameters parameters,
            String serviceCode, java.time.LocalDate day) {
        LimitUnit unit = service.statutoryLimit().unit() == ServiceCatalogue.Unit.CALENDAR ? LimitUnit.CALENDAR
                : LimitUnit.WORKING;
        List<cn.zs.civil.clock.Period> periods = service.statutoryLimit().periods();
        String statutoryKey = cn.zs.civil.catalogue.PolicyParameters.statutoryLimit(serviceCode);
        int statutory = periods.isEmpty() && parameters.declares(statutoryKey) ? parameters.valueOn(statutoryKey, day)
                : service.statutoryLimit().days();
        // A chain of statutory periods is the parties' window: nothing the bureau could promise to shorten.
        Integer promised = null;
        String promisedKey = cn.zs.civil.catalogue.PolicyParameters.promisedLimit(serviceCode);
        if (service.promisedLimit() != null && periods.isEmpty()) {
            // Never longer than the law (the policy's approval checks it; this keeps a case safe whatever came in).
            promised = Math.min(statutory, parameters.declares(promisedKey) ? parameters.valueOn(promisedKey, day)
                    : service.promisedLimit().days());
        }
        return new Limits(unit, statutory, promised, periods);
    }

    /**
     * The reason of the outcome: set by a delegate or a form ({@code reasonCode}, {@code refusalGround}), or the
     * reason of an eligibility decision table.
     */
    private static Map<String, ?> reasons(DelegateExecution execution) {
        for (String name : REASON_VARIABLES) {
            Object reason = execution.getVariable(name);
            if (reason != null) {
                return Map.of("reasonCode", reason);
            }
        }
        if (execution.getVariable("eligibility") instanceof Map<?, ?> eligibility) {
            for (String name : REASON_VARIABLES) {
                if (eligibility.get(name) != null) {
                    return Map.of("reasonCode", eligibility.get(name));
                }
            }
        }
        return Map.of();
    }
}
