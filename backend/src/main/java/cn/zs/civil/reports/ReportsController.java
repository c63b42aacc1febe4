package cn.zs.civil.reports;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.zs.civil.identity.CurrentUser;
import cn.zs.civil.identity.Roles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Reports", description = "Managers' reports: annual statistics, throughput, cycle time, SLA (JSON or CSV)")
class ReportsController {

    static final MediaType TEXT_CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);

    private final ReportsService reports;
    private final CurrentUser currentUser;
    private final MessageSource messages;

    ReportsController(ReportsService reports, CurrentUser currentUser, MessageSource messages) {
        this.reports = reports;
        this.currentUser = currentUser;
        this.messages = messages;
    }

    @Operation(summary = "Annual statistics per service: received, decided, outcomes, online share, cross-city, waivers")
    @GetMapping("/api/reports/annual")
    @PreAuthorize(Roles.MANAGEMENT)
    ResponseEntity<?> annual(@RequestParam(required = false) String year, @RequestParam(required = false) String district,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        ReportParams params = new ReportParams(messages, LocaleContextHolder.getLocale());
        int y = params.year(year);
        params.check();
        Collection<String> districts = ReportParams.districts(currentUser.get(), district);
        ReportsService.AnnualReport report = reports.annual(y, districts);
        List<String> outcomes = new ArrayList<>(report.total().outcomes().keySet());
        List<String> header = new ArrayList<>(List.of("year", "service", "received", "decided", "online",
                "onlineShare", "nonLocal", "waivers", "waivedAmount"));
        outcomes.forEach(o -> header.add("outcome:" + o));
        List<ReportsService.AnnualService> rows = new ArrayList<>(report.services());
        rows.add(report.total());
        return respond(accept, report, header, rows, s -> {
            List<Object> cells = new ArrayList<>(List.of(report.year(), s.serviceCode(), s.received(), s.decided(),
                    s.online(), s.onlineShare() == null ? "" : s.onlineShare(), s.nonLocal(), s.waivers(),
                    s.waivedAmount()));
            outcomes.forEach(o -> cells.add(s.outcomes().getOrDefault(o, 0L)));
            return cells;
        });
    }

    @Operation(summary = "Received, decided and withdrawn per day, week (from Monday) or month")
    @GetMapping("/api/reports/throughput")
    @PreAuthorize(Roles.MANAGEMENT)
    ResponseEntity<?> throughput(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String period, @RequestParam(required = false) String service,
            @RequestParam(required = false) String district,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        ReportParams params = new ReportParams(messages, LocaleContextHolder.getLocale());
        ReportParams.Range range = params.range(from, to);
        ReportParams.Period p = params.period(period);
        params.check();
        var report = reports.throughput(range.from(), range.to(), p, ReportParams.blankToNull(service),
                ReportParams.districts(currentUser.get(), district));
        return respond(accept, report, List.of("period", "received", "decided", "withdrawn"), report.rows(),
                r -> List.of(r.period(), r.received(), r.decided(), r.withdrawn()));
    }

    @Operation(summary = "Cycle time of decided cases: hours, working days and paused working days (nearest-rank percentiles)")
    @GetMapping("/api/reports/cycle-time")
    @PreAuthorize(Roles.MANAGEMENT)
    ResponseEntity<?> cycleTime(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String service, @RequestParam(required = false) String district,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        ReportParams params = new ReportParams(messages, LocaleContextHolder.getLocale());
        ReportParams.Range range = params.range(from, to);
        params.check();
        var report = reports.cycleTime(range.from(), range.to(), ReportParams.blankToNull(service),
                ReportParams.districts(currentUser.get(), district));
        List<String> header = new ArrayList<>(List.of("service"));
        for (String m : List.of("hours", "workingDays", "pausedWorkingDays")) {
            for (String s : List.of("Count", "Mean", "Median", "P90", "P95", "Max")) {
                header.add(m + s);
            }
        }
        List<ReportsService.CycleTimeRow> rows = new ArrayList<>(report.services());
        rows.add(report.total());
        return respond(accept, report, header, rows, r -> {
            List<Object> cells = new ArrayList<>(List.of(r.serviceCode()));
            for (Stats s : List.of(r.elapsedHours(), r.workingDays(), r.pausedWorkingDays())) {
                cells.addAll(java.util.Arrays.asList(s.count(), s.mean(), s.median(), s.p90(), s.p95(), s.max()));
            }
            return cells;
        });
    }

    @Operation(summary = "SLA compliance of decided cases against the statutory and promised limits, and the overdue open cases")
    @GetMapping("/api/reports/sla")
    @PreAuthorize(Roles.MANAGEMENT)
    ResponseEntity<?> sla(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String service, @RequestParam(required = false) String district,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        ReportParams params = new ReportParams(messages, LocaleContextHolder.getLocale());
        ReportParams.Range range = params.range(from, to);
        params.check();
        var report = reports.sla(range.from(), range.to(), ReportParams.blankToNull(service),
                ReportParams.districts(currentUser.get(), district));
        List<ReportsService.SlaRow> rows = new ArrayList<>(report.services());
        rows.add(report.total());
        return respond(accept, report, List.of("service", "decidedWithClock", "statutoryOnTime", "statutoryYellow",
                "statutoryRed", "statutoryOnTimeShare", "promisedCases", "promisedOnTime", "promisedYellow",
                "promisedRed", "promisedOnTimeShare"), rows, r -> java.util.Arrays.asList(r.serviceCode(),
                r.withClock(), r.statutory().onTime(), r.statutory().yellow(), r.statutory().red(),
                r.statutory().onTimeShare(), r.promised().cases(), r.promised().onTime(), r.promised().yellow(),
                r.promised().red(), r.promised().onTimeShare()));
    }

    /** JSON by default; the report's rows as CSV when the caller asks for text/csv. */
    private static <T> ResponseEntity<?> respond(String accept, Object json, List<String> header, List<T> rows,
            Function<T, List<?>> cells) {
        if (wantsCsv(accept)) {
            return ResponseEntity.ok().contentType(TEXT_CSV)
                    .body(Csv.write(header, rows.stream().<List<?>>map(cells).toList()));
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
