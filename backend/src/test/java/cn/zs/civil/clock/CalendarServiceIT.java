package cn.zs.civil.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.ErrorResponseException;

@ClockDbTest
class CalendarServiceIT {

    // A made-up 2027 schedule (the real one is not published yet): Spring Festival Sat 02-06 to Sun 02-14,
    // Saturday 02-20 worked.
    private static final CalendarYearRequest SCHEDULE_2027 = new CalendarYearRequest(List.of(
            new CalendarYearRequest.HolidayRequest("元旦", "New Year's Day", "2027-01-01", "2027-01-03"),
            new CalendarYearRequest.HolidayRequest("春节", "Spring Festival", "2027-02-06", "2027-02-14")),
            List.of("2027-02-20"));

    @Autowired
    private CalendarService calendarService;
    @Autowired
    private StatutoryClock clock;
    @Autowired
    private CalendarStore store;
    @Autowired
    private CalendarSeeder seeder;

    @Test
    void startUpSeedsTheBundledYearsAndSeedingAgainAddsNothing() {
        assertThat(calendarService.years()).extracting(CalendarYearSummary::year).contains(2025, 2026);
        CalendarYear year2026 = calendarService.year(2026).orElseThrow();
        assertThat(year2026.origin()).isEqualTo("SEED");
        assertThat(year2026.holidays()).hasSize(7).first()
                .isEqualTo(new Holiday("元旦", "New Year's Day", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 3)));
        assertThat(year2026.adjustedWorkdays()).contains(LocalDate.of(2026, 2, 14), LocalDate.of(2026, 10, 10));

        assertThat(seeder.seedMissingYears()).isZero();
    }

    @Test
    void anAdminEditOfASeededYearSurvivesTheNextSeeding() {
        CalendarYear edited = calendarService.replaceYear(2025, new CalendarYearRequest(List.of(
                new CalendarYearRequest.HolidayRequest("元旦", "New Year's Day", "2025-01-01", "2025-01-01")),
                List.of()), "admin-wang");

        seeder.seedMissingYears();

        CalendarYear after = calendarService.year(2025).orElseThrow();
        assertThat(after).isEqualTo(edited);
        assertThat(after.origin()).isEqualTo("ADMIN");
        assertThat(after.updatedBy()).isEqualTo("admin-wang");
        assertThat(after.holidays()).hasSize(1);
    }

    @Test
    void anAdminAdds2027AndDeadlinesIn2027ChangeWithoutRestartOnThisAndOtherNodes() {
        WorkingDayCalendar otherNode = new WorkingDayCalendar(store, new ClockProperties(3, Duration.ZERO, false),
                new SimpleMeterRegistry());
        StatutoryClock otherClock = new StatutoryClock(otherNode);
        long versionBefore = store.globalVersion();

        Deadline guessed = clock.deadlineInWorkingDays(LocalDate.of(2027, 2, 5), 5);
        assertThat(guessed.date()).isEqualTo(LocalDate.of(2027, 2, 12)); // weekends only: 02-08..12
        assertThat(guessed.warnings()).containsExactly("CALENDAR_YEAR_MISSING:2027");
        assertThat(otherClock.addWorkingDays(LocalDate.of(2027, 2, 5), 5)).isEqualTo(LocalDate.of(2027, 2, 12));

        CalendarYear saved = calendarService.replaceYear(2027, SCHEDULE_2027, "admin-li");

        // 02-06..14 holidays; Mon 02-15..Fri 02-19 are the five working days.
        Deadline known = clock.deadlineInWorkingDays(LocalDate.of(2027, 2, 5), 5);
        assertThat(known.date()).isEqualTo(LocalDate.of(2027, 2, 19));
        assertThat(known.warnings()).isEmpty();
        assertThat(otherClock.addWorkingDays(LocalDate.of(2027, 2, 5), 5)).isEqualTo(LocalDate.of(2027, 2, 19));
        assertThat(clock.addWorkingDays(LocalDate.of(2027, 2, 19), 1)).isEqualTo(LocalDate.of(2027, 2, 20));
        assertThat(saved.version()).isEqualTo(1);
        assertThat(saved.updatedBy()).isEqualTo("admin-li");
        assertThat(store.globalVersion()).isGreaterThan(versionBefore);
    }

    @Test
    void replacingAYearAgainBumpsItsVersion() {
        CalendarYearRequest request = new CalendarYearRequest(List.of(
                new CalendarYearRequest.HolidayRequest("元旦", null, "2029-01-01", "2029-01-01")), null);

        long first = calendarService.replaceYear(2029, request, "a").version();
        long second = calendarService.replaceYear(2029, request, "b").version();

        assertThat(second).isEqualTo(first + 1);
        assertThat(calendarService.years()).filteredOn(y -> y.year() == 2029).singleElement()
                .satisfies(y -> assertThat(y.updatedBy()).isEqualTo("b"));
    }

    @Test
    void rejectsAScheduleThatBreaksTheRulesWithEveryMistakeAndItsField() {
        CalendarYearRequest request = new CalendarYearRequest(List.of(
                new CalendarYearRequest.HolidayRequest("春节", "Spring Festival", "2028-01-26", "2028-01-20"),
                new CalendarYearRequest.HolidayRequest("国庆节", "National Day", "2028-12-30", "2029-01-02")),
                List.of("2028-03-01"));

        assertThatThrownBy(() -> calendarService.replaceYear(2028, request, "admin"))
                .isInstanceOfSatisfying(ErrorResponseException.class, e -> {
                    assertThat(e.getStatusCode().value()).isEqualTo(422);
                    assertThat(errors(e)).extracting(FieldProblem::field)
                            .contains("holidays[0].to", "holidays[1].to", "adjustedWorkdays[0]");
                });
        assertThat(calendarService.year(2028)).isEmpty();
    }

    @Test
    void rejectsUnreadableDatesAndMissingNamesWith400() {
        CalendarYearRequest request = new CalendarYearRequest(List.of(
                new CalendarYearRequest.HolidayRequest("", null, "2028-02-30", "yesterday")), List.of("2028/05/06"));

        assertThatThrownBy(() -> calendarService.replaceYear(2028, request, "admin"))
                .isInstanceOfSatisfying(ErrorResponseException.class, e -> {
                    assertThat(e.getStatusCode().value()).isEqualTo(400);
                    assertThat(errors(e)).extracting(FieldProblem::field).containsExactlyInAnyOrder(
                            "holidays[0].name", "holidays[0].from", "holidays[0].to", "adjustedWorkdays[0]");
                });
    }

    @SuppressWarnings("unchecked")
    private static List<FieldProblem> errors(ErrorResponseException e) {
        return (List<FieldProblem>) e.getBody().getProperties().get("errors");
    }
}
