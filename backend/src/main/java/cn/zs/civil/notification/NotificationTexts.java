package cn.zs.civil.notification;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.stereotype.Component;

import cn.zs.civil.application.ApplicationRow;
import cn.zs.civil.application.ApplicationService;
import cn.zs.civil.application.CaseStatus;
import cn.zs.civil.application.DecisionNotices;
import cn.zs.civil.catalogue.ServiceCatalogue;

/**
 * A notification's words, put together when it is delivered: the template's texts in the applicant's language
 * ({@code i18n/notifications*.properties}), filled with the case as its owner holds it now (the service's name,
 * the case's number and page, its outcome in words, the correction deadline as the engine's timer holds it) and
 * with the parameters the caller gave (codes and dates, written out here).
 */
@Component
class NotificationTexts {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)}");
    private static final DateTimeFormatter ZH_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日", Locale.CHINA);
    private static final DateTimeFormatter EN_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    /** The words of one message: an e-mail's subject and body, and the shorter text message. */
    record Rendered(String subject, String body, String sms) {
    }

    private final MessageSource messages;
    private final ApplicationService applications;
    private final ServiceCatalogue catalogue;
    private final DecisionNotices decisions;
    private final NotificationProperties properties;

    NotificationTexts(MessageSource messages, ApplicationService applications, ServiceCatalogue catalogue,
            DecisionNotices decisions, NotificationProperties properties) {
        this.messages = messages;
        this.applications = applications;
        this.catalogue = catalogue;
        this.decisions = decisions;
        this.properties = properties;
    }

    Rendered render(NotificationTemplate template, String language, String applicationNo, Map<String, String> params) {
        boolean en = NotificationPreferences.EN.equals(language);
        Locale locale = en ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
        Map<String, String> values = new HashMap<>();
        params.forEach((k, v) -> values.put(k, dateInWords(v, en)));
        String key = template.name();
        if (applicationNo != null) {
            ApplicationRow row = applications.byNo(applicationNo);
            values.put("no", row.applicationNo());
            values.put("service", catalogue.find(row.serviceCode()).map(s -> s.name().in(en)).orElse(""));
            values.put("link", properties.publicBaseUrl() + "/portal/applications/" + row.applicationNo());
            switch (template) {
                case CORRECTION_NOTICE -> values.put("deadline", decisions.correctionDeadline(row)
                        .map(LocalDateTime::toLocalDate).map(d -> (en ? EN_DATE : ZH_DATE).format(d))
                        .orElse(text("notification.deadline.unknown", locale)));
                case DECISION -> {
                    String outcome = row.outcome();
                    values.put("outcome", outcome == null ? "" : text("case.outcome." + outcome, locale));
                    // Granted, refused (a decision against the applicant), or closed without a decision (lapsed).
                    key = key + (outcome != null && decisions.adverse(outcome) ? ".refused"
                            : CaseStatus.DECIDED.equals(row.status()) ? ".granted" : ".closed");
                }
                case RATING_REQUEST -> values.put("link", values.get("link") + "#rating");
                case EXCLUDED_STEP -> values.put("step", text("notification.step." + params.get("step"), locale));
                default -> {
                }
            }
        }
        return new Rendered(fill(text("notification." + key + ".subject", locale), values),
                fill(text("notification." + key + ".body", locale), values),
                fill(text("notification." + key + ".sms", locale), values));
    }

    private String text(String key, Locale locale) {
        try {
            return messages.getMessage(key, null, locale);
        } catch (NoSuchMessageException e) {
            throw new IllegalStateException("No text " + key, e);
        }
    }

    /** A parameter that is an ISO date (2026-06-15) is written as a date in words; anything else as given. */
    static String dateInWords(String value, boolean en) {
        if (value != null && value.length() == 10 && value.charAt(4) == '-') {
            try {
                return (en ? EN_DATE : ZH_DATE).format(LocalDate.parse(value));
            } catch (DateTimeParseException notADate) {
                return value;
            }
        }
        return value;
    }

    static String fill(String text, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalStateException("Notification text needs " + m.group(1));
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
