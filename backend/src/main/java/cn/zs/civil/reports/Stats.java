package cn.zs.civil.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Distribution of one measure. Percentiles use the nearest-rank method: of n values sorted ascending, the p-th
 * percentile is the value at rank ceil(p / 100 * n) (1-based), so it is always one of the observed values; the
 * median is the 50th percentile by the same rule. The mean is rounded half-up to two decimals. All null when n = 0.
 */
public record Stats(int count, BigDecimal mean, BigDecimal median, BigDecimal p90, BigDecimal p95, BigDecimal max) {

    static Stats of(List<BigDecimal> values) {
        if (values.isEmpty()) {
            return new Stats(0, null, null, null, null, null);
        }
        List<BigDecimal> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        BigDecimal sum = sorted.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal mean = sum.divide(BigDecimal.valueOf(sorted.size()), 2, RoundingMode.HALF_UP);
        return new Stats(sorted.size(), mean, rank(sorted, 50), rank(sorted, 90), rank(sorted, 95),
                sorted.get(sorted.size() - 1));
    }

    static BigDecimal rank(List<BigDecimal> sorted, int percentile) {
        int n = sorted.size();
        int rank = (int) Math.ceil(percentile * n / 100.0);
        return sorted.get(Math.max(rank, 1) - 1);
    }

    /** The CSV columns of one measure: {@code hoursCount, hoursMean, ...}. */
    static List<String> header(String measure) {
        return List.of("Count", "Mean", "Median", "P90", "P95", "Max").stream().map(s -> measure + s).toList();
    }

    List<Object> cells() {
        return java.util.Arrays.asList(count, mean, median, p90, p95, max);
    }
}
