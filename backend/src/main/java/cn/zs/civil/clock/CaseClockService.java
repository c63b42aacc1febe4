package cn.zs.civil.clock;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.zs.civil.problem.ApiException;

/**
 * The statutory clock of each case: started on acceptance, paused for the periods ALL Art. 45 does not count,
 * stopped on the decision. Only the start, the limits and the pause intervals are stored; every status is recomputed
 * from them with the calendar of the moment, so an admin's holiday correction moves open cases' due dates too.
 *
 * <p>Times are stored to the second. A pause from day D1 to day D2 (Asia/Shanghai dates) adds the working days after
 * D1 up to and including D2 to WORKING limits, and the calendar days to CALENDAR limits; an open pause counts up to
 * the moment asked about. At most one pause is open at a time.
 *
 * <p>Errors are {@link ApiException}s with {@code clock.case.*} message keys (times shown in Shanghai time): 404 for
 * an unknown case, 409 for a change that contradicts the recorded history (pausing a decided case, a pause before the
 * start or overlapping another).
 */
@Service
public class CaseClockService {

    private static final Logger log = LoggerFactory.getLogger(CaseClockService.class);
    // Keeps IN lists well below every database's limits on parameters.
    private static final int BATCH = 500;

    private final CaseClockMapper mapper;
    private final WorkingDayCalendar calendar;
    private final ClockProperties settings;

    CaseClockService(CaseClockMapper mapper, WorkingDayCalendar calendar, ClockProperties properties) {
        this.mapper = mapper;
        this.calendar = calendar;
        this.settings = properties;
    }

    /** Starts the case's clock. Starting it again is a no-op, whatever the arguments: the first start stands. */
    @Transactional
    public void start(String applicationNo, Instant startedAt, Limits limits) {
        checkApplicationNo(applicationNo);
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(limits, "limits");
        CaseClockMapper.ClockRow existing = mapper.selectClock(applicationNo);
        if (existing != null) {
            warnIfDifferent(existing, startedAt, limits);
            return;
        }
        try {
            mapper.insertClock(new CaseClockMapper.ClockRow(applicationNo, second(startedAt), limits.unit(),
                    limits.statutoryDays(), limits.promisedDays(), null, Period.store(limits.periods()), 0));
        } catch (DuplicateKeyException e) {
            log.debug("Clock of {} was started concurrently; keeping the first start", applicationNo);
        }
    }

    /** Stops the clock for a reason. Pausing again for the same reason while paused is a no-op. */
    @Transactional
    public void pause(String applicationNo, PauseReason reason, Instant at) {
        Objects.requireNonNull(reason, "reason");
        Instant t = second(Objects.requireNonNull(at, "at"));
        CaseClockMapper.ClockRow clock = lock(applicationNo);
        if (clock.stoppedAt() != null) {
            throw ApiException.conflict("clock.case.pauseAfterDecision", applicationNo, shown(clock.stoppedAt()));
        }
        if (t.isBefore(clock.startedAt())) {
            throw ApiException.conflict("clock.case.pauseBeforeStart", applicationNo, shown(t),
                    shown(clock.startedAt()));
        }
        List<CaseClockMapper.PauseRow> pauses = mapper.selectPauses(List.of(applicationNo));
        CaseClockMapper.PauseRow last = pauses.isEmpty() ? null : pauses.get(pauses.size() - 1);
        if (last != null && last.endedAt() == null) {
            if (last.reason() == reason) {
                return;
            }
            throw ApiException.conflict("clock.case.alreadyPaused", applicationNo, reason(last.reason()),
                    shown(last.startedAt()));
        }
        if (last != null && t.isBefore(last.endedAt())) {
            throw ApiException.conflict("clock.case.pauseOverlaps", applicationNo, shown(t), shown(last.endedAt()));
        }
        mapper.insertPause(new CaseClockMapper.PauseRow(applicationNo, last == null ? 1 : last.seq() + 1, reason, t,
                null));
    }

    /** Ends the open pause. Resuming a clock that is not paused is a no-op. */
    @Transactional
    public void resume(String applicationNo, Instant at) {
        Instant t = second(Objects.requireNonNull(at, "at"));
        lock(applicationNo);
        endOpenPause(applicationNo, t);
    }

    /** The case is decided: the clock stops, and an open pause ends with it. Stopping again is a no-op. */
    @Transactional
    public void stop(String applicationNo, Instant at) {
        Instant t = second(Objects.requireNonNull(at, "at"));
        CaseClockMapper.ClockRow clock = lock(applicationNo);
        if (clock.stoppedAt() != null) {
            return;
        }
        if (t.isBefore(clock.startedAt())) {
            throw ApiException.conflict("clock.case.stopBeforeStart", applicationNo, shown(t),
                    shown(clock.startedAt()));
        }
        endOpenPause(applicationNo, t);
        mapper.stopClock(applicationNo, t);
    }

    /**
     * Extends the statutory limit of a running clock by {@code days} of its unit, once (行政许可法 Art. 42: 10 working
     * days with the head's approval). 409 problem when the clock stopped or was extended before.
     */
    @Transactional
    public void extend(String applicationNo, int days) {
        if (days <= 0) {
            throw new IllegalArgumentException("an extension adds at least one day: " + days);
        }
        CaseClockMapper.ClockRow clock = lock(applicationNo);
        if (!limits(clock).periods().isEmpty() || mapper.extend(applicationNo, days) != 1) {
            throw ApiException.conflict("clock.case.notExtendable", applicationNo);
        }
    }

    /** The clock of one case as of {@code now}; 404 problem if the case has no clock. */
    @Transactional(readOnly = true)
    public ClockStatus status(String applicationNo, Instant now) {
        checkApplicationNo(applicationNo);
        Map<String, ClockStatus> one = statuses(List.of(applicationNo), now);
        ClockStatus status = one.get(applicationNo);
        if (status == null) {
            throw ApiException.notFound("clock.case.notStarted", applicationNo);
        }
        return status;
    }

    /**
     * The clocks of many cases for a queue list: two queries per 500 cases, whatever the number of pauses.
     * Cases without a clock are left out; the map keeps the order of the argument.
     */
    @Transactional(readOnly = true)
    public Map<String, ClockStatus> statuses(Collection<String> applicationNos, Instant now) {
        Objects.requireNonNull(now, "now");
        List<String> wanted = new ArrayList<>(new LinkedHashSet<>(applicationNos));
        wanted.removeIf(Objects::isNull);
        Map<String, CaseClockMapper.ClockRow> clocks = new HashMap<>();
        Map<String, List<CaseClockMapper.PauseRow>> pauses = new HashMap<>();
        for (int from = 0; from < wanted.size(); from += BATCH) {
            List<String> chunk = wanted.subList(from, Math.min(from + BATCH, wanted.size()));
            mapper.selectClocks(chunk).forEach(c -> clocks.put(c.applicationNo(), c));
            mapper.selectPauses(chunk)
                    .forEach(p -> pauses.computeIfAbsent(p.applicationNo(), k -> new ArrayList<>()).add(p));
        }
        CalendarSnapshot snapshot = calendar.snapshot();
        Set<Integer> missingYears = new TreeSet<>();
        Map<String, ClockStatus> result = new LinkedHashMap<>();
        for (String no : wanted) {
            CaseClockMapper.ClockRow clock = clocks.get(no);
            if (clock != null) {
                DayWalk walk = new DayWalk(snapshot);
                result.put(no, compute(clock, pauses.getOrDefault(no, List.of()), now, walk));
                missingYears.addAll(walk.missingYears());
            }
        }
        calendar.flagMissingYears(missingYears, "case clocks of " + result.size() + " case(s)");
        return result;
    }

    private ClockStatus compute(CaseClockMapper.ClockRow clock, List<CaseClockMapper.PauseRow> pauses, Instant now,
                                DayWalk walk) {
        Instant effective = now;
        if (clock.stoppedAt() != null && clock.stoppedAt().isBefore(effective)) {
            effective = clock.stoppedAt();
        }
        if (effective.isBefore(clock.startedAt())) {
            effective = clock.startedAt();
        }
        LocalDate startDate = StatutoryClock.dateOf(clock.startedAt());
        LocalDate today = StatutoryClock.dateOf(effective);
        boolean stopped = clock.stoppedAt() != null && !clock.stoppedAt().isAfter(now);

        int pausedWorking = 0;
        int pausedCalendar = 0;
        boolean pausedNow = false;
        List<PauseView> views = new ArrayList<>();
        for (CaseClockMapper.PauseRow pause : pauses) {
            if (pause.startedAt().isAfter(effective)) {
                // Recorded after the moment asked about: it did not exist yet.
                continue;
            }
            boolean openAtEffective = pause.endedAt() == null || pause.endedAt().isAfter(effective);
            Instant end = openAtEffective ? effective : pause.endedAt();
            LocalDate d1 = StatutoryClock.dateOf(pause.startedAt());
            LocalDate d2 = StatutoryClock.dateOf(end);
            int working = walk.workingDaysBetween(d1, d2);
            int days = DayWalk.calendarDaysBetween(d1, d2);
            pausedWorking += working;
            pausedCalendar += days;
            pausedNow |= openAtEffective && !stopped;
            views.add(new PauseView(pause.reason(), pause.startedAt(), openAtEffective ? null : pause.endedAt(),
                    working, days));
        }
        Limits limits = limits(clock);
        // An approved extension (ALL Art. 42) lengthens the statutory limit; the bureau's own promise stays as made.
        LimitStatus statutory = limitStatus(limits, limits.statutoryDays() + clock.extendedDays(), startDate, today,
                pausedWorking,
                pausedCalendar, stopped, walk);
        LimitStatus promised = limits.promisedDays() == null ? null
                : limitStatus(limits, limits.promisedDays(), startDate, today, pausedWorking, pausedCalendar,
                        stopped, walk);
        return new ClockStatus(clock.applicationNo(), now, clock.startedAt(), stopped ? clock.stoppedAt() : null,
                limits, pausedNow, statutory, promised, pausedWorking, pausedCalendar, views, walk.warnings(),
                clock.extendedDays());
    }

    private LimitStatus limitStatus(Limits limits, int limit, LocalDate startDate, LocalDate today,
                                    int pausedWorking, int pausedCalendar, boolean stopped, DayWalk walk) {
        List<Period> periods = limits.periodsFor(limit);
        LocalDate due = walk.endOfPeriods(startDate, periods,
                limits.unit() == LimitUnit.WORKING ? pausedWorking : pausedCalendar, settings);
        if (stopped && !limits.periods().isEmpty() && today.isAfter(due)) {
            // A chain is the parties' window (a divorce's T1 + T2): its end closes the case by law (deemed
            // withdrawn), so a close recorded after it, when the timer job ran late, is not the authority's delay.
            today = due;
        }
        int used = walk.workingDaysBetween(startDate, today) - pausedWorking;
        int remaining = walk.workingDaysBetween(today, due);
        ClockState state;
        if (today.isAfter(due)) {
            state = ClockState.RED;
        } else if (!stopped && remaining <= settings.yellowWorkingDays()) {
            state = ClockState.YELLOW;
        } else {
            state = ClockState.ON_TIME;
        }
        return new LimitStatus(limit, due, StatutoryClock.endOfDay(due), used, remaining, state,
                periods.stream().map(p -> PeriodBasis.of(p, settings.reading(p.rule()))).toList());
    }

    private void endOpenPause(String applicationNo, Instant t) {
        List<CaseClockMapper.PauseRow> pauses = mapper.selectPauses(List.of(applicationNo));
        if (pauses.isEmpty() || pauses.get(pauses.size() - 1).endedAt() != null) {
            return;
        }
        CaseClockMapper.PauseRow open = pauses.get(pauses.size() - 1);
        if (t.isBefore(open.startedAt())) {
            throw ApiException.conflict("clock.case.resumeBeforePause", applicationNo, reason(open.reason()),
                    shown(open.startedAt()), shown(t));
        }
        mapper.endPause(applicationNo, open.seq(), t);
    }

    private CaseClockMapper.ClockRow lock(String applicationNo) {
        checkApplicationNo(applicationNo);
        CaseClockMapper.ClockRow clock = mapper.selectClockForUpdate(applicationNo);
        if (clock == null) {
            throw ApiException.notFound("clock.case.notStarted", applicationNo);
        }
        return clock;
    }

    /** A moment as the reader's screens show it: Shanghai time to the minute. */
    private static String shown(Instant moment) {
        return SHOWN.format(moment);
    }

    /** The reason of a pause in the reader's language, resolved when the problem is written. */
    private static DefaultMessageSourceResolvable reason(PauseReason reason) {
        return new DefaultMessageSourceResolvable(new String[] {"clock.pauseReason." + reason.name()}, reason.name());
    }

    private static final java.time.format.DateTimeFormatter SHOWN =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(StatutoryClock.ZONE);

    private static Limits limits(CaseClockMapper.ClockRow clock) {
        return new Limits(clock.limitUnit(), clock.statutoryDays(), clock.promisedDays(), Period.parse(clock.periods()));
    }

    private static void warnIfDifferent(CaseClockMapper.ClockRow existing, Instant startedAt, Limits limits) {
        Limits stored = limits(existing);
        if (!stored.equals(limits) || !existing.startedAt().equals(second(startedAt))) {
            log.warn("Clock of {} already started at {} with {}; ignoring a second start at {} with {}",
                    existing.applicationNo(), existing.startedAt(), stored, startedAt, limits);
        }
    }

    private static void checkApplicationNo(String applicationNo) {
        if (applicationNo == null || applicationNo.isBlank() || applicationNo.length() > 32) {
            throw new IllegalArgumentException("application number must be 1 to 32 characters: " + applicationNo);
        }
    }

    // Both MySQL's timestamp and the comparisons above work to the second; H2 would otherwise keep microseconds.
    private static Instant second(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS);
    }
}
