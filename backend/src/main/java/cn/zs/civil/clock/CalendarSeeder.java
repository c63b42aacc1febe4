package cn.zs.civil.clock;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the bundled schedules of years the database does not have yet. A year already there is left alone, whoever
 * wrote it, so an administrator's correction survives every restart and every release that ships the file.
 * Runs once all beans exist (Flyway has migrated by then) and before the web server takes requests.
 */
@Component
class CalendarSeeder implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(CalendarSeeder.class);
    static final String SEED_USER = "seed:" + CalendarSeedFile.LOCATION;

    private final CalendarStore store;
    private final WorkingDayCalendar calendar;
    private final TransactionTemplate transactions;
    private final ClockProperties properties;

    CalendarSeeder(CalendarStore store, WorkingDayCalendar calendar, PlatformTransactionManager transactionManager,
                   ClockProperties properties) {
        this.store = store;
        this.calendar = calendar;
        this.transactions = new TransactionTemplate(transactionManager);
        this.properties = properties;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (properties.seedCalendar()) {
            seedMissingYears();
        }
    }

    /** @return how many years were added */
    int seedMissingYears() {
        int added = 0;
        for (YearSchedule schedule : CalendarSeedFile.readBundled()) {
            if (store.exists(schedule.year())) {
                continue;
            }
            Boolean inserted = transactions.execute(status -> {
                Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
                // Several nodes may start together: the lock makes the second one wait and then find the year.
                store.lockAndBumpGlobalVersion(now);
                if (store.exists(schedule.year())) {
                    status.setRollbackOnly();
                    return false;
                }
                store.write(schedule, CalendarStore.ORIGIN_SEED, SEED_USER, now);
                return true;
            });
            if (Boolean.TRUE.equals(inserted)) {
                added++;
                log.info("Calendar year {} loaded from {}", schedule.year(), CalendarSeedFile.LOCATION);
            }
        }
        if (added > 0) {
            calendar.invalidate();
        }
        return added;
    }
}
