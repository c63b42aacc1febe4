package cn.zs.civil.clock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class WorkingDayCalendarTest {

    private static final YearSchedule SCHEDULE_2027 = new YearSchedule(2027,
            List.of(new Holiday("元旦", "New Year's Day", LocalDate.of(2027, 1, 1), LocalDate.of(2027, 1, 3))),
            List.of(LocalDate.of(2027, 1, 9)));

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @Test
    void anotherNodesEditIsPickedUpAtTheNextRecheckWithoutRestart() {
        InMemoryCalendarSource db = InMemoryCalendarSource.bundled();
        WorkingDayCalendar calendar = db.calendar(meters, Duration.ZERO);
        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 1, 1))).isTrue(); // Friday, weekends-only guess

        db.put(SCHEDULE_2027); // written by "another node": nobody calls invalidate() here

        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 1, 1))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 1, 9))).isTrue(); // adjusted Saturday
        assertThat(calendar.scheduledYears()).containsExactly(2025, 2026, 2027);
    }

    @Test
    void readsWithinTheRecheckIntervalDoNotTouchTheDatabase() {
        InMemoryCalendarSource db = InMemoryCalendarSource.bundled();
        WorkingDayCalendar calendar = db.calendar(meters, Duration.ofMinutes(5));
        calendar.isWorkingDay(LocalDate.of(2026, 1, 1));
        db.put(SCHEDULE_2027);

        for (int i = 0; i < 1000; i++) {
            calendar.isWorkingDay(LocalDate.of(2026, 5, 1));
        }

        assertThat(db.loads).hasValue(1);
        assertThat(calendar.isScheduled(2027)).isFalse();
    }

    @Test
    void anEditOnThisNodeIsSeenAtOnceAfterInvalidate() {
        InMemoryCalendarSource db = InMemoryCalendarSource.bundled();
        WorkingDayCalendar calendar = db.calendar(meters, Duration.ofMinutes(5));
        calendar.isWorkingDay(LocalDate.of(2026, 1, 1));

        db.put(SCHEDULE_2027);
        calendar.invalidate();

        assertThat(calendar.isScheduled(2027)).isTrue();
        assertThat(calendar.version()).isEqualTo(db.globalVersion());
    }

    @Test
    void concurrentReadersDuringReloadsAllSeeAConsistentAnswer() throws Exception {
        InMemoryCalendarSource db = InMemoryCalendarSource.bundled();
        WorkingDayCalendar calendar = db.calendar(meters, Duration.ZERO);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> answers = new ArrayList<>();
            for (int i = 0; i < 2000; i++) {
                if (i % 100 == 0) {
                    db.put(SCHEDULE_2027);
                }
                // Spring Festival 2026 is a holiday in every version of the calendar.
                answers.add(pool.submit(() -> calendar.isWorkingDay(LocalDate.of(2026, 2, 17))));
            }
            for (Future<Boolean> answer : answers) {
                assertThat(answer.get()).isFalse();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aWorkingDayCheckInAnUnscheduledYearIsCounted() {
        WorkingDayCalendar calendar = InMemoryCalendarSource.bundled().calendar(meters, Duration.ZERO);

        calendar.isWorkingDay(LocalDate.of(2030, 6, 3));

        assertThat(meters.get(WorkingDayCalendar.MISSING_YEAR_COUNTER).tag("year", "2030").counter().count())
                .isEqualTo(1.0);
    }
}
