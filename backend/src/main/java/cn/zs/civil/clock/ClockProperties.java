package cn.zs.civil.clock;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the statutory clock.
 *
 * @param yellowWorkingDays a limit turns YELLOW when this many working days or fewer remain
 * @param calendarRecheck how long a node trusts its in-memory calendar before it compares the global version in the
 *        database; this bounds how stale another node's view of an admin edit can be
 * @param seedCalendar whether start-up loads the years of {@code clock/cn-public-holidays.json} that the database
 *        does not have yet
 * @param restDayReadings per calendar-day period, how a last day on a rest day is read (Civil Code Art. 203, [S] in
 *        the domain brief); a period not listed reads weekends and holidays as rest days
 */
@ConfigurationProperties("platform.clock")
public record ClockProperties(
        @DefaultValue("3") int yellowWorkingDays,
        @DefaultValue("5s") Duration calendarRecheck,
        @DefaultValue("true") boolean seedCalendar,
        Map<PeriodRule, RestDayReading> restDayReadings) {

    @ConstructorBinding
    public ClockProperties {
        if (yellowWorkingDays < 0) {
            throw new IllegalArgumentException("platform.clock.yellow-working-days must not be negative");
        }
        if (calendarRecheck == null || calendarRecheck.isNegative()) {
            throw new IllegalArgumentException("platform.clock.calendar-recheck must be zero or positive");
        }
        Map<PeriodRule, RestDayReading> readings = new EnumMap<>(PeriodRule.class);
        if (restDayReadings != null) {
            restDayReadings.forEach((rule, reading) -> {
                if (!rule.calendarDays()) {
                    throw new IllegalArgumentException("platform.clock.rest-day-readings." + rule
                            + ": a period in working days cannot end on a rest day; remove the setting");
                }
                readings.put(rule, reading);
            });
        }
        restDayReadings = Map.copyOf(readings);
    }

    public ClockProperties(int yellowWorkingDays, Duration calendarRecheck, boolean seedCalendar) {
        this(yellowWorkingDays, calendarRecheck, seedCalendar, Map.of());
    }

    /** The reading of rest days configured for a period. */
    public RestDayReading reading(PeriodRule rule) {
        return restDayReadings.getOrDefault(rule, RestDayReading.WEEKENDS_AND_HOLIDAYS);
    }
}
