package cn.zs.civil.clock;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Where a case stands against one limit.
 *
 * @param dueDate the last day, already extended by the paused days
 * @param dueAt 23:59:59 Asia/Shanghai on the last day
 * @param workingDaysUsed working days the authority has had so far, paused days excluded
 * @param workingDaysRemaining working days after today up to the last day; negative once it has passed. For a
 *        stopped clock, as of the day it stopped
 * @param basis the periods that produced the due date, each with its rule and its reading of rest days
 */
public record LimitStatus(int limitDays, LocalDate dueDate, Instant dueAt, int workingDaysUsed,
                          int workingDaysRemaining, ClockState state, List<PeriodBasis> basis) {

    public LimitStatus {
        basis = List.copyOf(basis);
    }
}
