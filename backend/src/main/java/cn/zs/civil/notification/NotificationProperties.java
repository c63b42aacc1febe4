package cn.zs.civil.notification;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Notifications' settings ({@code platform.notifications}, docs/notifications.md): where links in messages lead, the
 * channels of an applicant who chose none yet, and how e-mail and text messages leave: {@code LOG} (the embedded
 * default: written to the log, addresses masked; a fresh clone needs no mail server) or {@code SMTP} (Spring Mail,
 * {@code spring.mail.*}); text messages only through the logging gateway so far.
 *
 * @param publicBaseUrl the portal as applicants reach it, e.g. {@code https://civil.zs.gov.cn}
 * @param mailDomain the right-hand side of every message's Message-ID ({@code <outbox-42@mailDomain>})
 */
@ConfigurationProperties("platform.notifications")
public record NotificationProperties(String publicBaseUrl, NotificationChannels defaultChannels, Mode emailMode,
        String mailFrom, String mailDomain, Mode smsMode) {

    public enum Mode {
        LOG, SMTP
    }

    public NotificationProperties {
        publicBaseUrl = publicBaseUrl == null || publicBaseUrl.isBlank() ? "http://localhost:8080"
                : publicBaseUrl.replaceAll("/+$", "");
        defaultChannels = defaultChannels == null ? NotificationChannels.BOTH : defaultChannels;
        emailMode = emailMode == null ? Mode.LOG : emailMode;
        mailFrom = mailFrom == null || mailFrom.isBlank() ? "noreply@civil.example.com" : mailFrom;
        mailDomain = mailDomain == null || mailDomain.isBlank() ? "civil.example.com" : mailDomain;
        smsMode = smsMode == null ? Mode.LOG : smsMode;
    }
}
