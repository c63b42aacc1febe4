package cn.zs.civil.clock;

import java.lang.annotation.Annotation;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Size;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import cn.zs.civil.problem.ApiException;
import cn.zs.civil.problem.FieldProblem;

/**
 * Checks an administrator's schedule before it replaces the year: first that it can be read (400), then that it is a
 * plausible State Council schedule (422). Every mistake is reported at once, each with its field, its label and a
 * message in the reader's language ({@code clock.*} keys), so that the administrator can fix the whole form in one go.
 * Fields of list entries are labelled with their position counted from 1 ("Holiday 2", "第2个节假日").
 */
@Component
class CalendarYearValidator {

    static final int MIN_YEAR = 1990;
    static final int MAX_YEAR = 2200;
    // The longest published holiday is 9 days (Spring Festival 2026); a month means a typing mistake.
    static final int MAX_HOLIDAY_DAYS = 31;

    private final Validator validator;
    private final MessageSource messages;

    CalendarYearValidator(Validator validator, MessageSource messages) {
        this.validator = validator;
        this.messages = messages;
    }

    /** The year of a path, or a 400 problem naming the field {@code year}. */
    int parseYear(String year) {
        try {
            int value = Integer.parseInt(year.strip());
            if (value >= MIN_YEAR && value <= MAX_YEAR) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        Locale locale = LocaleContextHolder.getLocale();
        throw new ApiException(HttpStatus.BAD_REQUEST, List.of(problem(locale, "year", "clock.year.outOfRange",
                String.valueOf(MIN_YEAR), String.valueOf(MAX_YEAR))), "clock.year.invalid");
    }

    YearSchedule validate(int year, CalendarYearRequest request) {
        Locale locale = LocaleContextHolder.getLocale();
        String shownYear = String.valueOf(year);
        if (request == null) {
            throw new ApiException(HttpStatus.BAD_REQUEST,
                    List.of(problem(locale, "holidays", "clock.calendar.scheduleMissing")),
                    "clock.calendar.unreadable", shownYear);
        }
        List<FieldProblem> unreadable = new ArrayList<>();
        for (ConstraintViolation<CalendarYearRequest> violation : validator.validate(request)) {
            String field = violation.getPropertyPath().toString().replace(".<list element>", "");
            unreadable.add(violated(locale, field, violation));
        }
        List<CalendarYearRequest.HolidayRequest> holidayRequests =
                request.holidays() == null ? List.of() : request.holidays();
        List<String> workdayRequests = request.adjustedWorkdays() == null ? List.of() : request.adjustedWorkdays();

        List<Holiday> holidays = new ArrayList<>();
        for (int i = 0; i < holidayRequests.size(); i++) {
            CalendarYearRequest.HolidayRequest h = holidayRequests.get(i);
            if (h == null) {
                unreadable.add(problem(locale, "holidays[" + i + "]", "form.required", label(locale,
                        "holidays[" + i + "]")));
                continue;
            }
            LocalDate from = parseDate(h.from(), "holidays[" + i + "].from", unreadable, locale);
            LocalDate to = parseDate(h.to(), "holidays[" + i + "].to", unreadable, locale);
            String en = h.en() == null || h.en().isBlank() ? null : h.en().strip();
            holidays.add(new Holiday(h.name() == null ? null : h.name().strip(), en, from, to));
        }
        List<LocalDate> workdays = new ArrayList<>();
        for (int i = 0; i < workdayRequests.size(); i++) {
            workdays.add(parseDate(workdayRequests.get(i), "adjustedWorkdays[" + i + "]", unreadable, locale));
        }
        if (!unreadable.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, dedupe(unreadable), "clock.calendar.unreadable", shownYear);
        }

        List<FieldProblem> broken = new ArrayList<>();
        for (int i = 0; i < holidays.size(); i++) {
            Holiday h = holidays.get(i);
            String field = "holidays[" + i + "]";
            if (h.to().isBefore(h.from())) {
                broken.add(problem(locale, field + ".to", "clock.holiday.endsBeforeStart",
                        label(locale, field + ".to"), h.to().toString(), h.from().toString()));
            }
            if (h.from().getYear() != year) {
                broken.add(problem(locale, field + ".from", "clock.date.outsideYear",
                        label(locale, field + ".from"), h.from().toString(), shownYear));
            }
            if (h.to().getYear() != year) {
                broken.add(problem(locale, field + ".to", "clock.date.outsideYear",
                        label(locale, field + ".to"), h.to().toString(), shownYear));
            }
            long days = ChronoUnit.DAYS.between(h.from(), h.to()) + 1;
            if (!h.to().isBefore(h.from()) && days > MAX_HOLIDAY_DAYS) {
                broken.add(problem(locale, field, "clock.holiday.tooLong", label(locale, field), days,
                        MAX_HOLIDAY_DAYS));
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
                String field = "holidays[" + byStart.get(k) + "].from";
                broken.add(problem(locale, field, "clock.holiday.overlaps", label(locale, field),
                        name(previous, locale), previous.from().toString(), previous.to().toString()));
            }
        }
        Set<LocalDate> seen = new HashSet<>();
        for (int i = 0; i < workdays.size(); i++) {
            LocalDate day = workdays.get(i);
            String field = "adjustedWorkdays[" + i + "]";
            String label = label(locale, field);
            if (day.getYear() != year) {
                broken.add(problem(locale, field, "clock.date.outsideYear", label, day.toString(), shownYear));
            }
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                broken.add(problem(locale, field, "clock.workday.notWeekend", label, day.toString(),
                        day.getDayOfWeek().getDisplayName(TextStyle.FULL, locale)));
            }
            if (!seen.add(day)) {
                broken.add(problem(locale, field, "clock.workday.duplicate", label, day.toString()));
            }
            for (Holiday h : holidays) {
                if (!day.isBefore(h.from()) && !day.isAfter(h.to())) {
                    broken.add(problem(locale, field, "clock.workday.inHoliday", label, day.toString(),
                            name(h, locale)));
                }
            }
        }
        if (!broken.isEmpty()) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, broken, "clock.calendar.invalid", shownYear,
                    broken.size());
        }
        return new YearSchedule(year, holidays, workdays.stream().sorted().toList());
    }

    private LocalDate parseDate(String text, String field, List<FieldProblem> problems, Locale locale) {
        if (text == null || text.isBlank()) {
            return null; // reported by bean validation
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            problems.add(problem(locale, field, "clock.date.invalid", label(locale, field)));
            return null;
        }
    }

    /** A bean-validation finding of {@link CalendarYearRequest} in the platform's words. */
    private FieldProblem violated(Locale locale, String field, ConstraintViolation<?> violation) {
        Annotation constraint = violation.getConstraintDescriptor().getAnnotation();
        if (constraint instanceof Size size) {
            boolean list = violation.getInvalidValue() instanceof java.util.Collection<?>;
            return problem(locale, field, list ? "form.tooManyItems" : "form.tooLong", label(locale, field),
                    size.max());
        }
        // @NotEmpty, @NotBlank, @NotNull: nothing was given.
        return problem(locale, field, "form.required", label(locale, field));
    }

    /**
     * One finding: the field's key as sent, its label and the message in the reader's language.
     *
     * @param code the message key of the finding, also its code in the answer
     */
    private FieldProblem problem(Locale locale, String field, String code, Object... args) {
        return new FieldProblem(field, label(locale, field), code, messages.getMessage(code, args, locale));
    }

    /**
     * The label of a field of the form: {@code holidays[1].from} is "First day of holiday 2" (第2个节假日的首日),
     * {@code adjustedWorkdays[0]} "Adjusted working day 1".
     */
    String label(Locale locale, String field) {
        java.util.regex.Matcher indexed = ENTRY.matcher(field);
        if (indexed.matches()) {
            String key = "clock.field." + indexed.group(1) + "." + (indexed.group(3) == null ? "entry" : indexed.group(3));
            return messages.getMessage(key, new Object[] {String.valueOf(Integer.parseInt(indexed.group(2)) + 1)},
                    field, locale);
        }
        return messages.getMessage("clock.field." + field, null, field, locale);
    }

    private static final java.util.regex.Pattern ENTRY =
            java.util.regex.Pattern.compile("(holidays|adjustedWorkdays)\\[(\\d{1,3})](?:\\.(\\w+))?");

    /** A holiday's name as the reader knows it: the English one in English when there is one. */
    private static String name(Holiday holiday, Locale locale) {
        return "en".equals(locale.getLanguage()) && holiday.en() != null ? holiday.en() : holiday.name();
    }

    private static List<FieldProblem> dedupe(List<FieldProblem> problems) {
        return problems.stream().distinct().sorted(Comparator.comparing(FieldProblem::field)).toList();
    }
}
