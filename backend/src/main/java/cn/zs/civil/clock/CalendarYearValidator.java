package cn.zs.civil.clock;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Checks an administrator's schedule before it replaces the year: first that it can be read (400), then that it is a
 * plausible State Council schedule (422). Every mistake is reported at once, each with its field, so that the
 * administrator can fix the whole form in one go.
 */
@Component
class CalendarYearValidator {

    static final int MIN_YEAR = 1990;
    static final int MAX_YEAR = 2200;
    // The longest published holiday is 9 days (Spring Festival 2026); a month means a typing mistake.
    private static final int MAX_HOLIDAY_DAYS = 31;

    private final Validator validator;

    CalendarYearValidator(Validator validator) {
        this.validator = validator;
    }

    static int parseYear(String year) {
        try {
            int value = Integer.parseInt(year);
            if (value >= MIN_YEAR && value <= MAX_YEAR) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw Problems.invalid(HttpStatus.BAD_REQUEST, "The year is not valid.",
                List.of(new FieldProblem("year", "must be a year between " + MIN_YEAR + " and " + MAX_YEAR)));
    }

    YearSchedule validate(int year, CalendarYearRequest request) {
        if (request == null) {
            throw Problems.invalid(HttpStatus.BAD_REQUEST, "The schedule is missing.",
                    List.of(new FieldProblem("", "a body with holidays and adjustedWorkdays is required")));
        }
        List<FieldProblem> unreadable = new ArrayList<>();
        for (ConstraintViolation<CalendarYearRequest> violation : validator.validate(request)) {
            String field = violation.getPropertyPath().toString().replace(".<list element>", "");
            unreadable.add(new FieldProblem(field, violation.getMessage()));
        }
        List<CalendarYearRequest.HolidayRequest> holidayRequests =
                request.holidays() == null ? List.of() : request.holidays();
        List<String> workdayRequests = request.adjustedWorkdays() == null ? List.of() : request.adjustedWorkdays();

        List<Holiday> holidays = new ArrayList<>();
        for (int i = 0; i < holidayRequests.size(); i++) {
            CalendarYearRequest.HolidayRequest h = holidayRequests.get(i);
            if (h == null) {
                unreadable.add(new FieldProblem("holidays[" + i + "]", "must not be null"));
                continue;
            }
            LocalDate from = parseDate(h.from(), "holidays[" + i + "].from", unreadable);
            LocalDate to = parseDate(h.to(), "holidays[" + i + "].to", unreadable);
            String en = h.en() == null || h.en().isBlank() ? null : h.en().strip();
            holidays.add(new Holiday(h.name() == null ? null : h.name().strip(), en, from, to));
        }
        List<LocalDate> workdays = new ArrayList<>();
        for (int i = 0; i < workdayRequests.size(); i++) {
            workdays.add(parseDate(workdayRequests.get(i), "adjustedWorkdays[" + i + "]", unreadable));
        }
        if (!unreadable.isEmpty()) {
            throw Problems.invalid(HttpStatus.BAD_REQUEST, "The schedule of " + year + " cannot be read.",
                    dedupe(unreadable));
        }

        List<FieldProblem> broken = new ArrayList<>();
        for (int i = 0; i < holidays.size(); i++) {
            Holiday h = holidays.get(i);
            String field = "holidays[" + i + "]";
            if (h.to().isBefore(h.from())) {
                broken.add(new FieldProblem(field + ".to", "must not be before from (" + h.from() + ")"));
            }
            if (h.from().getYear() != year) {
                broken.add(new FieldProblem(field + ".from", "must be in " + year));
            }
            if (h.to().getYear() != year) {
                broken.add(new FieldProblem(field + ".to", "must be in " + year));
            }
            if (!h.to().isBefore(h.from()) && ChronoUnit.DAYS.between(h.from(), h.to()) + 1 > MAX_HOLIDAY_DAYS) {
                broken.add(new FieldProblem(field, "a holiday must not be longer than " + MAX_HOLIDAY_DAYS + " days"));
            }
        }
        List<Integer> byStart = new ArrayList<>();
        for (int i = 0; i < holidays.size(); i++) {
            byStart.add(i);
        }
        byStart.sort(Comparator.comparing(i -> holidays.get(i).from()));
        for (int k = 1; k < byStart.size(); k++) {
            Holiday previous = holidays.get(byStart.get(k - 1));
            Holiday current = holidays.get(byStart.get(k));
            if (!current.from().isAfter(previous.to())) {
                broken.add(new FieldProblem("holidays[" + byStart.get(k) + "].from",
                        "overlaps " + previous.name() + " (" + previous.from() + " to " + previous.to() + ")"));
            }
        }
        Set<LocalDate> seen = new HashSet<>();
        for (int i = 0; i < workdays.size(); i++) {
            LocalDate day = workdays.get(i);
            String field = "adjustedWorkdays[" + i + "]";
            if (day.getYear() != year) {
                broken.add(new FieldProblem(field, "must be in " + year));
            }
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                broken.add(new FieldProblem(field,
                        day + " is a " + day.getDayOfWeek() + ", already a working day; only a weekend day can be adjusted"));
            }
            if (!seen.add(day)) {
                broken.add(new FieldProblem(field, day + " is listed twice"));
            }
            for (Holiday h : holidays) {
                if (!day.isBefore(h.from()) && !day.isAfter(h.to())) {
                    broken.add(new FieldProblem(field, day + " is inside the holiday " + h.name()));
                }
            }
        }
        if (!broken.isEmpty()) {
            throw Problems.invalid(HttpStatus.UNPROCESSABLE_ENTITY,
                    "The schedule of " + year + " breaks " + broken.size() + " rule(s).", broken);
        }
        return new YearSchedule(year, holidays, workdays.stream().sorted().toList());
    }

    private static LocalDate parseDate(String text, String field, List<FieldProblem> problems) {
        if (text == null || text.isBlank()) {
            return null; // reported by bean validation
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(field, "'" + text + "' is not a date (yyyy-MM-dd)"));
            return null;
        }
    }

    private static List<FieldProblem> dedupe(List<FieldProblem> problems) {
        return problems.stream().distinct().sorted(Comparator.comparing(FieldProblem::field)).toList();
    }
}
