package cn.zs.civil.support;

import java.time.Duration;
import java.util.Date;

/**
 * Stands in for the {@code clock} bean ({@code cn.zs.civil.clock.StatutoryClock}) in the models' timer and due-date
 * expressions: every day is a working day, so n working days after an instant are n times 24 hours later. The
 * instants come from the engine's clock ({@code receivedAt}, {@code acceptedAt}), so moving {@code ClockUtil} moves
 * the deadlines with it. Public because the expression language only calls methods of public classes.
 */
public class FakeStatutoryClock {

    public Date workingDaysAfter(Date instant, int n) {
        return Date.from(instant.toInstant().plus(Duration.ofDays(n)));
    }

    /** Every day a working day, so the Civil Code period never rolls forward: n days are n times 24 hours. */
    public Date calendarDaysAfterCivilCode(Date instant, int n) {
        return workingDaysAfter(instant, n);
    }
}
