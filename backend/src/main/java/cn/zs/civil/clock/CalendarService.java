package cn.zs.civil.clock;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Reading and editing the holiday schedules behind the working-day calendar. */
@Service
public class CalendarService {

    private static final Logger log = LoggerFactory.getLogger(CalendarService.class);

    private final CalendarStore store;
    private final CalendarYearValidator validator;
    private final WorkingDayCalendar calendar;

    private final org.springframework.context.ApplicationEventPublisher events;

    CalendarService(CalendarStore store, CalendarYearValidator validator, WorkingDayCalendar calendar,
            org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.store = store;
        this.validator = validator;
        this.calendar = calendar;
    }

    @Transactional(readOnly = true)
    public List<CalendarYearSummary> years() {
        return store.years().stream()
                .map(y -> new CalendarYearSummary(y.year(), y.version(), y.origin(), y.updatedBy(), y.updatedAt()))
                .toList();
    }

    @Transactional(readOnly = true)
    public Optional<CalendarYear> year(int year) {
        return store.year(year);
    }

    /**
     * Creates or replaces the whole schedule of a year and bumps its version and the global version. This node
     * uses the new schedule from the next computation on; other nodes within {@code platform.clock.calendar-recheck}.
     *
     * @throws cn.zs.civil.problem.ApiException 400 when the request cannot be read, 422 when it breaks a rule (range
     *         outside the year, to before from, an adjusted workday that is a weekday, overlaps); its field problems
     *         list every mistake with its field, label and message in the reader's language
     */
    @Transactional
    public CalendarYear replaceYear(int year, CalendarYearRequest request, String changedBy) {
        YearSchedule schedule = validator.validate(year, request);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        store.lockAndBumpGlobalVersion(now);
        java.util.Map<String, Object> before = store.year(year).<java.util.Map<String, Object>>map(y -> java.util.Map.of(
                "version", y.version(), "origin", y.origin(), "holidays", y.holidays().size(),
                "adjustedWorkdays", y.adjustedWorkdays().size())).orElse(java.util.Map.of("version", 0));
        long version = store.write(schedule, CalendarStore.ORIGIN_ADMIN, changedBy, now);
        // The audit log listens (an administrative action, recorded in this transaction).
        events.publishEvent(new CalendarYearChanged(year, changedBy, before, java.util.Map.of("version", version,
                "holidays", schedule.holidays().size(), "adjustedWorkdays", schedule.adjustedWorkdays().size())));
        log.info("Calendar year {} set by {}: version {}, {} holidays, {} adjusted workdays",
                year, changedBy, version, schedule.holidays().size(), schedule.adjustedWorkdays().size());
        invalidateAfterCommit(calendar);
        return store.year(year).orElseThrow();
    }

    static void invalidateAfterCommit(WorkingDayCalendar calendar) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    calendar.invalidate();
                }
            });
        } else {
            calendar.invalidate();
        }
    }
}
