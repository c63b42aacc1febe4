package cn.zs.civil.application;

import java.util.EnumMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

import cn.zs.civil.clock.PauseReason;

/**
 * How long each step that the statutory clock does not count (ALL Art. 45: expert review, consultation, hearing ...)
 * is expected to take, in calendar days: what the applicant is told in writing when such a step starts. The law
 * fixes none of them (the hearing's 20 days are ALL Art. 48's outer limit); the bureau sets them.
 *
 * @param expectedDays per pause reason; a reason not listed starts without a notice of its duration
 */
@ConfigurationProperties("platform.excluded-steps")
public record ExcludedStepProperties(Map<PauseReason, Integer> expectedDays) {

    public ExcludedStepProperties {
        Map<PauseReason, Integer> days = new EnumMap<>(PauseReason.class);
        if (expectedDays != null) {
            expectedDays.forEach((reason, n) -> {
                if (n == null || n < 1 || n > 365) {
                    throw new IllegalArgumentException("platform.excluded-steps.expected-days." + reason
                            + " must be 1 to 365 days");
                }
                days.put(reason, n);
            });
        }
        expectedDays = Map.copyOf(days);
    }
}
