package cn.zs.civil.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.zs.civil.problem.ApiException;

@ClockDbTest
class CaseClockServiceIT {

    // Mon 2026-03-02, morning. 20 working days (not counting 03-02) end on Mon 03-30; 10 on Mon 03-16.
    private static final Instant RECEIVED = at("2026-03-02T09:00");
    private static final Limits TWENTY_PROMISED_TEN = Limits.workingDays(20, 10);

    @Autowired
    private CaseClockService clocks;
    @Autowired
    private StatutoryClock clock;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private MessageSource messages;

    private static Instant at(String shanghaiLocal) {
        return ZonedDateTime.parse(shanghaiLocal + ":00+08:00").toInstant();
    }

    @Test
    void aCasePausedTenWorkingDaysForExpertReviewIsDueTenWorkingDaysAfterAnUnpausedOne() {
        clocks.start("PAUSE-PLAIN", RECEIVED, TWENTY_PROMISED_TEN);
        clocks.start("PAUSE-EXPERT", RECEIVED, TWENTY_PROMISED_TEN);
        // Tue 03-03 to Tue 03-17: 03-04..06, 03-09..13, 03-16, 03-17 = 10 working days.
        clocks.pause("PAUSE-EXPERT", PauseReason.EXPERT_REVIEW, at("2026-03-03T10:00"));
        clocks.resume("PAUSE-EXPERT", at("2026-03-17T10:00"));

        Map<String, ClockStatus> statuses =
                clocks.statuses(List.of("PAUSE-PLAIN", "PAUSE-EXPERT"), at("2026-03-20T12:00"));
        ClockStatus plain = statuses.get("PAUSE-PLAIN");
        ClockStatus paused = statuses.get("PAUSE-EXPERT");

        assertThat(plain.statutory().dueDate()).isEqualTo(LocalDate.of(2026, 3, 30));
        // 03-30 + 10 working days, over Qingming (04-04..06): 03-31, 04-01..03, 04-07..10, 04-13, 04-14.
        assertThat(paused.statutory().dueDate()).isEqualTo(LocalDate.of(2026, 4, 14));
        assertThat(paused.statutory().dueDate()).isEqualTo(clock.addWorkingDays(plain.statutory().dueDate(), 10));
        assertThat(paused.promised().dueDate()).isEqualTo(clock.addWorkingDays(plain.promised().dueDate(), 10));

        assertThat(paused.pausedWorkingDays()).isEqualTo(10);
        assertThat(paused.pauses()).singleElement().satisfies(p -> {
            assertThat(p.reason()).isEqualTo(PauseReason.EXPERT_REVIEW);
            assertThat(p.workingDays()).isEqualTo(10);
            assertThat(p.open()).isFalse();
        });
        assertThat(plain.pauses()).isEmpty();
        assertThat(plain.pausedWorkingDays()).isZero();
        // 03-03..06, 03-09..13, 03-16..20 = 14 working days elapsed; the paused case had 10 of them off.
        assertThat(plain.statutory().workingDaysUsed()).isEqualTo(14);
        assertThat(paused.statutory().workingDaysUsed()).isEqualTo(4);
        assertThat(paused.statutory().workingDaysRemaining()).isEqualTo(16);
    }

    @Test
    void promisedLimitTurnsRedWhileStatutoryIsStillOnTime() {
        clocks.start("STATES-1", RECEIVED, TWENTY_PROMISED_TEN);

        ClockStatus status = clocks.status("STATES-1", at("2026-03-20T12:00"));

        assertThat(status.promised().dueDate()).isEqualTo(LocalDate.of(2026, 3, 16));
        assertThat(status.promised().state()).isEqualTo(ClockState.RED);
        assertThat(status.statutory().state()).isEqualTo(ClockState.ON_TIME);
        assertThat(status.statutory().workingDaysRemaining()).isEqualTo(6);
    }

    @Test
    void turnsYellowWithThreeWorkingDaysLeftAndRedTheDayAfterTheLastDay() {
        clocks.start("STATES-2", RECEIVED, Limits.workingDays(20, null));

        ClockStatus wednesday = clocks.status("STATES-2", at("2026-03-25T09:00")); // 03-26, 27, 30 remain
        ClockStatus lastDay = clocks.status("STATES-2", at("2026-03-30T18:00"));
        ClockStatus dayAfter = clocks.status("STATES-2", at("2026-03-31T08:00"));

        assertThat(wednesday.statutory().workingDaysRemaining()).isEqualTo(3);
        assertThat(wednesday.statutory().state()).isEqualTo(ClockState.YELLOW);
        assertThat(clocks.status("STATES-2", at("2026-03-24T09:00")).statutory().state())
                .isEqualTo(ClockState.ON_TIME);
        assertThat(lastDay.statutory().state()).isEqualTo(ClockState.YELLOW);
        assertThat(dayAfter.statutory().state()).isEqualTo(ClockState.RED);
        assertThat(dayAfter.statutory().workingDaysRemaining()).isEqualTo(-1);
        assertThat(dayAfter.promised()).isNull();
    }

    @Test
    void anOpenPauseKeepsPushingTheDueDateAndShowsAsPaused() {
        clocks.start("OPEN-PAUSE", RECEIVED, Limits.workingDays(20, null));
        clocks.pause("OPEN-PAUSE", PauseReason.CORRECTIONS, at("2026-03-03T16:00"));

        ClockStatus status = clocks.status("OPEN-PAUSE", at("2026-03-10T09:00"));

        assertThat(status.paused()).isTrue();
        assertThat(status.pausedWorkingDays()).isEqualTo(5); // 03-04, 05, 06, 09, 10
        assertThat(status.statutory().workingDaysUsed()).isEqualTo(1); // 03-03
        assertThat(status.statutory().dueDate()).isEqualTo(clock.addWorkingDays(LocalDate.of(2026, 3, 30), 5));
        assertThat(status.pauses()).singleElement().satisfies(p -> assertThat(p.open()).isTrue());
    }

    @Test
    void pausesAreStoredAsIntervalsAndStatusIsRecomputedFromThem() {
        clocks.start("INTERVALS", RECEIVED, Limits.workingDays(20, null));
        clocks.pause("INTERVALS", PauseReason.CORRECTIONS, at("2026-03-03T10:00"));
        clocks.pause("INTERVALS", PauseReason.CORRECTIONS, at("2026-03-04T10:00")); // same reason: no-op
        clocks.resume("INTERVALS", at("2026-03-05T10:00"));
        clocks.resume("INTERVALS", at("2026-03-06T10:00")); // not paused: no-op
        clocks.pause("INTERVALS", PauseReason.HEARING, at("2026-03-09T10:00"));
        clocks.resume("INTERVALS", at("2026-03-11T10:00"));

        List<Map<String, Object>> rows = jdbc.queryForList(
                "select seq, reason, ended_at from clock_case_pause where application_no = ? order by seq",
                "INTERVALS");
        assertThat(rows).extracting(r -> r.get("REASON")).containsExactly("CORRECTIONS", "HEARING");
        assertThat(rows).allSatisfy(r -> assertThat(r.get("ENDED_AT")).isNotNull());

        ClockStatus status = clocks.status("INTERVALS", at("2026-03-12T10:00"));
        assertThat(status.pauses()).extracting(PauseView::workingDays).containsExactly(2, 2);
        assertThat(status.pausedWorkingDays()).isEqualTo(4);
        assertThat(status.statutory().dueDate()).isEqualTo(clock.addWorkingDays(LocalDate.of(2026, 3, 2), 24));
    }

    @Test
    void aPauseOpenedAndClosedOnTheSameDayCostsNothing() {
        clocks.start("SAME-DAY", RECEIVED, Limits.workingDays(20, null));
        clocks.pause("SAME-DAY", PauseReason.CONSULTATION, at("2026-03-04T09:00"));
        clocks.resume("SAME-DAY", at("2026-03-04T17:00"));

        assertThat(clocks.status("SAME-DAY", at("2026-03-05T09:00")).statutory().dueDate())
                .isEqualTo(LocalDate.of(2026, 3, 30));
    }

    @Test
    void stoppingFreezesTheClockAndEndsAnOpenPause() {
        clocks.start("STOPPED", RECEIVED, Limits.workingDays(20, null));
        clocks.pause("STOPPED", PauseReason.EXPERT_REVIEW, at("2026-03-05T10:00"));
        clocks.stop("STOPPED", at("2026-03-06T15:00"));
        clocks.stop("STOPPED", at("2026-03-09T15:00")); // already stopped: no-op

        ClockStatus muchLater = clocks.status("STOPPED", at("2026-06-01T10:00"));

        assertThat(muchLater.stopped()).isTrue();
        assertThat(muchLater.stoppedAt()).isEqualTo(at("2026-03-06T15:00"));
        assertThat(muchLater.paused()).isFalse();
        assertThat(muchLater.pauses()).singleElement()
                .satisfies(p -> assertThat(p.endedAt()).isEqualTo(at("2026-03-06T15:00")));
        assertThat(muchLater.statutory().state()).isEqualTo(ClockState.ON_TIME);
        assertThat(muchLater.statutory().workingDaysUsed()).isEqualTo(3); // 03-03..05; 03-06 was paused
        assertThatThrownBy(() -> clocks.pause("STOPPED", PauseReason.HEARING, at("2026-03-10T10:00")))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status().value()).isEqualTo(409);
                    assertThat(e.messageKey()).isEqualTo("clock.case.pauseAfterDecision");
                    assertThat(text(e, Locale.SIMPLIFIED_CHINESE))
                            .isEqualTo("办件STOPPED已于2026-03-06 15:00作出决定，计时已停止，不能再暂停。");
                    assertThat(text(e, Locale.ENGLISH)).isEqualTo(
                            "Case STOPPED was decided on 2026-03-06 15:00 and its clock has stopped; it cannot be paused.");
                });
    }

    @Test
    void aCaseDecidedAfterItsLastDayStaysRed() {
        clocks.start("LATE", RECEIVED, Limits.workingDays(5, null));
        clocks.stop("LATE", at("2026-03-12T10:00")); // due Mon 03-09

        ClockStatus status = clocks.status("LATE", at("2026-04-01T10:00"));

        assertThat(status.statutory().dueDate()).isEqualTo(LocalDate.of(2026, 3, 9));
        assertThat(status.statutory().state()).isEqualTo(ClockState.RED);
    }

    @Test
    void startingTwiceKeepsTheFirstStart() {
        clocks.start("TWICE", RECEIVED, Limits.workingDays(20, null));
        clocks.start("TWICE", at("2026-04-01T09:00"), Limits.workingDays(60, null));

        ClockStatus status = clocks.status("TWICE", at("2026-03-03T09:00"));

        assertThat(status.startedAt()).isEqualTo(RECEIVED);
        assertThat(status.limits().statutoryDays()).isEqualTo(20);
    }

    @Test
    void aCalendarDayLimitRollsPastNationalDay() {
        clocks.start("CALENDAR-30", at("2026-09-03T10:00"), Limits.calendarDays(30, null));

        assertThat(clocks.status("CALENDAR-30", at("2026-09-10T10:00")).statutory().dueDate())
                .isEqualTo(LocalDate.of(2026, 10, 8));
    }

    @Test
    void rejectsAPauseBeforeTheStartAndOverlappingPauses() {
        clocks.start("BAD-PAUSES", RECEIVED, Limits.workingDays(20, null));
        clocks.pause("BAD-PAUSES", PauseReason.CORRECTIONS, at("2026-03-04T10:00"));

        assertThatThrownBy(() -> clocks.pause("BAD-PAUSES", PauseReason.HEARING, at("2026-03-05T10:00")))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("clock.case.alreadyPaused");
                    assertThat(text(e, Locale.SIMPLIFIED_CHINESE))
                            .isEqualTo("办件BAD-PAUSES自2026-03-04 10:00起已因“等待申请人补正材料”暂停计时，请先恢复计时。");
                    assertThat(text(e, Locale.ENGLISH)).isEqualTo("The clock of case BAD-PAUSES has been paused for"
                            + " \"Waiting for the applicant's corrections\" since 2026-03-04 10:00; resume it first.");
                });
        assertThatThrownBy(() -> clocks.resume("BAD-PAUSES", at("2026-03-03T10:00")))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("clock.case.resumeBeforePause");
                    assertThat(text(e, Locale.ENGLISH)).isEqualTo("The clock of case BAD-PAUSES was paused for"
                            + " \"Waiting for the applicant's corrections\" at 2026-03-04 10:00; it cannot resume"
                            + " earlier, at 2026-03-03 10:00.");
                });
        clocks.resume("BAD-PAUSES", at("2026-03-06T10:00"));
        assertThatThrownBy(() -> clocks.pause("BAD-PAUSES", PauseReason.HEARING, at("2026-03-05T10:00")))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("clock.case.pauseOverlaps");
                    assertThat(text(e, Locale.SIMPLIFIED_CHINESE)).isEqualTo("暂停时间（2026-03-05 10:00）早于办件"
                            + "BAD-PAUSES上一次暂停的结束时间（2026-03-06 10:00），两次暂停不能重叠。");
                });
        assertThatThrownBy(() -> clocks.pause("BAD-PAUSES", PauseReason.HEARING, at("2026-03-01T10:00")))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("clock.case.pauseBeforeStart");
                    assertThat(text(e, Locale.ENGLISH)).isEqualTo(
                            "The pause at 2026-03-01 10:00 is before the clock of case BAD-PAUSES started"
                                    + " (2026-03-02 09:00).");
                });
    }

    @Test
    void anUnknownCaseIsNotFoundAndLeftOutOfBatches() {
        clocks.start("KNOWN", RECEIVED, Limits.workingDays(20, null));

        assertThatThrownBy(() -> clocks.status("UNKNOWN", at("2026-03-03T09:00")))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status().value()).isEqualTo(404);
                    assertThat(e.messageKey()).isEqualTo("clock.case.notStarted");
                    assertThat(text(e, Locale.SIMPLIFIED_CHINESE)).isEqualTo("办件UNKNOWN的法定办理时限尚未开始计算。");
                    assertThat(text(e, Locale.ENGLISH)).isEqualTo("The statutory clock of case UNKNOWN has not been started.");
                });
        assertThat(clocks.statuses(List.of("UNKNOWN", "KNOWN"), at("2026-03-03T09:00"))).containsOnlyKeys("KNOWN");
    }

    @Test
    void aCaseRunningIntoAnUnscheduledYearCarriesTheWarning() {
        clocks.start("INTO-2031", at("2030-12-20T10:00"), Limits.workingDays(20, null));

        assertThat(clocks.status("INTO-2031", at("2030-12-21T10:00")).warnings())
                .containsExactly("CALENDAR_YEAR_MISSING:2030", "CALENDAR_YEAR_MISSING:2031");
    }

    /** The problem's detail as the advice writes it, in the given language. */
    private String text(ApiException e, Locale locale) {
        return messages.getMessage(e.messageKey(), e.args(), locale);
    }
}
