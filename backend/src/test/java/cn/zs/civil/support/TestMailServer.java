package cn.zs.civil.support;

import java.io.IOException;
import java.net.ServerSocket;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * A real SMTP server for the integration tests (GreenMail on 127.0.0.1, a free port), one per test JVM, and the
 * mail sender of every test context pointed at it (application-test.yml sets {@code email-mode: SMTP}). One server
 * for the JVM: whichever context's outbox dispatcher delivers a message (contexts share the in-memory database),
 * it arrives here.
 */
@Configuration(proxyBeanMethods = false)
public class TestMailServer {

    public static final GreenMail SERVER = start();

    private static GreenMail start() {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        GreenMail server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        return server;
    }

    @Bean
    JavaMailSender testMailSender() {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(SERVER.getSmtp().getPort());
        sender.setDefaultEncoding("UTF-8");
        return sender;
    }
}
