package cn.zs.civil.clock;

import java.time.Instant;

/** One line of the list of scheduled years. */
public record CalendarYearSummary(int year, long version, String origin, String updatedBy, Instant updatedAt) {
}
