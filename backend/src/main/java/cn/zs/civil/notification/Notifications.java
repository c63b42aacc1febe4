package cn.zs.civil.notification;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;

import cn.zs.civil.application.ApplicationRow;
import cn.zs.civil.application.ApplicationService;
import cn.zs.civil.outbox.Outbox;

/**
 * Sends a notification: called inside the caller's transaction (a submission, a decision, a booking), it writes one
 * outbox message per channel the applicant chose and can be reached on, so the message leaves once that
 * transaction commits, and never if it rolls back. The payload is the template, the language and the template's
 * parameters (codes and dates, nothing personal); the address and the texts are read when it is delivered.
 *
 * <p>Each message is sent once per case, template and occasion: a second call with the same ones writes nothing.
 */
@Service
public class Notifications {

    static final String TEMPLATE = "template";
    static final String LANGUAGE = "lang";
    static final String ACCOUNT = "account";
    static final String PARAM_PREFIX = "p.";
    static final int MAX_PARAMS = 10;
    static final int MAX_VALUE = 200;
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9]{0,31}");
    private static final Pattern OCCASION = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private final Outbox outbox;
    private final ApplicationService applications;
    private final NotificationPreferences preferences;
    private final Recipients recipients;

    Notifications(Outbox outbox, ApplicationService applications, NotificationPreferences preferences,
            Recipients recipients) {
        this.outbox = outbox;
        this.applications = applications;
        this.preferences = preferences;
        this.recipients = recipients;
    }

    /** The case's applicant is told, once per case and template. @return whether any message was written */
    public boolean send(String applicationNo, NotificationTemplate template, Map<String, String> params) {
        return send(applicationNo, template, "once", params);
    }

    /**
     * The case's applicant is told, once per case, template and occasion (e.g. {@code appointment-17} for the
     * reminder of one appointment). @return whether any message was written
     */
    public boolean send(String applicationNo, NotificationTemplate template, String occasion,
            Map<String, String> params) {
        ApplicationRow row = applications.byNo(applicationNo);
        return enqueue(row.applicantId(), row, template, "case:" + applicationNo + ":" + occasion(occasion), params);
    }

    /**
     * An account is told of something that belongs to no case yet (an appointment booked before the application),
     * once per account, template and occasion. @return whether any message was written
     */
    public boolean sendToAccount(String accountId, NotificationTemplate template, String occasion,
            Map<String, String> params) {
        if (accountId == null || accountId.isBlank() || accountId.length() > 64) {
            throw new IllegalArgumentException("An account id of 1 to 64 characters");
        }
        return enqueue(accountId, null, template, "account:" + accountId + ":" + occasion(occasion), params);
    }

    private boolean enqueue(String accountId, ApplicationRow row, NotificationTemplate template, String scope,
            Map<String, String> params) {
        NotificationPreferences.Preference preference = preferences.of(accountId, requestLocale());
        Map<String, String> payload = new LinkedHashMap<>();
        payload.put(TEMPLATE, template.name());
        payload.put(LANGUAGE, preference.language());
        if (row == null) {
            payload.put(ACCOUNT, accountId);
        }
        checked(params).forEach((k, v) -> payload.put(PARAM_PREFIX + k, v));
        boolean written = false;
        for (NotificationChannels.Channel channel : preference.channels().channels()) {
            if (!recipients.reachable(channel, accountId, row)) {
                continue;
            }
            written |= outbox.enqueue(channel.kind(), "notify:" + template.name() + ":" + scope + ":" + channel.name(),
                    row == null ? null : row.applicationNo(), payload);
        }
        return written;
    }

    /** The request's language when a person's action causes the message; the bureau's (Chinese) otherwise. */
    private static Locale requestLocale() {
        LocaleContext context = LocaleContextHolder.getLocaleContext();
        return context == null ? null : context.getLocale();
    }

    private static String occasion(String occasion) {
        if (occasion == null || !OCCASION.matcher(occasion).matches()) {
            throw new IllegalArgumentException("An occasion of 1 to 64 letters, digits, '.', '_', ':' or '-'");
        }
        return occasion;
    }

    private static Map<String, String> checked(Map<String, String> params) {
        if (params == null) {
            return Map.of();
        }
        if (params.size() > MAX_PARAMS) {
            throw new IllegalArgumentException("At most " + MAX_PARAMS + " notification parameters");
        }
        params.forEach((k, v) -> {
            if (k == null || !NAME.matcher(k).matches() || v == null || v.length() > MAX_VALUE
                    || v.chars().anyMatch(Character::isISOControl)) {
                throw new IllegalArgumentException("Notification parameter " + k + ": a name, a value of at most "
                        + MAX_VALUE + " characters on one line");
            }
        });
        return params;
    }
}
