package cn.zs.civil.worklist;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import cn.zs.civil.application.ApplicationRow;
import cn.zs.civil.application.ApplicationService;
import cn.zs.civil.application.BusinessTime;
import cn.zs.civil.application.CaseEventType;
import cn.zs.civil.application.CaseLog;
import cn.zs.civil.application.CaseViews;
import cn.zs.civil.clock.CaseClockService;
import cn.zs.civil.clock.ClockState;
import cn.zs.civil.clock.ClockStatus;
import cn.zs.civil.clock.StatutoryClock;
import cn.zs.civil.identity.PlatformUser;
import cn.zs.civil.problem.ApiException;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Escalation (督办): when a case passes its statutory limit, the section chiefs are told once, with the case in
 * their escalation list and an entry in the case's audit trail. A periodic scan finds such cases; the database's
 * primary key makes each escalation happen exactly once across a cluster.
 */
@Service
public class Escalations {

    private static final Logger log = LoggerFactory.getLogger(Escalations.class);
    private static final int BATCH = 500;

    private final EscalationMapper mapper;
    private final CaseClockService clocks;
    private final ApplicationService applications;
    private final CaseLog caseLog;
    private final CaseViews views;
    private final TransactionTemplate tx;
    private final MeterRegistry meters;
    private final StatutoryClock clock;

    Escalations(EscalationMapper mapper, CaseClockService clocks, ApplicationService applications, CaseLog caseLog,
            CaseViews views, TransactionTemplate tx, MeterRegistry meters, StatutoryClock clock) {
        this.clock = clock;
        this.mapper = mapper;
        this.clocks = clocks;
        this.applications = applications;
        this.caseLog = caseLog;
        this.views = views;
        this.tx = tx;
        this.meters = meters;
    }

    public record EscalationView(String applicationNo, String serviceName, String district, String subject,
            java.time.LocalDate dueDate, java.time.LocalDateTime escalatedAt, Integer workingDaysOverdue) {
    }

    @Scheduled(fixedDelayString = "${platform.clock.escalation-interval:PT5M}",
            initialDelayString = "${platform.clock.escalation-initial-delay:PT1M}")
    void scheduledScan() {
        try {
            scan(BusinessTime.instant());
        } catch (RuntimeException e) {
            log.warn("Escalation scan failed; it runs again at the next interval", e);
        }
    }

    /** Escalates every case that is overdue at {@code now}; returns the number escalated by this call. */
    public int scan(Instant now) {
        int escalated = 0;
        for (int days : mapper.runningLimits()) {
            Instant bound = now.minus(Duration.ofDays(days));
            List<String> candidates = mapper.candidates(days, bound, BATCH);
            Map<String, ClockStatus> statuses = clocks.statuses(candidates, now);
            for (ClockStatus status : statuses.values()) {
                if (!status.stopped() && status.statutory().state() == ClockState.RED && escalate(status)) {
                    escalated++;
                }
            }
        }
        if (escalated > 0) {
            meters.counter("clock.escalations").increment(escalated);
            log.info("Escalated {} overdue case(s) to the section chiefs", escalated);
        }
        return escalated;
    }

    private boolean escalate(ClockStatus status) {
        String no = status.applicationNo();
        ApplicationRow row = applications.byNo(no);
        try {
            tx.executeWithoutResult(s -> {
                mapper.insert(no, row.serviceCode(), row.district(), status.statutory().dueDate(), BusinessTime.now());
                caseLog.bySystem(no, CaseEventType.ESCALATED, null, "OVERDUE",
                        Map.of("statutoryDue", status.statutory().dueDate().toString(),
                                "workingDaysOverdue", Math.max(0, -status.statutory().workingDaysRemaining())));
            });
            return true;
        } catch (DuplicateKeyException anotherNodeWasFirst) {
            return false;
        }
    }

    /**
     * Escalates a case whose step after the decision is late (a place name's filing or announcement, 地名管理条例
     * Arts. 13-14, 35): the chiefs see it in the same list, and the case's audit trail says which step. An escalation
     * the chiefs had already acknowledged is opened again, since this is a new lapse.
     */
    public void escalateLateStep(String applicationNo, java.time.LocalDate dueDate, String step) {
        ApplicationRow row = applications.byNo(applicationNo);
        // Runs in the engine's transaction: update first, so that no duplicate-key error can spoil it.
        if (mapper.reopen(applicationNo, dueDate, BusinessTime.now()) == 0) {
            mapper.insert(applicationNo, row.serviceCode(), row.district(), dueDate, BusinessTime.now());
        }
        caseLog.bySystem(applicationNo, CaseEventType.ESCALATED, null, step + "_OVERDUE",
                Map.of("due", dueDate.toString(), "step", step));
        meters.counter("clock.escalations").increment();
    }

    /** Open escalations in the caller's districts, most overdue first. */
    public List<EscalationView> open(PlatformUser chief, Locale locale) {
        List<EscalationMapper.EscalationRow> rows = mapper.open(chief.allDistricts() ? null : chief.districts(), 200);
        Instant now = BusinessTime.instant();
        Map<String, ApplicationRow> cases = applications.byNos(rows.stream()
                .map(EscalationMapper.EscalationRow::applicationNo).toList());
        List<EscalationView> out = new ArrayList<>();
        for (EscalationMapper.EscalationRow r : rows) {
            ApplicationRow row = cases.get(r.applicationNo());
            // Counted from the due date the escalation is about (the case's limit, or a late step after the
            // decision), never below zero: the case's own clock may have stopped on time long before.
            int overdue = Math.max(0, clock.workingDaysBetween(StatutoryClock.endOfDay(r.dueDate()), now));
            out.add(new EscalationView(r.applicationNo(), views.serviceName(r.serviceCode(), locale), r.district(),
                    row == null ? null : cn.zs.civil.application.Masking.name(row.subjectName()), r.dueDate(),
                    r.escalatedAt(), overdue));
        }
        return out;
    }

    public void acknowledge(PlatformUser chief, String applicationNo) {
        ApplicationRow row = applications.byNo(applicationNo);
        if (!chief.seesDistrict(row.district())) {
            throw ApiException.notFound("application.notFound", applicationNo);
        }
        if (mapper.acknowledge(applicationNo, chief.id(), BusinessTime.now()) == 0) {
            throw ApiException.notFound("escalation.notFound", applicationNo);
        }
    }
}
