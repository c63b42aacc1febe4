package cn.zs.civil.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.i18n.LocaleContextHolder;

import cn.zs.civil.problem.ApiException;
import cn.zs.civil.problem.FieldProblem;

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

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

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
    void rejectsAScheduleThatBreaksTheRulesWithEveryMistakeAndItsFieldInChineseAndEnglish() {
        CalendarYearRequest request = new CalendarYearRequest(List.of(
                new CalendarYearRequest.HolidayRequest("春节", "Spring Festival", "2028-01-26", "2028-01-20"),
                new CalendarYearRequest.HolidayRequest("国庆节", "National Day", "2028-12-30", "2029-01-02")),
                List.of("2028-03-01"));

        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
        assertThatThrownBy(() -> calendarService.replaceYear(2028, request, "admin"))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status().value()).isEqualTo(422);
                    assertThat(e.messageKey()).isEqualTo("clock.calendar.invalid");
                    assertThat(e.args()).containsExactly("2028", 3);
                    assertThat(e.fieldProblems()).extracting(FieldProblem::field, FieldProblem::code,
                            FieldProblem::message).containsExactly(
                            org.assertj.core.groups.Tuple.tuple("holidays[0].to", "clock.holiday.endsBeforeStart",
                                    "“第1个节假日的最后一天”（2028-01-20）早于该节假日的第一天（2028-01-26）。"),
                            org.assertj.core.groups.Tuple.tuple("holidays[1].to", "clock.date.outsideYear",
                                    "“第2个节假日的最后一天”（2029-01-02）不在2028年内。"),
                            org.assertj.core.groups.Tuple.tuple("adjustedWorkdays[0]", "clock.workday.notWeekend",
                                    "“第1个调休上班日”（2028-03-01）是星期三，本来就是工作日：只有星期六、星期日才能调为上班日。"));
                    assertThat(e.fieldProblems()).extracting(FieldProblem::label)
                            .containsExactly("第1个节假日的最后一天", "第2个节假日的最后一天", "第1个调休上班日");
                });

        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThatThrownBy(() -> calendarService.replaceYear(2028, request, "admin"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.fieldProblems())
                        .extracting(FieldProblem::label, FieldProblem::message).containsExactly(
                                org.assertj.core.groups.Tuple.tuple("Last day of holiday 1",
                                        "\"Last day of holiday 1\" (2028-01-20) is before the holiday's first day"
                                                + " (2028-01-26)."),
                                org.assertj.core.groups.Tuple.tuple("Last day of holiday 2",
                                        "\"Last day of holiday 2\" (2029-01-02) is not in 2028."),
                                org.assertj.core.groups.Tuple.tuple("Adjusted working day 1",
                                        "\"Adjusted working day 1\" (2028-03-01) is a Wednesday, already a working"
                                                + " day: only a Saturday or Sunday can be made a working day.")));
        assertThat(calendarService.year(2028)).isEmpty();
    }

    @Test
    void namesOverlappingAndOverlongHolidaysByTheirNameInTheReadersLanguage() {
        CalendarYearRequest request = new CalendarYearRequest(List.of(
                new CalendarYearRequest.HolidayRequest("劳动节", "Labour Day", "2028-05-01", "2028-05-05"),
                new CalendarYearRequest.HolidayRequest("端午节", "Dragon Boat Festival", "2028-05-05", "2028-06-30")),
                List.of("2028-05-06", "2028-05-06"));

        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThatThrownBy(() -> calendarService.replaceYear(2028, request, "admin"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.fieldProblems())
                        .extracting(FieldProblem::field, FieldProblem::code, FieldProblem::message).contains(
                                org.assertj.core.groups.Tuple.tuple("holidays[1]", "clock.holiday.tooLong",
                                        "\"Holiday 2\" lasts 57 days, more than 31: no holiday the State Council"
                                                + " publishes is that long; check the first and last day."),
                                org.assertj.core.groups.Tuple.tuple("holidays[1].from", "clock.holiday.overlaps",
                                        "\"First day of holiday 2\" overlaps the holiday \"Labour Day\" (2028-05-01"
                                                + " to 2028-05-05)."),
                                org.assertj.core.groups.Tuple.tuple("adjustedWorkdays[1]", "clock.workday.duplicate",
                                        "\"Adjusted working day 2\" (2028-05-06) is listed twice.")));

        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
        assertThatThrownBy(() -> calendarService.replaceYear(2028, request, "admin"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.fieldProblems())
                        .extracting(FieldProblem::field, FieldProblem::message).contains(
                                org.assertj.core.groups.Tuple.tuple("holidays[1].from",
                                        "“第2个节假日的第一天”与节假日“劳动节”（2028-05-01至2028-05-05）重叠。"),
                                org.assertj.core.groups.Tuple.tuple("adjustedWorkdays[0]",
                                        "“第1个调休上班日”（2028-05-06）在节假日“端午节”之内，不能同时是上班日。")));
    }

    @Test
    void rejectsUnreadableDatesAndMissingNamesWith400InTheReadersLanguage() {
        CalendarYearRequest request = new CalendarYearRequest(List.of(
                new CalendarYearRequest.HolidayRequest("", null, "2028-02-30", "yesterday")), List.of("2028/05/06"));

        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThatThrownBy(() -> calendarService.replaceYear(2028, request, "admin"))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status().value()).isEqualTo(400);
                    assertThat(e.messageKey()).isEqualTo("clock.calendar.unreadable");
                    assertThat(e.fieldProblems()).extracting(FieldProblem::field, FieldProblem::code,
                            FieldProblem::message).containsExactly(
                            org.assertj.core.groups.Tuple.tuple("adjustedWorkdays[0]", "clock.date.invalid",
                                    "\"Adjusted working day 1\" is not a valid date; write it as year-month-day,"
                                            + " e.g. 2026-10-01."),
                            org.assertj.core.groups.Tuple.tuple("holidays[0].from", "clock.date.invalid",
                                    "\"First day of holiday 1\" is not a valid date; write it as year-month-day,"
                                            + " e.g. 2026-10-01."),
                            org.assertj.core.groups.Tuple.tuple("holidays[0].name", "form.required",
                                    "\"Name of holiday 1\" is required."),
                            org.assertj.core.groups.Tuple.tuple("holidays[0].to", "clock.date.invalid",
                                    "\"Last day of holiday 1\" is not a valid date; write it as year-month-day,"
                                            + " e.g. 2026-10-01."));
                });

        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
        CalendarYearRequest tooMany = new CalendarYearRequest(java.util.Collections.nCopies(41,
                new CalendarYearRequest.HolidayRequest("元旦", null, "2028-01-01", "2028-01-01")), List.of());
        assertThatThrownBy(() -> calendarService.replaceYear(2028, tooMany, "admin"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.fieldProblems())
                        .extracting(FieldProblem::field, FieldProblem::code, FieldProblem::message)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("holidays", "form.tooManyItems",
                                "“节假日”最多40项。")));
    }
}
