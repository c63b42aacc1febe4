package cn.zs.civil.audit;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import cn.zs.civil.clock.CalendarYearChanged;

/** Administrative actions that their modules publish as events, into the audit log (same transaction). */
@Component
class AdminAuditEvents {

    private final AuditLog audit;

    AdminAuditEvents(AuditLog audit) {
        this.audit = audit;
    }

    @EventListener
    void calendarChanged(CalendarYearChanged e) {
        audit.append(new AuditLog.Entry(e.changedBy(), "admin", "CALENDAR_YEAR_SET", "calendar " + e.year(),
                "version " + e.after().get("version"), e.before(), e.after()));
    }
}
