package cn.zs.civil.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.zs.civil.application.BusinessTime;
import cn.zs.civil.clock.ClockProperties;
import cn.zs.civil.clock.ClockState;
import cn.zs.civil.clock.StatutoryClock;
import cn.zs.civil.worklist.OpenTasks;

/** The managers' reports; every figure is scoped by {@link ReportScope}. */
@Service
public class ReportsService {

    static final String ALL = "*";

    private final ReportsMapper mapper;
    private final StatutoryClock clock;
    private final ClockProperties clockProperties;
    private final OperationsReports operations;
    private final ReportsProperties properties;
    private final OpenTasks openTasks;

    ReportsService(ReportsMapper mapper, StatutoryClock clock, ClockProperties clockProperties,
            OperationsReports operations, ReportsProperties properties, OpenTasks openTasks) {
        this.mapper = mapper;
        this.clock = clock;
        this.clockProperties = clockProperties;
        this.operations = operations;
        this.properties = properties;
        this.openTasks = openTasks;
    }

    // ---- annual statistics ------------------------------------------------------------------------------------

    /**
     * @param received applications received in the year
     * @param decided cases that ended in the year other than by withdrawal
     * @param outcomes every case that ended in the year, by outcome (withdrawals included)
     * @param online received cases handled through the online platform (网上办理): {@code appliedOnline} +
     *        {@code bookedOnline} + {@code grantedWithoutApplication}; {@code walkIns} are the rest
     * @param onlineShare online / received (网上办理率), four decimals; null without applications
     * @param nonLocal received marriage and divorce cases marked cross-province/city
     * @param waivers funeral-fee waivers decided in the year, and their total in yuan
     */
    public record AnnualService(String serviceCode, long received, long decided, Map<String, Long> outcomes,
            long online, BigDecimal onlineShare, long appliedOnline, long bookedOnline, long grantedWithoutApplication,
            long walkIns, long nonLocal, long waivers, BigDecimal waivedAmount) {
    }

    /**
     * How the received cases reached the bureau (application.CaseChannel) and the online share (网上办理率) they
     * make: applied online, booked online (handled at the counter), granted without an application, over all
     * received; walk-ins are the rest (docs/people.md, "The online share").
     */
    public record OnlineShare(long received, long appliedOnline, long bookedOnline, long grantedWithoutApplication) {

        @com.fasterxml.jackson.annotation.JsonProperty
        public long online() {
            return appliedOnline + bookedOnline + grantedWithoutApplication;
        }

        @com.fasterxml.jackson.annotation.JsonProperty
        public long walkIns() {
            return received - online();
        }

        @com.fasterxml.jackson.annotation.JsonProperty
        public BigDecimal share() {
            return ReportsService.share(online(), received);
        }
    }

    /**
     * @param bureau the figures in the order of the bureau's annual form (市民政局年度统计)
     */
    public record AnnualReport(int year, List<AnnualService> services, AnnualService total, BureauForm bureau) {
    }

    /** One line of the annual form ({@code platform.reports.annual-lines}); 0 for a service not yet in use. */
    public record AnnualLine(String key, String zh, String en, long value) {
    }

    /**
     * @param crossRegionCases marriage and divorce applications received in the year where neither party has a
     *        hukou in the city (跨省/跨市)
     * @param funeralFeeWaivers waivers decided in the year, both paths, and their total in yuan
     * @param onlineShare cases received through the online platform (applied or booked online, granted without an
     *        application) / all received (网上办理率), four decimals; {@code online} its parts
     */
    public record BureauForm(List<AnnualLine> lines, long crossRegionCases, long funeralFeeWaivers,
            BigDecimal funeralFeeWaivedYuan, BigDecimal onlineShare, OnlineShare online) {
    }

    @Transactional(readOnly = true)
    public AnnualReport annual(int year, java.util.Collection<String> districts) {
        ReportScope scope = ReportScope.days(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), null, districts);
        Map<String, long[]> counts = new TreeMap<>();
        Map<String, Map<String, Long>> outcomes = new HashMap<>();
        Map<String, BigDecimal> amounts = new HashMap<>();
        for (ReportsMapper.ReceivedRow r : mapper.received(scope, true)) {
            long[] c = counts.computeIfAbsent(r.serviceCode(), k -> new long[7]);
            c[0] += r.received();
            c[2] += r.online();
            c[3] += r.nonLocal();
            c[5] += r.booked();
            c[6] += r.noApplication();
        }
        for (ReportsMapper.ClosedRow r : mapper.closed(scope)) {
            long[] c = counts.computeIfAbsent(r.serviceCode(), k -> new long[7]);
            if (!"WITHDRAWN".equals(r.status())) {
                c[1] += r.n();
            }
            String outcome = r.outcome() == null ? r.status() : r.outcome();
            outcomes.computeIfAbsent(r.serviceCode(), k -> new TreeMap<>()).merge(outcome, r.n(), Long::sum);
        }
        for (ReportsMapper.WaiverRow r : mapper.waivers(scope)) {
            counts.computeIfAbsent(r.serviceCode(), k -> new long[7])[4] += r.n();
            amounts.merge(r.serviceCode(), r.amount(), BigDecimal::add);
        }
        List<AnnualService> services = new ArrayList<>();
        long[] t = new long[7];
        Map<String, Long> allOutcomes = new TreeMap<>();
        BigDecimal allAmount = BigDecimal.ZERO;
        for (var e : counts.entrySet()) {
            long[] c = e.getValue();
            BigDecimal amount = amounts.getOrDefault(e.getKey(), BigDecimal.ZERO).setScale(2, RoundingMode.HALF_UP);
            Map<String, Long> o = outcomes.getOrDefault(e.getKey(), Map.of());
            services.add(annualRow(e.getKey(), c, o, amount));
            for (int i = 0; i < t.length; i++) {
                t[i] += c[i];
            }
            o.forEach((k, v) -> allOutcomes.merge(k, v, Long::sum));
            allAmount = allAmount.add(amount);
        }
        AnnualService total = annualRow(ALL, t, allOutcomes, allAmount.setScale(2, RoundingMode.HALF_UP));
        List<AnnualLine> lines = new ArrayList<>();
        for (ReportsProperties.AnnualLine line : properties.annualLines()) {
            long value = 0;
            for (String service : line.services()) {
                if (line.count() == ReportsProperties.Count.RECEIVED) {
                    value += counts.getOrDefault(service, new long[7])[0];
                } else {
                    Map<String, Long> o = outcomes.getOrDefault(service, Map.of());
                    value += line.outcomes().stream().mapToLong(x -> o.getOrDefault(x, 0L)).sum();
                }
            }
            lines.add(new AnnualLine(line.key(), line.zh(), line.en(), value));
        }
        return new AnnualReport(year, services, total, new BureauForm(lines, total.nonLocal(), total.waivers(),
                total.waivedAmount(), total.onlineShare(), online(t)));
    }

    private static AnnualService annualRow(String service, long[] c, Map<String, Long> outcomes, BigDecimal amount) {
        OnlineShare online = online(c);
        return new AnnualService(service, c[0], c[1], new TreeMap<>(outcomes), online.online(), online.share(),
                online.appliedOnline(), online.bookedOnline(), online.grantedWithoutApplication(), online.walkIns(),
                c[3], c[4], amount);
    }

    /** received c[0]; applied online c[2], booked online c[5], granted without an application c[6] */
    private static OnlineShare online(long[] c) {
        return new OnlineShare(c[0], c[2], c[5], c[6]);
    }

    static BigDecimal share(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }

    // ---- throughput -------------------------------------------------------------------------------------------

    /** One period, keyed by its first day (weeks start on Monday; the first and last may be partial). */
    public record ThroughputRow(LocalDate period, long received, long decided, long withdrawn) {
    }

    public record ThroughputReport(LocalDate from, LocalDate to, String period, List<ThroughputRow> rows) {
    }

    @Transactional(readOnly = true)
    public ThroughputReport throughput(LocalDate from, LocalDate to, ReportParams.Period period, String service,
            java.util.Collection<String> districts) {
        ReportScope scope = ReportScope.days(from, to, service, districts);
        Map<LocalDate, long[]> buckets = new TreeMap<>();
        for (LocalDate p = period.start(from); !p.isAfter(to); p = period.next(p)) {
            buckets.put(p, new long[3]);
        }
        String[] kinds = {"RECEIVED", "DECIDED", "WITHDRAWN"};
        for (int k = 0; k < kinds.length; k++) {
            for (ReportsMapper.DayCount d : mapper.perDay(scope, kinds[k])) {
                buckets.get(period.start(d.reportDay()))[k] += d.n();
            }
        }
        List<ThroughputRow> rows = new ArrayList<>();
        buckets.forEach((p, c) -> rows.add(new ThroughputRow(p, c[0], c[1], c[2])));
        return new ThroughputReport(from, to, period.name().toLowerCase(java.util.Locale.ROOT), rows);
    }

    // ---- cycle time -------------------------------------------------------------------------------------------

    /**
     * Cases decided in the range (withdrawals left out). Elapsed hours run from receipt to decision (tenths of an
     * hour per case, half-up); working days count from the receipt date to the decision date with the calendar;
     * paused working days are the clock's pauses (waiting for corrections, expert review), over the cases that have
     * a clock. From the reporting table rp_case (see {@link ReportFacts}).
     */
    public record CycleTimeRow(String serviceCode, Stats elapsedHours, Stats workingDays, Stats pausedWorkingDays) {
    }

    public record CycleTimeReport(LocalDate from, LocalDate to, List<CycleTimeRow> services, CycleTimeRow total) {
    }

    @Transactional(readOnly = true)
    public CycleTimeReport cycleTime(LocalDate from, LocalDate to, String service,
            java.util.Collection<String> districts) {
        Map<String, OperationsReports.Histograms> groups = operations.histograms(
                ReportScope.days(from, to, service, districts), "CASE", "r.service_code", null,
                OperationsReports.HOURS, OperationsReports.WORKING, OperationsReports.PAUSED_WD_CLOCKED);
        OperationsReports.Histograms all = groups.remove(ALL);
        List<CycleTimeRow> rows = new ArrayList<>();
        groups.forEach((s, h) -> rows.add(cycleRow(s, h)));
        return new CycleTimeReport(from, to, rows, cycleRow(ALL, all));
    }

    private static CycleTimeRow cycleRow(String service, OperationsReports.Histograms h) {
        return new CycleTimeRow(service, h.stats(OperationsReports.HOURS), h.stats(OperationsReports.WORKING),
                h.stats(OperationsReports.PAUSED_WD_CLOCKED));
    }

    // ---- SLA compliance ---------------------------------------------------------------------------------------

    /** Decided cases by their state against a limit as of the decision; {@code cases} is how many had that limit. */
    public record Compliance(long cases, long onTime, long yellow, long red, BigDecimal onTimeShare) {
    }

    /** @param withClock decided cases in the range that had a statutory clock (others have no limit to miss) */
    public record SlaRow(String serviceCode, long withClock, Compliance statutory, Compliance promised) {
    }

    /** @param owners who holds the case now: per open task, its assignee or else its queues (candidate groups) */
    public record OverdueCase(String applicationNo, String serviceCode, String district, LocalDate statutoryDueDate,
            int workingDaysOverdue, List<Owner> owners) {
    }

    public record Owner(String taskKey, String taskName, String assignee, List<String> queues) {
    }

    /**
     * @param overdueTotal open cases past their statutory limit now
     * @param overdue the first of them by due date (then case number), at most the limit asked for, with owners
     */
    public record SlaReport(LocalDate from, LocalDate to, List<SlaRow> services, SlaRow total, long overdueTotal,
            List<OverdueCase> overdue) {
    }

    @Transactional(readOnly = true)
    public SlaReport sla(LocalDate from, LocalDate to, String service, java.util.Collection<String> districts,
            int overdueLimit) {
        ReportScope scope = ReportScope.days(from, to, service, districts);
        var now = BusinessTime.instant();
        // A stopped clock reports its state as of the stop: the state at the decision, kept in rp_case. A stopped
        // clock is never yellow.
        Map<String, long[]> perService = new TreeMap<>();
        long[] all = new long[9];
        for (ReportsMapper.SlaCount c : mapper.slaCounts(scope, "CASE")) {
            long statutoryLate = c.statutoryLate() == null ? 0 : c.statutoryLate();
            long promisedLate = c.promisedLate() == null ? 0 : c.promisedLate();
            long[] counts = {c.withClock(), c.withClock(), c.withClock() - statutoryLate, 0, statutoryLate,
                    c.promised(), c.promised() - promisedLate, 0, promisedLate};
            long[] target = perService.computeIfAbsent(c.serviceCode(), k -> new long[9]);
            for (int i = 0; i < counts.length; i++) {
                target[i] += counts[i];
                all[i] += counts[i];
            }
        }
        List<SlaRow> rows = new ArrayList<>();
        perService.forEach((s, c) -> rows.add(slaRow(s, c)));
        Map<String, ClockFigures.Clock> clocks = new java.util.LinkedHashMap<>();
        List<ReportsMapper.Pause> pauses = new ArrayList<>();
        for (ReportsMapper.RunningClock r : mapper.runningClocks(service, districts, now)) {
            clocks.computeIfAbsent(r.applicationNo(), k -> new ClockFigures.Clock(k, null, null, r.startedAt(),
                    r.limitUnit(), r.statutoryDays(), r.promisedDays(), null));
            if (r.pauseStartedAt() != null) {
                pauses.add(new ReportsMapper.Pause(r.applicationNo(), r.pauseReason(), r.pauseStartedAt(),
                        r.pauseEndedAt()));
            }
        }
        List<OverdueCase> overdue = new ArrayList<>();
        for (ClockFigures.Figures f : ClockFigures.of(clocks.values(), pauses, now, clock,
                clockProperties.yellowWorkingDays())) {
            if (!f.stopped() && f.statutory().state() == ClockState.RED) {
                overdue.add(new OverdueCase(f.clock().applicationNo(), null, null, f.statutory().dueDate(),
                        -f.statutory().workingDaysRemaining(), new ArrayList<>()));
            }
        }
        overdue.sort(java.util.Comparator.comparing(OverdueCase::statutoryDueDate)
                .thenComparing(OverdueCase::applicationNo));
        List<OverdueCase> listed = new ArrayList<>();
        if (!overdue.isEmpty()) {
            // Service and district of the listed cases only.
            Map<String, ReportsMapper.CaseOfProcess> cases = new HashMap<>();
            List<OverdueCase> first = overdue.subList(0, Math.min(overdueLimit, overdue.size()));
            mapper.casesOf(first.stream().map(OverdueCase::applicationNo).toList())
                    .forEach(c -> cases.put(c.applicationNo(), c));
            for (OverdueCase o : first) {
                ReportsMapper.CaseOfProcess c = cases.get(o.applicationNo());
                listed.add(new OverdueCase(o.applicationNo(), c == null ? null : c.serviceCode(),
                        c == null ? null : c.district(), o.statutoryDueDate(), o.workingDaysOverdue(), o.owners()));
            }
        }
        addOwners(listed);
        return new SlaReport(from, to, rows, slaRow(ALL, all), overdue.size(), listed);
    }

    private void addOwners(List<OverdueCase> overdue) {
        if (overdue.isEmpty()) {
            return;
        }
        Map<String, OverdueCase> byNo = new HashMap<>();
        overdue.forEach(o -> byNo.put(o.applicationNo(), o));
        Map<String, Owner> tasks = new HashMap<>();
        for (OpenTasks.Holder t : openTasks.holdersOf(byNo.keySet())) {
            OverdueCase o = byNo.get(t.applicationNo());
            if (o == null) {
                continue;
            }
            Owner owner = tasks.computeIfAbsent(t.applicationNo() + "/" + t.taskKey(), k -> {
                Owner created = new Owner(t.taskKey(), t.taskName(), t.assignee(), new ArrayList<>());
                o.owners().add(created);
                return created;
            });
            if (t.queue() != null && owner.assignee() == null) {
                owner.queues().add(t.queue());
            }
        }
    }

    private static SlaRow slaRow(String service, long[] c) {
        return new SlaRow(service, c[0], new Compliance(c[1], c[2], c[3], c[4], share(c[2], c[1])),
                new Compliance(c[5], c[6], c[7], c[8], share(c[6], c[5])));
    }
}
