package cn.zs.civil.notification;

import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import cn.zs.civil.application.CaseEnded;
import cn.zs.civil.application.CaseEventType;
import cn.zs.civil.application.CaseLogged;
import cn.zs.civil.application.CaseStatus;
import cn.zs.civil.application.ExcludedStepStarted;
import cn.zs.civil.application.BusinessTime;
import cn.zs.civil.clock.CaseClockService;

/**
 * The case's own moments that the applicant is told of, heard in the transaction that makes them (both events are
 * published synchronously inside it): the receipt when the case is submitted, the correction notice when it is
 * issued, the extension of the time limit when the head approves it, the decision when the case ends with one (decided, or closed with a result such as 不予受理; a withdrawal
 * is the applicant's own act and gets no message). The rating request is sent by the rating module when it opens
 * the rating window.
 */
@Component
class CaseNotifications {

    private final Notifications notifications;
    private final CaseClockService clocks;

    CaseNotifications(Notifications notifications, CaseClockService clocks) {
        this.notifications = notifications;
        this.clocks = clocks;
    }

    @EventListener
    void caseLogged(CaseLogged event) {
        if (event.type() == CaseEventType.SUBMITTED) {
            notifications.send(event.applicationNo(), NotificationTemplate.RECEIPT, Map.of());
        } else if (event.type() == CaseEventType.CORRECTIONS_REQUESTED) {
            notifications.send(event.applicationNo(), NotificationTemplate.CORRECTION_NOTICE, Map.of());
        } else if (event.type() == CaseEventType.EXTENSION_APPROVED) {
            // The clock was extended in this transaction, before the event: its due date is the new one.
            notifications.send(event.applicationNo(), NotificationTemplate.EXTENSION, Map.of("due",
                    clocks.status(event.applicationNo(), BusinessTime.instant()).statutory().dueDate().toString()));
        }
    }

    /** ALL Art. 45: the applicant is told in writing how long a step that the time limit does not count will take. */
    @EventListener
    void excludedStep(ExcludedStepStarted started) {
        notifications.send(started.applicationNo(), NotificationTemplate.EXCLUDED_STEP,
                "excluded:" + started.reason().name(), Map.of("step", started.reason().name(),
                        "days", String.valueOf(started.expectedDays()), "until", started.until().toString()));
    }

    @EventListener
    void caseEnded(CaseEnded ended) {
        if (!CaseStatus.WITHDRAWN.equals(ended.status()) && ended.outcome() != null) {
            notifications.send(ended.applicationNo(), NotificationTemplate.DECISION, Map.of());
        }
    }
}
