package cn.zs.civil.rating;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import cn.zs.civil.protection.SealedText;
import cn.zs.civil.application.ApplicationRow;
import cn.zs.civil.application.ApplicationService;
import cn.zs.civil.application.BusinessTime;
import cn.zs.civil.application.CaseEnded;
import cn.zs.civil.application.CaseEventType;
import cn.zs.civil.application.CaseLog;
import cn.zs.civil.application.CaseRating;
import cn.zs.civil.application.CaseStatus;
import cn.zs.civil.catalogue.ServiceCatalogue;
import cn.zs.civil.clock.StatutoryClock;
import cn.zs.civil.identity.PlatformUser;
import cn.zs.civil.notification.NotificationTemplate;
import cn.zs.civil.notification.Notifications;
import cn.zs.civil.problem.ApiException;
import cn.zs.civil.problem.FieldProblem;
import cn.zs.civil.problem.FieldProblems;

/**
 * Service ratings (好差评): the rating window opened when a case ends with a result, the applicant's one rating,
 * the default 基本满意 when the window ends without one, and the records of a bad rating's work order.
 */
@Service
public class RatingService implements CaseRating {

    public static final String CHANNEL_ONLINE = "ONLINE";
    public static final String CHANNEL_COUNTER = "COUNTER";
    public static final String CHANNEL_DEFAULT = "DEFAULT";
    public static final String WORK_ORDER_OPEN = "OPEN";
    public static final String WORK_ORDER_IN_REVIEW = "IN_REVIEW";
    public static final String WORK_ORDER_CLOSED = "CLOSED";
    public static final Set<String> REVIEW_OUTCOMES = Set.of("UPHELD", "ANNULLED");

    private final RatingMapper mapper;
    private final RatingProperties properties;
    private final ApplicationService applications;
    private final CaseLog log;
    private final RuntimeService runtime;
    private final TransactionTemplate tx;
    private final MessageSource messages;
    private final StatutoryClock clock;
    private final SealedText sealed;
    private final Notifications notifications;

    private final cn.zs.civil.catalogue.PolicyParameters parameters;

    RatingService(RatingMapper mapper, RatingProperties properties, ApplicationService applications, CaseLog log,
            RuntimeService runtime, TransactionTemplate tx, MessageSource messages, StatutoryClock clock,
            SealedText sealed, Notifications notifications, cn.zs.civil.catalogue.PolicyParameters parameters) {
        this.parameters = parameters;
        this.sealed = sealed;
        this.notifications = notifications;
        this.mapper = mapper;
        this.properties = properties;
        this.applications = applications;
        this.log = log;
        this.runtime = runtime;
        this.tx = tx;
        this.messages = messages;
        this.clock = clock;
    }

    public record WorkOrderView(String state, String stateText, LocalDateTime dueAt, String feedback,
            LocalDateTime feedbackAt, String reviewOutcome, String reviewOutcomeText) {
    }

    /**
     * @param canRate the applicant may still rate, until {@code rateBy}
     * @param level 1 (非常不满意) … 5 (非常满意), null until rated
     */
    public record RatingView(boolean canRate, LocalDateTime rateBy, Integer level, String levelCode,
            String levelText, String comment, String channel, boolean defaulted, LocalDateTime ratedAt,
            WorkOrderView workOrder) {
    }

    /**
     * A case ended: one that ended with a result (decided, or closed with a result the bureau counts as a service,
     * e.g. 不予受理) opens its rating window and starts the rating process, in the transaction of the case's end.
     */
    @EventListener
    public void caseEnded(CaseEnded ended) {
        boolean result = CaseStatus.DECIDED.equals(ended.status())
                || (CaseStatus.CLOSED.equals(ended.status()) && properties.ratedClosures().contains(ended.outcome()));
        if (!result || mapper.find(ended.applicationNo()) != null) {
            return;
        }
        // The window in force on the case's acceptance day (its receipt day if it was never accepted): a policy
        // parameter, the case keeps the one it was accepted under.
        ApplicationRow row = applications.byNo(ended.applicationNo());
        LocalDateTime day = row.acceptedAt() != null ? row.acceptedAt() : row.receivedAt();
        LocalDateTime windowEndsAt = ended.endedAt().plusDays(parameters.valueOn(
                cn.zs.civil.catalogue.PolicyParameters.RATING_WINDOW, day.toLocalDate()));
        mapper.insertRequest(ended.applicationNo(), ended.serviceCode(), ended.district(), ended.endedAt(),
                windowEndsAt);
        // The window's instance holds its timer's date only, for the days it waits (issue 18: it held 6 variables
        // for 7 days per case); the case is its business key, the rest is set when a bad rating opens a work order.
        runtime.startProcessInstanceByMessage(RatingProcess.MESSAGE_RATE_REQUEST, ended.applicationNo(),
                Map.of(RatingProcess.VAR_RATING_WINDOW_ENDS_AT, BusinessTime.toDate(windowEndsAt)));
        // The rating request leaves with the window's opening (after the case's end commits), with its last day.
        notifications.send(ended.applicationNo(), NotificationTemplate.RATING_REQUEST,
                Map.of("rateBy", windowEndsAt.toLocalDate().toString()));
    }

    /** The applicant's rating of their own case: once, within the window; a bad one opens the work order. */
    public RatingView rate(PlatformUser user, String applicationNo, Object level, String comment, Locale locale) {
        ApplicationRow row = applications.ownCase(user, applicationNo);
        RatingLevel chosen = checked(level, comment, locale);
        record(row.applicationNo(), chosen, comment, CHANNEL_ONLINE, user.id(),
                () -> log.byUser(applicationNo, CaseEventType.RATED, user, null, chosen.name(), null));
        // Just rated: no work order's answer yet, only the applicant's own words.
        return of(mapper.find(row.applicationNo()), locale, java.util.function.UnaryOperator.identity());
    }

    /**
     * A rating given on the counter's device by the person the counter served (see {@link CounterDevices}): the same
     * rules as online; the case's history records that it was given at the counter.
     */
    void rateAtCounter(String applicationNo, long deviceId, Object level, String comment, Locale locale) {
        RatingLevel chosen = checked(level, comment, locale);
        record(applicationNo, chosen, comment, CHANNEL_COUNTER, "counter-device:" + deviceId,
                () -> log.bySystem(applicationNo, CaseEventType.RATED_AT_COUNTER, null, chosen.name(), null));
    }

    /** The window is open now, for a case that ended with a result and has no rating yet. */
    boolean openForRating(String applicationNo) {
        RatingRow rating = mapper.find(applicationNo);
        return rating != null && rating.ratingLevel() == null && BusinessTime.now().isBefore(rating.windowEndsAt());
    }

    private void record(String applicationNo, RatingLevel chosen, String comment, String channel, String ratedBy,
            Runnable logged) {
        RatingRow rating = mapper.find(applicationNo);
        if (rating == null) {
            throw ApiException.conflict("rating.notOpen");
        }
        if (rating.ratingLevel() != null) {
            throw ApiException.conflict("rating.alreadyGiven");
        }
        if (!BusinessTime.now().isBefore(rating.windowEndsAt())) {
            throw ApiException.conflict("rating.windowClosed");
        }
        String text = comment == null || comment.isBlank() ? null : comment.strip();
        tx.executeWithoutResult(status -> {
            if (mapper.rate(applicationNo, chosen.value(),
                    sealed.seal(SealedText.Column.RATING_COMMENT, applicationNo, text), channel, ratedBy,
                    BusinessTime.now(), false) == 0) {
                throw ApiException.conflict("rating.alreadyGiven");
            }
            // The case's history records that the applicant rated and how (its outcome); the comment has one home,
            // the rating (service_rating.comment_text), which the case's page shows.
            logged.run();
            try {
                runtime.createMessageCorrelation(RatingProcess.MESSAGE_SERVICE_RATED)
                        .processInstanceBusinessKey(applicationNo)
                        .setVariable(RatingProcess.VAR_RATING_LEVEL, chosen.value())
                        .setVariable(RatingProcess.VAR_BAD_RATING, chosen.bad()).correlate();
            } catch (MismatchingMessageCorrelationException e) {
                // The window's default was written meanwhile.
                throw ApiException.conflict("rating.alreadyGiven");
            }
        });
    }

    private RatingLevel checked(Object level, String comment, Locale locale) {
        List<FieldProblem> problems = new ArrayList<>();
        RatingLevel chosen = null;
        if (level == null || (level instanceof String s && s.isBlank())) {
            problems.add(problem("level", "form.required", locale));
        } else if (level instanceof Integer || level instanceof Long || level instanceof Short) {
            chosen = RatingLevel.of(((Number) level).intValue()).orElse(null);
            if (chosen == null) {
                problems.add(problem("level", "form.notOption", locale));
            }
        } else {
            problems.add(problem("level", "form.notOption", locale));
        }
        int max = properties.commentMaxLength();
        if (comment != null && comment.codePointCount(0, comment.length()) > max) {
            problems.add(problem("comment", "form.tooLong", locale, max));
        } else if (comment != null && comment.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n'
                && c != '\r' && c != '\t')) {
            problems.add(problem("comment", "form.controlCharacters", locale));
        }
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
        return chosen;
    }

    private FieldProblem problem(String field, String code, Locale locale, Object... more) {
        return FieldProblems.labelled(messages, locale, field, "rating.field." + field, code, more);
    }

    /** The window ended without a rating: 基本满意 by default (Guangdong trial measures, 2019). */
    public boolean recordDefault(String applicationNo) {
        RatingLevel level = RatingLevel.BASICALLY_SATISFIED;
        if (mapper.rate(applicationNo, level.value(), null, CHANNEL_DEFAULT, CaseLog.SYSTEM, BusinessTime.now(),
                true) == 0) {
            return false;
        }
        log.bySystem(applicationNo, CaseEventType.RATING_DEFAULTED, null, level.name(), null);
        return true;
    }

    /** A bad rating's work order opens: its rectification deadline from now, in the configured unit. */
    public Map<String, Object> openWorkOrder(String applicationNo) {
        ServiceCatalogue.Limit limit = properties.rectificationLimit();
        Date now = BusinessTime.toDate(BusinessTime.now());
        Date due = limit.unit() == ServiceCatalogue.Unit.WORKING ? clock.workingDaysAfter(now, limit.days())
                : clock.calendarDaysAfterCivilCode(now, limit.days());
        mapper.openWorkOrder(applicationNo, BusinessTime.of(due));
        RatingRow row = mapper.find(applicationNo);
        // The work order's tasks: their due date, who works them, and the case's service and district (its queue
        // rows are filed by them, as the case's own tasks were).
        Map<String, Object> variables = new HashMap<>();
        variables.put(RatingProcess.VAR_WORK_ORDER_DUE_AT, due);
        variables.put(RatingProcess.VAR_WORK_ORDER_GROUP, properties.workOrderGroup());
        variables.put(RatingProcess.VAR_RE_REVIEW_GROUP, properties.reReviewGroup());
        variables.put(RatingProcess.VAR_SERVICE_CODE, row.serviceCode());
        variables.put(RatingProcess.VAR_DISTRICT, row.district());
        return variables;
    }

    /** The unit's answer to the applicant, shown with the case; the work order closes unless a re-review follows. */
    public void recordFeedback(String applicationNo, String feedback, String by, boolean reReviewRequested) {
        mapper.recordFeedback(applicationNo, sealed.seal(SealedText.Column.RATING_FEEDBACK, applicationNo, feedback),
                by, BusinessTime.now(),
                reReviewRequested ? WORK_ORDER_IN_REVIEW : WORK_ORDER_CLOSED);
        log.bySystem(applicationNo, CaseEventType.RATING_FEEDBACK, null, null, null);
    }

    /** The director's re-review (申诉复核): the rating stands, or is annulled as mistaken or malicious. */
    public void recordReview(String applicationNo, String outcome, String by) {
        if (!REVIEW_OUTCOMES.contains(outcome)) {
            throw new IllegalArgumentException("Unknown re-review outcome " + outcome);
        }
        mapper.recordReview(applicationNo, outcome, by, BusinessTime.now());
        log.bySystem(applicationNo, CaseEventType.RATING_REVIEWED, null, outcome, null);
    }

    @Override
    public String comment(String applicationNo) {
        RatingRow r = mapper.find(applicationNo);
        return r == null ? null : sealed.open(SealedText.Column.RATING_COMMENT, applicationNo, r.commentText());
    }

    @Override
    public RatingView of(ApplicationRow row, Locale locale, java.util.function.UnaryOperator<String> shown) {
        return of(mapper.find(row.applicationNo()), locale, shown);
    }

    private RatingView of(RatingRow r, Locale locale, java.util.function.UnaryOperator<String> shown) {
        if (r == null) {
            return null;
        }
        boolean open = r.ratingLevel() == null && BusinessTime.now().isBefore(r.windowEndsAt());
        RatingLevel level = r.ratingLevel() == null ? null : RatingLevel.of(r.ratingLevel()).orElse(null);
        WorkOrderView order = r.workOrderState() == null ? null
                : new WorkOrderView(r.workOrderState(), text("rating.workOrder." + r.workOrderState(), locale),
                        r.workOrderDue(),
                        shown.apply(sealed.open(SealedText.Column.RATING_FEEDBACK, r.applicationNo(), r.feedbackText())),
                        r.feedbackAt(), r.reviewOutcome(),
                        r.reviewOutcome() == null ? null : text("case.outcome." + r.reviewOutcome(), locale));
        return new RatingView(open, r.ratingLevel() == null ? r.windowEndsAt() : null, r.ratingLevel(),
                level == null ? null : level.name(), level == null ? null : text("case.outcome." + level.name(), locale),
                sealed.open(SealedText.Column.RATING_COMMENT, r.applicationNo(), r.commentText()), r.channel(),
                r.isDefault(), r.ratedAt(), order);
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
