package cn.zs.civil.appointment;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import cn.zs.civil.application.BusinessTime;
import cn.zs.civil.notification.NotificationTemplate;
import cn.zs.civil.notification.Notifications;

/**
 * The reminder of the day before (预约提醒): from {@code platform.appointments.remind-at} on, every standing booking of
 * tomorrow gets its reminder through the outbox, once (the outbox's dedupe key names the booking; a second scan or
 * another node writes nothing). Scanned every few minutes; each reminder in its own short transaction.
 */
@Component
public class AppointmentReminders {

    private static final Logger log = LoggerFactory.getLogger(AppointmentReminders.class);
    static final int BATCH = 2000;

    private final AppointmentMapper mapper;
    private final AppointmentService appointments;
    private final Notifications notifications;
    private final TransactionTemplate tx;

    AppointmentReminders(AppointmentMapper mapper, AppointmentService appointments, Notifications notifications,
            TransactionTemplate tx) {
        this.mapper = mapper;
        this.appointments = appointments;
        this.notifications = notifications;
        this.tx = tx;
    }

    @Scheduled(initialDelayString = "${platform.appointments.reminder-scan:PT5M}",
            fixedDelayString = "${platform.appointments.reminder-scan:PT5M}")
    void scan() {
        try {
            send();
        } catch (RuntimeException e) {
            log.warn("Appointment reminders: the scan failed, the next one tries again: {}", e.toString());
        }
    }

    /** Writes the reminders now due; @return how many were written (0 before the reminder time). */
    public int send() {
        LocalDateTime now = BusinessTime.now();
        if (now.toLocalTime().isBefore(appointments.rules().properties().reminderTime())) {
            return 0;
        }
        LocalDate tomorrow = now.toLocalDate().plusDays(1);
        List<AppointmentMapper.BookingRow> due = mapper.standingOn(tomorrow, BATCH);
        int written = 0;
        for (AppointmentMapper.BookingRow b : due) {
            Map<String, String> params = appointments.notificationParams(b, null);
            Boolean sent = tx.execute(status -> notifications.sendToAccount(b.applicantId(),
                    NotificationTemplate.APPOINTMENT_REMINDER, "appointment-reminder-" + b.bookingNo(), params));
            written += Boolean.TRUE.equals(sent) ? 1 : 0;
        }
        return written;
    }
}
