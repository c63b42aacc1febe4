package cn.zs.civil.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Date;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

// Expected dates are worked out by hand from clock/cn-public-holidays.json, not computed by the code under test.
class StatutoryClockTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final StatutoryClock clock =
            new StatutoryClock(InMemoryCalendarSource.bundled().calendar(meters, Duration.ofSeconds(5)));

    @Test
    void twentyWorkingDaysFrom2026_02_13CountTheSaturdayWorkdaysAndSkipSpringFestival() {
        // Fri 02-13 not counted. 02-14 (Sat, adjusted) = 1; 02-15..23 Spring Festival; 02-24..27 = 2..5;
        // 02-28 (Sat, adjusted) = 6; 03-02..06 = 7..11; 03-09..13 = 12..16; 03-16..19 = 17..20.
        Deadline deadline = clock.deadlineInWorkingDays(LocalDate.of(2026, 2, 13), 20);

        assertThat(deadline.date()).isEqualTo(LocalDate.of(2026, 3, 19));
        assertThat(deadline.warnings()).isEmpty();
    }

    @Test
    void coolingOffWhoseThirtiethDayFallsInNationalDay2026EndsOn2026_10_08() {
        // Received 09-03; day 30 is 10-03, inside National Day (10-01..07); 10-08 is a Thursday and a working day.
        assertThat(clock.addCalendarDaysCivilCode(LocalDate.of(2026, 9, 3), 30)).isEqualTo(LocalDate.of(2026, 10, 8));
    }

    @Test
    void coolingOffTimerForBpmnEndsAtOneSecondBeforeMidnightShanghaiOnTheRolledDay() {
        Date received = Date.from(ZonedDateTime.parse("2026-09-03T10:15:00+08:00").toInstant());

        Date end = clock.calendarDaysAfterCivilCode(received, 30);

        assertThat(end.toInstant()).isEqualTo(ZonedDateTime.parse("2026-10-08T23:59:59+08:00").toInstant());
    }

    @Test
    void civilCodePeriodEndingOnAnAdjustedWorkingSaturdayDoesNotRoll() {
        // 2026-09-10 + 30 = 2026-10-10, a Saturday the State Council made a working day.
        assertThat(clock.addCalendarDaysCivilCode(LocalDate.of(2026, 9, 10), 30)).isEqualTo(LocalDate.of(2026, 10, 10));
    }

    @Test
    void civilCodePeriodEndingOnAnOrdinarySundayRollsToMonday() {
        // 2026-07-03 + 30 = 2026-08-02, an ordinary Sunday.
        assertThat(clock.addCalendarDaysCivilCode(LocalDate.of(2026, 7, 3), 30)).isEqualTo(LocalDate.of(2026, 8, 3));
    }

    @Test
    void fiveDayCorrectionWindowAcrossLabourDay2026() {
        // Received Wed 04-29. 04-30 = 1; 05-01..05 Labour Day; 05-06..08 = 2..4; Sat 05-09 (adjusted) = 5.
        assertThat(clock.addWorkingDays(LocalDate.of(2026, 4, 29), 5)).isEqualTo(LocalDate.of(2026, 5, 9));
    }

    @Test
    void workingDayTimerCountsFromTheShanghaiDateNotTheUtcDate() {
        // 2026-04-29T20:00Z is already 04-30 04:00 in Shanghai: 05-06, 07, 08, 09 (adjusted Sat), then Mon 05-11.
        Date received = Date.from(Instant.parse("2026-04-29T20:00:00Z"));

        Date due = clock.workingDaysAfter(received, 5);

        assertThat(due.toInstant()).isEqualTo(ZonedDateTime.parse("2026-05-11T23:59:59+08:00").toInstant());
    }

    @Test
    void zeroWorkingDaysIsTheStartDayWhenItIsAWorkingDayElseTheNextOne() {
        assertThat(clock.addWorkingDays(LocalDate.of(2026, 2, 13), 0)).isEqualTo(LocalDate.of(2026, 2, 13));
        assertThat(clock.addWorkingDays(LocalDate.of(2026, 2, 15), 0)).isEqualTo(LocalDate.of(2026, 2, 24));
    }

    @Test
    void countingWorkingDaysGivesBackTheTwentyAndIsNegativeBackwards() {
        Instant from = ZonedDateTime.parse("2026-02-13T09:00:00+08:00").toInstant();
        Instant to = ZonedDateTime.parse("2026-03-19T17:00:00+08:00").toInstant();

        assertThat(clock.workingDaysBetween(from, to)).isEqualTo(20);
        assertThat(clock.workingDaysBetween(to, from)).isEqualTo(-20);
        assertThat(clock.workingDaysBetween(from, from.plusSeconds(3600))).isZero();
    }

    @Test
    void aDeadlineInAYearWithoutScheduleCarriesAWarningAndCountsTheMissingYear() {
        Deadline deadline = clock.deadlineInWorkingDays(LocalDate.of(2027, 3, 1), 10);

        assertThat(deadline.warnings()).containsExactly("CALENDAR_YEAR_MISSING:2027");
        // Weekends only: Mon 03-01 + 10 working days = Mon 03-15.
        assertThat(deadline.date()).isEqualTo(LocalDate.of(2027, 3, 15));
        assertThat(meters.get(WorkingDayCalendar.MISSING_YEAR_COUNTER).tag("year", "2027").counter().count())
                .isEqualTo(1.0);
    }

    @Test
    void aDeadlineThatRunsFromDecember2026IntoJanuary2027IsFlaggedToo() {
        Deadline deadline = clock.deadlineInWorkingDays(LocalDate.of(2026, 12, 28), 5);

        assertThat(deadline.warnings()).containsExactly("CALENDAR_YEAR_MISSING:2027");
    }

    @Test
    void thePlainMethodsUsedByBpmnStillCountTheMissingYear() {
        clock.workingDaysAfter(Date.from(Instant.parse("2027-05-01T00:00:00Z")), 3);
        clock.workingDaysBetween(Instant.parse("2026-12-30T00:00:00Z"), Instant.parse("2027-01-05T00:00:00Z"));

        assertThat(meters.get(WorkingDayCalendar.MISSING_YEAR_COUNTER).tag("year", "2027").counter().count())
                .isEqualTo(2.0);
    }

    @Test
    void scheduledYearsCarryNoWarningAndCountNothing() {
        clock.deadlineInCalendarDaysCivilCode(LocalDate.of(2025, 1, 10), 30);

        assertThat(meters.find(WorkingDayCalendar.MISSING_YEAR_COUNTER).counters()).isEmpty();
    }

    @Test
    void rejectsANegativeNumberOfDays() {
        assertThatThrownBy(() -> clock.addWorkingDays(LocalDate.of(2026, 1, 5), -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private StatutoryClock clockReading(PeriodRule rule, RestDayReading reading) {
        return new StatutoryClock(InMemoryCalendarSource.bundled().calendar(meters, Duration.ofSeconds(5),
                java.util.Map.of(rule, reading)));
    }

    @Test
    void restDayReadingOfCivilCodeArt203IsASettingPerPeriodAndEveryDeadlineNamesIt() {
        // 2026-07-03 + 30 = Sunday 08-02. 2026-09-03 + 30 = 10-03, a Saturday inside National Day (10-01..07).
        LocalDate sunday = LocalDate.of(2026, 7, 3);
        LocalDate inHoliday = LocalDate.of(2026, 9, 3);
        StatutoryClock holidaysOnly = clockReading(PeriodRule.CALENDAR_DAYS, RestDayReading.HOLIDAYS_ONLY);
        StatutoryClock noRoll = clockReading(PeriodRule.CALENDAR_DAYS, RestDayReading.NO_ROLL);

        assertThat(clock.addCalendarDaysCivilCode(sunday, 30)).isEqualTo(LocalDate.of(2026, 8, 3));
        assertThat(holidaysOnly.addCalendarDaysCivilCode(sunday, 30)).isEqualTo(LocalDate.of(2026, 8, 2));
        assertThat(holidaysOnly.addCalendarDaysCivilCode(inHoliday, 30)).isEqualTo(LocalDate.of(2026, 10, 8));
        assertThat(noRoll.addCalendarDaysCivilCode(inHoliday, 30)).isEqualTo(LocalDate.of(2026, 10, 3));

        Deadline d = holidaysOnly.deadlineInCalendarDaysCivilCode(sunday, 30);
        assertThat(d.basis()).singleElement().satisfies(b -> {
            assertThat(b.rule()).isEqualTo("CIVIL_CODE_ART_201_203_CALENDAR_DAYS");
            assertThat(b.reading()).isEqualTo("HOLIDAYS_ONLY");
            assertThat(b.zh()).contains("第二百零三条").contains("周末的不顺延");
            assertThat(b.en()).contains("a last day on a weekend stands");
        });
        // The setting is per period: the divorce's cooling-off keeps its own reading.
        assertThat(holidaysOnly.deadlineOfPeriods(sunday, java.util.List.of(
                new Period(PeriodRule.DIVORCE_COOLING_OFF, 30))).date()).isEqualTo(LocalDate.of(2026, 8, 3));
        assertThat(clock.deadlineInWorkingDays(sunday, 5).basis()).singleElement()
                .satisfies(b -> assertThat(b.reading()).isEqualTo("WORKING_DAYS_ONLY"));
    }

    @Test
    void divorceDueDateIsT1sRolledEndPlusT2RolledAgain() {
        // 09-17 + 30 = Saturday 10-17 -> Monday 10-19; 10-19 + 30 = Wednesday 11-18 (not 09-17 + 61 = 11-17).
        Deadline d = clock.deadlineOfPeriods(LocalDate.of(2026, 9, 17), java.util.List.of(
                new Period(PeriodRule.DIVORCE_COOLING_OFF, 30), new Period(PeriodRule.DIVORCE_CERTIFICATE_WINDOW, 30)));
        assertThat(d.date()).isEqualTo(LocalDate.of(2026, 11, 18));
        assertThat(d.basis()).extracting(PeriodBasis::rule)
                .containsExactly("CIVIL_CODE_ART_1077_COOLING_OFF", "CIVIL_CODE_ART_1077_CERTIFICATE_WINDOW");
    }
}
