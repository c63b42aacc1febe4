package cn.zs.civil.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.annotation.JsonInclude;

import cn.zs.civil.application.BusinessTime;
import cn.zs.civil.clock.PauseReason;
import cn.zs.civil.clock.StatutoryClock;
import cn.zs.civil.worklist.OpenTasks;

/**
 * Cycle time by service, step, clerk, district or period; the backlog of open cases and tasks by age; the quality
 * rates. Rows come from the mapper already narrowed (per case, per task, or counted per day); calendar arithmetic
 * is done here with a {@link WorkingDayIndex}, so a year of cases costs one pass and no query per case.
 */
@Service
public class OperationsReports {

    private final ReportsMapper mapper;
    private final StatutoryClock clock;
    private final ReportsProperties properties;
    private final OpenTasks openTasks;

    OperationsReports(ReportsMapper mapper, StatutoryClock clock, ReportsProperties properties, OpenTasks openTasks) {
        this.mapper = mapper;
        this.clock = clock;
        this.properties = properties;
        this.openTasks = openTasks;
    }

    // ---- cycle time -------------------------------------------------------------------------------------------

    enum Dimension {
        SERVICE, STEP, CLERK, DISTRICT, PERIOD
    }

    /**
     * Per group: hours in tenths (0.1 h, half-up per item), working days whole; one SQL histogram per measure.
     *
     * @param elapsedHours wall-clock hours of the interval (receipt to decision, or task created to completed)
     * @param pausedHours the hours of the case's pauses inside the interval, whatever their reason
     * @param workingDays working days from the start date to the end date on the statutory calendar
     * @param pausedWorkingDays working days of the pauses inside the interval (per pause: after its first day up
     *        to and including its last, as the statutory clock counts them)
     * @param netWorkingDays working days minus the paused working days the law excludes
     *        ({@code platform.reports.excluded-pause-reasons}): the authority's own time
     * @param pausedWorkingDaysByReason the paused working days per reason, summed over the items (reasons with at
     *        least one day)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CycleTimeGroup(String key, String label, String serviceCode, Stats elapsedHours, Stats pausedHours,
            Stats workingDays, Stats pausedWorkingDays, Stats netWorkingDays,
            Map<PauseReason, Long> pausedWorkingDaysByReason) {
    }

    public record CycleTimeBreakdown(LocalDate from, LocalDate to, String by, String period,
            List<PauseReason> excludedPauseReasons, List<CycleTimeGroup> groups, CycleTimeGroup total) {
    }

    /** Measure codes of the histograms; PAUSED_WD_CLOCKED counts only the cases that had a clock. */
    static final int HOURS = 0;
    static final int PAUSED_HOURS = 1;
    static final int WORKING = 2;
    static final int PAUSED_WD = 3;
    static final int NET = 4;
    static final int PAUSED_WD_CLOCKED = 5;
    private static final int MEASURES = 6;

    /** Histograms of one group: per measure code, value to count. */
    static final class Histograms {
        @SuppressWarnings("unchecked")
        final TreeMap<Long, Long>[] byMeasure = new TreeMap[MEASURES];
        final long[] byReason = new long[PauseReason.values().length];
        String label;
        String serviceCode;

        Histograms() {
            for (int i = 0; i < MEASURES; i++) {
                byMeasure[i] = new TreeMap<>();
            }
        }

        void add(int measure, long value, long n) {
            byMeasure[measure].merge(value, n, Long::sum);
        }

        Stats stats(int measure) {
            return Stats.ofHistogram(byMeasure[measure], measure == HOURS || measure == PAUSED_HOURS ? 1 : 0);
        }
    }

    /** The SQL of the net working days: working days less the excluded reasons' paused days, at least 0. */
    private String netExpression() {
        String excluded = properties.excludedPauseReasons().stream().sorted()
                .map(r -> "r.pwd_" + r.name().toLowerCase(java.util.Locale.ROOT))
                .collect(java.util.stream.Collectors.joining(" + "));
        return excluded.isEmpty() ? "r.working_days"
                : "case when r.working_days - (" + excluded + ") > 0 then r.working_days - (" + excluded + ") else 0 end";
    }

    /**
     * Histograms per group of the cases decided in the range (source CASE, withdrawals left out) or of the user
     * tasks completed in it (TASK), with the measures asked for; the total over all groups is put under
     * {@link ReportsService#ALL}.
     */
    Map<String, Histograms> histograms(ReportScope scope, String source, String group, String label,
            int... measures) {
        List<ReportsMapper.FactMeasure> sql = new ArrayList<>();
        for (int m : measures) {
            sql.add(switch (m) {
                case HOURS -> new ReportsMapper.FactMeasure(m, "r.elapsed_dh", "");
                case PAUSED_HOURS -> new ReportsMapper.FactMeasure(m, "r.paused_dh", "");
                case WORKING -> new ReportsMapper.FactMeasure(m, "r.working_days", "");
                case PAUSED_WD -> new ReportsMapper.FactMeasure(m, "r.paused_wd", "");
                case NET -> new ReportsMapper.FactMeasure(m, netExpression(), "");
                case PAUSED_WD_CLOCKED -> new ReportsMapper.FactMeasure(m, "r.paused_wd", "and r.has_clock = 1");
                default -> throw new IllegalArgumentException("measure " + m);
            });
        }
        Map<String, Histograms> out = new TreeMap<>();
        Histograms all = new Histograms();
        for (ReportsMapper.HistogramRow r : mapper.histogram(scope, source, group, sql)) {
            out.computeIfAbsent(r.grp(), k -> new Histograms()).add(r.measure(), r.v(), r.n());
            all.add(r.measure(), r.v(), r.n());
        }
        if (label != null) {
            for (ReportsMapper.GroupSums g : mapper.groupSums(scope, source, group, label)) {
                Histograms h = out.computeIfAbsent(g.grp(), k -> new Histograms());
                h.label = g.label();
                h.serviceCode = g.serviceCode();
                long[] r = g.byReason();
                for (int i = 0; i < r.length; i++) {
                    h.byReason[i] += r[i];
                    all.byReason[i] += r[i];
                }
            }
        }
        out.put(ReportsService.ALL, all);
        return out;
    }

    @Transactional(readOnly = true)
    public CycleTimeBreakdown cycleTime(LocalDate from, LocalDate to, Dimension by, ReportParams.Period period,
            String service, Collection<String> districts) {
        ReportScope scope = ReportScope.days(from, to, service, districts);
        String source = by == Dimension.STEP || by == Dimension.CLERK ? "TASK" : "CASE";
        String group = switch (by) {
            case SERVICE -> "r.service_code";
            case DISTRICT -> "r.district";
            case STEP -> "concat(r.service_code, '/', r.task_key)";
            case CLERK -> "coalesce(r.assignee, '')";
            case PERIOD -> switch (period) {
                case DAY -> "r.decided_day";
                case WEEK -> "r.decided_week";
                case MONTH -> "r.decided_month";
            };
        };
        Map<String, Histograms> groups = histograms(scope, source, group,
                by == Dimension.STEP ? "max(r.task_name)" : "null", HOURS, PAUSED_HOURS, WORKING, PAUSED_WD, NET);
        Histograms all = groups.remove(ReportsService.ALL);
        List<CycleTimeGroup> rows = new ArrayList<>();
        groups.forEach((k, h) -> rows.add(group(by == Dimension.STEP ? k.substring(k.indexOf('/') + 1) : k, h,
                by == Dimension.STEP)));
        return new CycleTimeBreakdown(from, to, by.name().toLowerCase(java.util.Locale.ROOT),
                by == Dimension.PERIOD ? period.name().toLowerCase(java.util.Locale.ROOT) : null,
                properties.excludedPauseReasons().stream().sorted().toList(), rows,
                group(ReportsService.ALL, all, false));
    }

    private static CycleTimeGroup group(String key, Histograms h, boolean step) {
        Map<PauseReason, Long> byReason = new TreeMap<>();
        for (PauseReason r : PauseReason.values()) {
            if (h.byReason[r.ordinal()] > 0) {
                byReason.put(r, h.byReason[r.ordinal()]);
            }
        }
        return new CycleTimeGroup(key, step ? h.label : null, step ? h.serviceCode : null, h.stats(HOURS),
                h.stats(PAUSED_HOURS), h.stats(WORKING), h.stats(PAUSED_WD), h.stats(NET), byReason);
    }

    // ---- backlog ----------------------------------------------------------------------------------------------

    /**
     * Open cases or tasks of one group, by age in working days (from the day of receipt, or the day the task was
     * created, to today), in the buckets of {@link BacklogReport#ageBuckets}. Only the fields of the grouping are set.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record BacklogRow(String serviceCode, String district, String status, String taskKey, String taskName,
            String queue, long total, Long unassigned, List<Long> byAge) {
    }

    public record BacklogCases(long total, List<BacklogRow> byService, List<BacklogRow> byDistrict,
            List<BacklogRow> byStatus) {
    }

    public record BacklogTasks(long total, long unassigned, List<BacklogRow> byStep, List<BacklogRow> byQueue) {
    }

    /** @param ageBuckets bucket labels in working days, e.g. {@code 0-2}, {@code 21+} */
    public record BacklogReport(LocalDate asOf, List<String> ageBuckets, BacklogCases cases, BacklogTasks tasks) {
    }

    @Transactional(readOnly = true)
    public BacklogReport backlog(String service, Collection<String> districts) {
        LocalDate today = BusinessTime.now().toLocalDate();
        // Open cases have no end in the range sense; the scope's dates are unused by these two queries.
        ReportScope scope = new ReportScope(null, null, service, districts);
        List<ReportsMapper.OpenCaseDay> caseDays = mapper.openCaseDays(scope);
        // The open tasks from the worklist's read model, through its query port.
        List<OpenTasks.StepDay> stepDays = openTasks.perStep(service, districts);
        List<OpenTasks.QueueDay> queueDays = openTasks.perQueue(service, districts);
        List<LocalDate> days = new ArrayList<>(List.of(today));
        caseDays.forEach(d -> days.add(d.receivedDay()));
        stepDays.forEach(d -> days.add(d.createdDay()));
        queueDays.forEach(d -> days.add(d.createdDay()));
        WorkingDayIndex index = WorkingDayIndex.of(clock, java.util.Collections.min(days),
                java.util.Collections.max(days));
        List<Integer> bounds = properties.ageBuckets();
        Function<LocalDate, Integer> bucket = day -> {
            int age = Math.max(0, index.between(day, today));
            for (int i = 0; i < bounds.size(); i++) {
                if (age <= bounds.get(i)) {
                    return i;
                }
            }
            return bounds.size();
        };
        Map<List<String>, long[]> byService = new TreeMap<>(LIST_ORDER);
        Map<List<String>, long[]> byDistrict = new TreeMap<>(LIST_ORDER);
        Map<List<String>, long[]> byStatus = new TreeMap<>(LIST_ORDER);
        long cases = 0;
        for (var d : caseDays) {
            int b = bucket.apply(d.receivedDay());
            count(byService, List.of(d.serviceCode()), b, d.n(), false);
            count(byDistrict, List.of(d.district()), b, d.n(), false);
            count(byStatus, List.of(d.status()), b, d.n(), false);
            cases += d.n();
        }
        Map<List<String>, long[]> bySteps = new TreeMap<>(LIST_ORDER);
        Map<List<String>, long[]> byQueue = new TreeMap<>(LIST_ORDER);
        long tasks = 0;
        long unassigned = 0;
        for (var d : stepDays) {
            boolean open = !d.assigned();
            count(bySteps, java.util.Arrays.asList(d.serviceCode(), d.taskKey(), d.taskName()),
                    bucket.apply(d.createdDay()), d.n(), open);
            tasks += d.n();
            unassigned += open ? d.n() : 0;
        }
        for (var d : queueDays) {
            boolean open = !d.assigned();
            count(byQueue, java.util.Arrays.asList(d.queue() == null ? "" : d.queue(), d.district()),
                    bucket.apply(d.createdDay()), d.n(), open);
        }
        List<String> labels = new ArrayList<>();
        int lower = 0;
        for (int bound : bounds) {
            labels.add(lower + "-" + bound);
            lower = bound + 1;
        }
        labels.add(lower + "+");
        return new BacklogReport(today, labels,
                new BacklogCases(cases,
                        rows(byService, (k, c) -> new BacklogRow(k.get(0), null, null, null, null, null, c[0], null, ages(c))),
                        rows(byDistrict, (k, c) -> new BacklogRow(null, k.get(0), null, null, null, null, c[0], null, ages(c))),
                        rows(byStatus, (k, c) -> new BacklogRow(null, null, k.get(0), null, null, null, c[0], null, ages(c)))),
                new BacklogTasks(tasks, unassigned,
                        rows(bySteps, (k, c) -> new BacklogRow(k.get(0), null, null, k.get(1), k.get(2), null, c[0], c[1], ages(c))),
                        rows(byQueue, (k, c) -> new BacklogRow(null, k.get(1), null, null, null,
                                k.get(0).isEmpty() ? null : k.get(0), c[0], c[1], ages(c)))));
    }

    private static final Comparator<List<String>> LIST_ORDER = (a, b) -> {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = Objects.compare(a.get(i), b.get(i), Comparator.nullsFirst(Comparator.naturalOrder()));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    };

    /** c[0] total, c[1] unassigned, c[2..] per age bucket. */
    private void count(Map<List<String>, long[]> target, List<String> key, int bucket, long n, boolean unassigned) {
        long[] c = target.computeIfAbsent(key, k -> new long[3 + properties.ageBuckets().size()]);
        c[0] += n;
        c[1] += unassigned ? n : 0;
        c[2 + bucket] += n;
    }

    private static List<Long> ages(long[] c) {
        List<Long> out = new ArrayList<>();
        for (int i = 2; i < c.length; i++) {
            out.add(c[i]);
        }
        return out;
    }

    private static List<BacklogRow> rows(Map<List<String>, long[]> counts,
            java.util.function.BiFunction<List<String>, long[], BacklogRow> row) {
        List<BacklogRow> out = new ArrayList<>();
        counts.forEach((k, c) -> out.add(row.apply(k, c)));
        return out;
    }

    // ---- quality ----------------------------------------------------------------------------------------------

    /**
     * Rates over the cases that ended in the range ({@code ended}, withdrawals included), except the online share,
     * which is over the applications received in the range. Rates have four decimals and are null without cases.
     *
     * @param online received cases handled through the online platform: {@code appliedOnline} + {@code bookedOnline}
     *        + {@code grantedWithoutApplication} ({@code walkIns} the rest); onlineShare = online / received
     * @param corrected ended cases that had a correction notice (补正); firstTimeRight = 1 - correctionRate
     * @param lapsed outcomes of {@code platform.reports.lapse-outcomes} (divorce: nobody came back after the
     *        cooling-off period)
     * @param refused outcomes of {@code platform.reports.refusal-outcomes}
     */
    public record QualityRow(String serviceCode, long received, long online, BigDecimal onlineShare,
            long appliedOnline, long bookedOnline, long grantedWithoutApplication, long walkIns, long ended,
            long corrected, BigDecimal correctionRate, BigDecimal firstTimeRight, long withdrawn,
            BigDecimal withdrawalRate, long lapsed, BigDecimal lapseRate, long refused, BigDecimal refusalRate) {
    }

    /**
     * Service ratings (好差评) given in the range, defaults after the rating window included, re-review annulments
     * left out.
     *
     * @param levels how many of each level, from 5 (非常满意) to 1 (非常不满意)
     * @param averageLevel four decimals; null without ratings
     * @param bad levels 1 and 2 (不满意, 非常不满意), each of which opens a work order
     * @param defaulted written as 基本满意 because the applicant did not rate within the window
     * @param openWorkOrders bad ratings of the range whose work order is still open (or in re-review)
     */
    public record RatingRow(String serviceCode, long rated, Map<Integer, Long> levels, BigDecimal averageLevel,
            long bad, BigDecimal badShare, long defaulted, BigDecimal defaultShare, long openWorkOrders) {
    }

    /** The ratings part of the quality report, per service and in total. */
    public record Ratings(boolean available, List<RatingRow> services, RatingRow total) {
    }

    public record QualityReport(LocalDate from, LocalDate to, List<QualityRow> services, QualityRow total,
            Ratings ratings) {
    }

    @Transactional(readOnly = true)
    public QualityReport quality(LocalDate from, LocalDate to, String service, Collection<String> districts) {
        ReportScope scope = ReportScope.days(from, to, service, districts);
        // received, applied online, ended, corrected, withdrawn, lapsed, refused, booked online, granted without application
        Map<String, long[]> counts = new TreeMap<>();
        for (ReportsMapper.ReceivedRow r : mapper.received(scope, false)) {
            long[] c = counts.computeIfAbsent(r.serviceCode(), k -> new long[9]);
            c[0] += r.received();
            c[1] += r.online();
            c[7] += r.booked();
            c[8] += r.noApplication();
        }
        for (ReportsMapper.ClosedRow r : mapper.closed(scope)) {
            long[] c = counts.computeIfAbsent(r.serviceCode(), k -> new long[9]);
            c[2] += r.n();
            if ("WITHDRAWN".equals(r.status())) {
                c[4] += r.n();
            } else if (properties.lapseOutcomes().contains(r.outcome())) {
                c[5] += r.n();
            } else if (properties.refusalOutcomes().contains(r.outcome())) {
                c[6] += r.n();
            }
        }
        for (ReportsMapper.ServiceCount r : mapper.correctedEnded(scope)) {
            counts.computeIfAbsent(r.serviceCode(), k -> new long[9])[3] += r.n();
        }
        long[] total = new long[9];
        List<QualityRow> rows = new ArrayList<>();
        counts.forEach((s, c) -> {
            rows.add(qualityRow(s, c));
            for (int i = 0; i < c.length; i++) {
                total[i] += c[i];
            }
        });
        return new QualityReport(from, to, rows, qualityRow(ReportsService.ALL, total), ratings(scope));
    }

    private Ratings ratings(ReportScope scope) {
        // per service: count per level 1..5 (index level - 1), defaulted, open work orders
        Map<String, long[]> counts = new TreeMap<>();
        for (ReportsMapper.RatingCount r : mapper.ratings(scope)) {
            if (r.level() == null || r.level() < 1 || r.level() > 5) {
                continue;
            }
            long[] c = counts.computeIfAbsent(r.serviceCode(), k -> new long[7]);
            c[r.level() - 1] += r.n();
            if (Boolean.TRUE.equals(r.defaulted())) {
                c[5] += r.n();
            }
        }
        for (ReportsMapper.ServiceCount r : mapper.openWorkOrders(scope)) {
            counts.computeIfAbsent(r.serviceCode(), k -> new long[7])[6] += r.n();
        }
        long[] total = new long[7];
        List<RatingRow> rows = new ArrayList<>();
        counts.forEach((s, c) -> {
            rows.add(ratingRow(s, c));
            for (int i = 0; i < c.length; i++) {
                total[i] += c[i];
            }
        });
        return new Ratings(true, rows, ratingRow(ReportsService.ALL, total));
    }

    private static RatingRow ratingRow(String service, long[] c) {
        long rated = 0;
        long sum = 0;
        Map<Integer, Long> levels = new java.util.LinkedHashMap<>();
        for (int level = 5; level >= 1; level--) {
            long n = c[level - 1];
            levels.put(level, n);
            rated += n;
            sum += n * level;
        }
        BigDecimal average = rated == 0 ? null
                : BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(rated), 4, java.math.RoundingMode.HALF_UP);
        long bad = c[0] + c[1];
        return new RatingRow(service, rated, levels, average, bad, ReportsService.share(bad, rated), c[5],
                ReportsService.share(c[5], rated), c[6]);
    }

    private static QualityRow qualityRow(String service, long[] c) {
        BigDecimal correctionRate = ReportsService.share(c[3], c[2]);
        ReportsService.OnlineShare online = new ReportsService.OnlineShare(c[0], c[1], c[7], c[8]);
        return new QualityRow(service, c[0], online.online(), online.share(), online.appliedOnline(),
                online.bookedOnline(), online.grantedWithoutApplication(), online.walkIns(), c[2], c[3], correctionRate,
                correctionRate == null ? null : BigDecimal.ONE.subtract(correctionRate), c[4],
                ReportsService.share(c[4], c[2]), c[5], ReportsService.share(c[5], c[2]), c[6],
                ReportsService.share(c[6], c[2]));
    }
}
