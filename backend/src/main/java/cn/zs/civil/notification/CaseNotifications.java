package cn.zs.civil.notification;

import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import cn.zs.civil.application.CaseEnded;
import cn.zs.civil.application.CaseEventType;
import cn.zs.civil.application.CaseLogged;
import cn.zs.civil.application.CaseStatus;

/**
 * The case's own moments that the applicant is told of, heard in the transaction that makes them (both events are
 * published synchronously inside it): the receipt when the case is submitted, the correction notice when it is
 * issued, the decision when the case ends with one (decided, or closed with a result such as 不予受理; a withdrawal
 * is the applicant's own act and gets no message). The rating request is sent by the rating module when it opens
 * the rating window.
 */
@Component
class CaseNotifications {

    private final Notifications notifications;

    CaseNotifications(Notifications notifications) {
        this.notifications = notifications;
    }

    @EventListener
    void caseLogged(CaseLogged event) {
        if (event.type() == CaseEventType.SUBMITTED) {
            notifications.send(event.applicationNo(), NotificationTemplate.RECEIPT, Map.of());
        } else if (event.type() == CaseEventType.CORRECTIONS_REQUESTED) {
            notifications.send(event.applicationNo(), NotificationTemplate.CORRECTION_NOTICE, Map.of());
        }
    }

    @EventListener
    void caseEnded(CaseEnded ended) {
        if (!CaseStatus.WITHDRAWN.equals(ended.status()) && ended.outcome() != null) {
            notifications.send(ended.applicationNo(), NotificationTemplate.DECISION, Map.of());
        }
    }
}
