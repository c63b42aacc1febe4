/**
 * Notifications to applicants: receipt, correction notice, decision, appointment confirmation and reminder, rating
 * request, by e-mail (Spring Mail) and text message (an {@link cn.zs.civil.notification.SmsGateway}), in Chinese or
 * English, on the channels the applicant chose. Other modules call {@link cn.zs.civil.notification.Notifications}
 * inside their transaction; it writes one outbox message per channel (keys and codes only), and the handlers read
 * the address from its owner (the account, the case's form) and the texts at delivery time. The delivery record is
 * the outbox's row; this module shows it on the case, without addresses.
 */
package cn.zs.civil.notification;
