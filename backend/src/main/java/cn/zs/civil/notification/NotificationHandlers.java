package cn.zs.civil.notification;

import java.util.HashMap;
import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.zs.civil.application.ApplicationRow;
import cn.zs.civil.application.ApplicationService;
import cn.zs.civil.outbox.OutboxHandler;
import cn.zs.civil.outbox.OutboxMessage;

/**
 * The outbox's handlers of {@code notify.email} and {@code notify.sms}: each reads the address from its owner and the
 * words from the template now, and hands them to its gateway with the Message-ID {@code <outbox-ID@mail-domain>},
 * the same on every attempt.
 */
@Configuration(proxyBeanMethods = false)
class NotificationHandlers {

    /** The message's addresses could not be found (the account or the case has none now): retried, then failed. */
    static final class NoAddress extends Exception {
        NoAddress(String channel) {
            super("No " + channel + " address for this message's recipient");
        }
    }

    @Bean
    OutboxHandler emailNotificationHandler(Delivery delivery, EmailGateway gateway) {
        return handler(NotificationChannels.Channel.EMAIL, (message, texts, account, row) -> {
            String to = delivery.recipients.email(account).orElseThrow(() -> new NoAddress("e-mail"));
            gateway.send(to, texts.subject(), texts.body(), delivery.messageId(message));
        }, delivery);
    }

    @Bean
    OutboxHandler smsNotificationHandler(Delivery delivery, SmsGateway gateway) {
        return handler(NotificationChannels.Channel.SMS, (message, texts, account, row) -> {
            String phone = delivery.recipients.phone(account, row).orElseThrow(() -> new NoAddress("mobile"));
            gateway.send(phone, texts.sms(), delivery.messageId(message));
        }, delivery);
    }

    private interface Send {
        void send(OutboxMessage message, NotificationTexts.Rendered texts, String account, ApplicationRow row)
                throws Exception;
    }

    private static OutboxHandler handler(NotificationChannels.Channel channel, Send send, Delivery delivery) {
        return new OutboxHandler() {
            @Override
            public String kind() {
                return channel.kind();
            }

            @Override
            public void deliver(OutboxMessage message) throws Exception {
                Map<String, String> payload = message.payload();
                Map<String, String> params = new HashMap<>();
                payload.forEach((k, v) -> {
                    if (k.startsWith(Notifications.PARAM_PREFIX)) {
                        params.put(k.substring(Notifications.PARAM_PREFIX.length()), v);
                    }
                });
                NotificationTemplate template = NotificationTemplate.valueOf(payload.get(Notifications.TEMPLATE));
                ApplicationRow row = message.applicationNo() == null ? null
                        : delivery.applications.byNo(message.applicationNo());
                String account = row != null ? row.applicantId() : payload.get(Notifications.ACCOUNT);
                send.send(message, delivery.texts.render(template, payload.get(Notifications.LANGUAGE),
                        message.applicationNo(), params), account, row);
            }
        };
    }

    /** What both handlers need to deliver. */
    @org.springframework.stereotype.Component
    static class Delivery {
        final Recipients recipients;
        final NotificationTexts texts;
        final ApplicationService applications;
        final NotificationProperties properties;

        Delivery(Recipients recipients, NotificationTexts texts, ApplicationService applications,
                NotificationProperties properties) {
            this.recipients = recipients;
            this.texts = texts;
            this.applications = applications;
            this.properties = properties;
        }

        String messageId(OutboxMessage message) {
            return "<outbox-" + message.id() + "@" + properties.mailDomain() + ">";
        }
    }
}
