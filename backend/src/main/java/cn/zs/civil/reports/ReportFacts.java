package cn.zs.civil.reports;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.zs.civil.application.BusinessTime;
import cn.zs.civil.application.CaseEnded;
import cn.zs.civil.clock.ClockProperties;
import cn.zs.civil.clock.ClockState;
import cn.zs.civil.clock.PauseReason;
import cn.zs.civil.clock.StatutoryClock;

/**
 * Writes the reporting tables {@code rp_case} and {@code rp_task}: the figures of one ended case or one completed
 * user task, computed once with the statutory calendar when the case ends ({@link CaseEnded}, same transaction) or
 * the engine records the task's completion ({@link ReportFactsEnginePlugin}, same transaction), and by
 * {@link #backfill()} for the rows that have none yet (history from before these tables, or data loaded directly).
 *
 * <p>Per item: elapsed hours and the hours of the case's pauses inside the interval, in tenths of an hour (half-up);
 * working days from the start date to the end date; the pauses' working days per reason (each pause cut to the
 * interval, counted as the statutory clock counts it). Per case also whether it had a clock and whether it was late
 * against the statutory and the promised limit as of the clock's stop (a clock not stopped is taken as stopped at
 * the decision).
 */
@Service
public class ReportFacts {

    static final int PAGE = 2000;

    private final ReportsMapper mapper;
    private final StatutoryClock clock;
    private final ClockProperties clockProperties;
    private final TransactionTemplate transactions;
    private final FactsWriter writer;

    ReportFacts(ReportsMapper mapper, StatutoryClock clock, ClockProperties clockProperties,
            PlatformTransactionManager transactionManager, FactsWriter writer) {
        this.mapper = mapper;
        this.writer = writer;
        this.clock = clock;
        this.clockProperties = clockProperties;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** The measures of one item; {@code pausedByReason} in the order of {@link PauseReason}. */
    record Measures(int elapsedDh, int pausedDh, int workingDays, int pausedWd, int[] pausedByReason) {
    }

    /** One row of {@code rp_case}. */
    record CaseFact(String applicationNo, String serviceCode, String district, String status, String outcome,
            LocalDateTime decidedAt, LocalDate decidedDay, LocalDate decidedWeek, LocalDate decidedMonth,
            Measures m, int hasClock, Integer statutoryLate, Integer promisedLate) {
    }

    /** One row of {@code rp_task}. */
    record TaskFact(String taskId, String applicationNo, String serviceCode, String district, String taskKey,
            String taskName, String assignee, LocalDateTime endedAt, Measures m) {
    }

    /** A case as read for its facts: the application row and its clock, if any. */
    record CaseInput(String applicationNo, String serviceCode, String district, String status, String outcome,
            LocalDateTime receivedAt, LocalDateTime decidedAt, Instant startedAt,
            cn.zs.civil.clock.LimitUnit limitUnit, Integer statutoryDays, Integer promisedDays, Instant stoppedAt) {
    }

    /** A completed user task with its case. */
    record TaskInput(String taskId, String applicationNo, String serviceCode, String district, String taskKey,
            String taskName, String assignee, LocalDateTime startedAt, LocalDateTime endedAt) {
    }

    // ---- write path ---------------------------------------------------------------------------------------------

    /** The case's end, in the transaction that ends it. */
    @EventListener
    public void onCaseEnded(CaseEnded event) {
        CaseInput input = mapper.factCase(event.applicationNo());
        if (input == null || input.decidedAt() == null) {
            return;
        }
        List<CaseFact> facts = cases(List.of(input), mapper.pausesOf(List.of(input.applicationNo())));
        mapper.deleteCaseFact(input.applicationNo());
        writer.cases(facts);
    }

    /**
     * A user task completed, from the engine's history event (same transaction). Tasks of processes without an
     * application (none in this platform, but the engine allows them) have no facts.
     */
    void onTaskCompleted(String taskId, String processInstanceId, String taskKey, String taskName, String assignee,
            LocalDateTime startedAt, LocalDateTime endedAt) {
        ReportsMapper.CaseOfProcess c = mapper.caseOfProcess(processInstanceId);
        // The completion event carries no start: the history row written when the task was created has it.
        LocalDateTime start = startedAt != null ? startedAt : mapper.taskStart(taskId);
        if (c == null || start == null || endedAt == null) {
            return;
        }
        TaskInput input = new TaskInput(taskId, c.applicationNo(), c.serviceCode(), c.district(), taskKey, taskName,
                assignee, seconds(start), seconds(endedAt));
        List<TaskFact> facts = tasks(List.of(input), mapper.pausesOf(List.of(c.applicationNo())));
        mapper.deleteTaskFact(taskId);
        writer.tasks(facts);
    }

    // ---- backfill -------------------------------------------------------------------------------------------------

    /** @return ended cases and completed tasks that got their rows now */
    public record Backfilled(long cases, long tasks) {
    }

    /**
     * Writes the facts of every ended case and completed task that has none, in pages of {@value #PAGE}, one
     * transaction per page. Idempotent: a second run finds nothing; rows written meanwhile by the write path are
     * skipped (a page that meets one is retried).
     */
    public Backfilled backfill() {
        long cases = 0;
        String after = "";
        while (true) {
            String from = after;
            List<CaseInput> page = transactions.execute(s -> mapper.factCasesMissing(from, PAGE));
            if (page == null || page.isEmpty()) {
                break;
            }
            List<String> nos = page.stream().map(CaseInput::applicationNo).toList();
            List<CaseFact> facts = cases(page, mapper.pausesOf(nos));
            cases += write(() -> writer.cases(facts), () -> facts.forEach(f -> {
                mapper.deleteCaseFact(f.applicationNo());
                writer.cases(List.of(f));
            }), facts.size());
            after = nos.get(nos.size() - 1);
        }
        long tasks = 0;
        after = "";
        while (true) {
            String from = after;
            List<TaskInput> page = transactions.execute(s -> mapper.factTasksMissing(from, PAGE));
            if (page == null || page.isEmpty()) {
                break;
            }
            List<String> nos = page.stream().map(TaskInput::applicationNo).distinct().toList();
            List<TaskFact> facts = tasks(page, mapper.pausesOf(nos));
            tasks += write(() -> writer.tasks(facts), () -> facts.forEach(f -> {
                mapper.deleteTaskFact(f.taskId());
                writer.tasks(List.of(f));
            }), facts.size());
            after = page.get(page.size() - 1).taskId();
        }
        return new Backfilled(cases, tasks);
    }

    private long write(Runnable batch, Runnable oneByOne, int n) {
        try {
            transactions.executeWithoutResult(s -> batch.run());
        } catch (org.springframework.dao.DataIntegrityViolationException e) {
            // The write path got there first for one of them: replace row by row (same figures either way).
            transactions.executeWithoutResult(s -> oneByOne.run());
        }
        return n;
    }

    // ---- the figures ----------------------------------------------------------------------------------------------

    List<CaseFact> cases(List<CaseInput> inputs, Collection<ReportsMapper.Pause> pauses) {
        if (inputs.isEmpty()) {
            return List.of();
        }
        Map<String, List<ReportsMapper.Pause>> pausesOf = byCase(pauses);
        LocalDate first = inputs.stream().map(i -> i.receivedAt().toLocalDate()).min(LocalDate::compareTo)
                .orElseThrow();
        LocalDate last = inputs.stream().map(i -> i.decidedAt().toLocalDate()).max(LocalDate::compareTo)
                .orElseThrow();
        WorkingDayIndex index = WorkingDayIndex.of(clock, first, last);
        List<ClockFigures.Clock> clocks = new ArrayList<>();
        for (CaseInput i : inputs) {
            if (i.startedAt() != null) {
                Instant stop = i.stoppedAt() != null ? i.stoppedAt() : instant(i.decidedAt());
                clocks.add(new ClockFigures.Clock(i.applicationNo(), i.serviceCode(), i.district(), i.startedAt(),
                        i.limitUnit(), i.statutoryDays(), i.promisedDays(), stop.isBefore(i.startedAt())
                                ? i.startedAt() : stop));
            }
        }
        // Every clock is stopped by now, so its verdict is the one as of its stop, whatever "now" is.
        Instant now = BusinessTime.instant();
        Map<String, ClockFigures.Figures> verdicts = new HashMap<>();
        for (ClockFigures.Figures f : ClockFigures.of(clocks, pauses, now.isBefore(latestStop(clocks))
                ? latestStop(clocks) : now, clock, clockProperties.yellowWorkingDays())) {
            verdicts.put(f.clock().applicationNo(), f);
        }
        List<CaseFact> out = new ArrayList<>(inputs.size());
        for (CaseInput i : inputs) {
            Measures m = measure(index, pausesOf.getOrDefault(i.applicationNo(), List.of()), i.receivedAt(),
                    i.decidedAt());
            ClockFigures.Figures f = verdicts.get(i.applicationNo());
            LocalDate day = i.decidedAt().toLocalDate();
            out.add(new CaseFact(i.applicationNo(), i.serviceCode(), i.district(), i.status(), i.outcome(),
                    i.decidedAt(), day, day.with(TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY)),
                    day.withDayOfMonth(1), m, f == null ? 0 : 1, f == null ? null : late(f.statutory()),
                    f == null || f.promised() == null ? null : late(f.promised())));
        }
        return out;
    }

    private static Instant latestStop(List<ClockFigures.Clock> clocks) {
        return clocks.stream().map(ClockFigures.Clock::stoppedAt).max(Instant::compareTo).orElse(Instant.EPOCH);
    }

    private static int late(ClockFigures.Verdict v) {
        return v.state() == ClockState.RED ? 1 : 0;
    }

    List<TaskFact> tasks(List<TaskInput> inputs, Collection<ReportsMapper.Pause> pauses) {
        if (inputs.isEmpty()) {
            return List.of();
        }
        Map<String, List<ReportsMapper.Pause>> pausesOf = byCase(pauses);
        LocalDate first = inputs.stream().map(i -> i.startedAt().toLocalDate()).min(LocalDate::compareTo)
                .orElseThrow();
        LocalDate last = inputs.stream().map(i -> i.endedAt().toLocalDate()).max(LocalDate::compareTo)
                .orElseThrow();
        WorkingDayIndex index = WorkingDayIndex.of(clock, first, last);
        List<TaskFact> out = new ArrayList<>(inputs.size());
        for (TaskInput i : inputs) {
            out.add(new TaskFact(i.taskId(), i.applicationNo(), i.serviceCode(), i.district(), i.taskKey(),
                    i.taskName(), i.assignee(), seconds(i.endedAt()), measure(index,
                            pausesOf.getOrDefault(i.applicationNo(), List.of()), seconds(i.startedAt()),
                            seconds(i.endedAt()))));
        }
        return out;
    }

    private static Map<String, List<ReportsMapper.Pause>> byCase(Collection<ReportsMapper.Pause> pauses) {
        Map<String, List<ReportsMapper.Pause>> pausesOf = new HashMap<>();
        pauses.forEach(p -> pausesOf.computeIfAbsent(p.applicationNo(), k -> new ArrayList<>()).add(p));
        return pausesOf;
    }

    /** An interval's measures, its case's pauses cut to it. */
    static Measures measure(WorkingDayIndex index, List<ReportsMapper.Pause> pauses, LocalDateTime from,
            LocalDateTime to) {
        Instant start = instant(from);
        Instant end = instant(to);
        long pausedSeconds = 0;
        int pausedWorking = 0;
        Map<PauseReason, Integer> byReason = new EnumMap<>(PauseReason.class);
        for (ReportsMapper.Pause p : pauses) {
            Instant ps = p.startedAt().isAfter(start) ? p.startedAt() : start;
            Instant pe = p.endedAt() == null || p.endedAt().isAfter(end) ? end : p.endedAt();
            if (!ps.isBefore(pe)) {
                continue;
            }
            pausedSeconds += Duration.between(ps, pe).toSeconds();
            int days = index.between(StatutoryClock.dateOf(ps), StatutoryClock.dateOf(pe));
            pausedWorking += days;
            byReason.merge(p.reason(), days, Integer::sum);
        }
        int[] reasons = new int[PauseReason.values().length];
        byReason.forEach((r, d) -> reasons[r.ordinal()] = d);
        return new Measures(deciHours(Duration.between(from, to).toSeconds()), deciHours(pausedSeconds),
                index.between(from.toLocalDate(), to.toLocalDate()), pausedWorking, reasons);
    }

    /** Seconds in tenths of an hour, half-up (the resolution of the reports' hours). */
    static int deciHours(long seconds) {
        return BigDecimal.valueOf(seconds).multiply(BigDecimal.TEN)
                .divide(BigDecimal.valueOf(3600), 0, java.math.RoundingMode.HALF_UP).intValueExact();
    }

    /** Whole seconds, as the database keeps the engine's times. */
    private static LocalDateTime seconds(LocalDateTime t) {
        return t.withNano(0);
    }

    private static Instant instant(LocalDateTime t) {
        return t.atZone(BusinessTime.ZONE).toInstant();
    }
}
