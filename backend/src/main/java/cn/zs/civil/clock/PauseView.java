package cn.zs.civil.clock;

import java.time.Instant;

/**
 * One stop of a case's clock.
 *
 * @param endedAt null while the pause is open
 * @param workingDays working days the pause adds to the limits (days after the day it began up to and including the
 *        day it ended, or today while open)
 * @param calendarDays the same in calendar days, which extend CALENDAR limits
 */
public record PauseView(PauseReason reason, Instant startedAt, Instant endedAt, int workingDays, int calendarDays) {

    public boolean open() {
        return endedAt == null;
    }
}
