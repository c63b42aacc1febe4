package cn.zs.civil.clock;

import java.time.Instant;
import java.util.List;

/**
 * The state of one case's clock at a moment, recomputed from the stored start, limits and pauses.
 *
 * @param stoppedAt when the case was decided; null while running
 * @param paused whether a pause is open at {@code asOf}
 * @param promised null when the case has no promised limit
 * @param pausedWorkingDays the sum of the pauses' working days: how far the WORKING due dates moved
 * @param pausedCalendarDays the sum of the pauses' calendar days: how far the CALENDAR due dates moved
 * @param warnings e.g. {@code CALENDAR_YEAR_MISSING:2027}
 * @param extendedDays days an approved extension added to the statutory limit (行政许可法 Art. 42); 0 without one
 */
public record ClockStatus(String applicationNo, Instant asOf, Instant startedAt, Instant stoppedAt, Limits limits,
                          boolean paused, LimitStatus statutory, LimitStatus promised, int pausedWorkingDays,
                          int pausedCalendarDays, List<PauseView> pauses, List<String> warnings,
                          int extendedDays) {

    public ClockStatus {
        pauses = List.copyOf(pauses);
        warnings = List.copyOf(warnings);
    }

    public boolean stopped() {
        return stoppedAt != null;
    }
}
