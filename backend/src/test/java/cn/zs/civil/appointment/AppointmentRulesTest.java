package cn.zs.civil.appointment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.zs.civil.appointment.AppointmentRules.Refusal;

/** The booking rules alone, on a calendar where Saturdays and Sundays are rest days. */
class AppointmentRulesTest {

    static final AppointmentProperties.Service MARRIAGE = new AppointmentProperties.Service("08:30", 1, 15, 1,
            List.of(new AppointmentProperties.Band("am", "09:00", "12:00", 30),
                    new AppointmentProperties.Band("pm", "14:00", "17:00", 30)));

    static AppointmentProperties properties(AppointmentProperties.NoShow noShow, AppointmentProperties.Hall hall) {
        return new AppointmentProperties(Map.of("marriage-registration", MARRIAGE),
                List.of(new AppointmentProperties.Office("city", "shiqi", "中山市婚姻登记处", "Zhongshan Marriage Registry")),
                noShow, List.of(new AppointmentProperties.SpecialDate("05-20", 40, true, "520", "5-20"),
                        new AppointmentProperties.SpecialDate("2026-02-14", 20, false, "情人节", "Valentine")),
                30, hall, null, 0);
    }

    final AppointmentRules rules = new AppointmentRules(properties(null, null),
            d -> d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY);

    // Monday 2026-06-01
    static final LocalDate MONDAY = LocalDate.of(2026, 6, 1);

    @Test
    void theWindowRunsFromTomorrowToFifteenDaysAheadReleasedAtHalfPastEight() {
        LocalDateTime early = MONDAY.atTime(8, 29);
        LocalDateTime released = MONDAY.atTime(8, 30);
        assertThat(rules.bookable(MARRIAGE, MONDAY, released).refusal()).isEqualTo(Refusal.TOO_SOON);
        assertThat(rules.bookable(MARRIAGE, MONDAY.plusDays(1), early).open()).isTrue();
        assertThat(rules.bookable(MARRIAGE, MONDAY.plusDays(14), early).open()).isTrue();
        // the 15th day ahead (Tuesday 06-16) opens at 08:30 today
        AppointmentRules.Verdict notYet = rules.bookable(MARRIAGE, MONDAY.plusDays(15), early);
        assertThat(notYet.refusal()).isEqualTo(Refusal.NOT_YET_RELEASED);
        assertThat(notYet.when()).isEqualTo(released);
        assertThat(rules.bookable(MARRIAGE, MONDAY.plusDays(15), released).open()).isTrue();
        AppointmentRules.Verdict far = rules.bookable(MARRIAGE, MONDAY.plusDays(16), released);
        assertThat(far.refusal()).isEqualTo(Refusal.TOO_FAR);
        assertThat(far.when()).isEqualTo(MONDAY.plusDays(1).atTime(8, 30));
    }

    @Test
    void restDaysAreClosedUnlessASpecialDateOpensThem() {
        LocalDateTime now = LocalDate.of(2026, 5, 11).atTime(9, 0);
        assertThat(rules.bookable(MARRIAGE, LocalDate.of(2026, 5, 16), now).refusal()).isEqualTo(Refusal.CLOSED);
        // 2027-05-20 is a Thursday; 2028-05-20 a Saturday, opened by the special date
        assertThat(rules.openDay(LocalDate.of(2028, 5, 20))).isTrue();
        // 2026-02-14 is a Saturday, listed but not opened on a rest day
        assertThat(rules.openDay(LocalDate.of(2026, 2, 14))).isFalse();
        assertThat(rules.special(LocalDate.of(2026, 2, 14))).isPresent();
        assertThat(rules.special(LocalDate.of(2027, 2, 14))).isEmpty();
    }

    @Test
    void aSpecialDateHasItsExtraPlacesInEveryBand() {
        AppointmentProperties.Band am = MARRIAGE.band("am");
        assertThat(rules.capacity(am, LocalDate.of(2027, 5, 20))).isEqualTo(70);
        assertThat(rules.capacity(am, LocalDate.of(2027, 5, 21))).isEqualTo(30);
        assertThat(rules.announced(LocalDate.of(2027, 4, 20))).containsExactly(LocalDate.of(2027, 5, 20));
        assertThat(rules.announced(LocalDate.of(2027, 4, 19))).isEmpty();
    }

    @Test
    void aBookingMayBeCancelledUntilTheDayBefore() {
        LocalDate day = LocalDate.of(2026, 6, 10);
        assertThat(rules.lastCancelDay(MARRIAGE, day)).isEqualTo(LocalDate.of(2026, 6, 9));
        assertThat(rules.cancellable(MARRIAGE, day, LocalDate.of(2026, 6, 9))).isTrue();
        assertThat(rules.cancellable(MARRIAGE, day, LocalDate.of(2026, 6, 10))).isFalse();
    }

    @Test
    void twoNoShowsWithinThirtyDaysBarBookingForFifteenDaysAfterTheSecond() {
        LocalDate first = LocalDate.of(2026, 5, 4);
        LocalDate second = LocalDate.of(2026, 6, 2);
        assertThat(rules.barredUntil(List.of(first), second)).isEmpty();
        assertThat(rules.barredUntil(List.of(first, second), second)).contains(LocalDate.of(2026, 6, 17));
        assertThat(rules.barredUntil(List.of(second, first), LocalDate.of(2026, 6, 17))).contains(LocalDate.of(2026, 6, 17));
        assertThat(rules.barredUntil(List.of(first, second), LocalDate.of(2026, 6, 18))).isEmpty();
        // 30 days apart is not within 30 days
        assertThat(rules.barredUntil(List.of(LocalDate.of(2026, 5, 3), second), second)).isEmpty();
    }

    @Test
    void theNoShowRuleIsAParameter() {
        AppointmentRules strict = new AppointmentRules(properties(new AppointmentProperties.NoShow(1, 60, 30), null),
                d -> true);
        assertThat(strict.barredUntil(List.of(MONDAY), MONDAY.plusDays(30))).contains(MONDAY.plusDays(30));
        AppointmentRules off = new AppointmentRules(properties(new AppointmentProperties.NoShow(0, 30, 15), null),
                d -> true);
        assertThat(off.barredUntil(List.of(MONDAY, MONDAY.plusDays(1)), MONDAY.plusDays(2))).isEmpty();
    }

    @Test
    void anAppointmentInItsBandGoesBeforeWalkInsUnlessConfiguredOtherwise() {
        AppointmentProperties.Band am = MARRIAGE.band("am");
        assertThat(rules.priority(am, MONDAY, MONDAY.atTime(8, 30))).isEqualTo(1);
        assertThat(rules.priority(am, MONDAY, MONDAY.atTime(8, 29))).isEqualTo(2);
        assertThat(rules.priority(am, MONDAY, MONDAY.atTime(12, 30))).isEqualTo(1);
        assertThat(rules.priority(am, MONDAY, MONDAY.atTime(12, 31))).isEqualTo(2);
        assertThat(rules.priority(am, MONDAY.plusDays(1), MONDAY.atTime(10, 0))).isEqualTo(2);
        assertThat(rules.priority(null, MONDAY, MONDAY.atTime(10, 0))).isEqualTo(2);
        AppointmentRules arrival = new AppointmentRules(properties(null, new AppointmentProperties.Hall(false, 30, 30)),
                d -> true);
        assertThat(arrival.priority(am, MONDAY, MONDAY.atTime(10, 0))).isEqualTo(2);
    }

    @Test
    void percentilesAreNearestRank() {
        assertThat(HallService.percentile(List.of(), 50)).isNull();
        assertThat(HallService.percentile(List.of(1.0, 2.0, 3.0, 4.0), 50)).isEqualTo(2.0);
        assertThat(HallService.percentile(List.of(1.0, 2.0, 3.0, 4.0), 95)).isEqualTo(4.0);
    }
}
