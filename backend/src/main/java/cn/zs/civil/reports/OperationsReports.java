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

    OperationsReports(ReportsMapper mapper, StatutoryClock clock, ReportsProperties properties) {
        this.mapper = mapper;
        this.clock = clock;
        this.properties = properties;
    }

    // ---- cycle time -------------------------------------------------------------------------------------------

    enum Dimension {
        SERVICE, STEP, CLERK, DISTRICT, PERIOD
    }

    /**
     * One interval measured: a decided case (receipt to decision) or a completed step (task created to completed).
     * Pauses of the case are cut to the interval.
     */
    private record Item(String applicationNo, String serviceCode, String district, String taskKey, String taskName,
            String assignee, LocalDateTime start, LocalDateTime end, boolean hasClock) {
    }

    /**
     * @param elapsedHours wall-clock hours, two decimals per item
     * @param pausedHours the hours of the case's pauses inside the interval, whatever their reason
     * @param workingDays working days from the start date to the end date on the statutory calendar
     * @param pausedWorkingDays working days of the pauses inside the interval (per pause: after its first day up
     *        to and including its last, as the statutory clock counts them)
     * @param netWorkingDays working days minus the paused working days the law excludes
     *        ({@code platform.reports.excluded-pause-reasons}): the authority's own time
     * @param pausedWorkingDaysByReason the paused working days per reason, summed over the items
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CycleTimeGroup(String key, String label, String serviceCode, Stats elapsedHours, Stats pausedHours,
            Stats workingDays, Stats pausedWorkingDays, Stats netWorkingDays,
            Map<PauseReason, Long> pausedWorkingDaysByReason) {
    }

    public record CycleTimeBreakdown(LocalDate from, LocalDate to, String by, String period,
            List<PauseReason> excludedPauseReasons, List<CycleTimeGroup> groups, CycleTimeGroup total) {
    }

    private static final class Measures {
        final List<BigDecimal> hours = new ArrayList<>();
        final List<BigDecimal> pausedHours = new ArrayList<>();
        final List<BigDecimal> working = new ArrayList<>();
        final List<BigDecimal> pausedWorking = new ArrayList<>();
        final List<BigDecimal> net = new ArrayList<>();
        final Map<PauseReason, Long> byReason = new TreeMap<>();
        String label;
        String serviceCode;
    }

    /** Each measure of one item, in the order of {@link Measures}. */
    private record Measured(BigDecimal hours, BigDecimal pausedHours, int working, int pausedWorking, int net,
            Map<PauseReason, Integer> byReason) {
    }

    @Transactional(readOnly = true)
    public CycleTimeBreakdown cycleTime(LocalDate from, LocalDate to, Dimension by, ReportParams.Period period,
            String service, Collection<String> districts) {
        ReportScope scope = ReportScope.days(from, to, service, districts);
        List<Item> items = new ArrayList<>();
        List<ReportsMapper.Pause> pauses;
        if (by == Dimension.STEP || by == Dimension.CLERK) {
            for (ReportsMapper.CompletedTask t : mapper.completedTasks(scope)) {
                items.add(new Item(t.applicationNo(), t.serviceCode(), t.district(), t.taskKey(), t.taskName(),
                        t.assignee(), t.startedAt(), t.endedAt(), true));
            }
            pauses = mapper.pausesOfTasks(scope);
        } else {
            mapper.decidedCases(scope).forEach(c -> items.add(item(c)));
            pauses = mapper.pausesOfDecided(scope);
        }
        Function<Item, String> key = switch (by) {
            case SERVICE -> Item::serviceCode;
            case DISTRICT -> Item::district;
            case STEP -> i -> i.serviceCode() + "/" + i.taskKey();
            case CLERK -> i -> Objects.requireNonNullElse(i.assignee(), "");
            case PERIOD -> i -> period.start(i.end().toLocalDate()).toString();
        };
        Map<String, Measures> groups = new TreeMap<>();
        Measures all = new Measures();
        measure(items, pauses, (item, m) -> {
            Measures g = groups.computeIfAbsent(key.apply(item), k -> new Measures());
            if (by == Dimension.STEP) {
                g.label = item.taskName();
                g.serviceCode = item.serviceCode();
            }
            add(g, m);
            add(all, m);
        });
        List<CycleTimeGroup> rows = new ArrayList<>();
        groups.forEach((k, m) -> rows.add(group(by == Dimension.STEP ? k.substring(k.indexOf('/') + 1) : k, m)));
        return new CycleTimeBreakdown(from, to, by.name().toLowerCase(java.util.Locale.ROOT),
                by == Dimension.PERIOD ? period.name().toLowerCase(java.util.Locale.ROOT) : null,
                properties.excludedPauseReasons().stream().sorted().toList(), rows, group(ReportsService.ALL, all));
    }

    /** A decided case's figures for the summary report; {@code pausedWorkingDays} null without a clock. */
    record CaseMeasure(String serviceCode, BigDecimal hours, BigDecimal workingDays, BigDecimal pausedWorkingDays) {
    }

    List<CaseMeasure> decidedCaseMeasures(ReportScope scope) {
        List<Item> items = new ArrayList<>();
        mapper.decidedCases(scope).forEach(c -> items.add(item(c)));
        List<CaseMeasure> out = new ArrayList<>();
        measure(items, mapper.pausesOfDecided(scope), (item, m) -> out.add(new CaseMeasure(item.serviceCode(),
                m.hours(), BigDecimal.valueOf(m.working()),
                item.hasClock() ? BigDecimal.valueOf(m.pausedWorking()) : null)));
        return out;
    }

    private static Item item(ReportsMapper.DecidedCase c) {
        return new Item(c.applicationNo(), c.serviceCode(), c.district(), null, null, null, c.receivedAt(),
                c.decidedAt(), c.hasClock() != null && c.hasClock() == 1);
    }

    private void measure(List<Item> items, List<ReportsMapper.Pause> pauses,
            java.util.function.BiConsumer<Item, Measured> sink) {
        if (items.isEmpty()) {
            return;
        }
        Map<String, List<ReportsMapper.Pause>> pausesOf = new HashMap<>();
        pauses.forEach(p -> pausesOf.computeIfAbsent(p.applicationNo(), k -> new ArrayList<>()).add(p));
        LocalDate first = items.stream().map(i -> i.start().toLocalDate()).min(Comparator.naturalOrder()).orElseThrow();
        LocalDate last = items.stream().map(i -> i.end().toLocalDate()).max(Comparator.naturalOrder()).orElseThrow();
        WorkingDayIndex index = WorkingDayIndex.of(clock, first, last);
        for (Item item : items) {
            Instant start = instant(item.start());
            Instant end = instant(item.end());
            long pausedSeconds = 0;
            int pausedWorking = 0;
            int excluded = 0;
            Map<PauseReason, Integer> byReason = new TreeMap<>();
            for (ReportsMapper.Pause p : pausesOf.getOrDefault(item.applicationNo(), List.of())) {
                Instant ps = p.startedAt().isAfter(start) ? p.startedAt() : start;
                Instant pe = p.endedAt() == null || p.endedAt().isAfter(end) ? end : p.endedAt();
                if (!ps.isBefore(pe)) {
                    continue;
                }
                pausedSeconds += Duration.between(ps, pe).toSeconds();
                int days = index.between(StatutoryClock.dateOf(ps), StatutoryClock.dateOf(pe));
                pausedWorking += days;
                byReason.merge(p.reason(), days, Integer::sum);
                if (properties.excludedPauseReasons().contains(p.reason())) {
                    excluded += days;
                }
            }
            int working = index.between(item.start().toLocalDate(), item.end().toLocalDate());
            sink.accept(item, new Measured(ReportsService.hours(item.start(), item.end()), hours(pausedSeconds),
                    working, pausedWorking, Math.max(0, working - excluded), byReason));
        }
    }

    private static void add(Measures g, Measured m) {
        g.hours.add(m.hours());
        g.pausedHours.add(m.pausedHours());
        g.working.add(BigDecimal.valueOf(m.working()));
        g.pausedWorking.add(BigDecimal.valueOf(m.pausedWorking()));
        g.net.add(BigDecimal.valueOf(m.net()));
        m.byReason().forEach((r, d) -> g.byReason.merge(r, (long) d, Long::sum));
    }

    private static CycleTimeGroup group(String key, Measures m) {
        return new CycleTimeGroup(key, m.label, m.serviceCode, Stats.of(m.hours), Stats.of(m.pausedHours),
                Stats.of(m.working), Stats.of(m.pausedWorking), Stats.of(m.net), m.byReason);
    }

    private static BigDecimal hours(long seconds) {
        return BigDecimal.valueOf(seconds).divide(BigDecimal.valueOf(3600), 2, RoundingMode.HALF_UP);
    }

    private static Instant instant(LocalDateTime t) {
        return t.atZone(BusinessTime.ZONE).toInstant();
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
        List<ReportsMapper.OpenTaskDay> stepDays = mapper.openTaskDays(scope, false);
        List<ReportsMapper.OpenTaskDay> queueDays = mapper.openTaskDays(scope, true);
        List<LocalDate> days = new ArrayList<>(List.of(today));
        caseDays.forEach(d -> days.add(d.receivedDay()));
        stepDays.forEach(d -> days.add(d.createdDay()));
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
            boolean open = d.assigned() == null || d.assigned() == 0;
            count(bySteps, java.util.Arrays.asList(d.serviceCode(), d.taskKey(), d.taskName()),
                    bucket.apply(d.createdDay()), d.n(), open);
            tasks += d.n();
            unassigned += open ? d.n() : 0;
        }
        for (var d : queueDays) {
            boolean open = d.assigned() == null || d.assigned() == 0;
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
     * @param corrected ended cases that had a correction notice (补正); firstTimeRight = 1 - correctionRate
     * @param lapsed outcomes of {@code platform.reports.lapse-outcomes} (divorce: nobody came back after the
     *        cooling-off period)
     * @param refused outcomes of {@code platform.reports.refusal-outcomes}
     */
    public record QualityRow(String serviceCode, long received, long online, BigDecimal onlineShare, long ended,
            long corrected, BigDecimal correctionRate, BigDecimal firstTimeRight, long withdrawn,
            BigDecimal withdrawalRate, long lapsed, BigDecimal lapseRate, long refused, BigDecimal refusalRate) {
    }

    /** Applicants cannot rate a service yet; the report says so rather than show a number. */
    public record Ratings(boolean available, String note) {
    }

    public record QualityReport(LocalDate from, LocalDate to, List<QualityRow> services, QualityRow total,
            Ratings ratings) {
    }

    @Transactional(readOnly = true)
    public QualityReport quality(LocalDate from, LocalDate to, String service, Collection<String> districts) {
        ReportScope scope = ReportScope.days(from, to, service, districts);
        // received, online, ended, corrected, withdrawn, lapsed, refused
        Map<String, long[]> counts = new TreeMap<>();
        for (ReportsMapper.ReceivedRow r : mapper.received(scope)) {
            long[] c = counts.computeIfAbsent(r.serviceCode(), k -> new long[7]);
            c[0] += r.received();
            c[1] += r.online();
        }
        for (ReportsMapper.ClosedRow r : mapper.closed(scope)) {
            long[] c = counts.computeIfAbsent(r.serviceCode(), k -> new long[7]);
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
            counts.computeIfAbsent(r.serviceCode(), k -> new long[7])[3] += r.n();
        }
        long[] total = new long[7];
        List<QualityRow> rows = new ArrayList<>();
        counts.forEach((s, c) -> {
            rows.add(qualityRow(s, c));
            for (int i = 0; i < c.length; i++) {
                total[i] += c[i];
            }
        });
        return new QualityReport(from, to, rows, qualityRow(ReportsService.ALL, total), new Ratings(false,
                "Applicants cannot rate a service yet (no rating is recorded); ratings appear here once they exist."));
    }

    private static QualityRow qualityRow(String service, long[] c) {
        BigDecimal correctionRate = ReportsService.share(c[3], c[2]);
        return new QualityRow(service, c[0], c[1], ReportsService.share(c[1], c[0]), c[2], c[3], correctionRate,
                correctionRate == null ? null : BigDecimal.ONE.subtract(correctionRate), c[4],
                ReportsService.share(c[4], c[2]), c[5], ReportsService.share(c[5], c[2]), c[6],
                ReportsService.share(c[6], c[2]));
    }
}
