package cn.zs.civil.reports;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.zs.civil.application.BusinessTime;
import cn.zs.civil.identity.Roles;
import cn.zs.civil.problem.ApiException;
import cn.zs.civil.problem.FieldProblem;
import cn.zs.civil.problem.FieldProblems;
import cn.zs.civil.web.RateLimits;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The public rating results (好差评 评价结果公开, 国办发〔2019〕51号): anyone, signed in or not, reads per service and
 * month the number of ratings and the share of each grade. Months {@code yyyy-MM}, by default the twelve up to the
 * current one, at most {@value #MAX_MONTHS}; rate-limited per address like the other public answers.
 */
@RestController
@Tag(name = "Public ratings", description = "Rating results made public (好差评): per service and month, the number of"
        + " ratings and the share of each of the five grades. Counts only, no personal data; no sign-in.")
class PublicRatingsController {

    static final int MAX_MONTHS = 36;
    private static final int PER_MINUTE = 60;

    private final PublicRatings ratings;
    private final MessageSource messages;
    private final RateLimits rateLimits;

    PublicRatingsController(PublicRatings ratings, MessageSource messages, RateLimits rateLimits) {
        this.ratings = ratings;
        this.messages = messages;
        this.rateLimits = rateLimits;
    }

    @Operation(summary = "Rating results per service and month: count and share of each grade (public)")
    @GetMapping("/api/public/ratings")
    @PreAuthorize(Roles.PUBLIC)
    ResponseEntity<PublicRatings.Figures> figures(@RequestParam(required = false) String from,
            @RequestParam(required = false) String to, HttpServletRequest http) {
        rateLimits.hit("public-ratings:" + http.getRemoteAddr(), PER_MINUTE, "report.rateLimited");
        Locale locale = LocaleContextHolder.getLocale();
        List<FieldProblem> problems = new ArrayList<>();
        YearMonth now = YearMonth.from(BusinessTime.now());
        YearMonth t = month("to", to, now, problems, locale);
        YearMonth f = month("from", from, t == null ? now.minusMonths(11) : t.minusMonths(11), problems, locale);
        if (f != null && t != null) {
            if (f.isAfter(t)) {
                problems.add(FieldProblems.of(messages, locale, "to", "report.month.to", "report.toBeforeFrom", "to"));
            } else if (f.plusMonths(MAX_MONTHS).isBefore(t.plusMonths(1))) {
                problems.add(FieldProblems.of(messages, locale, "to", "report.month.to", "report.monthsTooMany", "to",
                        MAX_MONTHS));
            }
        }
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(java.time.Duration.ofMinutes(5)).cachePublic())
                .body(ratings.of(f, t, locale));
    }

    private YearMonth month(String field, String value, YearMonth otherwise, List<FieldProblem> problems,
            Locale locale) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            YearMonth m = YearMonth.parse(value.strip());
            if (m.getYear() < ReportParams.MIN_YEAR || m.getYear() > ReportParams.MAX_YEAR) {
                problems.add(FieldProblems.of(messages, locale, field, "report.month." + field,
                        "report.yearOutOfRange", field, ReportParams.MIN_YEAR, ReportParams.MAX_YEAR));
                return null;
            }
            return m;
        } catch (DateTimeParseException e) {
            problems.add(FieldProblems.of(messages, locale, field, "report.month." + field, "report.notAMonth", field));
            return null;
        }
    }
}
