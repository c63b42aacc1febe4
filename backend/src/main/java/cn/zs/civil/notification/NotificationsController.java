package cn.zs.civil.notification;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import cn.zs.civil.application.ApplicationRow;
import cn.zs.civil.application.ApplicationService;
import cn.zs.civil.identity.CurrentUser;
import cn.zs.civil.identity.PlatformUser;
import cn.zs.civil.identity.Roles;
import cn.zs.civil.outbox.OutboxMessages;
import cn.zs.civil.problem.ApiException;
import cn.zs.civil.problem.FieldProblem;
import cn.zs.civil.problem.FieldProblems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Notifications", description = "What the applicant was sent, and the channels they chose")
class NotificationsController {

    private final NotificationPreferences preferences;
    private final OutboxMessages outbox;
    private final ApplicationService applications;
    private final CurrentUser currentUser;
    private final MessageSource messages;

    NotificationsController(NotificationPreferences preferences, OutboxMessages outbox,
            ApplicationService applications, CurrentUser currentUser, MessageSource messages) {
        this.preferences = preferences;
        this.outbox = outbox;
        this.applications = applications;
        this.currentUser = currentUser;
        this.messages = messages;
    }

    /** channels: EMAIL, SMS, BOTH or NONE; language: zh-CN or en. */
    record PreferenceBody(String channels, String language) {
    }

    /**
     * One notice of a case: which template, by which channel, and where its delivery stands (SENT; PENDING: waiting
     * or being retried; FAILED: given up), with when it was written and sent. No address, no error, no attempt count.
     */
    record NoticeView(String template, String channel, String state, LocalDateTime queuedAt, LocalDateTime sentAt) {
    }

    @Operation(summary = "My channels and language for notifications (the defaults until I choose)")
    @GetMapping("/api/me/notification-preferences")
    @PreAuthorize(Roles.ONLY_APPLICANT)
    NotificationPreferences.Preference mine(Locale locale) {
        return preferences.of(currentUser.get().id(), locale);
    }

    @Operation(summary = "Choose my channels (EMAIL, SMS, BOTH, NONE) and language (zh-CN, en) for notifications")
    @PutMapping("/api/me/notification-preferences")
    @PreAuthorize(Roles.ONLY_APPLICANT)
    NotificationPreferences.Preference choose(@RequestBody(required = false) PreferenceBody body, Locale locale) {
        List<FieldProblem> problems = new ArrayList<>();
        NotificationChannels channels = null;
        try {
            channels = body == null || body.channels() == null ? null : NotificationChannels.valueOf(body.channels());
        } catch (IllegalArgumentException unknown) {
            channels = null;
        }
        if (channels == null) {
            problems.add(FieldProblems.of(messages, locale, "channels", "notification.field.channels",
                    "form.notOption", messages.getMessage("notification.field.channels", null, locale)));
        }
        String language = body == null ? null : body.language();
        if (!NotificationPreferences.ZH.equals(language) && !NotificationPreferences.EN.equals(language)) {
            problems.add(FieldProblems.of(messages, locale, "language", "notification.field.language",
                    "form.notOption", messages.getMessage("notification.field.language", null, locale)));
        }
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
        return preferences.save(currentUser.get().id(), channels, language);
    }

    @Operation(summary = "The notices sent about a case: template, channel, delivery state and times (no addresses)",
            description = "For the case's applicant and the staff who may see the case.")
    @GetMapping("/api/applications/{applicationNo}/notifications")
    @PreAuthorize(Roles.APPLICANT_OR_STAFF)
    List<NoticeView> ofCase(@PathVariable String applicationNo) {
        PlatformUser user = currentUser.get();
        ApplicationRow row = applications.readable(user, applicationNo);
        return outbox.ofCase(row.applicationNo(), "notify.").stream().map(d -> new NoticeView(
                d.payload().get(Notifications.TEMPLATE), NotificationChannels.Channel.ofKind(d.kind()).name(),
                d.status(), d.createdAt(), d.sentAt())).toList();
    }
}
