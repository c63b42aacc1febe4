package cn.zs.civil.clock;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.MeterRegistry;

/** A calendar source standing in for the database: the bundled schedules, editable, counting reloads. */
final class InMemoryCalendarSource implements CalendarSource {

    private final Map<Integer, YearSchedule> years = new TreeMap<>();
    private long version;
    final AtomicInteger loads = new AtomicInteger();

    static InMemoryCalendarSource bundled() {
        InMemoryCalendarSource source = new InMemoryCalendarSource();
        CalendarSeedFile.readBundled().forEach(source::put);
        return source;
    }

    synchronized void put(YearSchedule schedule) {
        years.put(schedule.year(), schedule);
        version++;
    }

    @Override
    public synchronized long globalVersion() {
        return version;
    }

    @Override
    public synchronized List<YearSchedule> loadAll() {
        loads.incrementAndGet();
        return new ArrayList<>(years.values());
    }

    WorkingDayCalendar calendar(MeterRegistry registry, Duration recheck) {
        return calendar(registry, recheck, java.util.Map.of());
    }

    WorkingDayCalendar calendar(MeterRegistry registry, Duration recheck,
            java.util.Map<PeriodRule, RestDayReading> readings) {
        return new WorkingDayCalendar(this, new ClockProperties(3, recheck, false, readings), registry);
    }
}
