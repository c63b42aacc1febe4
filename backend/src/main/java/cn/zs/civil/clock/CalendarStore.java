package cn.zs.civil.clock;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

/** Reads and writes the calendar tables. Callers provide the transaction. */
@Component
class CalendarStore implements CalendarSource {

    static final String ORIGIN_SEED = "SEED";
    static final String ORIGIN_ADMIN = "ADMIN";

    private final CalendarMapper mapper;

    CalendarStore(CalendarMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public long globalVersion() {
        Long version = mapper.selectGlobalVersion();
        if (version == null) {
            throw new IllegalStateException("clock_calendar_state has no row 1; the Flyway migration did not run");
        }
        return version;
    }

    @Override
    public List<YearSchedule> loadAll() {
        Map<Integer, List<Holiday>> holidays = new LinkedHashMap<>();
        Map<Integer, List<LocalDate>> workdays = new LinkedHashMap<>();
        for (CalendarMapper.YearRow year : mapper.selectYears()) {
            holidays.put(year.year(), new ArrayList<>());
            workdays.put(year.year(), new ArrayList<>());
        }
        for (CalendarMapper.HolidayRow row : mapper.selectHolidays(null)) {
            holidays.computeIfAbsent(row.year(), y -> new ArrayList<>()).add(toHoliday(row));
        }
        for (CalendarMapper.WorkdayRow row : mapper.selectWorkdays(null)) {
            workdays.computeIfAbsent(row.year(), y -> new ArrayList<>()).add(row.day());
        }
        List<YearSchedule> schedules = new ArrayList<>();
        holidays.forEach((year, list) -> schedules.add(new YearSchedule(year, list, workdays.getOrDefault(year, List.of()))));
        return schedules;
    }

    List<CalendarMapper.YearRow> years() {
        return mapper.selectYears();
    }

    Optional<CalendarYear> year(int year) {
        CalendarMapper.YearRow row = mapper.selectYear(year);
        if (row == null) {
            return Optional.empty();
        }
        List<Holiday> holidays = mapper.selectHolidays(year).stream().map(CalendarStore::toHoliday).toList();
        List<LocalDate> workdays = mapper.selectWorkdays(year).stream().map(CalendarMapper.WorkdayRow::day).toList();
        return Optional.of(new CalendarYear(row.year(), row.version(), row.origin(), row.updatedBy(), row.updatedAt(),
                holidays, workdays));
    }

    boolean exists(int year) {
        return mapper.selectYear(year) != null;
    }

    /** Takes the calendar writers' lock and bumps the global version; first statement of every write. */
    void lockAndBumpGlobalVersion(Instant at) {
        if (mapper.bumpGlobalVersion(at) != 1) {
            throw new IllegalStateException("clock_calendar_state has no row 1; the Flyway migration did not run");
        }
    }

    /** Creates or replaces the year's schedule; the year's version goes up by one. Call after the lock. */
    long write(YearSchedule schedule, String origin, String changedBy, Instant at) {
        int year = schedule.year();
        CalendarMapper.YearRow existing = mapper.selectYear(year);
        long version = existing == null ? 1 : existing.version() + 1;
        CalendarMapper.YearRow row = new CalendarMapper.YearRow(year, version, origin, changedBy, at);
        if (existing == null) {
            mapper.insertYear(row);
        } else {
            mapper.updateYear(row);
            mapper.deleteHolidays(year);
            mapper.deleteWorkdays(year);
        }
        if (!schedule.holidays().isEmpty()) {
            mapper.insertHolidays(year, schedule.holidays());
        }
        if (!schedule.adjustedWorkdays().isEmpty()) {
            mapper.insertWorkdays(year, schedule.adjustedWorkdays());
        }
        return version;
    }

    private static Holiday toHoliday(CalendarMapper.HolidayRow row) {
        return new Holiday(row.name(), row.en(), row.from(), row.to());
    }
}
