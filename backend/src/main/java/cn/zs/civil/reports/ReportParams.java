package cn.zs.civil.reports;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;

import cn.zs.civil.identity.PlatformUser;
import cn.zs.civil.problem.ApiException;
import cn.zs.civil.problem.FieldProblem;

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
    private final MessageSource messages;
    private final Locale locale;

    ReportParams(MessageSource messages, Locale locale) {
        this.messages = messages;
        this.locale = locale;
    }

    /** A finding in the reader's language: the message's first argument is the parameter's name. */
    private FieldProblem problem(String field, String code, Object... args) {
        Object[] all = new Object[args.length + 1];
        all[0] = field;
        System.arraycopy(args, 0, all, 1, args.length);
        return new FieldProblem(field, field, code, messages.getMessage(code, all, code, locale));
    }

    int year(String value) {
        if (value == null || value.isBlank()) {
            problems.add(problem("year", "report.required"));
            return MIN_YEAR;
        }
        try {
            int year = Integer.parseInt(value.trim());
            if (year < MIN_YEAR || year > MAX_YEAR) {
                problems.add(problem("year", "report.yearOutOfRange", MIN_YEAR, MAX_YEAR));
            }
            return year;
        } catch (NumberFormatException e) {
            problems.add(problem("year", "report.notAYear"));
            return MIN_YEAR;
        }
    }

    LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            problems.add(problem(field, "report.required"));
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(value.trim());
            if (date.getYear() < MIN_YEAR || date.getYear() > MAX_YEAR) {
                problems.add(problem(field, "report.yearOutOfRange", MIN_YEAR, MAX_YEAR));
                return null;
            }
            return date;
        } catch (DateTimeParseException e) {
            problems.add(problem(field, "report.notADate"));
            return null;
        }
    }

    /** A report's date range: both dates parsed, in order, and not longer than {@link #MAX_DAYS}. */
    record Range(LocalDate from, LocalDate to) {
    }

    Range range(String from, String to) {
        LocalDate f = date("from", from);
        LocalDate t = date("to", to);
        range(f, t);
        return new Range(f, t);
    }

    void range(LocalDate from, LocalDate to) {
        if (from != null && to != null) {
            if (from.isAfter(to)) {
                problems.add(problem("to", "report.toBeforeFrom"));
            } else if (from.plusDays(MAX_DAYS).isBefore(to)) {
                problems.add(problem("to", "report.rangeTooLong", MAX_DAYS));
            }
        }
    }

    static final int DEFAULT_OVERDUE_LIMIT = 100;
    static final int MAX_OVERDUE_LIMIT = 5000;

    /** How many overdue cases the SLA report lists (the count covers all): 1 to {@link #MAX_OVERDUE_LIMIT}. */
    int overdueLimit(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_OVERDUE_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value.trim());
            if (limit >= 1 && limit <= MAX_OVERDUE_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(problem("overdueLimit", "report.overdueLimit", MAX_OVERDUE_LIMIT));
        return DEFAULT_OVERDUE_LIMIT;
    }

    Period period(String value) {
        String v = value == null || value.isBlank() ? "day" : value.trim().toLowerCase(Locale.ROOT);
        try {
            return Period.valueOf(v.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(problem("period", "report.unknownPeriod"));
            return Period.DAY;
        }
    }

    OperationsReports.Dimension dimension(String value) {
        String v = value == null || value.isBlank() ? "service" : value.trim();
        try {
            return OperationsReports.Dimension.valueOf(v.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(problem("by", "report.unknownDimension"));
            return OperationsReports.Dimension.SERVICE;
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
