package cn.zs.civil.clock;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The answer of {@code GET /api/calendar/deadline}.
 *
 * @param rule {@code ALL_ART_82_WORKING_DAYS} or {@code CIVIL_CODE_ART_201_203_CALENDAR_DAYS}
 * @param date the last day of the period
 * @param endOfDay 23:59:59 Asia/Shanghai on that day
 * @param warnings e.g. {@code CALENDAR_YEAR_MISSING:2027}; empty when the calendar had every year it needed
 * @param basis the rule and the reading of rest days that produced the date, in words
 */
public record DeadlineView(LocalDate from, Integer workingDays, Integer calendarDays, String rule, LocalDate date,
                           Instant endOfDay, List<String> warnings, List<PeriodBasis> basis) {
}
