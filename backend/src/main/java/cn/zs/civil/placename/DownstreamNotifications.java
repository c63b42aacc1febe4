package cn.zs.civil.placename;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import cn.zs.civil.notification.EmailGateway;
import cn.zs.civil.notification.NotificationProperties;
import cn.zs.civil.outbox.Outbox;
import cn.zs.civil.outbox.OutboxHandler;
import cn.zs.civil.outbox.OutboxMessage;

/**
 * Domain brief §3(c)9: once a name is approved and entered as a standard name, the departments that use it are told
 * (door-plate and household addresses, property registration, place-name signs, the standard-address database), as
 * {@code platform.placename.downstream} lists them. One outbox message per department and approved name, written in
 * the transaction that enters the name (its dedupe key makes a repeat write nothing); after commit the outbox hands
 * each to {@link #deliver}, which words it from the register and the decision and e-mails the department. The
 * message is in Chinese, the official language between departments.
 */
@Component
class DownstreamNotifications implements OutboxHandler {

    static final String KIND = "placename.downstream";
    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

    private final PlacenameProperties properties;
    private final PlacenameService placenames;
    private final Outbox outbox;
    private final EmailGateway email;
    private final NotificationProperties notificationProperties;
    private final MessageSource messages;

    DownstreamNotifications(PlacenameProperties properties, PlacenameService placenames, Outbox outbox,
            EmailGateway email, NotificationProperties notificationProperties, MessageSource messages) {
        this.properties = properties;
        this.placenames = placenames;
        this.outbox = outbox;
        this.email = email;
        this.notificationProperties = notificationProperties;
        this.messages = messages;
    }

    /** Tells each configured department of the case's approved name: once per department and name. */
    void approved(String applicationNo, String approverName, String documentNo, LocalDate approvedOn) {
        for (PlacenameProperties.Department d : properties.downstream()) {
            outbox.enqueue(KIND, "placename-downstream:" + applicationNo + ":" + d.key(), applicationNo, Map.of(
                    "department", d.key(), "approverName", approverName == null ? "" : approverName,
                    "documentNo", documentNo == null ? "" : documentNo, "approvedOn", String.valueOf(approvedOn)));
        }
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void deliver(OutboxMessage message) throws Exception {
        Map<String, String> p = message.payload();
        Optional<PlacenameProperties.Department> department = properties.downstream().stream()
                .filter(d -> d.key().equals(p.get("department"))).findFirst();
        if (department.isEmpty()) {
            return; // no longer configured: nobody to tell
        }
        PlacenameService.StandardNameUse use = placenames.standardNameUseOf(message.applicationNo())
                .orElseThrow(() -> new IllegalStateException("No standard name entered by " + message.applicationNo()));
        String what = use.currentName() != null
                ? messages.getMessage("placename.downstream.renamed", new Object[] {use.fullName(), use.currentName()}, ZH)
                : messages.getMessage("placename.downstream.named", new Object[] {use.fullName()}, ZH);
        String approvedOn = chineseDate(p.get("approvedOn"), use.approvedOn());
        String subject = messages.getMessage("placename.downstream.subject",
                new Object[] {use.fullName(), message.applicationNo()}, ZH);
        String body = messages.getMessage("placename.downstream.body", new Object[] {department.get().name(),
                p.get("approverName"), p.get("documentNo"), approvedOn, what, use.romanisation(), use.location(),
                use.category(), message.applicationNo()}, ZH);
        email.send(department.get().email(), subject, body,
                "<outbox-" + message.id() + "@" + notificationProperties.mailDomain() + ">");
    }

    private static String chineseDate(String iso, LocalDate fallback) {
        LocalDate day;
        try {
            day = LocalDate.parse(iso);
        } catch (RuntimeException e) {
            day = fallback;
        }
        return day.format(java.time.format.DateTimeFormatter.ofPattern("yyyy年M月d日"));
    }
}
