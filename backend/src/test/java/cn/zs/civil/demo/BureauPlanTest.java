package cn.zs.civil.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Month;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/** The bureau's year as planned: the seed's figures at a scale, by month and district, the same for the same seed. */
class BureauPlanTest {

    @Test
    void theWholeYearPlansTheSeedReportsFiguresExactly() {
        BureauPlan plan = BureauPlan.year(2021, 1.0, 2021);
        assertThat(plan.expected()).isEqualTo(BureauPlan.SEED);
        // 网上办理率 97.2 %: of the year's 31,193 cases received (the seed's 30,562 counted outcomes and the refusals,
        // withdrawals and lapses that were received too), 873 walk-ins at the counter; every other marriage and
        // divorce booked online a day to two weeks before it comes.
        assertThat(plan.received()).isEqualTo(31_193);
        assertThat(plan.walkIns).isEqualTo(873);
        assertThat(plan.onlineShare()).isEqualByComparingTo("0.9720");
        assertThat(plan.cases.stream().filter(c -> (c.service() == BureauPlan.Service.MARRIAGE
                || c.service() == BureauPlan.Service.DIVORCE) && c.bookedAt() == null)).hasSize(873);
        assertThat(plan.cases.stream().filter(c -> c.bookedAt() != null)).allSatisfy(c -> {
            assertThat(c.service()).isIn(BureauPlan.Service.MARRIAGE, BureauPlan.Service.DIVORCE);
            long ahead = java.time.temporal.ChronoUnit.DAYS.between(c.bookedAt().toLocalDate(),
                    c.receivedAt().toLocalDate());
            assertThat(ahead).isBetween(1L, 14L);
        });
    }

    @Test
    void aScaledYearKeepsTheOnlineShareAsNearAsWholeCasesAllow() {
        for (double scale : new double[] {0.0015, 0.01, 0.05, 0.25}) {
            BureauPlan plan = BureauPlan.year(2021, scale, 7);
            assertThat(plan.walkIns).isEqualTo(Math.round(plan.received() * 0.028));
            // Within half a case of the seed's share.
            assertThat(plan.onlineShare().doubleValue()).isCloseTo(0.972, org.assertj.core.data.Offset.offset(
                    0.5 / plan.received() + 0.00005));
        }
    }

    @Test
    void aScaledYearPlansTheScaledFiguresAndTheSameMix() {
        for (double scale : new double[] {0.01, 0.05, 0.25}) {
            BureauPlan plan = BureauPlan.year(2021, scale, 7);
            BureauPlan.Figures f = plan.expected();
            assertThat(f.marriages()).isEqualTo(Math.round(12_319 * scale));
            assertThat(f.divorceApplications()).isEqualTo(Math.round(6_482 * scale));
            assertThat(f.divorces()).isEqualTo(Math.round(3_995 * scale));
            assertThat(f.crossRegion()).isEqualTo(Math.round(2_366 * scale));
            assertThat(f.socialOrgs()).isEqualTo(Math.round(1_092 * scale));
            assertThat(f.placeNames()).isEqualTo(Math.round(88 * scale));
            assertThat(f.waivers()).isEqualTo(Math.round(10_581 * scale));
            assertThat(f.waivedYuan()).isEqualTo(Math.round(5_060_000 * scale));
        }
    }

    @Test
    void marriagesPeakInJanuaryMayAndOctoberAndEveryDistrictHasCases() {
        BureauPlan plan = BureauPlan.year(2021, 0.25, 2021);
        Map<Month, Long> marriages = new TreeMap<>(plan.cases.stream()
                .filter(c -> c.service() == BureauPlan.Service.MARRIAGE)
                .collect(Collectors.groupingBy(c -> c.receivedAt().getMonth(), Collectors.counting())));
        assertThat(marriages).hasSize(12);
        assertThat(marriages.get(Month.MAY)).isGreaterThan(marriages.get(Month.JULY));
        assertThat(marriages.get(Month.OCTOBER)).isGreaterThan(marriages.get(Month.MARCH));
        assertThat(plan.cases.stream().map(BureauPlan.Case::district).distinct()).hasSize(23);
        assertThat(plan.cases.stream().filter(c -> c.service() == BureauPlan.Service.MARRIAGE)
                .allMatch(c -> BureauPlan.working(c.receivedAt().toLocalDate()))).isTrue();
    }

    @Test
    void aSmallScaleKeepsEveryMonth() {
        BureauPlan plan = BureauPlan.year(2021, 0.01, 2021);
        for (BureauPlan.Service s : new BureauPlan.Service[] {BureauPlan.Service.MARRIAGE, BureauPlan.Service.DIVORCE,
            BureauPlan.Service.FUNERAL}) {
            assertThat(plan.cases.stream().filter(c -> c.service() == s).map(c -> c.receivedAt().getMonth()).distinct())
                    .as(s.toString()).hasSize(12);
        }
    }

    @Test
    void theSameSeedGivesTheSamePlan() {
        assertThat(BureauPlan.year(2021, 0.02, 5).cases).isEqualTo(BureauPlan.year(2021, 0.02, 5).cases);
        assertThat(BureauPlan.year(2021, 0.02, 5).cases).isNotEqualTo(BureauPlan.year(2021, 0.02, 6).cases);
    }

    @Test
    void theSampleHasEveryServiceAndCasesStillOpenAtItsEnd() {
        LocalDate today = LocalDate.of(2026, 6, 1);
        BureauPlan plan = new BureauPlan(today.minusDays(DemoCases.SAMPLE_DAYS), today, DemoCases.SAMPLE, 2,
                DemoCases.SAMPLE_SEED);
        // The two divorces that wait for the registrar at the end are received too.
        BureauPlan.Figures s = DemoCases.SAMPLE;
        assertThat(plan.expected()).isEqualTo(new BureauPlan.Figures(s.marriages(), s.divorceApplications() + 2,
                s.divorces(), s.crossRegion(), s.socialOrgs(), s.placeNames(), s.waivers(), s.waivedYuan()));
        assertThat(plan.cases.stream().map(BureauPlan.Case::service).distinct()).hasSize(6);
        assertThat(plan.cases).hasSizeBetween(50, 400);
        LocalDateTime end = today.atTime(9, 0);
        assertThat(plan.cases.stream().filter(c -> BureauPlan.last(c).isAfter(end) || c.fate() == BureauPlan.Fate.OPEN)
                .map(BureauPlan.Case::service).distinct()).hasSize(6);
        // The cases that wait for the staff are received before the last day (a Monday here) begins, so a start at
        // any hour of any day finds every one of them in its queue.
        assertThat(plan.cases.stream().filter(c -> c.fate() == BureauPlan.Fate.OPEN))
                .hasSizeGreaterThanOrEqualTo(12)
                .allMatch(c -> c.receivedAt().isBefore(today.atStartOfDay()));
        // One social organisation waits for the director (the director's queue is not empty): its acceptance,
        // review, on-site verification and the chief's approval all taken before the last day.
        assertThat(plan.cases.stream().filter(c -> c.fate() == BureauPlan.Fate.OPEN
                && c.service() == BureauPlan.Service.SOCIALORG && c.steps().size() == 5))
                .singleElement()
                .matches(c -> BureauPlan.last(c).isBefore(today.atStartOfDay()))
                .matches(c -> c.steps().stream().sorted().toList().equals(c.steps()));
    }

    @Test
    void waiversAddUpToThePlannedAmountWithinTheStandards() {
        for (int amount : new int[] {250, 478, 650, 890}) {
            assertThat(BureauRun.items(amount).stream()
                    .mapToInt(i -> Math.min((Integer) i.get("charge"), standard((String) i.get("itemCode")))).sum())
                    .isEqualTo(amount);
        }
    }

    private static int standard(String item) {
        return switch (item) {
            case "CREMATION" -> 250;
            case "TRANSPORT" -> 180;
            case "URN" -> 150;
            case "DISINFECTION" -> 90;
            case "STORAGE" -> 240;
            default -> 0;
        };
    }
}
