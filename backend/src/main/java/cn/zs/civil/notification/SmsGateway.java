package cn.zs.civil.notification;

/**
 * Sends one text message. {@code messageId} is stable per outbox message (an SMS provider's idempotency key or
 * client reference). The demo has the logging gateway only; a provider's is an implementation of this interface
 * with {@code platform.notifications.sms-mode} naming it.
 */
public interface SmsGateway {

    void send(String phone, String text, String messageId) throws Exception;
}
