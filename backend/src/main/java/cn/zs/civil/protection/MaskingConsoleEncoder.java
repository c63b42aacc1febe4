package cn.zs.civil.protection;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.springframework.boot.logging.logback.StructuredLogEncoder;

import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.EncoderBase;

/**
 * The console's encoder: Spring Boot's pattern (whose {@code %m} and exception converters mask ID numbers), or, when
 * {@code logging.structured.format.console} names a format ({@code ecs}, {@code logstash}, {@code gelf}), Spring
 * Boot's structured JSON with the same masking applied to the whole line. Boot's structured formatters read the
 * message and the stack trace themselves, past the pattern's converters, so the line is masked after encoding: the
 * message, the stack trace, MDC values and key-value pairs alike.
 */
public class MaskingConsoleEncoder extends EncoderBase<ILoggingEvent> {

    private String format;
    private String pattern;
    private Charset charset = StandardCharsets.UTF_8;
    private Encoder<ILoggingEvent> delegate;
    private boolean structured;

    public void setFormat(String format) {
        this.format = format;
    }

    public void setPattern(String pattern) {
        this.pattern = pattern;
    }

    public void setCharset(Charset charset) {
        this.charset = charset;
    }

    @Override
    public void start() {
        structured = format != null && !format.isBlank();
        if (structured) {
            StructuredLogEncoder json = new StructuredLogEncoder();
            json.setFormat(format.trim());
            json.setCharset(charset);
            delegate = json;
        } else {
            PatternLayoutEncoder text = new PatternLayoutEncoder();
            text.setPattern(pattern);
            text.setCharset(charset);
            delegate = text;
        }
        delegate.setContext(getContext());
        delegate.start();
        super.start();
    }

    @Override
    public void stop() {
        if (delegate != null) {
            delegate.stop();
        }
        super.stop();
    }

    @Override
    public byte[] headerBytes() {
        return delegate.headerBytes();
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        byte[] line = delegate.encode(event);
        if (!structured) {
            return line;
        }
        return LogMasking.mask(new String(line, charset)).getBytes(charset);
    }

    @Override
    public byte[] footerBytes() {
        return delegate.footerBytes();
    }
}
