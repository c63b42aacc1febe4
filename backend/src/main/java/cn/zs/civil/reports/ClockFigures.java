package cn.zs.civil.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.zs.civil.clock.ClockState;
import cn.zs.civil.clock.LimitUnit;
import cn.zs.civil.clock.StatutoryClock;

/**
 * The statutory clock's verdict on many cases at once, for the SLA report: the same rules as
 * {@link cn.zs.civil.clock.CaseClockService} (due date moved by the pauses' working or calendar days, RED after the
 * due date, YELLOW within {@code platform.clock.yellow-working-days} while running), computed from rows the report
 * loaded in two queries and with a {@link WorkingDayIndex} instead of a day-by-day walk per case. The golden test
 * holds both to the same brute-force figures.
 */
final class ClockFigures {

    /** A case's clock as stored, with the case's service and district. */
    record Clock(String applicationNo, String serviceCode, String district, Instant startedAt, LimitUnit limitUnit,
            Integer statutoryDays, Integer promisedDays, Instant stoppedAt) {
    }

    record Verdict(ClockState state, LocalDate dueDate, int workingDaysRemaining) {
    }

    /** @param promised null without a promised limit */
    record Figures(Clock clock, boolean stopped, Verdict statutory, Verdict promised) {
    }

    private ClockFigures() {
    }

    static List<Figures> of(Collection<Clock> clocks, Collection<ReportsMapper.Pause> pauses, Instant now,
            StatutoryClock calendar, int yellowWorkingDays) {
        if (clocks.isEmpty()) {
            return List.of();
        }
        Map<String, List<ReportsMapper.Pause>> pausesOf = new HashMap<>();
        pauses.forEach(p -> pausesOf.computeIfAbsent(p.applicationNo(), k -> new ArrayList<>()).add(p));
        LocalDate first = StatutoryClock.dateOf(now);
        for (Clock c : clocks) {
            LocalDate d = StatutoryClock.dateOf(c.startedAt());
            first = d.isBefore(first) ? d : first;
        }
        // Due dates lie after the start by the limit and the pauses; the index answers two years past today, the
        // calendar itself anything further.
        WorkingDayIndex index = WorkingDayIndex.of(calendar, first, StatutoryClock.dateOf(now).plusYears(2));
        List<Figures> out = new ArrayList<>(clocks.size());
        for (Clock c : clocks) {
            Instant effective = c.stoppedAt() != null && c.stoppedAt().isBefore(now) ? c.stoppedAt() : now;
            if (effective.isBefore(c.startedAt())) {
                effective = c.startedAt();
            }
            boolean stopped = c.stoppedAt() != null && !c.stoppedAt().isAfter(now);
            LocalDate start = StatutoryClock.dateOf(c.startedAt());
            LocalDate today = StatutoryClock.dateOf(effective);
            int pausedWorking = 0;
            int pausedCalendar = 0;
            for (ReportsMapper.Pause p : pausesOf.getOrDefault(c.applicationNo(), List.of())) {
                if (p.startedAt().isAfter(effective)) {
                    continue;
                }
                Instant end = p.endedAt() == null || p.endedAt().isAfter(effective) ? effective : p.endedAt();
                LocalDate d1 = StatutoryClock.dateOf(p.startedAt());
                LocalDate d2 = StatutoryClock.dateOf(end);
                pausedWorking += index.between(d1, d2);
                pausedCalendar += (int) ChronoUnit.DAYS.between(d1, d2);
            }
            Verdict statutory = verdict(index, c.limitUnit(), c.statutoryDays(), start, today, pausedWorking,
                    pausedCalendar, stopped, yellowWorkingDays);
            Verdict promised = c.promisedDays() == null ? null : verdict(index, c.limitUnit(), c.promisedDays(), start,
                    today, pausedWorking, pausedCalendar, stopped, yellowWorkingDays);
            out.add(new Figures(c, stopped, statutory, promised));
        }
        return out;
    }

    private static Verdict verdict(WorkingDayIndex index, LimitUnit unit, int limit, LocalDate start, LocalDate today,
            int pausedWorking, int pausedCalendar, boolean stopped, int yellowWorkingDays) {
        LocalDate due = unit == LimitUnit.WORKING
                ? index.addWorkingDays(start, limit + pausedWorking)
                : index.addWorkingDays(start.plusDays(limit + pausedCalendar), 0);
        int remaining = index.between(today, due);
        ClockState state;
        if (today.isAfter(due)) {
            state = ClockState.RED;
        } else if (!stopped && remaining <= yellowWorkingDays) {
            state = ClockState.YELLOW;
        } else {
            state = ClockState.ON_TIME;
        }
        return new Verdict(state, due, remaining);
    }
}
