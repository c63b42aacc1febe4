package cn.zs.civil.placename;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import cn.zs.civil.application.ApplicationRow;
import cn.zs.civil.application.BusinessTime;
import cn.zs.civil.forms.FormDates;
import cn.zs.civil.identity.PlatformUser;
import cn.zs.civil.problem.FieldProblem;
import cn.zs.civil.problem.FieldProblems;
import cn.zs.civil.worklist.TaskCompletionCheck;

/**
 * The hearing's periods (行政许可法 Arts. 47-48), in calendar days as {@code platform.placename.hearing-*} sets them:
 * an interested party requests the hearing within 5 days of being told of the right to one (a later request is not
 * a hearing right: the clerk records "no hearing"); the authority holds it within 20 days of the request; and it
 * notifies the time and place 7 days before. The consultation summary records the two dates of the request (the
 * request's date goes to the engine for the hearing step), the hearing step the date of its notice and its own.
 */
@Component
class HearingPeriodsCheck implements TaskCompletionCheck {

    static final String TASK_SUMMARISE_CONSULTATION = "Task_SummariseConsultation";
    static final String TASK_HOLD_HEARING = HearingPresidingOfficerCheck.TASK_HOLD_HEARING;
    static final String FIELD_RIGHT_NOTIFIED = "hearingRightNotifiedOn";
    static final String FIELD_REQUESTED = "hearingRequestedOn";
    static final String FIELD_NOTIFIED = "hearingNotifiedOn";
    static final String FIELD_HEARING_DATE = "hearingDate";

    private final TaskService tasks;
    private final MessageSource messages;
    private final PlacenameProperties properties;

    HearingPeriodsCheck(TaskService tasks, MessageSource messages, PlacenameProperties properties) {
        this.tasks = tasks;
        this.messages = messages;
        this.properties = properties;
    }

    @Override
    public List<FieldProblem> check(PlatformUser user, Task task, ApplicationRow application, Map<String, Object> values,
            Locale locale) {
        if (TASK_SUMMARISE_CONSULTATION.equals(task.getTaskDefinitionKey())
                && "yes".equals(values.get(PlacenameProcess.VAR_HEARING_REQUESTED))) {
            return request(values, locale);
        }
        if (TASK_HOLD_HEARING.equals(task.getTaskDefinitionKey())) {
            return hearing(task, values, locale);
        }
        return List.of();
    }

    /** ALL Art. 47: requested within the request period of the notice of the right, not before it, not in the future. */
    private List<FieldProblem> request(Map<String, Object> values, Locale locale) {
        LocalDate told = FormDates.of(values.get(FIELD_RIGHT_NOTIFIED));
        LocalDate requested = FormDates.of(values.get(FIELD_REQUESTED));
        List<FieldProblem> out = new ArrayList<>();
        LocalDate today = BusinessTime.now().toLocalDate();
        if (told != null && told.isAfter(today)) {
            out.add(problem(FIELD_RIGHT_NOTIFIED, "placename.dateInFuture", locale, today));
        }
        if (requested != null && requested.isAfter(today)) {
            out.add(problem(FIELD_REQUESTED, "placename.dateInFuture", locale, today));
        } else if (told != null && requested != null) {
            int days = properties.hearingRequestDays();
            if (requested.isBefore(told)) {
                out.add(problem(FIELD_REQUESTED, "placename.hearing.requestBeforeRight", locale, told));
            } else if (requested.isAfter(told.plusDays(days))) {
                out.add(problem(FIELD_REQUESTED, "placename.hearing.requestLate", locale, days, told,
                        told.plusDays(days)));
            }
        }
        return out;
    }

    /** ALL Arts. 47-48: notified at least the notice period before; held within the period from the request. */
    private List<FieldProblem> hearing(Task task, Map<String, Object> values, Locale locale) {
        LocalDate notified = FormDates.of(values.get(FIELD_NOTIFIED));
        LocalDate held = FormDates.of(values.get(FIELD_HEARING_DATE));
        List<FieldProblem> out = new ArrayList<>();
        LocalDate today = BusinessTime.now().toLocalDate();
        if (held != null && held.isAfter(today)) {
            // The step records a hearing that took place.
            out.add(problem(FIELD_HEARING_DATE, "placename.dateInFuture", locale, today));
            return out;
        }
        Object recorded = tasks.getVariable(task.getId(), FIELD_REQUESTED);
        LocalDate requested = recorded instanceof java.util.Date d ? PlacenameSteps.dateOf(d) : FormDates.of(recorded);
        if (held != null && requested != null && held.isAfter(requested.plusDays(properties.hearingHeldWithinDays()))) {
            out.add(problem(FIELD_HEARING_DATE, "placename.hearing.heldLate", locale,
                    properties.hearingHeldWithinDays(), requested, requested.plusDays(properties.hearingHeldWithinDays())));
        }
        if (notified != null && held != null && notified.isAfter(held.minusDays(properties.hearingNoticeDays()))) {
            out.add(problem(FIELD_NOTIFIED, "placename.hearing.noticeShort", locale, properties.hearingNoticeDays(),
                    notified, notified.plusDays(properties.hearingNoticeDays())));
        }
        if (notified != null && requested != null && notified.isBefore(requested)) {
            out.add(problem(FIELD_NOTIFIED, "placename.hearing.noticeBeforeRequest", locale, requested));
        }
        return out;
    }

    private FieldProblem problem(String field, String code, Locale locale, Object... args) {
        Object[] shown = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            shown[i] = args[i] instanceof LocalDate d ? d.toString() : args[i];
        }
        return FieldProblems.of(messages, locale, field, "placename.label." + field, code, shown);
    }
}
