package cn.zs.civil.protection;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.core.env.Environment;
import org.springframework.mock.env.MockEnvironment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;

/** The console's lines hold no ID number in plain text, as a pattern or as structured JSON. */
class MaskingConsoleEncoderTest {

    private static final String ID = "442000194503012129";
    private static final String MASKED = "4420**********2129";

    private final LoggerContext context = new LoggerContext();

    private String encode(String format, String pattern) {
        context.putObject(Environment.class.getName(), new MockEnvironment());
        context.setMDCAdapter(new LogbackMDCAdapter());
        MaskingConsoleEncoder encoder = new MaskingConsoleEncoder();
        encoder.setContext(context);
        encoder.setFormat(format);
        encoder.setPattern(pattern);
        encoder.start();
        Logger logger = context.getLogger("cn.zs.civil.test");
        LoggingEvent event = new LoggingEvent(Logger.class.getName(), logger, Level.WARN,
                "registry refused {}", new IllegalStateException("no record of " + ID), new Object[] {ID});
        return new String(encoder.encode(event), StandardCharsets.UTF_8);
    }

    @Test
    void masksMessageAndStackTraceInStructuredJson() throws Exception {
        for (String format : new String[] {"ecs", "logstash", "gelf"}) {
            String line = encode(format, null);
            assertThat(line).as(format).doesNotContain(ID).contains(MASKED);
            JsonNode json = new ObjectMapper().readTree(line);
            assertThat(json.toString()).as(format).contains("registry refused " + MASKED);
            assertThat(json.toString()).as(format).contains("no record of " + MASKED);
        }
    }

    @Test
    void withoutAFormatTheConsoleKeepsSpringBootsPattern() {
        assertThat(encode("", "%level %logger{0}%nopex")).isEqualTo("WARN test");
    }
}
