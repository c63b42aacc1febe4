/**
 * The statutory clock: the working-day calendar, deadline arithmetic and the per-case clock with its pauses.
 *
 * <h2>Two ways of counting days</h2>
 * <ul>
 *   <li><b>Working days</b> (Administrative Licensing Law Art. 82, 工作日): every licence time limit. Monday to Friday
 *   are working days, Saturday and Sunday are rest days, the statutory holidays of the State Council's yearly notice
 *   are rest days, and the adjusted working weekend days (调休上班) of the same notice are working days.</li>
 *   <li><b>Calendar days with roll-forward</b> (Civil Code Arts. 201 and 203): the divorce cooling-off period and
 *   the certificate-application window. Every day counts; when the last day is a statutory rest day the period ends on
 *   the first following day that is not one. A rest day here means a day the calendar above does not treat as a
 *   working day, so an adjusted working Saturday is not a rest day and a period may end on it.</li>
 * </ul>
 * In both, <b>the start day is not counted</b>: a period begins on the day after the receipt, acceptance or event
 * (Civil Code Art. 201, and the practice under ALL Art. 82). "5 working days from Wednesday" ends on the fifth working
 * day after that Wednesday. A deadline is a whole day in Asia/Shanghai; for BPMN timers it ends at 23:59:59 Shanghai
 * time. All dates in this package are Asia/Shanghai dates.
 *
 * <h2>Years without a schedule</h2>
 * The State Council publishes each year's schedule in November or December of the year before. A date in a year the
 * calendar has no schedule for is computed on weekends alone and is never silent: a WARN log line, the Micrometer
 * counter {@code clock.calendar.missing_year} (tag {@code year}) and a warning {@code CALENDAR_YEAR_MISSING:<year>} on
 * every result that API responses can show. Administrators load a year through {@code PUT /api/calendar/years/{year}};
 * every node picks it up within {@code platform.clock.calendar-recheck} without a restart.
 *
 * <h2>The case clock and its pauses (ALL Art. 45)</h2>
 * Time spent on expert review, hearings, public consultation or waiting for the applicant's corrections is not
 * counted. {@link cn.zs.civil.clock.CaseClockService} stores the start, the limits and each pause as an interval and
 * recomputes due dates from them on every read; nothing is a running counter that could drift. A pause from day D1
 * to day D2 stops the clock for the days after D1 up to and including D2, the same convention as the start day, so
 * back-to-back pauses add up exactly and a pause opened and closed on the same day costs nothing.
 *
 * <p>Public API: {@link cn.zs.civil.clock.StatutoryClock} (bean {@code clock}, for BPMN expressions and Java),
 * {@link cn.zs.civil.clock.WorkingDayCalendar}, {@link cn.zs.civil.clock.CalendarService} and
 * {@link cn.zs.civil.clock.CaseClockService}. The mappers are package-private.
 */
package cn.zs.civil.clock;
