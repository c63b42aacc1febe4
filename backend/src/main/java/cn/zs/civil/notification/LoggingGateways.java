package cn.zs.civil.notification;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's gateways: a message is written to the log (the address masked, the text whole: it holds nothing personal
 * beyond the case's number) and kept in a short record of the latest ones, instead of being sent.
 */
final class LoggingGateways {

    private static final Logger LOG = LoggerFactory.getLogger(LoggingGateways.class);
    static final int KEPT = 500;

    /** One message as the logging gateway took it: the channel, the masked address, the Message-ID, the text. */
    record Sent(String channel, String maskedAddress, String messageId, String text) {
    }

    private LoggingGateways() {
    }

    private static final List<Sent> RECENT = new ArrayList<>();

    static synchronized void keep(Sent sent) {
        if (RECENT.size() >= KEPT) {
            RECENT.remove(0);
        }
        RECENT.add(sent);
    }

    static synchronized List<Sent> recent() {
        return List.copyOf(RECENT);
    }

    static final class Email implements EmailGateway {
        @Override
        public void send(String to, String subject, String body, String messageId) {
            keep(new Sent("EMAIL", Masked.email(to), messageId, subject + "\n" + body));
            LOG.info("E-mail (logging gateway, not sent) to {} {}: {}", Masked.email(to), messageId, subject);
        }
    }

    static final class Sms implements SmsGateway {
        @Override
        public void send(String phone, String text, String messageId) {
            keep(new Sent("SMS", Masked.phone(phone), messageId, text));
            LOG.info("SMS (logging gateway, not sent) to {} {}: {}", Masked.phone(phone), messageId, text);
        }
    }
}
