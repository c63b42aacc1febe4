package cn.zs.civil.clock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class WorkingDayArithmeticPropertiesTest {

    private static final LocalDate FIRST = LocalDate.of(2025, 1, 1);
    // Start dates cover 2025, 2026 and the unscheduled 2027, so both the schedule and the weekend fallback are tried.
    private static final int SPAN = 3 * 365;

    private static final List<YearSchedule> SCHEDULES = CalendarSeedFile.readBundled();
    private static final StatutoryClock CLOCK = new StatutoryClock(
            InMemoryCalendarSource.bundled().calendar(new SimpleMeterRegistry(), Duration.ofMinutes(5)));

    // An independent oracle straight from the published schedule, without the snapshot's arrays.
    private static final Set<LocalDate> HOLIDAYS = new HashSet<>();
    private static final Set<LocalDate> ADJUSTED = new HashSet<>();

    static {
        for (YearSchedule s : SCHEDULES) {
            s.holidays().forEach(h -> h.from().datesUntil(h.to().plusDays(1)).forEach(HOLIDAYS::add));
            ADJUSTED.addAll(s.adjustedWorkdays());
        }
    }

    private static boolean published(LocalDate d) {
        if (ADJUSTED.contains(d)) {
            return true;
        }
        boolean weekend = d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
        return !weekend && !HOLIDAYS.contains(d);
    }

    @Property
    void addingThenCountingWorkingDaysGivesBackTheNumber(@ForAll @IntRange(min = 0, max = SPAN) int offset,
                                                         @ForAll @IntRange(min = 1, max = 80) int n) {
        LocalDate start = FIRST.plusDays(offset);
        LocalDate due = CLOCK.addWorkingDays(start, n);

        assertThat(CLOCK.workingDaysBetween(StatutoryClock.endOfDay(start), StatutoryClock.endOfDay(due)))
                .isEqualTo(n);
    }

    @Property
    void workingDayDeadlinesNeverLandOnARestDay(@ForAll @IntRange(min = 0, max = SPAN) int offset,
                                                @ForAll @IntRange(min = 0, max = 80) int n) {
        LocalDate due = CLOCK.addWorkingDays(FIRST.plusDays(offset), n);

        assertThat(published(due)).as("%s is a working day", due).isTrue();
    }

    @Property
    void civilCodeDeadlinesNeverLandOnARestDayAndNeverBeforeTheNthDay(
            @ForAll @IntRange(min = 0, max = SPAN) int offset, @ForAll @IntRange(min = 0, max = 90) int n) {
        LocalDate start = FIRST.plusDays(offset);
        LocalDate due = CLOCK.addCalendarDaysCivilCode(start, n);

        assertThat(published(due)).as("%s is a working day", due).isTrue();
        assertThat(due).isAfterOrEqualTo(start.plusDays(n));
        // Only rest days are skipped on the way.
        start.plusDays(n).datesUntil(due).forEach(d -> assertThat(published(d)).as("%s skipped", d).isFalse());
    }

    @Property
    void countingMatchesThePublishedScheduleIncludingAdjustedWorkdays(
            @ForAll @IntRange(min = 0, max = SPAN) int offset, @ForAll @IntRange(min = 0, max = 120) int length) {
        LocalDate from = FIRST.plusDays(offset);
        LocalDate to = from.plusDays(length);
        long expected = from.plusDays(1).datesUntil(to.plusDays(1)).filter(
                WorkingDayArithmeticPropertiesTest::published).count();

        assertThat(CLOCK.workingDaysBetween(StatutoryClock.endOfDay(from), StatutoryClock.endOfDay(to)))
                .isEqualTo((int) expected);
    }

    @Property
    void everyAdjustedWorkdayCountsAsAWorkingDay(@ForAll @IntRange(min = 0, max = 10) int index) {
        List<LocalDate> adjusted = ADJUSTED.stream().sorted().toList();
        LocalDate workday = adjusted.get(index % adjusted.size());
        LocalDate dayBefore = workday.minusDays(1);

        assertThat(CLOCK.isWorkingDay(workday)).isTrue();
        // Counting from the day before, the adjusted weekend day is the first working day.
        assertThat(CLOCK.addWorkingDays(dayBefore, 1)).isEqualTo(workday);
    }

    @Property
    void addWorkingDaysIsMonotonicInTheNumberAndInTheStart(@ForAll @IntRange(min = 0, max = SPAN) int offset,
                                                           @ForAll @IntRange(min = 0, max = 60) int n,
                                                           @ForAll @IntRange(min = 0, max = 20) int more,
                                                           @ForAll @IntRange(min = 0, max = 20) int later) {
        LocalDate start = FIRST.plusDays(offset);

        LocalDate due = CLOCK.addWorkingDays(start, n);
        assertThat(CLOCK.addWorkingDays(start, n + more)).isAfterOrEqualTo(due);
        // Strictly later only from n = 1: for a rest day, 0 and 1 working days both give the next working day.
        if (more > 0 && n > 0) {
            assertThat(CLOCK.addWorkingDays(start, n + more)).isAfter(due);
        }
        assertThat(CLOCK.addWorkingDays(start.plusDays(later), n)).isAfterOrEqualTo(due);
    }
}
