package cn.zs.civil.notification;

import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

import jakarta.mail.internet.MimeMessage;

/**
 * E-mail through Spring Mail ({@code spring.mail.*}): plain text in UTF-8, from {@code platform.notifications.mail-from},
 * with the outbox message's stable Message-ID (Spring keeps a Message-ID that is set before the send).
 */
final class SmtpEmailGateway implements EmailGateway {

    private final JavaMailSender sender;
    private final String from;

    SmtpEmailGateway(JavaMailSender sender, String from) {
        this.sender = sender;
        this.from = from;
    }

    @Override
    public void send(String to, String subject, String body, String messageId) throws Exception {
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper mail = new MimeMessageHelper(message, false, "UTF-8");
        mail.setFrom(from);
        mail.setTo(to);
        mail.setSubject(subject);
        mail.setText(body, false);
        message.setHeader("Message-ID", messageId);
        sender.send(message);
    }
}
