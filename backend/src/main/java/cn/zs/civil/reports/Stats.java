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
 * The reports build it from a histogram (value to count, from SQL), which gives the same figures as the sorted list.
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

    /**
     * From a histogram: each value (an integer in units of 10^-scale, e.g. tenths of an hour for scale 1) with how
     * many items have it.
     */
    static Stats ofHistogram(java.util.SortedMap<Long, Long> counts, int scale) {
        long n = counts.values().stream().mapToLong(Long::longValue).sum();
        if (n == 0) {
            return new Stats(0, null, null, null, null, null);
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (var e : counts.entrySet()) {
            sum = sum.add(BigDecimal.valueOf(e.getKey(), scale).multiply(BigDecimal.valueOf(e.getValue())));
        }
        BigDecimal mean = sum.divide(BigDecimal.valueOf(n), 2, RoundingMode.HALF_UP);
        long[] ranks = {rank(n, 50), rank(n, 90), rank(n, 95)};
        BigDecimal[] at = new BigDecimal[ranks.length];
        long seen = 0;
        for (var e : counts.entrySet()) {
            seen += e.getValue();
            for (int i = 0; i < ranks.length; i++) {
                if (at[i] == null && seen >= ranks[i]) {
                    at[i] = BigDecimal.valueOf(e.getKey(), scale);
                }
            }
        }
        return new Stats(Math.toIntExact(n), mean, at[0], at[1], at[2], BigDecimal.valueOf(counts.lastKey(), scale));
    }

    /** The 1-based nearest rank of the p-th percentile of n values: ceil(p * n / 100), at least 1. */
    private static long rank(long n, int percentile) {
        return Math.max(1, (percentile * n + 99) / 100);
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
