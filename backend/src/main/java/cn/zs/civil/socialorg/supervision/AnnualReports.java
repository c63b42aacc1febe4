package cn.zs.civil.socialorg.supervision;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.zs.civil.application.BusinessTime;
import cn.zs.civil.audit.AuditLog;
import cn.zs.civil.identity.PlatformUser;
import cn.zs.civil.socialorg.SocialOrgService;
import cn.zs.civil.problem.ApiException;
import cn.zs.civil.problem.FieldProblem;
import cn.zs.civil.problem.FieldProblems;

/**
 * The annual work report (年度工作报告, 社团条例 Art. 28, 民非条例 Art. 23, 粤民规字〔2019〕3号; domain brief §2(c), R152):
 * one per registered organisation and year, reviewed by the supervisory unit by 31 March and at the authority by
 * 31 May of the following year (both configuration); organisations registered from 1 July of the year report from
 * the next. The section records each report; a year's list shows who reported, late or not at all; once the
 * authority's day has passed, a daily scan puts those with no report on the activity-abnormal list (Order No. 60).
 */
@Service
public class AnnualReports {

    private static final Logger log = LoggerFactory.getLogger(AnnualReports.class);

    public record Submission(String creditCode, Integer year, String supervisoryReviewedOn) {
    }

    /** An organisation's standing for a year: SUBMITTED, LATE (submitted late), DUE (not yet late), MISSING. */
    public record Standing(String creditCode, String organisation, int year, String status, String statusText,
            LocalDate supervisoryOn, boolean supervisoryLate, LocalDateTime submittedAt, LocalDate authorityDeadline) {
    }

    private final SupervisionMapper mapper;
    private final SocialOrgService register;
    private final AbnormalList abnormal;
    private final SupervisionProperties properties;
    private final AuditLog audit;
    private final MessageSource messages;

    AnnualReports(SupervisionMapper mapper, SocialOrgService register, AbnormalList abnormal,
            SupervisionProperties properties, AuditLog audit, MessageSource messages) {
        this.mapper = mapper;
        this.register = register;
        this.abnormal = abnormal;
        this.properties = properties;
        this.audit = audit;
        this.messages = messages;
    }

    /** Whether the organisation reports for that year: registered before the exemption day of the year. */
    boolean mustReport(SocialOrgService.Organisation org, int year) {
        return org.registeredOn() != null && org.registeredOn().isBefore(properties.exemptionDay().atYear(year));
    }

    LocalDate authorityDeadline(int year) {
        return properties.authorityDay().atYear(year + 1);
    }

    @Transactional
    public Standing submit(PlatformUser user, Submission submission, Locale locale) {
        List<FieldProblem> problems = new ArrayList<>();
        String code = submission == null || submission.creditCode() == null ? "" : submission.creditCode().strip();
        SocialOrgService.Organisation org = code.isEmpty() ? null : register.organisation(code);
        if (org == null || !org.active()) {
            problems.add(FieldProblems.of(messages, locale, "creditCode", "socialorg.abnormal.label.creditCode",
                    "socialorg.abnormal.notRegistered"));
        }
        LocalDate today = BusinessTime.now().toLocalDate();
        Integer year = submission == null ? null : submission.year();
        if (year == null || year >= today.getYear() || year < 1990) {
            problems.add(FieldProblems.of(messages, locale, "year", "socialorg.report.label.year",
                    "socialorg.report.badYear", String.valueOf(today.getYear() - 1)));
        } else if (org != null && org.active() && !mustReport(org, year)) {
            problems.add(FieldProblems.of(messages, locale, "year", "socialorg.report.label.year",
                    "socialorg.report.notDue", org.name(), properties.exemptionDay().atYear(year).toString()));
        }
        LocalDate supervisoryOn = null;
        String reviewed = submission == null ? null : submission.supervisoryReviewedOn();
        if (reviewed != null && !reviewed.isBlank()) {
            try {
                supervisoryOn = LocalDate.parse(reviewed.strip());
                if (supervisoryOn.isAfter(today)) {
                    problems.add(FieldProblems.of(messages, locale, "supervisoryReviewedOn",
                            "socialorg.report.label.supervisoryReviewedOn", "socialorg.seriousList.future"));
                }
            } catch (DateTimeParseException e) {
                problems.add(FieldProblems.of(messages, locale, "supervisoryReviewedOn",
                        "socialorg.report.label.supervisoryReviewedOn", "socialorg.seriousList.badDate"));
            }
        }
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
        if (mapper.report(org.creditCode(), year) != null) {
            throw ApiException.conflict("socialorg.report.already", org.name(), String.valueOf(year));
        }
        boolean late = today.isAfter(authorityDeadline(year));
        mapper.insertReport(new SupervisionMapper.ReportRow(org.creditCode(), year, supervisoryOn, BusinessTime.now(),
                user.id(), late));
        audit.byUser(user.id(), user.roles(), "socialorg.annualReport.add", "so_annual_report/" + org.creditCode()
                + "/" + year, "OK", null, Map.of("late", late));
        return standing(org, year, mapper.report(org.creditCode(), year), locale);
    }

    /** Every organisation that reports for that year with its standing; the late and missing ones first. */
    public List<Standing> year(int year, Locale locale) {
        Map<String, SupervisionMapper.ReportRow> reports = new java.util.HashMap<>();
        mapper.reportsOf(year).forEach(r -> reports.put(r.creditCode(), r));
        List<Standing> out = new ArrayList<>();
        for (SocialOrgService.Organisation org : register.activeOrganisations()) {
            if (mustReport(org, year)) {
                out.add(standing(org, year, reports.get(org.creditCode()), locale));
            }
        }
        List<String> order = List.of("MISSING", "LATE", "DUE", "SUBMITTED");
        out.sort(java.util.Comparator.comparing((Standing s) -> order.indexOf(s.status())));
        return out;
    }

    @Scheduled(cron = "${platform.socialorg.supervision.scan-cron:0 30 1 * * *}", zone = "Asia/Shanghai")
    void scheduledListing() {
        try {
            listMissing(BusinessTime.now().toLocalDate());
        } catch (RuntimeException e) {
            log.warn("Listing organisations without an annual report failed; it runs again tomorrow", e);
        }
    }

    /**
     * Order No. 60: once the authority's day for last year's report has passed, each organisation that should have
     * reported and has not goes on the activity-abnormal list. Returns how many this call listed.
     */
    @Transactional
    public int listMissing(LocalDate today) {
        int year = today.getYear() - 1;
        if (!today.isAfter(authorityDeadline(year))) {
            return 0;
        }
        int listed = 0;
        for (Standing s : year(year, Locale.SIMPLIFIED_CHINESE)) {
            if ("MISSING".equals(s.status()) && abnormal.listBySystem(s.creditCode(), AbnormalList.ANNUAL_REPORT,
                    messages.getMessage("socialorg.report.missingReason", new Object[] {String.valueOf(year),
                            authorityDeadline(year).toString()}, Locale.SIMPLIFIED_CHINESE), today)) {
                listed++;
            }
        }
        return listed;
    }

    private Standing standing(SocialOrgService.Organisation org, int year, SupervisionMapper.ReportRow report,
            Locale locale) {
        LocalDate deadline = authorityDeadline(year);
        String status = report != null ? (report.late() ? "LATE" : "SUBMITTED")
                : BusinessTime.now().toLocalDate().isAfter(deadline) ? "MISSING" : "DUE";
        LocalDate supervisoryOn = report == null ? null : report.supervisoryOn();
        return new Standing(org.creditCode(), org.name(), year, status,
                messages.getMessage("socialorg.report.status." + status, null, locale), supervisoryOn,
                supervisoryOn != null && supervisoryOn.isAfter(properties.supervisoryDay().atYear(year + 1)),
                report == null ? null : report.submittedAt(), deadline);
    }
}
