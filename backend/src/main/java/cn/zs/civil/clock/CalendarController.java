package cn.zs.civil.clock;

import java.security.Principal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;

import cn.zs.civil.problem.ApiException;
import cn.zs.civil.problem.FieldProblem;

// Parameters arrive as strings and are parsed here so that every mistake comes back as a problem with an
// `errors` list naming the field, instead of a bare 400 from argument conversion.
@RestController
@RequestMapping("/api/calendar")
class CalendarController {

    private final CalendarService calendarService;
    private final StatutoryClock clock;
    private final WorkingDayCalendar calendar;
    private final CalendarYearValidator validator;
    private final MessageSource messages;

    CalendarController(CalendarService calendarService, StatutoryClock clock, WorkingDayCalendar calendar,
            CalendarYearValidator validator, MessageSource messages) {
        this.calendarService = calendarService;
        this.clock = clock;
        this.calendar = calendar;
        this.validator = validator;
        this.messages = messages;
    }

    /**
     * @param warnings codes, e.g. {@code CALENDAR_YEAR_MISSING:2027} when this year or the next has no schedule
     * @param notices the same in the reader's language
     */
    record Today(LocalDateTime now, LocalDate today, boolean workingDay, List<String> warnings, List<String> notices) {
    }

    /**
     * The platform's own date and time (Zhongshan), which is what every deadline counts from: screens, walkthroughs
     * and tests ask it rather than the machine they run on. Warns when this year or the next has no holiday schedule.
     */
    @Operation(summary = "The platform's date and time, and the years still without a holiday schedule")
    @GetMapping("/today")
    @PreAuthorize("isAuthenticated()")
    Today today() {
        LocalDateTime now = LocalDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), StatutoryClock.ZONE)
                .withNano(0);
        LocalDate today = now.toLocalDate();
        List<Integer> missing = java.util.stream.IntStream.of(today.getYear(), today.getYear() + 1)
                .filter(year -> !calendar.isScheduled(year)).boxed().toList();
        Locale locale = LocaleContextHolder.getLocale();
        return new Today(now, today, calendar.isWorkingDay(today),
                missing.stream().map(CalendarWarnings::yearMissing).toList(),
                missing.stream().map(year -> messages.getMessage("calendar.today.noSchedule",
                        new Object[] {String.valueOf(year)}, locale)).toList());
    }

    @Operation(summary = "The years of the working-day calendar and how many holidays and adjusted workdays each has")
    @GetMapping("/years")
    @PreAuthorize("isAuthenticated()")
    List<CalendarYearSummary> years() {
        return calendarService.years();
    }

    @Operation(summary = "One year of the working-day calendar: public holidays and adjusted workdays")
    @GetMapping("/years/{year}")
    @PreAuthorize("isAuthenticated()")
    CalendarYear year(@PathVariable String year) {
        int value = validator.parseYear(year);
        return calendarService.year(value)
                .orElseThrow(() -> ApiException.notFound("clock.calendar.yearNotLoaded", String.valueOf(value)));
    }

    @Operation(summary = "Set one year of the working-day calendar (administrators; recorded in the audit log)")
    @PutMapping("/years/{year}")
    @PreAuthorize("hasRole('admin')")
    CalendarYear replaceYear(@PathVariable String year, @RequestBody(required = false) CalendarYearRequest body,
                             Principal principal) {
        int value = validator.parseYear(year);
        String changedBy = principal == null ? "unknown" : principal.getName();
        return calendarService.replaceYear(value, body, changedBy);
    }

    @Operation(summary = "A statutory deadline on the working-day calendar, with the rule that produced it")
    @GetMapping("/deadline")
    @PreAuthorize("isAuthenticated()")
    DeadlineView deadline(@Parameter(required = true) @RequestParam(required = false) String from,
                          @RequestParam(required = false) String workingDays,
                          @RequestParam(required = false) String calendarDays) {
        Locale locale = LocaleContextHolder.getLocale();
        List<FieldProblem> problems = new ArrayList<>();
        LocalDate start = null;
        if (from == null || from.isBlank()) {
            problems.add(problem(locale, "from", "form.required", validator.label(locale, "from")));
        } else {
            try {
                start = LocalDate.parse(from.strip());
            } catch (DateTimeParseException e) {
                problems.add(problem(locale, "from", "clock.date.invalid", validator.label(locale, "from")));
            }
        }
        boolean hasWorking = workingDays != null && !workingDays.isBlank();
        boolean hasCalendar = calendarDays != null && !calendarDays.isBlank();
        if (hasWorking == hasCalendar) {
            problems.add(problem(locale, hasWorking ? "calendarDays" : "workingDays", "clock.deadline.oneOfDays",
                    validator.label(locale, "workingDays"), validator.label(locale, "calendarDays")));
        }
        Integer working = hasWorking ? parseDays(workingDays, "workingDays", problems, locale) : null;
        Integer calendar = hasCalendar ? parseDays(calendarDays, "calendarDays", problems, locale) : null;
        if (!problems.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, problems, "clock.deadline.unreadable");
        }
        if (working != null) {
            Deadline d = clock.deadlineInWorkingDays(start, working);
            return new DeadlineView(start, working, null, PeriodRule.WORKING_DAYS.code(), d.date(), d.endOfDay(),
                    d.warnings(), d.basis());
        }
        Deadline d = clock.deadlineInCalendarDaysCivilCode(start, calendar);
        return new DeadlineView(start, null, calendar, PeriodRule.CALENDAR_DAYS.code(), d.date(), d.endOfDay(),
                d.warnings(), d.basis());
    }

    private Integer parseDays(String text, String field, List<FieldProblem> problems, Locale locale) {
        try {
            int days = Integer.parseInt(text.strip());
            if (days >= 0 && days <= DayWalk.MAX_DAYS) {
                return days;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(problem(locale, field, "clock.deadline.daysOutOfRange", validator.label(locale, field),
                String.valueOf(DayWalk.MAX_DAYS)));
        return null;
    }

    private FieldProblem problem(Locale locale, String field, String code, Object... args) {
        return new FieldProblem(field, validator.label(locale, field), code, messages.getMessage(code, args, locale));
    }
}
