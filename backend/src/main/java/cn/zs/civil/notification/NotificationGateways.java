package cn.zs.civil.notification;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

/** The gateways {@code platform.notifications.email-mode} and {@code sms-mode} name (LOG by default). */
@Configuration(proxyBeanMethods = false)
class NotificationGateways {

    @Bean
    EmailGateway emailGateway(NotificationProperties properties, ObjectProvider<JavaMailSender> senders) {
        if (properties.emailMode() == NotificationProperties.Mode.LOG) {
            return new LoggingGateways.Email();
        }
        JavaMailSender sender = senders.getIfAvailable();
        if (sender == null) {
            throw new IllegalStateException("platform.notifications.email-mode=SMTP needs a mail server: set SPRING_MAIL_HOST "
                    + "(spring.mail.host) and SPRING_MAIL_PORT");
        }
        return new SmtpEmailGateway(sender, properties.mailFrom());
    }

    @Bean
    SmsGateway smsGateway(NotificationProperties properties) {
        if (properties.smsMode() != NotificationProperties.Mode.LOG) {
            throw new IllegalStateException("platform.notifications.sms-mode: only LOG (no SMS provider is built in)");
        }
        return new LoggingGateways.Sms();
    }
}
