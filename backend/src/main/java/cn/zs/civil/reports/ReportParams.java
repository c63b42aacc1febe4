package cn.zs.civil.reports;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import cn.zs.civil.identity.PlatformUser;
import cn.zs.civil.web.ApiException;
import cn.zs.civil.web.FieldProblem;

/**
 * Parses and checks the query parameters of the reports. Parameters arrive as strings so that a caller without the
 * right role gets 403 before anything is parsed, and a bad value gets a 422 problem naming the field.
 */
final class ReportParams {

    static final int MIN_YEAR = 2000;
    static final int MAX_YEAR = 2100;
    /** The longest range one report covers, so a typo cannot make the server walk centuries. */
    static final int MAX_DAYS = 3 * 366;

    private final List<FieldProblem> problems = new ArrayList<>();

    int year(String value) {
        if (value == null || value.isBlank()) {
            problems.add(new FieldProblem("year", "year", "report.required", "year is required"));
            return MIN_YEAR;
        }
        try {
            int year = Integer.parseInt(value.trim());
            if (year < MIN_YEAR || year > MAX_YEAR) {
                problems.add(new FieldProblem("year", "year", "report.yearOutOfRange",
                        "year must be between " + MIN_YEAR + " and " + MAX_YEAR));
            }
            return year;
        } catch (NumberFormatException e) {
            problems.add(new FieldProblem("year", "year", "report.notAYear", "year must be a number"));
            return MIN_YEAR;
        }
    }

    LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            problems.add(new FieldProblem(field, field, "report.required", field + " is required (yyyy-MM-dd)"));
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(value.trim());
            if (date.getYear() < MIN_YEAR || date.getYear() > MAX_YEAR) {
                problems.add(new FieldProblem(field, field, "report.yearOutOfRange",
                        field + " must be between " + MIN_YEAR + " and " + MAX_YEAR));
                return null;
            }
            return date;
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(field, field, "report.notADate", field + " must be a date (yyyy-MM-dd)"));
            return null;
        }
    }

    void range(LocalDate from, LocalDate to) {
        if (from != null && to != null) {
            if (from.isAfter(to)) {
                problems.add(new FieldProblem("to", "to", "report.toBeforeFrom", "to must not be before from"));
            } else if (from.plusDays(MAX_DAYS).isBefore(to)) {
                problems.add(new FieldProblem("to", "to", "report.rangeTooLong",
                        "a report covers at most " + MAX_DAYS + " days"));
            }
        }
    }

    Period period(String value) {
        String v = value == null || value.isBlank() ? "day" : value.trim().toLowerCase(Locale.ROOT);
        try {
            return Period.valueOf(v.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem("period", "period", "report.unknownPeriod", "period must be day, week or month"));
            return Period.DAY;
        }
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** Throws the collected problems, if any. */
    void check() {
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
    }

    /**
     * The districts a report covers for this caller: null for all, else a non-empty set. A district filter outside
     * the caller's scope is refused rather than silently answered with zeros.
     */
    static Collection<String> districts(PlatformUser user, String district) {
        String wanted = blankToNull(district);
        if (wanted != null) {
            if (!user.seesDistrict(wanted)) {
                throw ApiException.forbidden("problem.forbidden");
            }
            return List.of(wanted);
        }
        if (user.allDistricts()) {
            return null;
        }
        if (user.districts().isEmpty()) {
            throw ApiException.forbidden("problem.forbidden");
        }
        return List.copyOf(user.districts());
    }

    enum Period {
        DAY, WEEK, MONTH;

        LocalDate start(LocalDate day) {
            return switch (this) {
                case DAY -> day;
                case WEEK -> day.with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));
                case MONTH -> day.withDayOfMonth(1);
            };
        }

        LocalDate next(LocalDate start) {
            return switch (this) {
                case DAY -> start.plusDays(1);
                case WEEK -> start.plusWeeks(1);
                case MONTH -> start.plusMonths(1);
            };
        }
    }
}
