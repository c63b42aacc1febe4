package cn.zs.civil.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import cn.zs.civil.support.Api;
import cn.zs.civil.support.ApiTestBase;
import cn.zs.civil.support.Fixtures;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;

/**
 * Notifications end to end: a real SMTP server (GreenMail on 127.0.0.1, a free port) receives the e-mails, the logging
 * SMS gateway records the text messages. A case's receipt, correction notice (with its deadline in words), decision
 * and rating request reach the applicant on the channels they chose, in their language, each once, with a stable
 * Message-ID; the case shows what was sent to the applicant and its staff, without addresses.
 */
class NotificationsIT extends ApiTestBase {

    @org.springframework.beans.factory.annotation.Autowired
    private Notifications notifications;

    @org.springframework.beans.factory.annotation.Autowired
    private org.springframework.transaction.support.TransactionTemplate tx;

    static final GreenMail MAIL;

    static {
        MAIL = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        MAIL.start();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
        registry.add("platform.notifications.email-mode", () -> "SMTP");
        registry.add("platform.notifications.public-base-url", () -> "https://civil.example.com/");
    }

    private static List<MimeMessage> mailsAbout(String no, String to) {
        return Arrays.stream(MAIL.getReceivedMessages()).filter(m -> {
            try {
                return body(m).contains(no)
                        && Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equals(to));
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static MimeMessage awaitMail(String no, String to, Predicate<String> subject) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < end) {
            for (MimeMessage m : mailsAbout(no, to)) {
                if (subject.test(m.getSubject())) {
                    return m;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no mail about " + no + " to " + to);
    }

    private static List<LoggingGateways.Sent> smsAbout(String no) {
        return LoggingGateways.recent().stream().filter(s -> s.channel().equals("SMS") && s.text().contains(no))
                .toList();
    }

    private static void awaitSms(String no, int count) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (smsAbout(no).size() < count) {
            if (System.nanoTime() > end) {
                throw new AssertionError("expected " + count + " text messages about " + no + ": " + smsAbout(no));
            }
            Thread.sleep(50);
        }
    }

    private void awaitAllSent(String no) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (count("select count(*) from outbox_message where application_no = ? and status <> 'SENT'", no) > 0) {
            if (System.nanoTime() > end) {
                throw new AssertionError("messages of " + no + " not all sent");
            }
            Thread.sleep(50);
        }
    }

    /** The decoded text of the mail (its body is quoted-printable or base64 UTF-8 on the wire). */
    private static String body(MimeMessage m) {
        try {
            return (String) m.getContent();
        } catch (IOException | jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void receiptCorrectionNoticeDecisionAndRatingRequestReachTheApplicantOnceOnEachChannel() throws Exception {
        Api applicant = api().as("lisi");
        assertThat(applicant.call(org.springframework.http.HttpMethod.PUT, "/api/me/notification-preferences",
                Map.of("channels", "BOTH", "language", "zh-CN"), Map.of()).status()).isEqualTo(200);
        Api clerk = api().as("clerk-funeral");
        String no = submitReimbursement(applicant, "shiqi", "何丽珍", Fixtures.HE_ID, "SW4420002026004",
                "HZ440100202699999");

        MimeMessage receipt = awaitMail(no, "lisi@example.com", s -> s.contains("已收到"));
        // The service by its name in the reader's language, never its code.
        assertThat(receipt.getSubject()).startsWith("【中山市民政局】已收到您的").endsWith("申请")
                .doesNotContain("funeral-fee-reimbursement");
        assertThat(body(receipt)).contains(no).contains("https://civil.example.com/portal/applications/" + no)
                .doesNotContain("何丽珍").doesNotContain(Fixtures.HE_ID);
        assertThat(receipt.getMessageID()).matches("<outbox-\\d+@civil\\.example\\.com>");
        awaitSms(no, 1);
        LoggingGateways.Sent sms = smsAbout(no).get(0);
        // The case's own contact number (its form), masked in the record and the log.
        assertThat(sms.maskedAddress()).isEqualTo("138****8000");
        assertThat(sms.text()).startsWith("【中山市民政局】已收到您的").contains(no);

        String task = taskOf(clerk, no);
        assertThat(clerk.post("/api/tasks/" + task + "/corrections", Map.of("items",
                List.of(Map.of("material", "invoice", "description", "发票缺少收费明细")))).status()).isEqualTo(204);
        MimeMessage correction = awaitMail(no, "lisi@example.com", s -> s.contains("补正"));
        assertThat(body(correction)).containsPattern("请于\\d{4}年\\d{1,2}月\\d{1,2}日前").contains(no)
                .doesNotContain("发票缺少收费明细");
        String newScan = applicant.upload("new.pdf", Fixtures.pdf()).body().path("id").asText();
        assertThat(applicant.post("/api/applications/" + no + "/corrections", Map.of("data",
                Map.of("cremationCertificateNo", "HZ440100202600999", "cremationCertificateFile", newScan))).status())
                .isEqualTo(204);
        runJobs(no);
        String review = taskOf(clerk, no);
        assertThat(clerk.post("/api/tasks/" + review + "/complete", Map.of("data", Map.of("decision", "reject",
                "invoiceChecked", true, "reasons", "发票与火化证明不一致"))).status()).isEqualTo(204);
        runJobs(no);

        MimeMessage decision = awaitMail(no, "lisi@example.com", s -> s.contains("办理决定"));
        assertThat(body(decision)).contains(no).contains("救济途径").doesNotContain("REJECTED");
        MimeMessage rating = awaitMail(no, "lisi@example.com", s -> s.contains("评价"));
        assertThat(body(rating)).contains("https://civil.example.com/portal/applications/" + no + "#rating")
                .containsPattern("在\\d{4}年\\d{1,2}月\\d{1,2}日前评价");
        awaitAllSent(no);
        awaitSms(no, 4);

        // Each once: four e-mails and four text messages, every Message-ID distinct and stable.
        Thread.sleep(800);
        List<MimeMessage> mails = mailsAbout(no, "lisi@example.com");
        assertThat(mails).hasSize(4);
        assertThat(mails.stream().map(m -> {
            try {
                return m.getMessageID();
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).distinct()).hasSize(4);
        assertThat(smsAbout(no)).hasSize(4);

        // What was sent, for the applicant and the case's staff: template, channel, state, times; no address.
        for (Api reader : List.of(applicant, clerk)) {
            Api.Response sent = reader.get("/api/applications/" + no + "/notifications");
            assertThat(sent.status()).isEqualTo(200);
            assertThat(sent.body().findValuesAsText("template")).containsExactly("RECEIPT", "RECEIPT",
                    "CORRECTION_NOTICE", "CORRECTION_NOTICE", "DECISION", "DECISION", "RATING_REQUEST",
                    "RATING_REQUEST");
            assertThat(sent.body().findValuesAsText("channel")).containsOnly("EMAIL", "SMS");
            assertThat(sent.body().findValuesAsText("state")).containsOnly("SENT");
            for (JsonNode n : sent.body()) {
                assertThat(n.path("sentAt").isMissingNode()).isFalse();
            }
            assertThat(sent.text()).doesNotContain("lisi@example.com", "13800138000", "138****", "outbox-", "lisi");
        }
        assertThat(api().as("zhangsan").get("/api/applications/" + no + "/notifications").status()).isEqualTo(404);
        // The outbox's payloads hold codes and dates, never an address or a name.
        assertThat(jdbc.queryForList("select payload from outbox_message where application_no = ?", String.class, no))
                .allSatisfy(p -> assertThat(p).doesNotContain("@", "138", "何丽珍", "lisi"));
    }

    @Test
    void theApplicantsChoiceOfChannelsAndLanguageIsFollowed() throws Exception {
        Api applicant = api().as("zhangsan");
        Api.Response chosen = applicant.call(org.springframework.http.HttpMethod.PUT,
                "/api/me/notification-preferences", Map.of("channels", "EMAIL", "language", "en"), Map.of());
        assertThat(chosen.status()).isEqualTo(200);
        assertThat(applicant.get("/api/me/notification-preferences").body().path("channels").asText())
                .isEqualTo("EMAIL");
        String no = submitReimbursement(applicant, "shiqi", "何丽珍", Fixtures.HE_ID, "SW4420002026005",
                "HZ440100202699998");
        MimeMessage receipt = awaitMail(no, "zhangsan@example.com", s -> s.contains("received"));
        assertThat(receipt.getSubject()).startsWith("Zhongshan Civil Affairs: your ").endsWith(" application was received");
        awaitAllSent(no);
        assertThat(smsAbout(no)).isEmpty();
        assertThat(count("select count(*) from outbox_message where application_no = ?", no)).isEqualTo(1);

        assertThat(applicant.call(org.springframework.http.HttpMethod.PUT, "/api/me/notification-preferences",
                Map.of("channels", "NONE", "language", "en"), Map.of()).status()).isEqualTo(200);
        String quiet = submitReimbursement(applicant, "shiqi", "何丽珍", Fixtures.HE_ID, "SW4420002026006",
                "HZ440100202699997");
        Thread.sleep(500);
        assertThat(count("select count(*) from outbox_message where application_no = ?", quiet)).isZero();
        assertThat(applicant.get("/api/applications/" + quiet + "/notifications").body()).isEmpty();
    }

    /** Runs a call in a transaction of its own, as a booking would. */
    private boolean inTransaction(java.util.function.BooleanSupplier call) {
        return Boolean.TRUE.equals(tx.execute(s -> call.getAsBoolean()));
    }

    @Test
    void anAppointmentIsConfirmedAndRemindedOnceEachWithItsDateInWords() throws Exception {
        Map<String, String> slot = Map.of("date", "2026-05-20", "time", "09:30", "office", "石岐婚姻登记处");
        String occasion = "appointment-" + System.nanoTime();
        // As the appointments module will call it, in its booking's transaction.
        assertThat(inTransaction(() -> notifications.sendToAccount("lisi", NotificationTemplate.APPOINTMENT_CONFIRMED,
                occasion, slot))).isTrue();
        assertThat(inTransaction(() -> notifications.sendToAccount("lisi", NotificationTemplate.APPOINTMENT_CONFIRMED,
                occasion, slot))).as("the same booking's confirmation again").isFalse();
        assertThat(inTransaction(() -> notifications.sendToAccount("lisi", NotificationTemplate.APPOINTMENT_REMINDER,
                occasion, slot))).isTrue();
        MimeMessage confirmed = awaitMail("2026年5月20日 09:30", "lisi@example.com", s -> s.contains("预约成功"));
        assertThat(body(confirmed)).contains("石岐婚姻登记处").contains("取消");
        MimeMessage reminder = awaitMail("2026年5月20日 09:30", "lisi@example.com", s -> s.contains("预约提醒"));
        assertThat(reminder.getMessageID()).isNotEqualTo(confirmed.getMessageID());
        // No case: the account's own mobile number.
        long end = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (LoggingGateways.recent().stream().noneMatch(m -> m.text().contains("提醒：您预约了2026年5月20日"))) {
            assertThat(System.nanoTime()).as("the reminder's text message").isLessThan(end);
            Thread.sleep(50);
        }
        assertThat(LoggingGateways.recent().stream().filter(m -> m.text().contains("提醒：您预约了2026年5月20日"))
                .map(LoggingGateways.Sent::maskedAddress)).contains("138****8002");
        assertThatThrownBy(() -> notifications.sendToAccount("lisi", NotificationTemplate.APPOINTMENT_REMINDER,
                "bad occasion with spaces", slot)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> notifications.sendToAccount("lisi", NotificationTemplate.APPOINTMENT_REMINDER,
                occasion + "-x", Map.of("office", "line\nbreak"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aChoiceOutsideTheOptionsIsRefusedFieldByFieldInTheReadersLanguage() {
        Api applicant = api().as("zhangsan");
        Api.Response bad = applicant.call(org.springframework.http.HttpMethod.PUT, "/api/me/notification-preferences",
                Map.of("channels", "FAX", "language", "fr"), Map.of("Accept-Language", "en"));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.header("Content-Type")).startsWith("application/problem+json");
        assertThat(bad.body().path("errors").findValuesAsText("field")).containsExactly("channels", "language");
        assertThat(bad.body().path("errors").findValuesAsText("message")).containsExactly(
                "\"Notify me by\" is not one of the options.", "\"Language of notifications\" is not one of the options.");
        Api.Response zh = api().as("zhangsan").call(org.springframework.http.HttpMethod.PUT, "/api/me/notification-preferences",
                Map.of(), Map.of("Accept-Language", "zh-CN"));
        assertThat(zh.status()).isEqualTo(422);
        assertThat(zh.body().path("errors").findValuesAsText("message")).contains("“通知方式”的选项无效。");
        assertThat(api().as("clerk-funeral").get("/api/me/notification-preferences").status()).isEqualTo(403);
    }
}
