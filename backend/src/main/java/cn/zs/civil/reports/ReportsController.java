package cn.zs.civil.reports;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.BiFunction;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.zs.civil.catalogue.ServiceCatalogue;
import cn.zs.civil.identity.CurrentUser;
import cn.zs.civil.identity.IdentityProperties;
import cn.zs.civil.identity.Roles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Reports", description = "Managers' reports: annual statistics, throughput, cycle time, SLA, backlog,"
        + " quality (JSON, or CSV with Accept: text/csv). Managers and directors only; a manager bound to districts"
        + " sees those districts, and a district filter outside them is refused (403).")
class ReportsController {

    static final MediaType TEXT_CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);

    private final ReportsService reports;
    private final OperationsReports operations;
    private final CurrentUser currentUser;
    private final MessageSource messages;
    private final ServiceCatalogue catalogue;
    private final IdentityProperties identity;

    // The CSV columns (CsvWords titles them in the reader's language; CsvWordsTest checks each has its words).
    static final List<String> ANNUAL = List.of("year", "service", "received", "decided", "online", "onlineShare",
            "appliedOnline", "bookedOnline", "grantedWithoutApplication", "walkIns", "nonLocal", "waivers",
            "waivedAmount");
    static final List<String> THROUGHPUT = List.of("period", "received", "decided", "withdrawn");
    static final List<String> MEASURES = List.of("hours", "workingDays", "pausedWorkingDays");
    static final List<String> BREAKDOWN_MEASURES = List.of("hours", "pausedHours", "workingDays", "pausedWorkingDays",
            "netWorkingDays");
    static final List<String> BREAKDOWN = List.of("by", "group", "service");
    static final List<String> SLA = List.of("service", "decidedWithClock", "statutoryOnTime", "statutoryYellow",
            "statutoryRed", "statutoryOnTimeShare", "promisedCases", "promisedOnTime", "promisedYellow", "promisedRed",
            "promisedOnTimeShare");
    static final List<String> BACKLOG = List.of("kind", "service", "district", "status", "taskName", "queue", "total",
            "unassigned");
    static final List<String> QUALITY = List.of("service", "received", "online", "onlineShare", "appliedOnline",
            "bookedOnline", "grantedWithoutApplication", "walkIns", "ended", "corrected",
            "correctionRate", "firstTimeRight", "withdrawn", "withdrawalRate", "lapsed", "lapseRate", "refused",
            "refusalRate");

    ReportsController(ReportsService reports, OperationsReports operations, CurrentUser currentUser,
            MessageSource messages, ServiceCatalogue catalogue, IdentityProperties identity) {
        this.reports = reports;
        this.operations = operations;
        this.currentUser = currentUser;
        this.messages = messages;
        this.catalogue = catalogue;
        this.identity = identity;
    }

    @Operation(summary = "Annual statistics per service: received, decided, outcomes, online share, cross-city, waivers")
    @GetMapping("/api/reports/annual")
    @PreAuthorize(Roles.MANAGEMENT)
    ResponseEntity<?> annual(@Parameter(required = true) @RequestParam(required = false) String year,
            @RequestParam(required = false) String district,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        ReportParams params = new ReportParams(messages, LocaleContextHolder.getLocale());
        int y = params.year(year);
        params.check();
        Collection<String> districts = ReportParams.districts(currentUser.get(), district);
        ReportsService.AnnualReport report = reports.annual(y, districts);
        List<String> outcomes = new ArrayList<>(report.total().outcomes().keySet());
        List<String> header = new ArrayList<>(ANNUAL);
        outcomes.forEach(o -> header.add("outcome:" + o));
        List<ReportsService.AnnualService> rows = new ArrayList<>(report.services());
        rows.add(report.total());
        return respond(accept, report, header, rows, (w, s) -> {
            List<Object> cells = new ArrayList<>(List.of(report.year(), w.service(s.serviceCode()), s.received(), s.decided(),
                    s.online(), s.onlineShare() == null ? "" : s.onlineShare(), s.appliedOnline(), s.bookedOnline(),
                    s.grantedWithoutApplication(), s.walkIns(), s.nonLocal(), s.waivers(), s.waivedAmount()));
            outcomes.forEach(o -> cells.add(s.outcomes().getOrDefault(o, 0L)));
            return cells;
        });
    }

    @Operation(summary = "Received, decided and withdrawn per day, week (from Monday) or month")
    @GetMapping("/api/reports/throughput")
    @PreAuthorize(Roles.MANAGEMENT)
    ResponseEntity<?> throughput(@Parameter(required = true) @RequestParam(required = false) String from,
            @Parameter(required = true) @RequestParam(required = false) String to,
            @RequestParam(required = false) String period, @RequestParam(required = false) String service,
            @RequestParam(required = false) String district,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        ReportParams params = params();
        ReportParams.Period p = params.period(period);
        Query q = query(params, from, to, service, district);
        var report = reports.throughput(q.from(), q.to(), p, q.service(), q.districts());
        return respond(accept, report, THROUGHPUT, report.rows(),
                (w, r) -> List.of(r.period(), r.received(), r.decided(), r.withdrawn()));
    }

    @Operation(summary = "Cycle time of decided cases: hours, working days and paused working days (nearest-rank percentiles)",
            description = "Hours are per case in tenths of an hour (rounded half-up), working days whole; the figures"
                    + " of each case are kept in the reporting table rp_case when it ends.")
    @GetMapping("/api/reports/cycle-time")
    @PreAuthorize(Roles.MANAGEMENT)
    ResponseEntity<?> cycleTime(@Parameter(required = true) @RequestParam(required = false) String from,
            @Parameter(required = true) @RequestParam(required = false) String to,
            @RequestParam(required = false) String service, @RequestParam(required = false) String district,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        Query q = query(params(), from, to, service, district);
        var report = reports.cycleTime(q.from(), q.to(), q.service(), q.districts());
        List<String> header = new ArrayList<>(List.of("service"));
        MEASURES.forEach(m -> header.addAll(Stats.header(m)));
        List<ReportsService.CycleTimeRow> rows = new ArrayList<>(report.services());
        rows.add(report.total());
        return respond(accept, report, header, rows, (w, r) -> {
            List<Object> cells = new ArrayList<>(List.of(w.service(r.serviceCode())));
            List.of(r.elapsedHours(), r.workingDays(), r.pausedWorkingDays()).forEach(s -> cells.addAll(s.cells()));
            return cells;
        });
    }

    @Operation(summary = "SLA compliance of decided cases against the statutory and promised limits, and the overdue open cases",
            description = "Decided cases by their state as of the clock's stop (kept per case when it ends). overdue"
                    + " lists the open cases past their statutory limit, the longest overdue first, at most"
                    + " overdueLimit of them (default 100, at most 5000) with their owners; overdueTotal counts all.")
    @GetMapping("/api/reports/sla")
    @PreAuthorize(Roles.MANAGEMENT)
    ResponseEntity<?> sla(@Parameter(required = true) @RequestParam(required = false) String from,
            @Parameter(required = true) @RequestParam(required = false) String to,
            @RequestParam(required = false) String service, @RequestParam(required = false) String district,
            @RequestParam(required = false) String overdueLimit,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        ReportParams p = params();
        int limit = p.overdueLimit(overdueLimit);
        Query q = query(p, from, to, service, district);
        var report = reports.sla(q.from(), q.to(), q.service(), q.districts(), limit);
        List<ReportsService.SlaRow> rows = new ArrayList<>(report.services());
        rows.add(report.total());
        return respond(accept, report, SLA, rows, (w, r) -> java.util.Arrays.asList(w.service(r.serviceCode()),
                r.withClock(), r.statutory().onTime(), r.statutory().yellow(), r.statutory().red(),
                r.statutory().onTimeShare(), r.promised().cases(), r.promised().onTime(), r.promised().yellow(),
                r.promised().red(), r.promised().onTimeShare()));
    }

    @Operation(summary = "Cycle time grouped by service, step (user task), clerk, district or period",
            description = "Per group: count, mean, median, p90, p95 and max (nearest rank) of elapsed hours, paused"
                    + " hours, working days, paused working days and net working days (working days minus the pauses"
                    + " the law excludes, platform.reports.excluded-pause-reasons). by=service|district|period"
                    + " measures decided cases from receipt to decision (decided in the range); by=step|clerk"
                    + " measures user tasks from creation to completion (completed in the range), from the engine's"
                    + " history. period=day|week|month applies to by=period. Hours are per item in tenths of an hour"
                    + " (half-up), working days whole; each item's figures are kept in rp_case / rp_task.")
    @GetMapping("/api/reports/cycle-time/breakdown")
    @PreAuthorize(Roles.MANAGEMENT)
    ResponseEntity<?> cycleTimeBreakdown(@Parameter(required = true) @RequestParam(required = false) String from,
            @Parameter(required = true) @RequestParam(required = false) String to,
            @RequestParam(required = false) String by,
            @RequestParam(required = false) String period, @RequestParam(required = false) String service,
            @RequestParam(required = false) String district,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        ReportParams params = params();
        OperationsReports.Dimension dimension = params.dimension(by);
        ReportParams.Period p = params.period(period);
        Query q = query(params, from, to, service, district);
        var report = operations.cycleTime(q.from(), q.to(), dimension, p, q.service(), q.districts());
        List<String> header = new ArrayList<>(BREAKDOWN);
        BREAKDOWN_MEASURES.forEach(m -> header.addAll(Stats.header(m)));
        List<OperationsReports.CycleTimeGroup> rows = new ArrayList<>(report.groups());
        rows.add(report.total());
        return respond(accept, report, header, rows, (w, r) -> {
            List<Object> cells = new ArrayList<>(java.util.Arrays.asList(w.dimension(report.by()),
                    group(w, dimension, r), w.service(r.serviceCode())));
            List.of(r.elapsedHours(), r.pausedHours(), r.workingDays(), r.pausedWorkingDays(), r.netWorkingDays())
                    .forEach(s -> cells.addAll(s.cells()));
            return cells;
        });
    }

    @Operation(summary = "Backlog of open cases and open tasks by age in working days",
            description = "Cases by service, district and status (age from the day of receipt); tasks by step and by"
                    + " queue (candidate group) and district (age from the day the task was created), with how many"
                    + " are unassigned. Bucket bounds: platform.reports.age-buckets. CSV: one row per group.")
    @GetMapping("/api/reports/backlog")
    @PreAuthorize(Roles.MANAGEMENT)
    ResponseEntity<?> backlog(@RequestParam(required = false) String service,
            @RequestParam(required = false) String district,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        var report = operations.backlog(ReportParams.blankToNull(service),
                ReportParams.districts(currentUser.get(), district));
        List<String> header = new ArrayList<>(BACKLOG);
        report.ageBuckets().forEach(b -> header.add("age:" + b));
        List<Object[]> rows = new ArrayList<>();
        report.cases().byService().forEach(r -> rows.add(new Object[] {"cases-by-service", r}));
        report.cases().byDistrict().forEach(r -> rows.add(new Object[] {"cases-by-district", r}));
        report.cases().byStatus().forEach(r -> rows.add(new Object[] {"cases-by-status", r}));
        report.tasks().byStep().forEach(r -> rows.add(new Object[] {"tasks-by-step", r}));
        report.tasks().byQueue().forEach(r -> rows.add(new Object[] {"tasks-by-queue", r}));
        return respond(accept, report, header, rows, (w, x) -> {
            OperationsReports.BacklogRow r = (OperationsReports.BacklogRow) x[1];
            List<Object> cells = new ArrayList<>(java.util.Arrays.asList(w.kind((String) x[0]),
                    w.service(r.serviceCode()), w.district(r.district()), w.status(r.status()), r.taskName(),
                    w.queue(r.queue()), r.total(), r.unassigned()));
            cells.addAll(r.byAge());
            return cells;
        });
    }

    @Operation(summary = "Quality: correction rate (first-time-right), withdrawal, lapse and refusal rates, online share",
            description = "Rates over the cases that ended in the range; the online share (网上办理率) over the"
                    + " cases received in it: applied online, booked online (handled at the counter) and granted without an application, with walk-ins the rest. Ratings (好差评) given or defaulted in the range: levels, average, bad ratings (1-2), the 7-day defaults and the bad ratings' work orders still open; ratings annulled in a re-review are left out.")
    @GetMapping("/api/reports/quality")
    @PreAuthorize(Roles.MANAGEMENT)
    ResponseEntity<?> quality(@Parameter(required = true) @RequestParam(required = false) String from,
            @Parameter(required = true) @RequestParam(required = false) String to,
            @RequestParam(required = false) String service, @RequestParam(required = false) String district,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        Query q = query(params(), from, to, service, district);
        var report = operations.quality(q.from(), q.to(), q.service(), q.districts());
        List<OperationsReports.QualityRow> rows = new ArrayList<>(report.services());
        rows.add(report.total());
        return respond(accept, report, QUALITY, rows, (w, r) -> java.util.Arrays.asList(w.service(r.serviceCode()), r.received(), r.online(),
                r.onlineShare(), r.appliedOnline(), r.bookedOnline(), r.grantedWithoutApplication(), r.walkIns(), r.ended(), r.corrected(), r.correctionRate(), r.firstTimeRight(), r.withdrawn(),
                r.withdrawalRate(), r.lapsed(), r.lapseRate(), r.refused(), r.refusalRate()));
    }

    /** A breakdown's group in words: a step by its name, a clerk by name, a service or district by its name. */
    private static String group(CsvWords w, OperationsReports.Dimension by, OperationsReports.CycleTimeGroup g) {
        if (g.key() == null || "*".equals(g.key())) {
            return w.total();
        }
        return switch (by) {
            case SERVICE -> w.service(g.key());
            case STEP -> g.label() == null ? g.key() : g.label();
            case CLERK -> w.clerk(g.key());
            case DISTRICT -> w.district(g.key());
            case PERIOD -> g.key();
        };
    }

    /** A range report's scope: dates checked (with whatever else {@code params} collected), districts allowed. */
    private record Query(LocalDate from, LocalDate to, String service, Collection<String> districts) {
    }

    private ReportParams params() {
        return new ReportParams(messages, LocaleContextHolder.getLocale());
    }

    private Query query(ReportParams params, String from, String to, String service, String district) {
        ReportParams.Range range = params.range(from, to);
        params.check();
        return new Query(range.from(), range.to(), ReportParams.blankToNull(service),
                ReportParams.districts(currentUser.get(), district));
    }

    /** JSON by default; the report's rows as CSV when the caller asks for text/csv. */
    private <T> ResponseEntity<?> respond(String accept, Object json, List<String> header, List<T> rows,
            BiFunction<CsvWords, T, List<?>> cells) {
        if (wantsCsv(accept)) {
            CsvWords words = new CsvWords(messages, LocaleContextHolder.getLocale(), catalogue, identity);
            return ResponseEntity.ok().contentType(TEXT_CSV)
                    .body(Csv.write(words.header(header), rows.stream().<List<?>>map(r -> cells.apply(words, r)).toList()));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(json);
    }

    private static boolean wantsCsv(String accept) {
        if (accept == null) {
            return false;
        }
        try {
            return MediaType.parseMediaTypes(accept).stream().anyMatch(m -> m.getType().equals("text")
                    && m.getSubtype().equals("csv"));
        } catch (org.springframework.http.InvalidMediaTypeException e) {
            return false;
        }
    }
}
