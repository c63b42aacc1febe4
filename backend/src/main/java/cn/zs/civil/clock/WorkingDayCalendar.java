package cn.zs.civil.clock;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The working-day calendar: Monday to Friday working, weekends rest, the State Council's holidays rest, its adjusted
 * workdays working. Reads come from an in-memory snapshot; at most every {@code platform.clock.calendar-recheck} one
 * caller compares the global version in the database and reloads if another node changed a year. Other callers never
 * wait for that check: they keep using the snapshot they have.
 */
@Component
public class WorkingDayCalendar {

    static final String MISSING_YEAR_COUNTER = "clock.calendar.missing_year";

    private static final Logger log = LoggerFactory.getLogger(WorkingDayCalendar.class);
    // A queue list can touch a missing year thousands of times a minute; the counter records each one, the log
    // says it once a minute per year so that it stays readable.
    private static final long WARN_EVERY_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final CalendarSource source;
    private final MeterRegistry meterRegistry;
    private final long recheckNanos;
    private final ClockProperties settings;
    private final ReentrantLock reloadLock = new ReentrantLock();
    private final ConcurrentMap<Integer, Long> lastWarnedAt = new ConcurrentHashMap<>();

    private volatile CalendarSnapshot snapshot;
    private volatile long nextCheckAt;
    private volatile boolean stale = true;

    WorkingDayCalendar(CalendarSource source, ClockProperties properties, MeterRegistry meterRegistry) {
        this.source = source;
        this.meterRegistry = meterRegistry;
        this.recheckNanos = properties.calendarRecheck().toNanos();
        this.settings = properties;
    }

    /** Whether the day is a working day. A day in a year without a schedule is flagged (log and counter). */
    public boolean isWorkingDay(LocalDate day) {
        DayWalk walk = new DayWalk(snapshot());
        boolean working = walk.isWorkingDay(day);
        flagMissingYears(walk.missingYears(), "working-day check of " + day);
        return working;
    }

    /** Whether the calendar has the State Council schedule of this year. */
    public boolean isScheduled(int year) {
        return snapshot().isScheduled(year);
    }

    /** The years that have a schedule. */
    public Set<Integer> scheduledYears() {
        return snapshot().scheduledYears();
    }

    /** The global version of the snapshot in use. */
    public long version() {
        return snapshot().version();
    }

    /** Makes the next read reload; called after this node commits an edit so that it sees its own change at once. */
    void invalidate() {
        stale = true;
    }

    CalendarSnapshot snapshot() {
        CalendarSnapshot current = snapshot;
        if (current != null && !stale && System.nanoTime() - nextCheckAt < 0) {
            return current;
        }
        if (current == null || stale) {
            // Nothing to fall back on, or this node knows its copy is out of date: wait for the reload.
            reloadLock.lock();
        } else if (!reloadLock.tryLock()) {
            return current;
        }
        try {
            refresh();
            return snapshot;
        } finally {
            reloadLock.unlock();
        }
    }

    private void refresh() {
        CalendarSnapshot current = snapshot;
        boolean mustReload = current == null || stale;
        if (!mustReload && System.nanoTime() - nextCheckAt < 0) {
            return; // another thread refreshed while this one waited for the lock
        }
        // Cleared before reading, so that an invalidation arriving during the read forces one more reload.
        stale = false;
        try {
            long version = source.globalVersion();
            if (mustReload || version != current.version()) {
                // Read the version before the data: the data is then at least as new as the version, and a
                // concurrent edit only causes one more reload on the next check.
                snapshot = CalendarSnapshot.of(version, source.loadAll());
                if (current != null) {
                    log.info("Working-day calendar reloaded: version {} -> {}, years {}",
                            current.version(), version, snapshot.scheduledYears());
                }
            }
        } catch (RuntimeException e) {
            if (current == null) {
                throw e;
            }
            // A database hiccup must not break every deadline computation; keep the last good calendar.
            log.warn("Could not check the working-day calendar for changes; keeping version {}", current.version(), e);
        } finally {
            nextCheckAt = System.nanoTime() + recheckNanos;
        }
    }

    /** Logs and counts a computation that needed a year without a schedule. */
    void flagMissingYears(Collection<Integer> years, String what) {
        for (Integer year : years) {
            Counter.builder(MISSING_YEAR_COUNTER)
                    .description("Deadline computations that touched a year without a holiday schedule")
                    .tag("year", String.valueOf(year))
                    .register(meterRegistry)
                    .increment();
            long now = System.nanoTime();
            Long last = lastWarnedAt.get(year);
            if (last == null || now - last >= WARN_EVERY_NANOS) {
                lastWarnedAt.put(year, now);
                log.warn("No holiday schedule for {}: {} counted weekends only. Load the State Council schedule "
                        + "with PUT /api/calendar/years/{}", year, what, year);
            }
        }
    }

    /** The clock's settings, among them the reading of rest days per period. */
    ClockProperties settings() {
        return settings;
    }
}
