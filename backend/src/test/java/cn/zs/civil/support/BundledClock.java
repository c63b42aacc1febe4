package cn.zs.civil.support;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.time.Duration;
import java.time.LocalDate;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import cn.zs.civil.clock.StatutoryClock;
import cn.zs.civil.clock.WorkingDayCalendar;

/**
 * The real {@code clock} bean without Spring: the working-day calendar of the bundled State Council schedules
 * (clock/cn-public-holidays.json), read through the clock tests' in-memory source. The constructors are
 * package-private to the clock package, hence the reflection; the arithmetic is the production one.
 */
public record BundledClock(WorkingDayCalendar calendar, StatutoryClock clock) {

    /**
     * The oracle of the property tests: the n-th day after the start, moved to the first working day when it is a
     * rest day (Civil Code Art. 203 read with the schedules), by a plain walk over the calendar.
     */
    public LocalDate lastDayOfPeriod(LocalDate start, int days) {
        LocalDate last = start.plusDays(days);
        while (!calendar.isWorkingDay(last)) {
            last = last.plusDays(1);
        }
        return last;
    }

    public static BundledClock create() {
        try {
            Class<?> sourceClass = Class.forName("cn.zs.civil.clock.InMemoryCalendarSource");
            Method bundled = sourceClass.getDeclaredMethod("bundled");
            bundled.setAccessible(true);
            Method calendarOf = sourceClass.getDeclaredMethod("calendar", MeterRegistry.class, Duration.class);
            calendarOf.setAccessible(true);
            WorkingDayCalendar calendar = (WorkingDayCalendar) calendarOf.invoke(bundled.invoke(null),
                    new SimpleMeterRegistry(), Duration.ofHours(1));
            Constructor<StatutoryClock> constructor = StatutoryClock.class.getDeclaredConstructor(WorkingDayCalendar.class);
            constructor.setAccessible(true);
            return new BundledClock(calendar, constructor.newInstance(calendar));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build the statutory clock on the bundled calendar", e);
        }
    }
}
