package cn.zs.civil.clock;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the statutory clock.
 *
 * @param yellowWorkingDays a limit turns YELLOW when this many working days or fewer remain
 * @param calendarRecheck how long a node trusts its in-memory calendar before it compares the global version in the
 *        database; this bounds how stale another node's view of an admin edit can be
 * @param seedCalendar whether start-up loads the years of {@code clock/cn-public-holidays.json} that the database
 *        does not have yet
 */
@ConfigurationProperties("platform.clock")
public record ClockProperties(
        @DefaultValue("3") int yellowWorkingDays,
        @DefaultValue("5s") Duration calendarRecheck,
        @DefaultValue("true") boolean seedCalendar) {

    public ClockProperties {
        if (yellowWorkingDays < 0) {
            throw new IllegalArgumentException("platform.clock.yellow-working-days must not be negative");
        }
        if (calendarRecheck == null || calendarRecheck.isNegative()) {
            throw new IllegalArgumentException("platform.clock.calendar-recheck must be zero or positive");
        }
    }
}
