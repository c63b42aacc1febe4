package cn.zs.civil.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Bounds on what a request may carry, checked before anything parses it (ARCHITECTURE.md amendment 13). JSON bodies
 * are read into memory only up to {@code jsonMaxBytes}; multipart bodies are streamed to disk by the container under
 * {@code spring.servlet.multipart.*}; any other body is capped at {@code otherMaxBytes}. The token limits apply to
 * every JSON body, the platform's API and the engine's REST API alike.
 */
@ConfigurationProperties("platform.request-limits")
public record RequestLimits(
        @DefaultValue("512KB") DataSize jsonMaxBytes,
        @DefaultValue("11MB") DataSize multipartMaxBytes,
        @DefaultValue("64KB") DataSize otherMaxBytes,
        @DefaultValue("65536") int maxStringLength,
        @DefaultValue("200") int maxNameLength,
        @DefaultValue("100") int maxNumberLength,
        @DefaultValue("32") int maxNestingDepth,
        @DefaultValue("200") int maxFieldsPerObject) {
}
