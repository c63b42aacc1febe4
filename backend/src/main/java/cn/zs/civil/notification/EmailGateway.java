package cn.zs.civil.notification;

/** Sends one e-mail. {@code messageId} is stable per outbox message, so a receiver can drop a repeat. */
public interface EmailGateway {

    void send(String to, String subject, String body, String messageId) throws Exception;
}
