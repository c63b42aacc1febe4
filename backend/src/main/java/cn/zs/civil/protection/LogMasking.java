package cn.zs.civil.protection;

import java.util.regex.Matcher;
import java.util.regex.Pattern;


import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * Masks resident ID numbers in every log line and stack trace (logback-spring.xml installs these converters for
 * {@code %m} and the exception), so that whatever a message or an exception carries, a log never holds an ID
 * number in plain text: 442000194503012129 becomes 4420**********2129.
 */
public final class LogMasking {

    private static final Pattern ID_NUMBER = Pattern.compile("(?<![0-9A-Za-z])(\\d{4})(\\d{10})(\\d{3}[0-9Xx])(?![0-9A-Za-z])");

    private LogMasking() {
    }

    public static String mask(String text) {
        if (text == null || text.length() < 18) {
            return text;
        }
        Matcher m = ID_NUMBER.matcher(text);
        if (!m.find()) {
            return text;
        }
        StringBuilder out = new StringBuilder();
        do {
            m.appendReplacement(out, m.group(1) + "**********" + m.group(3));
        } while (m.find());
        m.appendTail(out);
        return out.toString();
    }

    /** {@code %m}, {@code %msg}, {@code %message}. */
    public static class Message extends MessageConverter {
        @Override
        public String convert(ILoggingEvent event) {
            return mask(super.convert(event));
        }
    }

    /** The exception with its stack trace ({@code %wEx}, {@code %ex}). */
    public static class Throwable extends org.springframework.boot.logging.logback.ExtendedWhitespaceThrowableProxyConverter {
        @Override
        public String convert(ILoggingEvent event) {
            return mask(super.convert(event));
        }
    }
}
