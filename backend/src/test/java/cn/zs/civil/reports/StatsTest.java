package cn.zs.civil.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

class StatsTest {

    @Test
    void aHistogramGivesTheSameFiguresAsTheSortedValues() {
        Random random = new Random(7);
        for (int round = 0; round < 500; round++) {
            int n = 1 + random.nextInt(round < 50 ? 5 : 400);
            int spread = 1 + random.nextInt(round % 2 == 0 ? 10 : 5000);
            int scale = random.nextInt(2);
            List<BigDecimal> values = new ArrayList<>();
            TreeMap<Long, Long> histogram = new TreeMap<>();
            for (int i = 0; i < n; i++) {
                long v = random.nextInt(spread);
                values.add(BigDecimal.valueOf(v, scale));
                histogram.merge(v, 1L, Long::sum);
            }
            Stats expected = Stats.of(values);
            Stats actual = Stats.ofHistogram(histogram, scale);
            assertThat(actual.count()).isEqualTo(expected.count());
            assertThat(actual.mean()).isEqualByComparingTo(expected.mean());
            assertThat(actual.median()).isEqualByComparingTo(expected.median());
            assertThat(actual.p90()).isEqualByComparingTo(expected.p90());
            assertThat(actual.p95()).isEqualByComparingTo(expected.p95());
            assertThat(actual.max()).isEqualByComparingTo(expected.max());
        }
    }

    @Test
    void anEmptyHistogramHasNoFigures() {
        assertThat(Stats.ofHistogram(new TreeMap<>(), 1)).isEqualTo(new Stats(0, null, null, null, null, null));
    }

    @Test
    void tenthsOfAnHourAreRoundedHalfUp() {
        assertThat(ReportFacts.deciHours(0)).isZero();
        assertThat(ReportFacts.deciHours(179)).isZero();
        assertThat(ReportFacts.deciHours(180)).isEqualTo(1);
        assertThat(ReportFacts.deciHours(3600)).isEqualTo(10);
        assertThat(ReportFacts.deciHours(3600 + 539)).isEqualTo(11);
    }
}
