package cn.zs.civil.protection;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * Masks resident ID numbers in every log line and stack trace (logback-spring.xml installs these converters for
 * {@code %m} and the exception), so that whatever a message or an exception carries, a log never holds an ID
 * number in plain text, whole or typed in groups: 442000194503012129 becomes 4420**********2129, 440101-19900101-1234
 * becomes 4401**-********-1234 ({@link NumbersInText}).
 */
public final class LogMasking {

    private LogMasking() {
    }

    public static String mask(String text) {
        return NumbersInText.maskIdNumbers(text);
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
